// LayoutToRows: a PDF's layout (extract/layout.h) as the TabText rows the
// parsers read, so that PDFs and other extractors' text share one parser.
//
// The rows look like a good text extractor's output: page by page, top to
// bottom, each table row is one TabRow with one cell per grid column (a
// merged cell's text in its top-left position, "" in the positions it
// covers), each content paragraph outside tables is a one-cell row, and page
// headers and footers are left out. The document's title (layout_title.h)
// is a one-cell row of its own, marked `title`, where its first line stands,
// even when extract labelled it a running header. Repeated header rows and rows cut by a
// page break are emitted as they stand; the parsers already recognise the
// former and the row stitcher joins the latter. pos.page is the page number,
// pos.line the row's 1-based index among the rows of its page.
//
// Wrapped lines of one paragraph on one page are one row. Every text row
// says, in paragraph_end, whether the layout ends its paragraph there or the
// next row carries it on: a line running to its column's edge without
// ending a sentence (or ending in ，、) continues below it, at the top of the
// next page too; pieces of one printed line continue each other; a heading
// with an open bracket runs on; a line that stops short of the edge, a
// flush-right line (a date, a signature), a change of font size, a rule of
// repeated marks (◆◆◆◆) end a paragraph.
//
// Cell text is the cell's lines joined by script (unicode::JoinWrapped),
// except that a line opening a new coded item (RuleSet pattern item_start:
// P1.1.2, K03, A01...) or a bold line after a finished sentence (a labelled
// paragraph such as 其他補充說明：) starts on a new line ("\n"), which keeps
// the boundaries that a text extractor keeps as separate lines or <p> tags.
//
//   std::vector<TabRow> rows = LayoutToRows(layout, RuleSet::Default());
#ifndef DOCPIPE_NORMALIZE_INPUT_LAYOUT_ROWS_H_
#define DOCPIPE_NORMALIZE_INPUT_LAYOUT_ROWS_H_

#include <string>
#include <vector>

#include "extract/layout.h"
#include "normalize/repair/rule_set.h"
#include "normalize/input/tab_text.h"

namespace docpipe {

std::vector<TabRow> LayoutToRows(const Layout& layout, const RuleSet& rules);

// The lines of one table cell joined as described above.
std::string JoinCellLines(const std::vector<TextLine>& lines, const RuleSet& rules);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_LAYOUT_ROWS_H_
