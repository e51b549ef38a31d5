// The title of a PDF, read from the first page's typography: what a reader
// takes for the title is set larger than the body text, near the top of the
// first page, before the body begins.
//
//   std::optional<LayoutTitle> title = FindLayoutTitle(layout);
//   if (title) rows.front().title = true;  // see LayoutToRows
//
// The title lines are the lines of the first page that has text, taken in
// order from the top, from the first line in display type (a font size at
// least display_ratio times the body size, the size that most characters of
// the document are set in, table cells included) to the first line that is
// not, within the upper part of the page and set with one alignment (a
// centred subtitle under a flush-left title is not part of it). A title that the producer repeats
// on every page is labelled header furniture by extract; on the first page
// it is still the title, so header lines count here.
#ifndef DOCPIPE_NORMALIZE_INPUT_LAYOUT_TITLE_H_
#define DOCPIPE_NORMALIZE_INPUT_LAYOUT_TITLE_H_

#include <optional>
#include <string>
#include <vector>

#include "extract/layout.h"

namespace docpipe {

struct LayoutTitle {
  int page = 0;                         // page number of the title
  std::vector<const TextLine*> lines;   // into that page's lines, top to bottom
  std::string text;                     // the lines joined (see the .cc)
};

struct LayoutTitleOptions {
  // Title size / body size, at least: 16 pt over a 14 pt body is a title
  // (a trade agreement's annex), a 14 pt running line is not.
  double display_ratio = 1.1;
  double upper_part = 0.6;      // share of the page height the title starts in
};

// nullopt when the first page holds no line in display type (a page that
// is one table, a letter without a title).
std::optional<LayoutTitle> FindLayoutTitle(const Layout& layout, const LayoutTitleOptions& options = {});

// The size that most characters of the layout are set in (lines and table
// cells); 0 for a layout without text.
double BodyFontSize(const Layout& layout);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_LAYOUT_TITLE_H_
