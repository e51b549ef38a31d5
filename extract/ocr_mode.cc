#include "extract/ocr_mode.h"

#include "common/unicode.h"

namespace docpipe {

std::optional<OcrMode> ParseOcrMode(std::string_view name) {
  if (name == "auto") return OcrMode::kAuto;
  if (name == "never") return OcrMode::kNever;
  if (name == "always") return OcrMode::kAlways;
  return std::nullopt;
}

const char* OcrModeName(OcrMode mode) {
  switch (mode) {
    case OcrMode::kNever: return "never";
    case OcrMode::kAlways: return "always";
    case OcrMode::kAuto: break;
  }
  return "auto";
}

bool PageNeedsOcr(const PageContent& content, OcrMode mode) {
  if (content.failed || mode == OcrMode::kNever) return false;
  if (mode == OcrMode::kAlways) return true;
  // Without an image there is nothing to read: a blank page stays blank
  // (and a PDF of 10,000 empty pages is not rendered 10,000 times).
  if (!content.has_images) return false;
  if (content.glyphs.empty()) return true;
  if (content.invisible_glyphs >= static_cast<int>(content.glyphs.size())) return true;
  // Garbage: more than half the characters unreadable. A few private-use
  // bullets or symbols on a page of real text are not.
  size_t unreadable = 0;
  for (const Glyph& glyph : content.glyphs) {
    if (unicode::IsUnreadable(unicode::FirstChar(glyph.text))) ++unreadable;
  }
  return unreadable * 2 > content.glyphs.size();
}

}  // namespace docpipe
