#include "extract/table_builder.h"

#include <algorithm>
#include <numeric>

#include "common/unicode.h"
#include "extract/line_builder.h"
#include "extract/text_rulings.h"
#include "extract/union_find.h"

namespace docpipe {
namespace {

bool Touch(const Ruling& h, const Ruling& v, double tol) {
  return v.pos >= h.start - tol && v.pos <= h.end + tol && h.pos >= v.start - tol && h.pos <= v.end + tol;
}

// Cuts sorted positions into clusters no wider than `width`; returns the
// cluster positions (means) and, for every input, its cluster.
std::vector<double> Cluster(const std::vector<double>& positions, double width, std::vector<size_t>* cluster_of) {
  std::vector<size_t> order(positions.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return positions[a] < positions[b]; });
  std::vector<double> centres;
  cluster_of->assign(positions.size(), 0);
  double first = 0, sum = 0;
  size_t count = 0;
  for (size_t i : order) {
    if (count > 0 && positions[i] - first > width) {
      centres.push_back(sum / static_cast<double>(count));
      count = 0;
      sum = 0;
    }
    if (count == 0) first = positions[i];
    sum += positions[i];
    ++count;
    (*cluster_of)[i] = centres.size();
  }
  if (count > 0) centres.push_back(sum / static_cast<double>(count));
  return centres;
}

// One connected group of rulings turned into a grid of slots and cells.
class Grid {
 public:
  Grid(const std::vector<const Ruling*>& horizontal, const std::vector<const Ruling*>& vertical,
       const TableOptions& options)
      : options_(options) {
    std::vector<double> ypos, xpos;
    for (const Ruling* r : horizontal) ypos.push_back(r->pos);
    for (const Ruling* r : vertical) xpos.push_back(r->pos);
    ys_ = Cluster(ypos, options.min_cell_size, &h_cluster_);
    xs_ = Cluster(xpos, options.min_cell_size, &v_cluster_);
    h_ = horizontal;
    v_ = vertical;
    AddMissingFrame();
  }

  bool usable() const { return xs_.size() >= 2 && ys_.size() >= 2; }
  const std::vector<double>& column_edges() const { return xs_; }

