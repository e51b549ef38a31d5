#include "extract/aligned_table_builder.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "extract/glyph_lines.h"
#include "extract/line_builder.h"

namespace docpipe {
namespace {

// Rules shorter than this do not bound a table (underlines, header rules
// over a few columns are taken with the region they sit in).
constexpr double kMinRuleLength = 60;
// Rules whose two ends are this close have the same extent.
constexpr double kExtentTolerance = 4;
// Pieces of one row rule this far apart are one rule (a gap at a column).
constexpr double kRuleGap = 6;
// Column gaps narrower than this are not gaps.
constexpr double kMinColumnGap = 2.0;
// A line of one chunk wider than this share of the region is running text.
constexpr double kProseWidth = 0.6;
// A band of at least this many lines, two thirds of them unsplit, is text.
constexpr int kMinTextBlockLines = 3;
// Share of the data lines that may cross a column gap (spanning headers).
constexpr double kCrossingShare = 0.12;

using Chunk = GlyphChunk;
using Line = GlyphLine;

// The glyphs inside the box, as lines of chunks, top to bottom
// (extract/glyph_lines.h). `indices` receives the glyphs taken. Rotated text
// is left out: returns no lines when most of the box's text is rotated.
std::vector<Line> LinesIn(const BBox& box, const std::vector<Glyph>& glyphs, const std::vector<bool>& in_table,
                          std::vector<size_t>* indices) {
  indices->clear();
  int rotated = 0;
  std::vector<const Glyph*> taken;
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const Glyph& g = glyphs[i];
    if (in_table[i] || !box.Contains(g.bbox.cx(), g.bbox.cy())) continue;
    if (g.rotation != 0) {
      ++rotated;
      continue;
    }
    taken.push_back(&g);
    indices->push_back(i);
  }
  if (rotated > static_cast<int>(taken.size())) {
    indices->clear();
    return {};
  }
  return GroupGlyphLines(std::move(taken));
}

bool IsProse(const Line& line, double width) {
  return line.chunks.size() == 1 && line.chunks[0].x1 - line.chunks[0].x0 > kProseWidth * width;
}

// Most of the band's lines are running text (or the band is a caption), or
// the band is a block of text lines of which hardly any is split into
// columns (the notes under one table and the title of the next, between the
// two tables' rules).
bool IsProseBand(const std::vector<Line>& lines, double width) {
  int prose = 0, single = 0;
  for (const Line& line : lines) {
    prose += IsProse(line, width);
    single += line.chunks.size() == 1;
  }
  const int n = static_cast<int>(lines.size());
  return n > 0 && (2 * prose >= n || (n >= kMinTextBlockLines && 3 * single >= 2 * n));
}

// A cell under construction: the columns it covers and its glyphs.
struct Slot {
  int col = 0, last_col = 0;
  std::vector<const Glyph*> glyphs;
  double first_x = 0;  // left edge of its first chunk (for wrapped labels)
};

struct Row {
  std::vector<Slot> slots;  // by column
  double y0 = 0, y1 = 0, base = 0, size = 0;
};

// Builds the table of one region, or nothing when the evidence is weak.
bool BuildRegion(const BBox& region, const std::vector<Glyph>& glyphs, const std::vector<std::string>& fonts,
                 std::vector<bool>* in_table, Table* table) {
  std::vector<size_t> indices;
  std::vector<Line> lines = LinesIn(region, glyphs, *in_table, &indices);
  if (lines.size() < 2) return false;
  // Data lines carry the column evidence.
  size_t min_chunks = 3;
  auto count_data = [&](size_t k) {
    return std::count_if(lines.begin(), lines.end(), [&](const Line& l) { return l.chunks.size() >= k; });
  };
  if (count_data(3) < 2) min_chunks = 2;
  // Strong evidence: at least two data lines, and they are not the few
  // exceptions of a text block (a colophon whose letter-spaced labels
  // "印  刷" look like two chunks).
  const auto data_lines = count_data(min_chunks);
  if (data_lines < 2 || 10 * data_lines < 4 * static_cast<long>(lines.size())) return false;
  double left = region.x1, right = region.x0;
  for (const Line& line : lines) {
    left = std::min(left, line.chunks.front().x0);
    right = std::max(right, line.chunks.back().x1);
  }
  const double step = 0.5;
  const size_t n = static_cast<size_t>(std::max(0.0, (right - left) / step)) + 2;
  // How many data lines cover each x. A column gap may be crossed by a few
  // of them (a group header spanning its columns, one overlong value), as
  // long as nearly every data line leaves it free.
  std::vector<int> cover(n, 0);
  for (const Line& line : lines) {
    if (line.chunks.size() < min_chunks) continue;
    for (const Chunk& c : line.chunks) {
      size_t a = static_cast<size_t>(std::max(0.0, (c.x0 - left) / step));
      size_t b = std::min(n - 1, static_cast<size_t>(std::max(0.0, (c.x1 - left) / step)));
      for (size_t k = a; k <= b; ++k) ++cover[k];
    }
  }
  const int crossing = static_cast<int>(kCrossingShare * static_cast<double>(data_lines));
  std::vector<bool> covered(n, false);
  for (size_t k = 0; k < n; ++k) covered[k] = cover[k] > crossing;
  std::vector<double> separators;
  size_t k = 0;
  while (k < n && !covered[k]) ++k;
  while (k < n) {
    while (k < n && covered[k]) ++k;
    size_t start = k;
    while (k < n && !covered[k]) ++k;
    if (k >= n) break;  // the uncovered tail after the last text
    if (static_cast<double>(k - start) * step >= kMinColumnGap) {
      separators.push_back(left + (static_cast<double>(start + k) / 2.0) * step);
    }
  }
  if (separators.empty()) return false;
  const int cols = static_cast<int>(separators.size()) + 1;
  auto column_of = [&](double x) {
    return static_cast<int>(std::upper_bound(separators.begin(), separators.end(), x) - separators.begin());
  };

  std::vector<Row> rows;
  for (const Line& line : lines) {
    Row row;
    row.y0 = line.y0;
    row.y1 = line.y1;
    row.base = line.base;
    row.size = line.size;
    for (const Chunk& chunk : line.chunks) {
      int c0 = column_of(chunk.x0 + 0.1), c1 = column_of(chunk.x1 - 0.1);
      if (c1 < c0) c1 = c0;
      if (!row.slots.empty() && c0 <= row.slots.back().last_col) {
        Slot& previous = row.slots.back();  // two chunks in one column: one cell
        previous.last_col = std::max(previous.last_col, c1);
        previous.glyphs.insert(previous.glyphs.end(), chunk.glyphs.begin(), chunk.glyphs.end());
        continue;
      }
      Slot slot;
      slot.col = c0;
      slot.last_col = c1;
      slot.glyphs = chunk.glyphs;
      slot.first_x = chunk.x0;
      row.slots.push_back(std::move(slot));
    }
    // A wrapped row label: only a first-column chunk, indented deeper than
    // the label of the data row just above, on the next line.
    if (!rows.empty() && row.slots.size() == 1 && row.slots[0].col == 0 && row.slots[0].last_col == 0) {
      Row& above = rows.back();
      bool above_is_data = above.slots.size() >= 2 && above.slots[0].col == 0;
      if (above_is_data && row.slots[0].first_x > above.slots[0].first_x + 1.0 &&
          row.base - above.base < 1.6 * std::max(row.size, 1.0)) {
        Slot& label = above.slots[0];
        label.glyphs.insert(label.glyphs.end(), row.slots[0].glyphs.begin(), row.slots[0].glyphs.end());
        above.y1 = std::max(above.y1, row.y1);
        above.base = row.base;
        continue;
      }
    }
    rows.push_back(std::move(row));
  }
  if (rows.size() < 2) return false;

  std::vector<double> edges = {std::min(left, region.x0)};
  edges.insert(edges.end(), separators.begin(), separators.end());
  edges.push_back(std::max(right, region.x1));
  table->bbox = region;
  table->rows = static_cast<int>(rows.size());
  table->cols = cols;
  table->ruling = TableRuling::kPartial;
  for (size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    double top = r == 0 ? region.y0 : (rows[r - 1].y1 + row.y0) / 2;
    double bottom = r + 1 == rows.size() ? region.y1 : (row.y1 + rows[r + 1].y0) / 2;
    size_t s = 0;
    for (int c = 0; c < cols;) {
      Cell cell;
      cell.row = static_cast<int>(r);
      cell.col = c;
      std::vector<const Glyph*> cell_glyphs;
      if (s < row.slots.size() && row.slots[s].col == c) {
        cell.col_span = row.slots[s].last_col - c + 1;
        cell_glyphs = row.slots[s].glyphs;
        ++s;
      }
      cell.bbox = {edges[static_cast<size_t>(c)], top, edges[static_cast<size_t>(c + cell.col_span)], bottom};
      cell.lines = BuildLinesByPosition(cell_glyphs, fonts);
      cell.text = JoinLines(cell.lines);
      c += cell.col_span;
      table->cells.push_back(std::move(cell));
    }
  }
  for (size_t i : indices) (*in_table)[i] = true;
  return true;
}

}  // namespace

