// Tables drawn without any rule, found from the alignment of their text
// alone (`ruling: none`), on strong evidence only.
//
// The idea (Tabula's stream mode, pdfplumber's text strategy, the column
// evidence of Nurminen's thesis): lines whose text breaks into cells at wide
// gaps, one line after the next, with the same number of cells, each column
// aligned on its left edge, right edge or centre, and a gap running through
// all the lines between neighbouring columns. Free text (not in a ruled or
// horizontal-rule table) is read as lines (extract/glyph_lines.h); a cell
// ends at a gap of 1.5 em or more (a word space, even a monospace double
// space, is less).
//
// A run of such lines is a table only when all of these hold:
// * four or more lines of two or more cells each, no two consecutive lines
//   further apart than 2.8 em (one blank line, under a header, is allowed);
// * one column, below the first line, is at least three quarters numbers
//   ("0.2650", "1,219", "$8M", "12%"): a two-column page or a list of
//   labelled paragraphs has none;
// * not a table of contents: the last column is not a rising run of whole
//   numbers (page numbers), and no cell holds leader dots.
// Anything less stays text. Every table found here reports `ruling: none`.
#ifndef DOCPIPE_EXTRACT_UNRULED_TABLE_BUILDER_H_
#define DOCPIPE_EXTRACT_UNRULED_TABLE_BUILDER_H_

#include <string>
#include <vector>

#include "extract/layout.h"
#include "extract/page_content.h"

namespace docpipe {

// Tables on one page from the glyphs not yet placed (`in_table`); the
// glyphs placed here are marked in `in_table`. Ids are 0.
std::vector<Table> BuildUnruledTables(const std::vector<Glyph>& glyphs, const std::vector<std::string>& fonts,
                                      std::vector<bool>* in_table);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_UNRULED_TABLE_BUILDER_H_