  // Builds the cells (without text) and the slot -> cell map.
  Table Build() {
    size_t rows = ys_.size() - 1, cols = xs_.size() - 1;
    UnionFind slots(rows * cols);
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < cols; ++c) {
        if (c + 1 < cols && !HasVerticalBorder(c + 1, r)) slots.Unite(r * cols + c, r * cols + c + 1);
        if (r + 1 < rows && !HasHorizontalBorder(r + 1, c)) slots.Unite(r * cols + c, (r + 1) * cols + c);
      }
    }
    std::vector<size_t> label = RectangularLabels(&slots, rows, cols);
    Table table;
    table.rows = static_cast<int>(rows);
    table.cols = static_cast<int>(cols);
    table.bbox = {xs_.front(), ys_.front(), xs_.back(), ys_.back()};
    std::vector<int> cell_of_root(2 * rows * cols, -1);
    slot_cell_.assign(rows * cols, -1);
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < cols; ++c) {
        size_t root = label[r * cols + c];
        if (cell_of_root[root] < 0) {
          cell_of_root[root] = static_cast<int>(table.cells.size());
          Cell cell;
          cell.row = static_cast<int>(r);
          cell.col = static_cast<int>(c);
          table.cells.push_back(cell);
        }
        Cell& cell = table.cells[static_cast<size_t>(cell_of_root[root])];
        cell.row_span = std::max(cell.row_span, static_cast<int>(r) - cell.row + 1);
        cell.col_span = std::max(cell.col_span, static_cast<int>(c) - cell.col + 1);
        slot_cell_[r * cols + c] = cell_of_root[root];
      }
    }
    for (Cell& cell : table.cells) {
      cell.bbox = {xs_[static_cast<size_t>(cell.col)], ys_[static_cast<size_t>(cell.row)],
                   xs_[static_cast<size_t>(cell.col + cell.col_span)], ys_[static_cast<size_t>(cell.row + cell.row_span)]};
    }
    return table;
  }

  // The cell (index into Build()'s cells) whose slot holds the point, or -1.
  int CellAt(double x, double y) const {
    if (x < xs_.front() || x > xs_.back() || y < ys_.front() || y > ys_.back()) return -1;
    size_t c = static_cast<size_t>(std::upper_bound(xs_.begin(), xs_.end(), x) - xs_.begin());
    size_t r = static_cast<size_t>(std::upper_bound(ys_.begin(), ys_.end(), y) - ys_.begin());
    c = std::min(std::max<size_t>(c, 1), xs_.size() - 1) - 1;
    r = std::min(std::max<size_t>(r, 1), ys_.size() - 1) - 1;
    return slot_cell_[r * (xs_.size() - 1) + c];
  }

 private:
  // Slot labels such that every label covers a rectangle of slots. A group
  // of slots joined where rules are missing is usually a rectangle (a merged
  // cell); when it is not (an L-shaped gap in the rules, where a rule ends
  // short of the next), its bounding rectangle would overlap other cells, so
  // it is cut into runs along each row, and runs over the same columns in
  // consecutive rows are joined again. Plain groups keep their root as label;
  // cut groups get labels from rows * cols on.
  static std::vector<size_t> RectangularLabels(UnionFind* slots, size_t rows, size_t cols) {
    const size_t n = rows * cols;
    std::vector<size_t> label(n);
    std::vector<size_t> r0(n, rows), r1(n, 0), c0(n, cols), c1(n, 0), count(n, 0);
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < cols; ++c) {
        size_t root = slots->Find(r * cols + c);
        label[r * cols + c] = root;
        r0[root] = std::min(r0[root], r), r1[root] = std::max(r1[root], r);
        c0[root] = std::min(c0[root], c), c1[root] = std::max(c1[root], c);
        ++count[root];
      }
    }
    constexpr size_t kNone = static_cast<size_t>(-1);
    size_t next = n;
    std::vector<size_t> run(n, kNone);  // per slot of a cut group: its run's label
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < cols;) {
        size_t root = slots->Find(r * cols + c);
        if (count[root] == (r1[root] - r0[root] + 1) * (c1[root] - c0[root] + 1)) {
          ++c;
          continue;
        }
        size_t end = c;
        while (end + 1 < cols && slots->Find(r * cols + end + 1) == root) ++end;
        // The run above, of the same group over exactly these columns, goes on.
        size_t id = kNone;
        if (r > 0) {
          size_t above = run[(r - 1) * cols + c];
          bool same = above != kNone && slots->Find((r - 1) * cols + c) == root && (c == 0 || run[(r - 1) * cols + c - 1] != above) &&
                      (end + 1 == cols || run[(r - 1) * cols + end + 1] != above);
          for (size_t k = c; same && k <= end; ++k) same = run[(r - 1) * cols + k] == above;
          if (same) id = above;
        }
        if (id == kNone) id = next++;
        for (size_t k = c; k <= end; ++k) label[r * cols + k] = run[r * cols + k] = id;
        c = end + 1;
      }
    }
    return label;
  }

  // A table drawn without its outer frame: its rulings end where the frame
  // would be. Those ends become the missing outer edges.
  void AddMissingFrame() {
    if (h_.empty() || v_.empty()) return;
    double left = h_[0]->start, right = h_[0]->end, top = v_[0]->start, bottom = v_[0]->end;
    for (const Ruling* r : h_) left = std::min(left, r->start), right = std::max(right, r->end);
    for (const Ruling* r : v_) top = std::min(top, r->start), bottom = std::max(bottom, r->end);
    double margin = std::max(2 * options_.tolerance, options_.min_cell_size);
    if (left < xs_.front() - margin) xs_.insert(xs_.begin(), left), ShiftClusters(&v_cluster_);
    if (right > xs_.back() + margin) xs_.push_back(right);
    if (top < ys_.front() - margin) ys_.insert(ys_.begin(), top), ShiftClusters(&h_cluster_);
    if (bottom > ys_.back() + margin) ys_.push_back(bottom);
  }
  static void ShiftClusters(std::vector<size_t>* clusters) {
    for (size_t& c : *clusters) ++c;
  }

  // Does a ruling at boundary `index` cover [a, b] (up to a tolerance)?
  static bool Covers(const std::vector<const Ruling*>& rulings, const std::vector<size_t>& cluster, size_t index,
                     double a, double b, double tolerance) {
    double margin = std::min(tolerance, (b - a) / 4);
    for (size_t i = 0; i < rulings.size(); ++i) {
      if (cluster[i] == index && rulings[i]->start <= a + margin && rulings[i]->end >= b - margin) return true;
    }
    return false;
  }
  bool HasVerticalBorder(size_t x_index, size_t row) const {
    return Covers(v_, v_cluster_, x_index, ys_[row], ys_[row + 1], options_.tolerance);
  }
  bool HasHorizontalBorder(size_t y_index, size_t col) const {
    return Covers(h_, h_cluster_, y_index, xs_[col], xs_[col + 1], options_.tolerance);
  }

  const TableOptions& options_;
  std::vector<const Ruling*> h_, v_;
  std::vector<size_t> h_cluster_, v_cluster_;  // ruling -> index into ys_/xs_
  std::vector<double> xs_, ys_;
  std::vector<int> slot_cell_;
};

