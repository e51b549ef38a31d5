// Tables with horizontal rules only (booktabs-like: a top rule, a rule under
// the header, a bottom rule), their columns taken from the alignment of the
// text.
//
// The idea (the "stream" approach of Tabula and pdfplumber's text strategy,
// with the column evidence of Nurminen's thesis): horizontal rulings of the
// same extent, stacked on the page and not part of a ruled grid, bound a
// candidate region (a rule drawn in pieces broken a few points apart at the
// column gaps counts as one). Its glyphs form words (the text layer's), words form
// lines by baseline, and words of a line closer than about half an em form a
// chunk (a cell's text). Column separators are the x ranges that no chunk of
// a data line (a line of three or more chunks, or two when no line has
// three) covers, save at most 12% of the data lines (a group header over
// two columns, one overlong value: they span the columns they cross); every line is a row, and a chunk that reaches across
// separators spans those columns. A line holding only a first-column chunk
// indented deeper than the row above it continues that row's first cell
// (a wrapped row label). A band between two rules whose lines are mostly
// running text (one wide chunk), or that holds three or more lines of which
// at least two thirds are not split into columns (one table's notes and the
// next table's title), is not part of the table: the stack is cut there, so
// two tables of one width on a page stay two.
//
// Strong evidence only: a region becomes a table when it has at least two
// columns and at least two data lines; otherwise its text stays text. Every
// table found here reports `ruling: partial` (extract/layout.h).
#ifndef DOCPIPE_EXTRACT_ALIGNED_TABLE_BUILDER_H_
#define DOCPIPE_EXTRACT_ALIGNED_TABLE_BUILDER_H_

#include <string>
#include <vector>

#include "extract/layout.h"
#include "extract/page_content.h"
#include "extract/ruling_detector.h"

namespace docpipe {

// Tables on one page from the horizontal rulings outside `ruled` (the grid
// tables already found). Glyphs already placed (`in_table`) are skipped; the
// glyphs placed here are marked in `in_table`. Ids are 0.
std::vector<Table> BuildAlignedTables(const std::vector<Ruling>& rulings, const std::vector<Table>& ruled,
                                      const std::vector<Glyph>& glyphs, const std::vector<std::string>& fonts,
                                      std::vector<bool>* in_table);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_ALIGNED_TABLE_BUILDER_H_
