#include "extract/pdf_reader.h"

#include <Error.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <JBIG2Stream.h>
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/unicode.h"

namespace docpipe {
namespace {

// A font's name as the layout gives it. PDF names are bytes; most producers
// write ASCII or UTF-8, which stays as it is, but some write their code page
// (Big5 "標楷體" in the Control Yuan's gazettes). Such a name is written in
// PDF's own name syntax (ISO 32000-1, 7.3.5: #XX for every byte outside ! to
// ~ and for #), which keeps every byte and which any PDF tool reads back,
// rather than U+FFFD marks that lose them; guessing the code page could name
// another font. Hand-written: no library exposes PDF's name escape.
std::string FontNameText(const std::string& bytes) {
  if (!unicode::FindInvalidUtf8(bytes)) return bytes;
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    if (c >= '!' && c <= '~' && c != '#') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'#', kHex[c >> 4], kHex[c & 0xF]};
    }
  }
  return out;
}

constexpr size_t kMaxWarningsPerPage = 20;

// Poppler reports problems through one process-wide callback. Messages go to
// the page being read on this thread (or are dropped while opening), never to
// stderr: library code does not print.
thread_local std::vector<std::string>* tls_messages = nullptr;
thread_local bool tls_saw_error = false;

// PDF strings (font names above all) are bytes in any encoding; the layout is
// UTF-8, so they pass through unicode::ToValidUtf8.

void CollectPopplerMessage(ErrorCategory category, Goffset pos, const char* message) {
  if (category != errSyntaxWarning) tls_saw_error = true;
  if (tls_messages == nullptr) return;
  if (tls_messages->size() == kMaxWarningsPerPage) {
    tls_messages->push_back("more PDF errors on this page were not recorded");
  }
  if (tls_messages->size() > kMaxWarningsPerPage) return;
  std::string text = "PDF error";
  if (pos >= 0) text += " at byte " + std::to_string(pos);
  tls_messages->push_back(unicode::ToValidUtf8(text + ": " + (message ? message : "")));
}

void EnsurePopplerInitialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    static GlobalParamsIniter initer(CollectPopplerMessage);
    (void)initer;
  });
}

bool NearWhite(GfxColorSpace* space, const GfxColor* color) {
  GfxRGB rgb;
  space->getRGB(color, &rgb);
  const double limit = 0.95;
  return colToDbl(rgb.r) > limit && colToDbl(rgb.g) > limit && colToDbl(rgb.b) > limit;
}

// A TextOutputDev that also keeps the straight axis-parallel pieces of every
// visible stroked path and the thin filled rectangles that word processors
// draw as rules.
class TextAndRulingsDev : public TextOutputDev {
 public:
  TextAndRulingsDev() : TextOutputDev(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0, /*rawOrderA=*/false,
                                      /*append=*/false) {}

  void startPage(int page_number, GfxState* state, XRef* xref) override {
    TextOutputDev::startPage(page_number, state, xref);
    segments_.clear();
    fills_.clear();
    too_many_fills_ = false;
    invisible_chars_ = 0;
    width_ = state ? state->getPageWidth() : 0;
    height_ = state ? state->getPageHeight() : 0;
  }

