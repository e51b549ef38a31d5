// PdfReader: the only place that knows poppler. Opens a PDF and reads one page
// at a time into a PageContent (glyphs with fonts, vector line segments), or
// renders it to a gray image for OCR.
//
//   Result<std::unique_ptr<PdfReader>> reader = PdfReader::Open(bytes, password);
//   if (!reader.ok()) return reader.status();   // BadInput, Encrypted, ...
//   for (int p = 1; p <= (*reader)->page_count(); ++p) {
//     PageContent page = (*reader)->ReadPage(p);   // never fails as a whole
//   }
//
// Why poppler's core API (libpoppler-private-dev) and not poppler-cpp: one
// pass of poppler's TextOutputDev over a page gives both the text layer (with
// poppler's own word and reading-order analysis, the same as pdftotext) and,
// through its stroke/fill hooks, the vector paths that draw table rulings.
// poppler-cpp has no access to paths, and on the 181-page gazette (see
// bench/README.md) rendering every page at 72 dpi to find rulings in pixels
// took 7-15x pdftotext's time and poppler::page::text_list alone 3x, against a
// budget of 2x for the whole extract; this reader takes about 1.3x. The core
// API is not stable across poppler releases (Debian 12 ships 22.12): this
// file is the only one to adapt when it changes.
//
// Poppler's messages never reach stderr: they become the page's warnings. The
// reader owns the document; PageContent values are independent copies.
#ifndef DOCPIPE_EXTRACT_PDF_READER_H_
#define DOCPIPE_EXTRACT_PDF_READER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/page_content.h"
#include "extract/page_image.h"

namespace docpipe {

class PdfReader {
 public:
  // Opens a PDF held in memory; `bytes` is copied. Whatever poppler can
  // repair (a missing %%EOF or header, a broken cross-reference table) is
  // read, and the repair listed in repairs(). Fails with BadInput (not a PDF,
  // damaged beyond repair), Encrypted (a password is needed, or the one given
  // is wrong). `page_seconds`: each page's time budget; a page that takes
  // longer stops being drawn and comes back failed.
  static Result<std::unique_ptr<PdfReader>> Open(std::string_view bytes,
                                                 const std::optional<std::string>& password,
                                                 std::optional<double> page_seconds = std::nullopt);

  virtual ~PdfReader() = default;
  virtual int page_count() const = 0;
  // What poppler had to repair to open the file, one sentence each.
  virtual std::vector<std::string> repairs() const = 0;
  // Reads page `number` (1-based, <= page_count()). A page whose content
  // cannot be read comes back with `failed` set and the reason in warnings.
  virtual PageContent ReadPage(int number) = 0;
  // Renders page `number` (cropped, rotated as displayed) to 8-bit gray at
  // `dpi`, for OCR. Only called for pages that need it: a text PDF is never
  // rendered. BadInput when poppler produces no image.
  // BadInput with RenderRefusal's reason when the page is over the bounds.
  virtual Result<PageImage> RenderPage(int number, double dpi) = 0;
  // Why page `number` cannot be rendered at `dpi`, or "" when it can: its
  // bitmap would be over kMaxRenderPixels, or the images it draws declare
  // more than kMaxImagePixels in all (an image bomb: 100000 x 100000 pixels
  // in a few hundred bytes, which would decode for minutes). Decided by a
  // pass over the page that decodes no image, in about the time the text
  // pass took.
  virtual std::string RenderRefusal(int number, double dpi) = 0;

  // An A0 page at 300 dpi is 139 million pixels; a 600 dpi A3 scan 70 million.
  static constexpr double kMaxRenderPixels = 150e6;
  static constexpr double kMaxImagePixels = 400e6;
};

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_PDF_READER_H_
