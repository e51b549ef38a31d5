// One page read by OCR: rendered by poppler (PdfReader::RenderPage),
// straightened, its table rules found in the pixels (image_rulings.h) and
// its text recognised (ocr_engine.h): each cell of a ruled table as one
// block of text (a cell with a word read below confidence 0.7 read again
// cut out of the page, the two readings voted: ocr_vote.h), the rest of
// the page by Tesseract's layout analysis. The
// result is handed on as the same PageContent a text page gives, so that
// the line and table builders treat both alike.
//
//   Result<OcrPage> read = ReadPageByOcr(reader, number, engine, 300, content);
//   Page page = AnalysePage(read->content);        // extract/extractor.h
//   MarkOcrConfidence(read->lines, 0.6, &page);
#ifndef DOCPIPE_EXTRACT_OCR_PAGE_H_
#define DOCPIPE_EXTRACT_OCR_PAGE_H_

#include <vector>

#include "common/status.h"
#include "extract/layout.h"
#include "extract/ocr_engine.h"
#include "extract/page_content.h"
#include "extract/pdf_reader.h"

namespace docpipe {

struct OcrPage {
  PageContent content;         // glyphs from OCR, segments from the image
  std::vector<OcrLine> lines;  // the words with their confidences
  double skew_degrees = 0;
};

// `text_layer` is the page as PdfReader::ReadPage gave it: its number, size
// and warnings are kept, its glyphs and drawing replaced. Fails when the page
// cannot be rendered or recognised; the caller keeps the page as it was and
// records the failure as a warning.
Result<OcrPage> ReadPageByOcr(PdfReader& reader, int number, OcrEngine& engine, double dpi,
                              const PageContent& text_layer);

// The regions (page points) of the cells of the ruled tables that `rules`
// (found in the page's image) make, slightly inside each cell's rules;
// `words` (boxes of text, not yet read) decide which frames hold text, as
// glyphs do for text pages (table_builder.h). `table_boxes` gets the
// tables' boxes. Exposed for tests.
std::vector<BBox> TableCellRegions(const std::vector<PathSegment>& rules, const std::vector<BBox>& words,
                                   double page_width, double page_height, std::vector<BBox>* table_boxes);

// Smooths a page image with a small Gaussian blur (sigma about one pixel at
// 300 dpi), as a scanner's optics would; false (unchanged) for an image
// smaller than the kernel. Exposed for tests.
bool SmoothForOcr(PageImage* image);

// The lines of ink in `region` (page points) of `image`: bands of rows with
// dark pixels, bands apart by less than a third of `line_height` (points)
// joined, each cut to its ink's extent with a small margin. Bands with less
// ink than about half a character, or lower than a third of a line, are
// left out (remains of rules, edges of whitened lines). Exposed for tests.
std::vector<BBox> InkLines(const PageImage& image, const BBox& region, double line_height);

// Reorders OCR lines (grouped by OcrLine::block) for reading: blocks side by
// side (vertical extents overlapping, as columns) form a band and keep
// Tesseract's order; bands go top to bottom, so that a running header comes
// before the title under it and a footer last. Exposed for tests.
void OrderBlocksInBands(std::vector<OcrLine>* lines);

// OCR words -> glyphs, one per recognised character, numbered by word and
// line in Tesseract's reading order, in one font named "OCR". Exposed for
// tests.
PageContent OcrLinesToContent(const std::vector<OcrLine>& lines, PageContent base);

// Sets `confidence` and `low_confidence_words` on every line of `page`
// (outside and inside tables) from the OCR words whose centres it covers;
// words below `low_confidence` (0..1) are listed, never removed.
void MarkOcrConfidence(const std::vector<OcrLine>& lines, double low_confidence, Page* page);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_OCR_PAGE_H_