  void stroke(GfxState* state) override {
    if (NearWhite(state->getStrokeColorSpace(), state->getStrokeColor())) return;
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      for (int i = 1; i < sub->getNumPoints(); ++i) {
        if (sub->getCurve(i) || sub->getCurve(i - 1)) continue;
        AddSegment(state, sub->getX(i - 1), sub->getY(i - 1), sub->getX(i), sub->getY(i));
      }
      if (sub->isClosed() && sub->getNumPoints() > 2) {
        AddSegment(state, sub->getX(sub->getNumPoints() - 1), sub->getY(sub->getNumPoints() - 1), sub->getX(0),
                   sub->getY(0));
      }
    }
  }

  // Text drawn in render mode 3 (neither filled nor stroked) is the hidden
  // layer an OCR program lays over a scan: it counts as text, but the page
  // may need OCR of its own (extract/ocr_policy.h).
  // macOS Quartz maps one glyph to two or three code points that are one
  // character (⾏行行: a Kangxi radical, the ideograph, a compatibility
  // ideograph); every text layer then reads the character several times.
  // Here, per glyph, the glyph's own mapping is folded to that character, so
  // that two glyphs that really are a repeat (謝謝, 星星) stay two.
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x, double origin_y,
                CharCode code, int n_bytes, const Unicode* u, int u_len) override {
    if (state->getRender() == 3) ++invisible_chars_;
    Unicode one = 0;
    if (u != nullptr && u_len > 1) {
      std::u32string chars(u, u + u_len);
      if (std::optional<char32_t> folded = unicode::SoleFoldedChar(chars)) {
        one = static_cast<Unicode>(*folded);
        u = &one;
        u_len = 1;
      }
    }
    TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, code, n_bytes, u, u_len);
  }

  void fill(GfxState* state) override { FillRects(state); }
  void eoFill(GfxState* state) override { FillRects(state); }

  std::vector<PathSegment> TakeSegments() { return std::move(segments_); }
  std::vector<FillRect> TakeFills() { return too_many_fills_ ? std::vector<FillRect>{} : std::move(fills_); }
  int invisible_chars() const { return invisible_chars_; }
  double width() const { return width_; }
  double height() const { return height_; }

 private:
  // A stroke's piece, in device space, if it is horizontal or vertical.
  void AddSegment(GfxState* state, double ux0, double uy0, double ux1, double uy1) {
    double x0, y0, x1, y1;
    state->transform(ux0, uy0, &x0, &y0);
    state->transform(ux1, uy1, &x1, &y1);
    const double kSlant = 0.5;
    if (std::fabs(y1 - y0) <= kSlant && std::fabs(x1 - x0) > kSlant) {
      double y = (y0 + y1) / 2;
      segments_.push_back({std::min(x0, x1), y, std::max(x0, x1), y});
    } else if (std::fabs(x1 - x0) <= kSlant && std::fabs(y1 - y0) > kSlant) {
      double x = (x0 + x1) / 2;
      segments_.push_back({x, std::min(y0, y1), x, std::max(y0, y1)});
    }
  }

  // A filled rectangle thinner than this is a rule drawn as a bar. Wider
  // fills are cell shading and backgrounds, whose edges are not rules, with
  // one exception: a single fill made of several rectangles is a mosaic of
  // cells whose gaps are the rules (tables "ruled" by their background), so
  // its rectangles' edges count.
  static constexpr double kMaxBarThickness = 3.0;
  static constexpr int kMinMosaicCells = 4;
  // A page drawing more fills than this is a chart or a picture in vector
  // form; its fills are not table shading (and would cost time).
  static constexpr size_t kMaxFills = 2000;

  void FillRects(GfxState* state) {
    if (NearWhite(state->getFillColorSpace(), state->getFillColor())) return;
    const GfxPath* path = state->getPath();
    std::vector<BBox> wide;
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      int n = sub->getNumPoints();
      if (n < 4 || n > 5) continue;
      double xs[5], ys[5];
      bool straight = true;
      for (int i = 0; i < n; ++i) {
        straight = straight && !sub->getCurve(i);
        state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
      }
      if (!straight) continue;
      // Axis-parallel rectangle: every side horizontal or vertical.
      bool rect = true;
      for (int i = 0; i < 4; ++i) {
        int j = (i + 1) % 4;
        rect = rect && (std::fabs(xs[i] - xs[j]) < 0.5 || std::fabs(ys[i] - ys[j]) < 0.5);
      }
      if (!rect) continue;
      BBox box{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4), *std::max_element(xs, xs + 4),
               *std::max_element(ys, ys + 4)};
      if (box.height() <= kMaxBarThickness && box.width() > box.height()) {
        segments_.push_back({box.x0, box.cy(), box.x1, box.cy()});
      } else if (box.width() <= kMaxBarThickness && box.height() > box.width()) {
        segments_.push_back({box.cx(), box.y0, box.cx(), box.y1});
      } else {
        wide.push_back(box);
      }
    }
    if (wide.size() < kMinMosaicCells) {
      // Kept apart: whether their edges separate cells is for the layout
      // analysis to say (extract/fill_rulings.h).
      if (fills_.size() + wide.size() > kMaxFills) {
        too_many_fills_ = true;
        return;
      }
      GfxRGB rgb;
      state->getFillColorSpace()->getRGB(state->getFillColor(), &rgb);
      auto byte = [](GfxColorComp c) { return static_cast<unsigned>(std::lround(colToDbl(c) * 255)); };
      const unsigned colour = byte(rgb.r) << 16 | byte(rgb.g) << 8 | byte(rgb.b);
      for (const BBox& b : wide) fills_.push_back({b, colour});
      return;
    }
    for (const BBox& b : wide) {
      segments_.push_back({b.x0, b.y0, b.x1, b.y0});
      segments_.push_back({b.x0, b.y1, b.x1, b.y1});
      segments_.push_back({b.x0, b.y0, b.x0, b.y1});
      segments_.push_back({b.x1, b.y0, b.x1, b.y1});
    }
  }

  std::vector<PathSegment> segments_;
  std::vector<FillRect> fills_;
  bool too_many_fills_ = false;
  int invisible_chars_ = 0;
  double width_ = 0;
  double height_ = 0;
};

