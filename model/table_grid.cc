#include "model/table_grid.h"

#include <algorithm>
#include <tuple>

namespace docpipe {

Status CheckTableGrid(const TableGrid& grid) {
  if (grid.rows < 0 || grid.cols < 0) return Status::BadInput("grid: negative size");
  if (grid.rows == 0 || grid.cols == 0) {
    if (!grid.cells.empty() || grid.header_rows != 0) return Status::BadInput("grid: cells in an empty grid");
    return Status::Ok();
  }
  if (grid.header_rows < 1 || grid.header_rows > grid.rows) {
    return Status::BadInput("grid: header_rows must be between 1 and rows");
  }
  std::vector<char> covered(static_cast<size_t>(grid.rows) * static_cast<size_t>(grid.cols), 0);
  const TableCell* previous = nullptr;
  for (const TableCell& cell : grid.cells) {
    const std::string at = "row " + std::to_string(cell.row) + ", column " + std::to_string(cell.col);
    if (cell.row < 0 || cell.col < 0 || cell.row_span < 1 || cell.col_span < 1 ||
        cell.row + cell.row_span > grid.rows || cell.col + cell.col_span > grid.cols) {
      return Status::BadInput("grid: the cell at " + at + " lies outside the grid");
    }
    if (previous != nullptr && std::tie(previous->row, previous->col) >= std::tie(cell.row, cell.col)) {
      return Status::BadInput("grid: the cell at " + at + " is out of order");
    }
    previous = &cell;
    for (int r = cell.row; r < cell.row + cell.row_span; ++r) {
      for (int c = cell.col; c < cell.col + cell.col_span; ++c) {
        char& slot = covered[static_cast<size_t>(r) * static_cast<size_t>(grid.cols) + static_cast<size_t>(c)];
        if (slot) {
          return Status::BadInput("grid: two cells cover row " + std::to_string(r) + ", column " + std::to_string(c));
        }
        slot = 1;
      }
    }
  }
  for (size_t i = 0; i < covered.size(); ++i) {
    if (!covered[i]) {
      return Status::BadInput("grid: no cell covers row " + std::to_string(i / static_cast<size_t>(grid.cols)) +
                              ", column " + std::to_string(i % static_cast<size_t>(grid.cols)));
    }
  }
  return Status::Ok();
}

TableGrid GridFromRows(const std::vector<std::vector<std::string>>& rows) {
  TableGrid grid;
  for (const auto& row : rows) grid.cols = std::max(grid.cols, static_cast<int>(row.size()));
  if (grid.cols == 0) return grid;
  grid.rows = static_cast<int>(rows.size());
  grid.header_rows = grid.rows > 0 ? 1 : 0;
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.cols; ++c) {
      const auto& row = rows[static_cast<size_t>(r)];
      grid.cells.push_back({r, c, 1, 1, static_cast<size_t>(c) < row.size() ? row[static_cast<size_t>(c)] : ""});
    }
  }
  return grid;
}

std::vector<std::vector<std::optional<std::string>>> GridMatrix(const TableGrid& grid) {
  std::vector<std::vector<std::optional<std::string>>> matrix(
      static_cast<size_t>(std::max(grid.rows, 0)),
      std::vector<std::optional<std::string>>(static_cast<size_t>(std::max(grid.cols, 0))));
  for (const TableCell& cell : grid.cells) {
    if (cell.row < 0 || cell.row >= grid.rows || cell.col < 0 || cell.col >= grid.cols) continue;
    matrix[static_cast<size_t>(cell.row)][static_cast<size_t>(cell.col)] = cell.text;
  }
  return matrix;
}

}  // namespace docpipe
