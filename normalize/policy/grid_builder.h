// Builds a table's grid (model/table_grid.h) row by row while the policy
// parser reads the table: the header row, body rows, and the rest of a row
// that a page break cut, joined into that row cell by cell.
//
// Spans come from the input (a PDF table's merged cells, TabRow::spans);
// rows without them are one slot per cell. Inputs are not trusted to be
// consistent (a layout JSON may overlap cells, TAB rows may be ragged), so
// FinishGrid makes the grid whole: spans are cut to what is free, text of a
// cell that starts in a covered slot goes to the cell covering it, and every
// uncovered slot becomes an empty cell. No text is lost on the way.
#ifndef DOCPIPE_NORMALIZE_POLICY_GRID_BUILDER_H_
#define DOCPIPE_NORMALIZE_POLICY_GRID_BUILDER_H_

#include <string>
#include <utility>
#include <vector>

#include "model/tab_row.h"
#include "model/table_grid.h"

namespace docpipe {

// Appends a row: a cell per non-covered slot with its span ({0, 0} in
// `spans` marks a slot covered from above or the left; empty `spans`: one
// slot per cell).
void AppendGridRow(const std::vector<std::string>& cells, const std::vector<CellSpan>& spans, TableGrid* grid);

// Joins `cells` (the rest of the grid's last row, cut by a page break) into
// the cells that cover the last row's slots, with unicode::JoinWrapped. A
// cell that starts the continuation over several rows lends its row span to
// the cell it joins.
void JoinGridRow(const std::vector<std::string>& cells, const std::vector<CellSpan>& spans, TableGrid* grid);

// A cell merged over rows that a page break cut while the row after the
// break is a row of its own: the cell of each column in `continued` (it goes
// on from the cell above it, TabRow::continued_cells) is joined, before the
// row is appended, to the body cell covering that slot in the grid's last
// row, when that cell covers the same columns: its text joins that cell's
// with unicode::JoinWrapped, the cell grows down over the rows the slot
// covers, and the slot becomes a covered one ({0, 0}, no text) in `cells`
// and `spans`. Returns (grid row where the joined cell starts, column) for
// each slot so joined; a slot with nothing to join stays as it is.
std::vector<std::pair<int, int>> JoinCutCells(const std::vector<int>& continued, std::vector<std::string>* cells,
                                              std::vector<CellSpan>* spans, TableGrid* grid);

// Makes the grid consistent (see above), orders the cells and sets
// header_rows to `header_rows`, at least 1 and at most the grid's rows.
void FinishGrid(int header_rows, TableGrid* grid);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_GRID_BUILDER_H_