// Whether a resource dictionary holds an image XObject, directly or inside
// form XObjects (nested at most a few levels: forms can refer to each other).
bool HasImages(Dict* resources, int depth) {
  if (resources == nullptr || depth > 3) return false;
  Object xobjects = resources->lookup("XObject");
  if (!xobjects.isDict()) return false;
  for (int i = 0; i < xobjects.dictGetLength(); ++i) {
    Object xobject = xobjects.dictGetVal(i);
    if (!xobject.isStream()) continue;
    Dict* dict = xobject.streamGetDict();
    Object subtype = dict->lookup("Subtype");
    if (subtype.isName("Image")) return true;
    if (subtype.isName("Form")) {
      Object inner = dict->lookup("Resources");
      if (inner.isDict() && HasImages(inner.getDict(), depth + 1)) return true;
    }
  }
  return false;
}

// A glyph whose font has no Unicode mapping comes out of poppler as its raw
// character code, often a control character (U+0003); it becomes U+FFFD,
// counted in *unmapped so that the page says so.
void AppendUtf8(Unicode u, std::string* out, int* unmapped) {
  if (u == 0 || u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF) || unicode::IsControl(static_cast<int32_t>(u))) {
    u = 0xFFFD;
    ++*unmapped;
  }
  unicode::AppendUtf8(static_cast<char32_t>(u), out);
}

// What the segment headers of one encoded JBIG2 stream declare.
struct Jbig2Walk {
  // The largest page its page-information segments (JBIG2 7.4.8) declare.
  std::optional<std::pair<uint32_t, uint32_t>> largest_page;
  // False when the walk stopped at its byte limits before the stream ended,
  // so that a page may be declared further on.
  bool complete = true;
};

