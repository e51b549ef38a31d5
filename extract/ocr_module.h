// The OCR module's entry points: the boundary between the docpipe binary and
// docpipe_ocr.so, the module that holds the OCR engine (extract/ocr_engine.cc
// with Tesseract, Leptonica and OpenMP). The binary does not link them: a
// process that reads no scanned page never loads their ~45 shared objects
// (bench/README.md "Wave 6: xspeed2"). extract/ocr_module_loader.cc loads
// the module with dlopen at the first OcrEngine::Open or Deskew and
// implements both through these entry points; extract/ocr_module_entry.cc
// defines them in the module.
//
// The entry points have C linkage, so dlsym finds them by these names, but
// pass C++ objects: the module is built with the binary, from the same
// headers, and kOcrModuleAbi (checked at load) changes whenever these
// signatures or the types they pass change.
#ifndef DOCPIPE_EXTRACT_OCR_MODULE_H_
#define DOCPIPE_EXTRACT_OCR_MODULE_H_

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/ocr_engine.h"

namespace docpipe {

// The module's file name; the loader looks for it next to the binary, then
// in ../lib/docpipe/ from the binary (where `cmake --install` puts it).
inline constexpr char kOcrModuleFile[] = "docpipe_ocr.so";
inline constexpr int kOcrModuleAbi = 2;

// Where the loader looks for the module, in order, for the binary at
// `executable`: $DOCPIPE_OCR_MODULE alone when `env_module` is not empty;
// otherwise next to the binary, its install location, and `build_module`
// (the module's path in the build tree, for the test binaries) when not
// empty.
std::vector<std::string> OcrModuleCandidates(const std::string& executable, const std::string& env_module,
                                             const std::string& build_module);

}  // namespace docpipe

extern "C" {
// kOcrModuleAbi of the module.
int docpipe_ocr_module_abi();
// OcrEngine::Open: on success *engine owns the engine (delete through its
// virtual destructor); otherwise *status says why.
void docpipe_ocr_open(const docpipe::OcrOptions* options, docpipe::OcrEngine** engine, docpipe::Status* status);
// Deskew.
void docpipe_ocr_deskew(const docpipe::PageImage* image, docpipe::PageImage* straight, double* degrees);
}

#endif  // DOCPIPE_EXTRACT_OCR_MODULE_H_
