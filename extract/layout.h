// The layout model: what `docpipe extract` finds on the pages of a PDF, and
// what schema/layout.schema.json describes as JSON (extract/layout_json.h).
//
// Coordinates are PDF points with the origin at the top-left corner of the
// (rotated, cropped) page, y growing downwards. Text is UTF-8, NFC as the PDF
// gave it; lines keep the spaces the PDF had between words.
//
// A Layout is plain data: it owns everything, has no ties to the PDF once
// built, and can be serialised, read back and compared.
#ifndef DOCPIPE_EXTRACT_LAYOUT_H_
#define DOCPIPE_EXTRACT_LAYOUT_H_

#include <optional>
#include <string>
#include <vector>

namespace docpipe {

struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // left, top, right, bottom
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
  bool Contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
  // Grows this box to cover `other`; an empty (default) box takes `other`.
  void Extend(const BBox& other) {
    if (x1 <= x0 && y1 <= y0) {
      *this = other;
      return;
    }
    x0 = other.x0 < x0 ? other.x0 : x0;
    y0 = other.y0 < y0 ? other.y0 : y0;
    x1 = other.x1 > x1 ? other.x1 : x1;
    y1 = other.y1 > y1 ? other.y1 : y1;
  }
};

// What a line is for: body text, or page furniture repeated on every page
// (running header, page number footer) that is not part of the content.
enum class LineRole { kContent, kHeader, kFooter };

struct TextLine {
  std::string text;
  BBox bbox;
  std::string font;  // name of the font of the line's first glyph
  double size = 0;   // font size in points
  LineRole role = LineRole::kContent;
  // Lines read by OCR only: the mean confidence (0..1) of the line's words,
  // weighted by their length, and the words below the low-confidence
  // threshold, kept in `text` as read and listed here for a reader to check.
  std::optional<double> confidence;
  std::vector<std::string> low_confidence_words;
};

// One cell of a ruled table. A merged cell appears once, at its top-left grid
// position, with its spans; the grid positions it covers have no cell.
struct Cell {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  BBox bbox;
  std::string text;              // lines joined by script (unicode::JoinWrapped)
  std::vector<TextLine> lines;   // in reading order; role is always kContent
  // The cell goes on from the cell above it, which the page break cut: one
  // cell merged over rows on both sides of the break ("普通型…部定必" |
  // "修課程"), while the cell's row is a row of its own (unlike a table's
  // first_row_continued, where the whole row goes on). Only a cell of a
  // continued part's first body row, left of or at its key, is so marked.
  bool continued_from_previous_page = false;
};

// How a table was found: a grid of vertical and horizontal rules (full),
// horizontal rules with columns from the alignment of the text (partial),
// or text alignment alone (none).
enum class TableRuling { kFull, kPartial, kNone };

struct Table {
  // Tables are numbered 1.. through the document; a table continued on the
  // next page keeps the id of its first part.
  int id = 0;
  BBox bbox;
  int rows = 0;
  int cols = 0;
  TableRuling ruling = TableRuling::kFull;
  std::vector<Cell> cells;  // ordered by row, then column
  // Leading rows that are column headers: known when the next part of the
  // table repeats them (0 otherwise).
  int header_rows = 0;
  // This part continues the table of the previous page ...
  bool continued_from_previous_page = false;
  // ... its first `header_rows` rows repeat that table's header rows ...
  bool repeated_header = false;
  // ... and its first body row is the rest of the row the page break cut.
  bool first_row_continued = false;
  // The table goes on on the next page.
  bool continues_on_next_page = false;
};

// Where a page's text came from: the PDF's text layer, or OCR of the page
// rendered to pixels (extract/ocr_page.h).
enum class PageSource { kText, kOcr };

struct OcrInfo {
  std::string engine;         // "tesseract 5.3.0"
  std::string language_data;  // version of each language's trained data
  double dpi = 0;             // resolution the page was rendered at
  double skew_degrees = 0;    // rotation applied to straighten the scan
  int low_confidence_words = 0;
};

struct Page {
  int number = 0;  // 1-based page number in the PDF
  double width = 0;
  double height = 0;
  std::vector<TextLine> lines;  // text outside tables, in reading order
  std::vector<Table> tables;    // top to bottom
  // Problems met while reading this page (a damaged content stream, no text
  // layer...). A page that failed has `failed` set and may be empty.
  std::vector<std::string> warnings;
  bool failed = false;
  // It failed on a resource bound (the page time budget, the OCR budget,
  // the pixel budget of the OCR render), not on its content: the command
  // fails with `limit exceeded` (exit 11) when no page could be read and
  // one of them is such a page. Not part of the layout JSON.
  bool over_limit = false;
  int removed_duplicate_glyphs = 0;  // fake bold collapsed on this page
  PageSource source = PageSource::kText;
  std::optional<OcrInfo> ocr;  // set when source is kOcr
};

struct Layout {
  std::string source_path;
  std::string source_sha256;
  int page_count = 0;       // pages in the PDF
  std::vector<Page> pages;  // the pages extracted (all, or a --pages range)
};

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_LAYOUT_H_