// Walks the segment headers (7.2) of one encoded JBIG2 stream as poppler's
// JBIG2Stream::readSegments walks them, without decoding anything: poppler
// keeps what it finds private, so they are read here. The decoder reads
// the whole stream before it draws (a page-information segment anywhere
// allocates its page), so the walk goes on past large segments too: their
// data is skipped (only the stream's own filters, such as Flate, run), up to
// kMaxSkippedBytes in all (an immediate generic region of unknown length
// is scanned for its end within the same budget); the headers themselves
// are read up to kMaxHeaderBytes.
Jbig2Walk WalkJbig2Segments(Stream* str) {
  constexpr int kMaxHeaderBytes = 64 * 1024;
  constexpr uint64_t kMaxSkippedBytes = 64ull << 20;
  Jbig2Walk walk;
  if (!str) return walk;
  str->reset();
  int header_left = kMaxHeaderBytes;
  uint64_t skip_left = kMaxSkippedBytes;
  // The stream's end ends the walk as complete; a limit ends it incomplete.
  auto read = [&](int bytes, uint32_t* value) {
    uint32_t v = 0;
    for (int k = 0; k < bytes; ++k) {
      if (header_left-- <= 0) {
        walk.complete = false;
        return false;
      }
      const int c = str->getChar();
      if (c == EOF) return false;
      v = (v << 8) | static_cast<uint32_t>(c);
    }
    *value = v;
    return true;
  };
  auto skip = [&](uint64_t bytes) {
    if (bytes > skip_left) {
      walk.complete = false;
      return false;
    }
    skip_left -= bytes;
    return bytes == 0 || str->discardChars(static_cast<unsigned int>(bytes)) == bytes;
  };
  // An immediate generic region may leave its length unknown (7.2.7): its
  // arithmetic-coded data then ends with 0xFF 0xAC and a 4-byte row count.
  // The coder never writes 0xFF followed by a byte above 0x8F inside the
  // data (its bit stuffing, E.2.8), so the first 0xFF 0xAC is that end. MMR
  // data (T.6) has no such guarantee for its end sequence 0x00 0x00: there
  // the walk stops, as it does at an unknown length of any other type.
  auto skip_unknown_length_region = [&]() {
    uint32_t region_flags, generic_flags, ignored;
    for (int field = 0; field < 4; ++field) {
      if (!read(4, &ignored)) return false;  // width, height, x, y
    }
    if (!read(1, &region_flags) || !read(1, &generic_flags) || (generic_flags & 1) != 0) return false;
    const bool template_zero = ((generic_flags >> 1) & 3) == 0;
    if (!skip(template_zero ? 8 : 2)) return false;  // the adaptive template pixels
    bool after_ff = false;
    while (true) {
      if (skip_left == 0) {
        walk.complete = false;
        return false;
      }
      --skip_left;
      const int c = str->getChar();
      if (c == EOF) return false;
      if (after_ff && c == 0xAC) break;
      after_ff = c == 0xFF;
    }
    return read(4, &ignored);  // the row count
  };
  uint32_t number, flags, count, length;
  while (read(4, &number) && read(1, &flags) && read(1, &count)) {
    uint64_t referred = count >> 5;
    if (referred == 7) {  // the long form: a 29-bit count, then its retention bits
      uint32_t rest;
      if (!read(3, &rest)) break;
      referred = ((count & 0x1f) << 24) | rest;
      if (!skip((referred + 8) / 8)) break;
    } else if (referred > 4) {
      break;  // reserved values: poppler stops too
    }
    const int referred_size = number <= 256 ? 1 : number <= 65536 ? 2 : 4;
    if (!skip(referred * referred_size) || !skip(flags & 0x40 ? 4 : 1) || !read(4, &length)) break;
    if ((flags & 0x3f) == 48 && length >= 19) {  // page information
      uint32_t width, height, ignored, striping;
      if (!read(4, &width) || !read(4, &height) || !read(4, &ignored) || !read(4, &ignored) || !read(1, &ignored) ||
          !read(2, &striping)) {
        break;
      }
      // An unknown height (striped page): poppler starts from the stripe's.
      if (height == 0xffffffff) height = striping & 0x7fff;
      const std::optional<std::pair<uint32_t, uint32_t>>& largest = walk.largest_page;
      if (!largest || static_cast<double>(width) * height > static_cast<double>(largest->first) * largest->second) {
        walk.largest_page = std::make_pair(width, height);
      }
      if (!skip(length - 19)) break;
    } else if (length == 0xffffffff) {
      if ((flags & 0x3f) != 38 || !skip_unknown_length_region()) break;
    } else if (!skip(length)) {
      break;
    }
  }
  str->close();
  return walk;
}