std::vector<Table> BuildAlignedTables(const std::vector<Ruling>& rulings, const std::vector<Table>& ruled,
                                      const std::vector<Glyph>& glyphs, const std::vector<std::string>& fonts,
                                      std::vector<bool>* in_table) {
  auto inside_ruled = [&](const Ruling& r) {
    for (const Table& t : ruled) {
      if (r.pos >= t.bbox.y0 - 3 && r.pos <= t.bbox.y1 + 3 && r.start < t.bbox.x1 && r.end > t.bbox.x0) return true;
    }
    return false;
  };
  // Row rules broken at the column gaps (pieces on one line, a few points
  // apart) are one rule for finding the table.
  std::vector<Ruling> joined;
  for (const Ruling& r : rulings) {
    if (!r.horizontal) continue;
    if (!joined.empty() && std::fabs(joined.back().pos - r.pos) < 0.5 && r.start - joined.back().end <= kRuleGap &&
        r.start >= joined.back().start) {
      joined.back().end = std::max(joined.back().end, r.end);
      continue;
    }
    joined.push_back(r);
  }
  // Stacks of rules with one extent, widest first.
  std::vector<std::vector<const Ruling*>> stacks;
  for (const Ruling& r : joined) {
    if (!r.horizontal || r.end - r.start < kMinRuleLength || inside_ruled(r)) continue;
    bool placed = false;
    for (auto& stack : stacks) {
      if (std::fabs(stack[0]->start - r.start) <= kExtentTolerance &&
          std::fabs(stack[0]->end - r.end) <= kExtentTolerance) {
        stack.push_back(&r);
        placed = true;
        break;
      }
    }
    if (!placed) stacks.push_back({&r});
  }
  std::stable_sort(stacks.begin(), stacks.end(), [](const auto& a, const auto& b) {
    return a[0]->end - a[0]->start > b[0]->end - b[0]->start;
  });

  std::vector<Table> tables;
  for (auto& stack : stacks) {
    if (stack.size() < 2) continue;
    std::sort(stack.begin(), stack.end(), [](const Ruling* a, const Ruling* b) { return a->pos < b->pos; });
    const double x0 = stack[0]->start, x1 = stack[0]->end;
    // Cut the stack at bands of running text.
    size_t first = 0;
    for (size_t i = 0; i + 1 <= stack.size(); ++i) {
      bool cut = i + 1 == stack.size();
      if (!cut) {
        BBox band{x0 - 1, stack[i]->pos, x1 + 1, stack[i + 1]->pos};
        std::vector<size_t> unused;
        cut = IsProseBand(LinesIn(band, glyphs, *in_table, &unused), x1 - x0);
      }
      if (!cut) continue;
      if (i > first) {
        BBox region{x0 - 1, stack[first]->pos, x1 + 1, stack[i]->pos};
        bool overlaps = false;
        for (const Table& t : tables) {
          overlaps |= region.x0 < t.bbox.x1 && region.x1 > t.bbox.x0 && region.y0 < t.bbox.y1 && region.y1 > t.bbox.y0;
        }
        Table table;
        if (!overlaps && BuildRegion(region, glyphs, fonts, in_table, &table)) tables.push_back(std::move(table));
      }
      first = i + 1;
    }
  }
  return tables;
}

}  // namespace docpipe
