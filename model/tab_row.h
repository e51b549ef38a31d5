// TabRow: one row of the TabText model (normalize/input/tab_text.h), the form
// every input reaches the family parsers in: a table row with its cells, or a
// paragraph line as one cell, and where it was read.
#ifndef DOCPIPE_MODEL_TAB_ROW_H_
#define DOCPIPE_MODEL_TAB_ROW_H_

#include <optional>
#include <string>
#include <vector>

#include "common/unicode.h"
#include "model/diagnostics.h"

namespace docpipe {

// How many rows and columns the cell starting in a slot covers; {0, 0} for
// a slot that a cell starting in an earlier row or column covers.
struct CellSpan {
  int rows = 1;
  int cols = 1;
  bool operator==(const CellSpan& o) const { return rows == o.rows && cols == o.cols; }
};

struct TabRow {
  SourcePos pos;
  std::vector<std::string> cells;  // raw, as read
  // What is known of the cells' bytes: kValid when the reader checked every
  // byte they were cut from (ParseTabText), so that the cell stage's walks
  // need not check them again; kUnchecked from the other readers.
  unicode::Utf8 utf8 = unicode::Utf8::kUnchecked;
  // 1-6 for a heading of a Markdown or HTML input (# Title, <h2>), which
  // TAB text cannot mark; 0 otherwise.
  int heading_level = 0;
  // For a row of a table a page break cut (extract's table continuity):
  // the row belongs to the table before it although text stands between
  // (footnotes, a running caption); it repeats the column header; it is the
  // rest of the previous row, to be joined to it cell by cell.
  bool continues_table = false;
  bool repeated_header = false;
  bool continues_row = false;
  // For a row of a table whose grid the input knows (a PDF table): the
  // table's id (extract's, shared by the parts a page break cut; 0 for a
  // row of no such table), the table's column header rows when known, and
  // one span per cell (empty: every cell is one slot).
  int table = 0;
  int header_rows = 0;
  std::vector<CellSpan> spans;
  // For a row of a table a page break cut that is a row of its own: the
  // columns where its cell goes on from the cell above it, which the break
  // cut (one cell merged over rows across the break; extract's Cell::
  // continued_from_previous_page): that cell's text and rows belong to the
  // cell covering the slot above.
  std::vector<int> continued_cells;
  // The document's title, known from a PDF's typography (LayoutToRows);
  // text from another extractor has none.
  bool title = false;
  // For a line of text read from a PDF's layout (LayoutToRows): whether its
  // paragraph ends with this row (true), or the next row continues it
  // (false: the line runs to the column's edge without ending a sentence and
  // the next line, perhaps on the next page, carries on below it; a heading
  // whose bracket is still open). Not known for text from another extractor
  // (std::nullopt), whose parsers decide from end marks and punctuation.
  std::optional<bool> paragraph_end;
  // For a line of text read from a PDF's layout: how far its first printed
  // line starts right of its column's left edge, in points, and its font
  // size. Labels of one kind at one indentation are siblings (OutlineBuilder).
  // Not known for text from another extractor (std::nullopt).
  std::optional<double> indent;
  double size = 0;
  bool IsBlank() const;
};

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_TAB_ROW_H_