// What a JBIG2 image's data declares (its own segments and those of its
// /JBIG2Globals); nullopt for any other image.
// The downcast is checked by getKind(). UBSan's vptr check is off here:
// it needs the typeinfo of JBIG2Stream, which libpoppler does not export,
// so the sanitizer and fuzz builds would not link.
__attribute__((no_sanitize("vptr")))
std::optional<Jbig2Walk> Jbig2Declared(Stream* str) {
  if (!str || str->getKind() != strJBIG2) return std::nullopt;
  auto* jbig2 = static_cast<JBIG2Stream*>(str);
  Jbig2Walk walk = WalkJbig2Segments(jbig2->getNextStream());
  if (Object* globals = jbig2->getGlobalsStream(); globals && globals->isStream()) {
    const Jbig2Walk global = WalkJbig2Segments(globals->getStream());
    walk.complete = walk.complete && global.complete;
    const auto& page = walk.largest_page;
    if (global.largest_page &&
        (!page || static_cast<double>(global.largest_page->first) * global.largest_page->second >
                      static_cast<double>(page->first) * page->second)) {
      walk.largest_page = global.largest_page;
    }
  }
  return walk;
}

// The images a page draws, counted by the pixels their dictionaries
// declare. An image is decoded only when it is drawn, inside one
// content-stream operator that poppler cannot interrupt, and the time that
// takes grows with the declared pixels (a 100000 x 100000 JBIG2 or Flate
// image of a few hundred bytes decodes for minutes): so the count is made
// before anything is decoded, and past PdfReader::kMaxImagePixels on one
// page nothing more is drawn.
class ImageBudget {
 public:
  // Whether an image of width x height may still be drawn. `str` is its
  // data: a JBIG2 stream is counted at the larger of its dictionary's size
  // and the page its own segments declare (Jbig2Declared), which is
  // what poppler's decoder allocates. An inline image's data is part of the
  // content stream and is not looked at.
  bool Admit(int width, int height, Stream* str, bool inline_image) {
    if (!refused_.empty()) return false;
    double pixels = static_cast<double>(std::max(width, 0)) * std::max(height, 0);
    std::string what = "it draws an image of " + std::to_string(width) + "x" + std::to_string(height) + " pixels";
    if (!inline_image) {
      if (std::optional<Jbig2Walk> jbig2 = Jbig2Declared(str)) {
        if (const auto& page = jbig2->largest_page) {
          const double page_pixels = static_cast<double>(page->first) * page->second;
          if (page_pixels > pixels) {
            pixels = page_pixels;
            what = "it draws a JBIG2 image whose data declares a page of " + std::to_string(page->first) + "x" +
                   std::to_string(page->second) + " pixels";
          }
        }
        if (!jbig2->complete) {
          // Too long to walk without decoding: the page it may declare
          // further on cannot be counted, so it is not drawn.
          refused_ = "it draws a JBIG2 image whose data is too long to count the pages it declares without decoding it";
          return false;
        }
      }
    }
    drawn_pixels_ += pixels;
    if (drawn_pixels_ <= PdfReader::kMaxImagePixels) return true;
    refused_ = (pixels > PdfReader::kMaxImagePixels ? what : std::string("its images hold more pixels in all")) +
               ", over the limit of " + std::to_string(static_cast<int64_t>(PdfReader::kMaxImagePixels)) +
               " pixels per page";
    return false;
  }
  // Why drawing stopped; "" while within the budget.
  const std::string& refused() const { return refused_; }
  // For displayPage's abort check: stop at the next operator once refused.
  static bool Stop(void* budget) { return !static_cast<ImageBudget*>(budget)->refused_.empty(); }

 private:
  double drawn_pixels_ = 0;
  std::string refused_;
};

// A pass over a page that draws nothing and counts its images, to decide
// before the OCR render (and before the OCR engine is loaded) whether the
// page can be rendered at all. Inline image data is skipped by the base
// class, as the text pass does.
class ImageCounterDev : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_image) override {
    budget.Admit(width, height, str, inline_image);
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_image) override {
    budget.Admit(width, height, str, inline_image);
    OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_image);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                       bool interpolate, Stream* mask_str, int mask_width, int mask_height, bool mask_invert,
                       bool mask_interpolate) override {
    if (budget.Admit(width, height, str, false)) budget.Admit(mask_width, mask_height, mask_str, false);
    OutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                               mask_height, mask_invert, mask_interpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask_str, int mask_width,
                           int mask_height, GfxImageColorMap* mask_color_map, bool mask_interpolate) override {
    if (budget.Admit(width, height, str, false)) budget.Admit(mask_width, mask_height, mask_str, false);
    OutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                                   mask_height, mask_color_map, mask_interpolate);
  }

  ImageBudget budget;
};

