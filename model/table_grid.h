// TableGrid: a table as the grid it is printed on, kept to the end of the
// pipeline (normalize's output, the reader, the catalogue), so that a cell
// merged over rows or columns and an empty cell stay where they stand.
//
// Row 0 is the header row (the table's `header`), row r >= 1 the table's
// body row r - 1; `header_rows` says how many leading rows are column
// headers (more than one when extract saw them repeated on a new page). A
// cell is written once, at the slot where it starts, with how many rows and
// columns it covers; every slot of the rows x cols grid is covered by
// exactly one cell, empty cells included.
#ifndef DOCPIPE_MODEL_TABLE_GRID_H_
#define DOCPIPE_MODEL_TABLE_GRID_H_

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace docpipe {

struct TableCell {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::string text;
};

struct TableGrid {
  int rows = 0;
  int cols = 0;
  int header_rows = 0;
  std::vector<TableCell> cells;  // by row, then column
};

// Ok when every slot is covered by exactly one cell, spans are at least one
// and stay inside the grid, cells are ordered by row then column, and
// 0 < header_rows <= rows (0 for an empty grid). The message names the
// first slot at fault.
Status CheckTableGrid(const TableGrid& grid);

// The grid of rows that carry no spans (a document written before grids
// were kept): one slot per cell, short rows padded with empty cells, the
// first row the header.
TableGrid GridFromRows(const std::vector<std::vector<std::string>>& rows);

// The grid as a rectangular matrix of rows x cols texts: a cell's text at
// the slot where it starts, nullopt at the other slots its span covers (so
// that no text is counted twice). An empty cell is "", not nullopt.
std::vector<std::vector<std::optional<std::string>>> GridMatrix(const TableGrid& grid);

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_TABLE_GRID_H_
