// When extract reads a page by OCR instead of its text layer (--ocr).
//
//   auto    (default) pages that show an image but whose text layer is
//           empty, drawn invisibly (a hidden OCR layer over a scan) or mostly
//           unreadable characters (a font without a Unicode map);
//   never   the text layer only: a scan has no text (the behaviour before OCR);
//   always  every page, text layer or not.
//
// A PDF whose every page has visible, readable text is never rendered in
// auto mode: OCR costs seconds a page, text extraction milliseconds.
#ifndef DOCPIPE_EXTRACT_OCR_MODE_H_
#define DOCPIPE_EXTRACT_OCR_MODE_H_

#include <optional>
#include <string_view>

#include "extract/page_content.h"

namespace docpipe {

enum class OcrMode { kAuto, kNever, kAlways };

// "auto", "never", "always"; nullopt for anything else.
std::optional<OcrMode> ParseOcrMode(std::string_view name);
const char* OcrModeName(OcrMode mode);

// The decision above for one page as the text layer gave it. A failed page
// is not OCR'd (its content could not be read, so neither can its drawing).
bool PageNeedsOcr(const PageContent& content, OcrMode mode);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_OCR_MODE_H_