// The renderer for OCR, under the same budget: whatever the counting pass
// let through, no image past the budget is ever decoded.
class BoundedSplashDev : public SplashOutputDev {
 public:
  explicit BoundedSplashDev(SplashColor paper) : SplashOutputDev(splashModeMono8, /*bitmapRowPad=*/1, false, paper) {}

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_image) override {
    if (budget.Admit(width, height, str, inline_image)) {
      SplashOutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
    }
  }
  void setSoftMaskFromImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                                bool inline_image, double* base_matrix) override {
    // Paired with unsetSoftMaskFromImageMask, so it cannot be left out: a
    // refused mask is set as one pixel (its stream read no further).
    if (!budget.Admit(width, height, str, inline_image)) width = height = 1;
    SplashOutputDev::setSoftMaskFromImageMask(state, ref, str, width, height, invert, inline_image, base_matrix);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_image) override {
    if (budget.Admit(width, height, str, inline_image)) {
      SplashOutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_image);
    }
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                       bool interpolate, Stream* mask_str, int mask_width, int mask_height, bool mask_invert,
                       bool mask_interpolate) override {
    if (budget.Admit(width, height, str, false) && budget.Admit(mask_width, mask_height, mask_str, false)) {
      SplashOutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                                       mask_height, mask_invert, mask_interpolate);
    }
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask_str, int mask_width,
                           int mask_height, GfxImageColorMap* mask_color_map, bool mask_interpolate) override {
    if (budget.Admit(width, height, str, false) && budget.Admit(mask_width, mask_height, mask_str, false)) {
      SplashOutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str,
                                           mask_width, mask_height, mask_color_map, mask_interpolate);
    }
  }

  ImageBudget budget;
};

using Clock = std::chrono::steady_clock;

// Poppler asks between content-stream operators whether to stop drawing.
bool PastDeadline(void* data) { return Clock::now() > *static_cast<Clock::time_point*>(data); }

