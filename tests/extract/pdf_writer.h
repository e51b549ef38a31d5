// A minimal PDF writer for test fixtures: pages with Helvetica text and
// straight lines, so that tests state exactly what a page holds instead of
// depending on a sample file. Coordinates are given like the layout's: points
// from the top-left corner of a 612 x 792 page.
#ifndef DOCPIPE_TESTS_EXTRACT_PDF_WRITER_H_
#define DOCPIPE_TESTS_EXTRACT_PDF_WRITER_H_

#include <string>
#include <vector>

namespace docpipe::testing {

class PdfPage {
 public:
  // Text (ASCII) with its baseline at y.
  PdfPage& Text(double x, double y, double size, const std::string& text);
  // Codes A-D of a second font whose ToUnicode map gives one glyph several
  // code points, as macOS Quartz writes them: A is ⾏行行 (U+2F8F U+884C
  // U+FA08), B is 謝 (one code point), C is "ff" (a ligature), D is ⺠民
  // (U+2EA0 U+6C11). Each code is one glyph, drawn one advance apart.
  PdfPage& MappedText(double x, double y, double size, const std::string& codes);
  PdfPage& Line(double x0, double y0, double x1, double y1, double width = 0.5);
  // Raw content-stream operators, for pages that must be broken.
  PdfPage& Raw(const std::string& operators);
  const std::string& content() const { return content_; }

 private:
  std::string content_;
};

// Lays out a ruled grid: rows_y and cols_x are the rule positions; every
// rule is drawn across the whole grid except the segments in `skip`, given
// as {is_vertical, rule index, cell index along the rule}.
struct GridSkip {
  bool vertical;
  int rule;
  int cell;
};
void DrawGrid(PdfPage* page, const std::vector<double>& rows_y, const std::vector<double>& cols_x,
              const std::vector<GridSkip>& skip = {});

std::string BuildPdf(const std::vector<PdfPage>& pages);

}  // namespace docpipe::testing

#endif  // DOCPIPE_TESTS_EXTRACT_PDF_WRITER_H_
