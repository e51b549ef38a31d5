#include "normalize/policy/grid_builder.h"

#include <algorithm>
#include <tuple>

#include "common/unicode.h"

namespace docpipe {
namespace {

CellSpan SpanAt(const std::vector<CellSpan>& spans, size_t c) { return c < spans.size() ? spans[c] : CellSpan{}; }

bool Covers(const TableCell& cell, int row, int col) {
  return cell.row <= row && row < cell.row + cell.row_span && cell.col <= col && col < cell.col + cell.col_span;
}

void AppendText(const std::string& text, TableCell* cell) {
  if (text.empty()) return;
  cell->text = cell->text.empty() ? text : unicode::JoinWrapped(cell->text, text);
}

}  // namespace

void AppendGridRow(const std::vector<std::string>& cells, const std::vector<CellSpan>& spans, TableGrid* grid) {
  const int row = grid->rows++;
  grid->cols = std::max(grid->cols, static_cast<int>(cells.size()));
  for (size_t c = 0; c < cells.size(); ++c) {
    CellSpan span = SpanAt(spans, c);
    // A covered slot holds no text of its own; should it hold some, it is a
    // cell (FinishGrid settles the overlap without losing the text).
    if ((span.rows < 1 || span.cols < 1) && cells[c].empty()) continue;
    TableCell cell;
    cell.row = row;
    cell.col = static_cast<int>(c);
    cell.row_span = std::max(span.rows, 1);
    cell.col_span = std::max(span.cols, 1);
    cell.text = cells[c];
    grid->cells.push_back(std::move(cell));
  }
}

void JoinGridRow(const std::vector<std::string>& cells, const std::vector<CellSpan>& spans, TableGrid* grid) {
  if (grid->rows == 0) {
    AppendGridRow(cells, spans, grid);
    return;
  }
  const int row = grid->rows - 1;
  grid->cols = std::max(grid->cols, static_cast<int>(cells.size()));
  for (size_t c = 0; c < cells.size(); ++c) {
    const int col = static_cast<int>(c);
    auto it = std::find_if(grid->cells.rbegin(), grid->cells.rend(),
                           [&](const TableCell& cell) { return Covers(cell, row, col); });
    if (it == grid->cells.rend()) {
      TableCell cell;
      cell.row = row;
      cell.col = col;
      cell.text = cells[c];
      grid->cells.push_back(std::move(cell));
      continue;
    }
    AppendText(cells[c], &*it);
    const CellSpan span = SpanAt(spans, c);
    if (it->row == row && it->col == col && span.rows > it->row_span) it->row_span = span.rows;
  }
}

std::vector<std::pair<int, int>> JoinCutCells(const std::vector<int>& continued, std::vector<std::string>* cells,
                                              std::vector<CellSpan>* spans, TableGrid* grid) {
  std::vector<std::pair<int, int>> joined;
  const int row = grid->rows - 1;  // the last row, above the row to come
  if (row < 1) return joined;
  for (const int col : continued) {
    const size_t c = static_cast<size_t>(col);
    if (col < 0 || c >= spans->size() || c >= cells->size()) continue;
    CellSpan& span = (*spans)[c];
    if (span.rows < 1 || span.cols < 1) continue;
    auto it = std::find_if(grid->cells.rbegin(), grid->cells.rend(),
                           [&](const TableCell& cell) { return Covers(cell, row, col); });
    // Only a body cell over the same columns can grow down over the slot.
    if (it == grid->cells.rend() || it->row < 1 || it->col != col || it->col_span != span.cols) continue;
    AppendText((*cells)[c], &*it);
    it->row_span = row + 1 - it->row + span.rows;
    joined.emplace_back(it->row, col);
    (*cells)[c].clear();
    span = CellSpan{0, 0};
  }
  return joined;
}

void FinishGrid(int header_rows, TableGrid* grid) {
  auto order = [](const TableCell& a, const TableCell& b) { return std::tie(a.row, a.col) < std::tie(b.row, b.col); };
  std::stable_sort(grid->cells.begin(), grid->cells.end(), order);
  const size_t cols = static_cast<size_t>(grid->cols);
  // owner[slot]: index into `kept` of the cell covering it, -1 when free.
  std::vector<int> owner(static_cast<size_t>(grid->rows) * cols, -1);
  auto slot = [&](int r, int c) -> int& { return owner[static_cast<size_t>(r) * cols + static_cast<size_t>(c)]; };
  std::vector<TableCell> kept;
  for (TableCell& cell : grid->cells) {
    if (int at = slot(cell.row, cell.col); at >= 0) {
      AppendText(cell.text, &kept[static_cast<size_t>(at)]);
      continue;
    }
    // The widest free run to the right in its first row, then as many rows
    // below as are free over that run.
    int width = 1;
    while (width < cell.col_span && cell.col + width < grid->cols && slot(cell.row, cell.col + width) < 0) ++width;
    int height = 1;
    for (; height < cell.row_span && cell.row + height < grid->rows; ++height) {
      bool free = true;
      for (int c = cell.col; c < cell.col + width && free; ++c) free = slot(cell.row + height, c) < 0;
      if (!free) break;
    }
    cell.col_span = width;
    cell.row_span = height;
    const int index = static_cast<int>(kept.size());
    for (int r = cell.row; r < cell.row + height; ++r) {
      for (int c = cell.col; c < cell.col + width; ++c) slot(r, c) = index;
    }
    kept.push_back(std::move(cell));
  }
  for (int r = 0; r < grid->rows; ++r) {
    for (int c = 0; c < grid->cols; ++c) {
      if (slot(r, c) >= 0) continue;
      TableCell empty;
      empty.row = r;
      empty.col = c;
      slot(r, c) = static_cast<int>(kept.size());
      kept.push_back(std::move(empty));
    }
  }
  std::stable_sort(kept.begin(), kept.end(), order);
  grid->cells = std::move(kept);
  grid->header_rows = grid->rows == 0 ? 0 : std::clamp(header_rows, 1, grid->rows);
  if (grid->rows == 0 || grid->cols == 0) {
    grid->rows = grid->cols = grid->header_rows = 0;
    grid->cells.clear();
  }
}

}  // namespace docpipe