bool HasPdfHeader(std::string_view bytes) {
  // The header may follow up to 1024 bytes of junk (ISO 32000-1, 7.5.2).
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

class PopplerReader : public PdfReader {
 public:
  PopplerReader(std::string bytes, std::optional<double> page_seconds)
      : bytes_(std::move(bytes)), page_seconds_(page_seconds) {}

  // No check of our own before poppler's: a missing %%EOF, a missing header
  // or a broken cross-reference table is poppler's to repair (it rebuilds the
  // table by scanning for objects), and a repair is reported, not refused.
  Status Open(const std::optional<std::string>& password) {
    std::optional<GooString> pw;
    if (password) pw.emplace(password->c_str());
    std::vector<std::string> messages;
    tls_messages = &messages;
    auto* stream = new MemStream(bytes_.data(), 0, static_cast<Goffset>(bytes_.size()), Object(objNull));
    bool reconstructed = false;
    doc_ = std::make_unique<PDFDoc>(stream, pw, pw, nullptr, [&reconstructed] { reconstructed = true; });
    tls_messages = nullptr;
    const bool header = HasPdfHeader(bytes_);
    if (!doc_->isOk() && !header) {
      return Status::BadInput("not a PDF (no %PDF- header, and no PDF objects poppler could read)");
    }
    if (doc_->isOk() && (reconstructed || !header)) {
      std::string what = !header ? "the PDF has no %PDF- header" : "the PDF's cross-reference table is damaged";
      repairs_.push_back(what + "; poppler rebuilt it by scanning the file for objects" +
                         (messages.empty() ? std::string() : " (" + messages.front() + ")"));
    }
    if (!doc_->isOk()) {
      switch (doc_->getErrorCode()) {
        case errEncrypted:
          return Status::Encrypted(password ? "the password does not open this encrypted PDF"
                                            : "a password is needed to open this PDF (--password)");
        case errDamaged:
        case errBadCatalog:
          return Status::BadInput("damaged PDF: no readable cross-reference table or page catalog");
        default:
          return Status::BadInput("unreadable PDF (poppler error " + std::to_string(doc_->getErrorCode()) + ")");
      }
    }
    if (doc_->getNumPages() <= 0) return Status::BadInput("PDF without pages");
    return Status::Ok();
  }

  int page_count() const override { return doc_->getNumPages(); }
  std::vector<std::string> repairs() const override { return repairs_; }

  std::string RenderRefusal(int number, double dpi) override {
    if (std::string too_large = PageSizeRefusal(number, dpi); !too_large.empty()) return too_large;
    std::vector<std::string> messages;  // the text pass has told them
    tls_messages = &messages;
    ImageCounterDev counter;
    doc_->displayPage(&counter, number, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false,
                      ImageBudget::Stop, &counter.budget);
    tls_messages = nullptr;
    return counter.budget.refused();
  }

  Result<PageImage> RenderPage(int number, double dpi) override {
    // The images are counted as they are drawn (BoundedSplashDev): no
    // counting pass here.
    if (std::string too_large = PageSizeRefusal(number, dpi); !too_large.empty()) {
      return Status::BadInput("page " + std::to_string(number) + " cannot be rendered: " + too_large);
    }
    std::vector<std::string> messages;
    tls_messages = &messages;
    SplashColor white;
    white[0] = 0xff;
    BoundedSplashDev splash(white);
    splash.setFontAntialias(true);
    splash.setVectorAntialias(true);
    splash.startDoc(doc_.get());
    doc_->displayPage(&splash, number, dpi, dpi, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false,
                      ImageBudget::Stop, &splash.budget);
    tls_messages = nullptr;
    if (!splash.budget.refused().empty()) {
      return Status::BadInput("page " + std::to_string(number) + " cannot be rendered: " + splash.budget.refused());
    }
    SplashBitmap* bitmap = splash.getBitmap();
    if (bitmap == nullptr || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0) {
      return Status::BadInput("page " + std::to_string(number) + " could not be rendered" +
                              (messages.empty() ? std::string() : ": " + messages.front()));
    }
    PageImage image;
    image.width = bitmap->getWidth();
    image.height = bitmap->getHeight();
    image.dpi = dpi;
    image.gray.resize(static_cast<size_t>(image.width) * image.height);
    const unsigned char* data = bitmap->getDataPtr();
    for (int y = 0; y < image.height; ++y) {
      std::copy(data + static_cast<size_t>(y) * bitmap->getRowSize(),
                data + static_cast<size_t>(y) * bitmap->getRowSize() + image.width,
                image.gray.begin() + static_cast<size_t>(y) * image.width);
    }
    return image;
  }

  PageContent ReadPage(int number) override {
    PageContent page;
    page.number = number;
    tls_messages = &page.warnings;
    tls_saw_error = false;
    dev_.startPage(number, nullptr, nullptr);  // drop the previous page's text
    Clock::time_point deadline = Clock::time_point::max();
    if (page_seconds_ && *page_seconds_ > 0) {
      deadline = Clock::now() + std::chrono::microseconds(static_cast<int64_t>(*page_seconds_ * 1e6));
    }
    doc_->displayPage(&dev_, number, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false,
                      page_seconds_ ? PastDeadline : nullptr, &deadline);
    tls_messages = nullptr;
    if (Clock::now() > deadline) {
      // Drawing stopped part-way: what was read of the page is not the page.
      page.failed = true;
      page.over_limit = true;
      page.warnings.insert(page.warnings.begin(), "the page was not read within its time budget of " +
                                                      FormatSeconds(*page_seconds_) + " s");
      dev_.startPage(number, nullptr, nullptr);
      page.width = dev_.width();
      page.height = dev_.height();
      return page;
    }
    page.width = dev_.width();
    page.height = dev_.height();
    page.segments = dev_.TakeSegments();
    page.fills = dev_.TakeFills();
    int unmapped = CopyText(&page);
    if (unmapped > 0) {
      page.warnings.push_back(std::to_string(unmapped) +
                              " glyphs have no Unicode mapping in their font and became U+FFFD");
    }
    page.invisible_glyphs = std::min(dev_.invisible_chars(), static_cast<int>(page.glyphs.size()));
    if (::Page* pdf_page = doc_->getPage(number)) page.has_images = HasImages(pdf_page->getResourceDict(), 0);
    if (tls_saw_error && page.glyphs.empty() && page.segments.empty()) page.failed = true;
    if (page.width <= 0 || page.height <= 0) {
      page.failed = true;
      page.warnings.push_back("the page has no usable page box");
    }
    return page;
  }

 private:
  // The page's bitmap is allocated before anything is drawn: a page box of
  // 200 x 200 inches (PDF allows it) is 3.6 GB at 300 dpi.
  std::string PageSizeRefusal(int number, double dpi) {
    if (number < 1 || number > page_count()) return "no page " + std::to_string(number);
    const double page_pixels =
        doc_->getPageCropWidth(number) * doc_->getPageCropHeight(number) * (dpi / 72) * (dpi / 72);
    if (page_pixels <= kMaxRenderPixels) return "";
    return "at " + FormatSeconds(dpi) + " dpi the page is " + std::to_string(static_cast<int64_t>(page_pixels)) +
           " pixels, over the limit of " + std::to_string(static_cast<int64_t>(kMaxRenderPixels));
  }

  static std::string FormatSeconds(double seconds) {
    std::string text = std::to_string(seconds);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  // Returns the number of glyphs without a Unicode mapping.
  int CopyText(PageContent* page) {
    int unmapped = 0;
    std::unordered_map<std::string, int> font_ids;
    // A word's glyphs share a few font records: the name is copied and
    // looked up once per record, not once per glyph.
    std::unordered_map<const GooString*, int> font_of_record;
    int word_index = 0, line_index = 0;
    for (const TextFlow* flow = dev_.getFlows(); flow; flow = flow->getNext()) {
      for (const TextBlock* block = flow->getBlocks(); block; block = block->getNext()) {
        for (const ::TextLine* line = block->getLines(); line; line = line->getNext(), ++line_index) {
          for (const TextWord* word = line->getWords(); word; word = word->getNext(), ++word_index) {
            for (int i = 0; i < word->getLength(); ++i) {
              Glyph glyph;
              AppendUtf8(*word->getChar(i), &glyph.text, &unmapped);
              word->getCharBBox(i, &glyph.bbox.x0, &glyph.bbox.y0, &glyph.bbox.x1, &glyph.bbox.y1);
              const GooString* font = word->getFontName(i);
              auto known = font_of_record.find(font);
              if (known == font_of_record.end()) {
                std::string name = font ? font->toStr() : std::string();
                auto [it, added] = font_ids.emplace(name, static_cast<int>(page->fonts.size()));
                if (added) page->fonts.push_back(FontNameText(name));
                known = font_of_record.emplace(font, it->second).first;
              }
              glyph.font = known->second;
              glyph.size = word->getFontSize();
              glyph.word = word_index;
              glyph.line = line_index;
              glyph.space_after = i + 1 == word->getLength() && word->getSpaceAfter();
              glyph.rotation = word->getRotation();
              glyph.baseline = word->getBaseline();
              page->glyphs.push_back(std::move(glyph));
            }
          }
        }
      }
    }
    return unmapped;
  }

  std::string bytes_;  // PDFDoc reads from here; must outlive doc_
  std::optional<double> page_seconds_;
  std::unique_ptr<PDFDoc> doc_;
  TextAndRulingsDev dev_;
  std::vector<std::string> repairs_;
};

}  // namespace

Result<std::unique_ptr<PdfReader>> PdfReader::Open(std::string_view bytes,
                                                   const std::optional<std::string>& password,
                                                   std::optional<double> page_seconds) {
  if (bytes.empty()) return Status::BadInput("empty file");
  EnsurePopplerInitialised();
  auto reader = std::make_unique<PopplerReader>(std::string(bytes), page_seconds);
  if (Status s = reader->Open(password); !s.ok()) return s;
  return std::unique_ptr<PdfReader>(std::move(reader));
}

}  // namespace docpipe
