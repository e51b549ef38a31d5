// Ruled tables from rulings, with their text.
//
// The idea (the "lattice" approach of Camelot and tabula): rulings that
// cross or touch form connected groups; a group with at least two horizontal
// and two vertical rulings is a table. The distinct x positions of its
// vertical rulings and y positions of its horizontal ones cut the table's
// box into a grid of slots. Two neighbouring slots belong to one cell when no
// ruling separates them; each cell is then the rectangle of its slots, which
// gives merged cells their row and column spans. A table without an outer
// frame gets its missing outer edges from the ends of its rulings. Glyphs are
// placed in the cell containing their centre, and each cell's glyphs are cut
// into lines by position (line_builder.h). Where the text shows rules the
// grid left out (a ruled cell holding two columns of values, a ruled row
// holding several rows of numbers), the grid is built again with them
// (text_rulings.h) and the table reports `ruling: partial`. A table printed
// sideways (most of its text turned a quarter) is turned back: its rows and
// columns are given in its own reading order, not the page's.
#ifndef DOCPIPE_EXTRACT_TABLE_BUILDER_H_
#define DOCPIPE_EXTRACT_TABLE_BUILDER_H_

#include <vector>

#include "extract/layout.h"
#include "extract/page_content.h"
#include "extract/ruling_detector.h"

namespace docpipe {

struct TableOptions {
  double tolerance = 2.0;     // rulings this close count as touching
  double min_cell_size = 4;   // narrower rows/columns are drawing artefacts
};

// Tables on one page, top to bottom, ids 0 (numbered later by the caller).
// `in_table`, parallel to `glyphs`, is set for every glyph placed in a cell.
// Tables without any text are dropped, and so is every single-cell frame (a
// framed text box, a chart frame, a border around the page): one box is not
// a table, and its text is left to the page's lines.
std::vector<Table> BuildTables(const std::vector<Ruling>& rulings, const std::vector<Glyph>& glyphs,
                               const std::vector<std::string>& fonts, double page_width, double page_height,
                               std::vector<bool>* in_table, const TableOptions& options = {});

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_TABLE_BUILDER_H_
