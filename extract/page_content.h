// What the PDF reader hands to the layout analysis for one page: glyphs with
// their boxes and fonts, and the straight axis-parallel pieces of the page's
// vector drawing (stroked lines, edges of thin filled rectangles) from which
// table rulings are found. Coordinates as in extract/layout.h.
#ifndef DOCPIPE_EXTRACT_PAGE_CONTENT_H_
#define DOCPIPE_EXTRACT_PAGE_CONTENT_H_

#include <limits>
#include <string>
#include <vector>

#include "extract/layout.h"

namespace docpipe {

struct Glyph {
  std::string text;  // UTF-8; one character, or several for a ligature
  BBox bbox;
  int font = 0;      // index into PageContent::fonts
  double size = 0;   // font size in points
  int word = 0;      // the PDF text layer's word, numbered in reading order
  int line = 0;      // the text layer's line, numbered in reading order
  bool space_after = false;  // the text layer puts a space after this glyph
  int rotation = 0;  // text direction: 0 left-to-right, 1 top-down, 2, 3
  // The text layer's baseline: a y coordinate for rotations 0 and 2, an x
  // coordinate for 1 and 3; NaN when unknown (the box's centre is used).
  double baseline = std::numeric_limits<double>::quiet_NaN();
};

// A horizontal (y0 == y1) or vertical (x0 == x1) piece of drawing, with
// x0 <= x1 and y0 <= y1.
struct PathSegment {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool horizontal() const { return y0 == y1; }
};

// A filled axis-parallel rectangle wider and taller than a rule (cell
// shading, a row band, a background), with its colour as 0xRRGGBB. Fills
// drawn in near-white are not kept.
struct FillRect {
  BBox box;
  unsigned rgb = 0;
};

struct PageContent {
  int number = 0;
  double width = 0;
  double height = 0;
  std::vector<Glyph> glyphs;  // in the text layer's reading order
  std::vector<std::string> fonts;
  std::vector<PathSegment> segments;
  std::vector<FillRect> fills;  // in drawing order
  // Glyphs drawn invisibly (render mode 3): a hidden text layer, as OCR
  // programs put over a scan.
  int invisible_glyphs = 0;
  // The page's resources hold an image (directly or in a form): it decides
  // whether OCR may find text on a page without any (extract/ocr_mode.h).
  bool has_images = false;
  std::vector<std::string> warnings;  // messages of the PDF library
  bool failed = false;                // the page could not be read
  // It failed on a resource bound of the page (its time budget), not on
  // its content: a larger bound may read it.
  bool over_limit = false;
};

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_PAGE_CONTENT_H_
