// The entry points of docpipe_ocr.so (extract/ocr_module.h). The module is
// built with hidden visibility: these three are its only exported symbols,
// so its copies of the engine's code never interpose on the binary's.
#include "extract/ocr_module.h"

#define DOCPIPE_OCR_EXPORT __attribute__((visibility("default")))

extern "C" {

DOCPIPE_OCR_EXPORT int docpipe_ocr_module_abi() { return docpipe::kOcrModuleAbi; }

DOCPIPE_OCR_EXPORT void docpipe_ocr_open(const docpipe::OcrOptions* options, docpipe::OcrEngine** engine,
                                         docpipe::Status* status) {
  *engine = nullptr;
  docpipe::Result<std::unique_ptr<docpipe::OcrEngine>> opened = docpipe::OcrEngine::Open(*options);
  if (!opened.ok()) {
    *status = opened.status();
    return;
  }
  *engine = opened->release();
  *status = docpipe::Status::Ok();
}

DOCPIPE_OCR_EXPORT void docpipe_ocr_deskew(const docpipe::PageImage* image, docpipe::PageImage* straight,
                                           double* degrees) {
  *straight = docpipe::Deskew(*image, degrees);
}

}  // extern "C"