// A table printed sideways (its text rotated a quarter turn) reads across
// the page's columns: its first row is the page's rightmost column when the
// text runs down the page (rotation 1), the leftmost when it runs up (3).
void TurnToReadingOrder(int rotation, Table* table) {
  if (rotation != 1 && rotation != 3) return;
  for (Cell& cell : table->cells) {
    int row = rotation == 1 ? table->cols - (cell.col + cell.col_span) : cell.col;
    int col = rotation == 1 ? cell.row : table->rows - (cell.row + cell.row_span);
    cell.row = row;
    cell.col = col;
    std::swap(cell.row_span, cell.col_span);
  }
  std::swap(table->rows, table->cols);
  std::sort(table->cells.begin(), table->cells.end(),
            [](const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
}

// Semi-ruled tables rule their header grid but separate body rows by
// horizontal rules only, so each body row comes out as one cell across the
// table. Such a row is cut at the column edges of the header where its text
// leaves a clear gap (wider than a word space), and only when that yields
// text in at least two columns: a full-width caption stays whole.
void SplitUnruledRows(const std::vector<double>& edges, std::vector<Cell>* cells,
                      std::vector<std::vector<const Glyph*>>* cell_glyphs) {
  const int cols = static_cast<int>(edges.size()) - 1;
  if (cols < 2) return;
  std::vector<Cell> out_cells;
  std::vector<std::vector<const Glyph*>> out_glyphs;
  for (size_t i = 0; i < cells->size(); ++i) {
    const Cell& cell = (*cells)[i];
    const std::vector<const Glyph*>& glyphs = (*cell_glyphs)[i];
    std::vector<int> cuts = {0};
    if (cell.col_span == cols && cell.row_span == 1 && !glyphs.empty()) {
      for (int k = 1; k < cols; ++k) {
        double edge = edges[static_cast<size_t>(k)];
        bool clear = true;
        for (const Glyph* g : glyphs) {
          double pad = 0.3 * g->size;
          clear = clear && !(g->bbox.x0 < edge + pad && g->bbox.x1 > edge - pad);
        }
        if (clear) cuts.push_back(k);
      }
    }
    cuts.push_back(cols);
    std::vector<std::vector<const Glyph*>> parts(cuts.size() - 1);
    for (const Glyph* g : glyphs) {
      size_t part = 0;
      while (part + 1 < parts.size() && g->bbox.cx() > edges[static_cast<size_t>(cuts[part + 1])]) ++part;
      parts[part].push_back(g);
    }
    int filled = 0;
    for (const auto& part : parts) filled += !part.empty();
    if (cuts.size() == 2 || filled < 2 || cell.col_span != cols) {
      out_cells.push_back(cell);
      out_glyphs.push_back(glyphs);
      continue;
    }
    for (size_t p = 0; p < parts.size(); ++p) {
      Cell piece = cell;
      piece.col = cuts[p];
      piece.col_span = cuts[p + 1] - cuts[p];
      piece.bbox.x0 = edges[static_cast<size_t>(cuts[p])];
      piece.bbox.x1 = edges[static_cast<size_t>(cuts[p + 1])];
      out_cells.push_back(piece);
      out_glyphs.push_back(std::move(parts[p]));
    }
  }
  *cells = std::move(out_cells);
  *cell_glyphs = std::move(out_glyphs);
}

// Where a glyph is placed in the grid: its centre, except for a mark that
// may not begin a line (。、，．）！？), which belongs to the text before it.
// Chinese typesetting lets such a mark hang past a cell's right rule, by up
// to its whole width, so its centre (or even its origin) can lie in the next
// column; its origin less a quarter em still lies in its own cell, since a
// cell's text never starts with it. Only for upright text (rotation 0).
std::pair<double, double> AnchorOf(const Glyph& glyph) {
  if (glyph.rotation == 0 && unicode::CannotBeginLine(glyph.text)) {
    return {glyph.bbox.x0 - 0.25 * std::max(glyph.size, 1.0), glyph.bbox.cy()};
  }
  return {glyph.bbox.cx(), glyph.bbox.cy()};
}

int DominantRotation(const std::vector<Glyph>& glyphs, const std::vector<size_t>& members) {
  int count[4] = {0, 0, 0, 0};
  for (size_t i : members) ++count[glyphs[i].rotation & 3];
  return static_cast<int>(std::max_element(count, count + 4) - count);
}

}  // namespace

std::vector<Table> BuildTables(const std::vector<Ruling>& rulings, const std::vector<Glyph>& glyphs,
                               const std::vector<std::string>& fonts, double /*page_width*/, double /*page_height*/,
                               std::vector<bool>* in_table, const TableOptions& options) {
  in_table->assign(glyphs.size(), false);
  std::vector<const Ruling*> horizontal, vertical;
  for (const Ruling& r : rulings) (r.horizontal ? horizontal : vertical).push_back(&r);

  // Groups of touching rulings; index i < H is horizontal[i], else vertical.
  const size_t nh = horizontal.size();
  UnionFind groups(nh + vertical.size());
  for (size_t i = 0; i < nh; ++i) {
    for (size_t j = 0; j < vertical.size(); ++j) {
      if (Touch(*horizontal[i], *vertical[j], options.tolerance)) groups.Unite(i, nh + j);
    }
  }
  std::vector<std::vector<const Ruling*>> group_h(nh + vertical.size()), group_v(nh + vertical.size());
  for (size_t i = 0; i < nh; ++i) group_h[groups.Find(i)].push_back(horizontal[i]);
  for (size_t j = 0; j < vertical.size(); ++j) group_v[groups.Find(nh + j)].push_back(vertical[j]);

  std::vector<Table> tables;
  for (size_t g = 0; g < group_h.size(); ++g) {
    if (group_h[g].empty() || group_v[g].empty() || group_h[g].size() + group_v[g].size() < 3) continue;
    Grid grid(group_h[g], group_v[g], options);
    if (!grid.usable()) continue;
    Table table = grid.Build();
    if (table.rows == 1 && table.cols == 1) {
      continue;  // a frame (text box, chart, the page's border), not a table: its text stays text
    }
    std::vector<std::vector<const Glyph*>> cell_glyphs(table.cells.size());
    std::vector<size_t> claimed;
    for (size_t i = 0; i < glyphs.size(); ++i) {
      if ((*in_table)[i]) continue;
      auto [x, y] = AnchorOf(glyphs[i]);
      int cell = grid.CellAt(x, y);
      if (cell < 0 && (x != glyphs[i].bbox.cx())) cell = grid.CellAt(glyphs[i].bbox.cx(), y);
      if (cell < 0) continue;
      cell_glyphs[static_cast<size_t>(cell)].push_back(&glyphs[i]);
      claimed.push_back(i);
    }
    if (claimed.empty()) continue;
    for (size_t i : claimed) (*in_table)[i] = true;
    // Rules the grid leaves to the alignment of its text: the grid is built
    // again with them, and its glyphs placed again.
    const std::vector<Ruling> text_rulings = TextRulings(table.cells, cell_glyphs);
    std::vector<double> column_edges = grid.column_edges();
    if (!text_rulings.empty()) {
      std::vector<const Ruling*> h = group_h[g], v = group_v[g];
      for (const Ruling& r : text_rulings) (r.horizontal ? h : v).push_back(&r);
      Grid refined(h, v, options);
      if (refined.usable()) {
        table = refined.Build();
        table.ruling = TableRuling::kPartial;
        cell_glyphs.assign(table.cells.size(), {});
        for (size_t i : claimed) {
          auto [x, y] = AnchorOf(glyphs[i]);
          int cell = refined.CellAt(x, y);
          if (cell < 0) cell = refined.CellAt(glyphs[i].bbox.cx(), y);
          if (cell < 0) cell = refined.CellAt(std::clamp(x, table.bbox.x0, table.bbox.x1),
                                              std::clamp(y, table.bbox.y0, table.bbox.y1));
          cell_glyphs[static_cast<size_t>(cell)].push_back(&glyphs[i]);
        }
        column_edges = refined.column_edges();
      }
    }
    SplitUnruledRows(column_edges, &table.cells, &cell_glyphs);
    for (size_t c = 0; c < table.cells.size(); ++c) {
      table.cells[c].lines = BuildLinesByPosition(cell_glyphs[c], fonts);
      table.cells[c].text = JoinLines(table.cells[c].lines);
    }
    TurnToReadingOrder(DominantRotation(glyphs, claimed), &table);
    tables.push_back(std::move(table));
  }
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) {
    return a.bbox.y0 != b.bbox.y0 ? a.bbox.y0 < b.bbox.y0 : a.bbox.x0 < b.bbox.x0;
  });
  return tables;
}

}  // namespace docpipe
