#include "extract/unruled_table_builder.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string_view>

#include "extract/glyph_lines.h"
#include "extract/line_builder.h"

namespace docpipe {
namespace {

// A cell of an unruled table ends at a gap this many ems wide.
constexpr double kCellGapEm = 1.5;
// Columns: edges within this many ems are aligned; neighbouring columns
// leave a gap of at least this many ems through all the lines.
constexpr double kAlignEm = 0.75;
constexpr double kColumnGapEm = 1.0;
// Lines of one table: at most this many ems from baseline to baseline.
constexpr double kMaxPitchEm = 2.8;
constexpr size_t kMinLines = 4;
// Share of a column's cells (below the first line) that are numbers.
constexpr double kNumberShare = 0.75;

struct Piece {
  std::vector<const Glyph*> glyphs;
  double x0 = 0, x1 = 0;
  std::string text;
};

struct Row {
  std::vector<Piece> pieces;
  double base = 0, size = 0, y0 = 0, y1 = 0;
};

// "0.2650", "1,219", "$8M", "(12.5)", "-3%", "80 +": digits with at most a
// few signs and units around them, nothing else.
bool IsNumber(const std::string& text) {
  int digits = 0, other = 0;
  for (unsigned char ch : text) {
    if (std::isdigit(ch)) {
      ++digits;
    } else if (std::string_view(",.%$()+-*MmKkBb ").find(static_cast<char>(ch)) == std::string_view::npos) {
      ++other;
    }
  }
  return digits > 0 && other == 0;
}

bool IsWholeNumber(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

Row RowOf(const GlyphLine& line) {
  Row row;
  row.base = line.base, row.size = line.size, row.y0 = line.y0, row.y1 = line.y1;
  const double gap = kCellGapEm * std::max(line.size, 1.0);
  for (const Glyph* g : line.glyphs) {
    if (row.pieces.empty() || g->bbox.x0 - row.pieces.back().x1 > gap) {
      row.pieces.emplace_back();
      row.pieces.back().x0 = g->bbox.x0;
      row.pieces.back().x1 = g->bbox.x1;
    }
    Piece& piece = row.pieces.back();
    if (!piece.glyphs.empty() && g->bbox.x0 - piece.x1 > 0.15 * std::max(g->size, 1.0)) piece.text += ' ';
    piece.glyphs.push_back(g);
    piece.text += g->text;
    piece.x1 = std::max(piece.x1, g->bbox.x1);
  }
  return row;
}

double Spread(const std::vector<double>& v) {
  return *std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end());
}

// The rows have one number of cells, every column aligned and clear of
// its neighbours.
bool Aligned(const std::vector<Row>& rows, size_t first, size_t last) {
  const size_t cols = rows[first].pieces.size();
  double em = 1.0;
  for (size_t r = first; r <= last; ++r) {
    if (rows[r].pieces.size() != cols) return false;
    em = std::max(em, rows[r].size);
  }
  for (size_t c = 0; c < cols; ++c) {
    std::vector<double> lefts, rights, centres;
    for (size_t r = first; r <= last; ++r) {
      const Piece& p = rows[r].pieces[c];
      lefts.push_back(p.x0), rights.push_back(p.x1), centres.push_back((p.x0 + p.x1) / 2);
    }
    const double limit = kAlignEm * em;
    if (Spread(lefts) > limit && Spread(rights) > limit && Spread(centres) > limit) return false;
    if (c + 1 < cols) {
      double right = -1e9, left = 1e9;
      for (size_t r = first; r <= last; ++r) {
        right = std::max(right, rows[r].pieces[c].x1);
        left = std::min(left, rows[r].pieces[c + 1].x0);
      }
      if (left - right < kColumnGapEm * em) return false;
    }
  }
  return true;
}

bool StrongEvidence(const std::vector<Row>& rows, size_t first, size_t last) {
  if (last - first + 1 < kMinLines) return false;
  const size_t cols = rows[first].pieces.size();
  bool numbers = false;
  for (size_t c = 0; c < cols; ++c) {
    int count = 0;
    for (size_t r = first + 1; r <= last; ++r) count += IsNumber(rows[r].pieces[c].text);
    numbers = numbers || count >= kNumberShare * static_cast<double>(last - first);
  }
  if (!numbers) return false;
  bool page_numbers = true;
  long previous = -1;
  for (size_t r = first + 1; r <= last && page_numbers; ++r) {
    const std::string& text = rows[r].pieces.back().text;
    page_numbers = IsWholeNumber(text) && text.size() < 6 && std::stol(text) >= previous;
    if (page_numbers) previous = std::stol(text);
  }
  if (page_numbers) return false;
  for (size_t r = first; r <= last; ++r) {
    for (const Piece& p : rows[r].pieces) {
      if (p.text.find("....") != std::string::npos || p.text.find("…") != std::string::npos) return false;
    }
  }
  return true;
}

Table MakeTable(const std::vector<Row>& rows, size_t first, size_t last, const std::vector<std::string>& fonts) {
  const size_t cols = rows[first].pieces.size();
  std::vector<double> edges(cols + 1);
  edges[0] = 1e9, edges[cols] = -1e9;
  for (size_t r = first; r <= last; ++r) {
    edges[0] = std::min(edges[0], rows[r].pieces.front().x0);
    edges[cols] = std::max(edges[cols], rows[r].pieces.back().x1);
  }
  for (size_t c = 1; c < cols; ++c) {
    double right = -1e9, left = 1e9;
    for (size_t r = first; r <= last; ++r) {
      right = std::max(right, rows[r].pieces[c - 1].x1);
      left = std::min(left, rows[r].pieces[c].x0);
    }
    edges[c] = (right + left) / 2;
  }
  Table table;
  table.rows = static_cast<int>(last - first + 1);
  table.cols = static_cast<int>(cols);
  table.ruling = TableRuling::kNone;
  table.bbox = {edges[0], rows[first].y0, edges[cols], rows[last].y1};
  for (size_t r = first; r <= last; ++r) {
    const double top = r == first ? rows[r].y0 : (rows[r - 1].y1 + rows[r].y0) / 2;
    const double bottom = r == last ? rows[r].y1 : (rows[r].y1 + rows[r + 1].y0) / 2;
    for (size_t c = 0; c < cols; ++c) {
      Cell cell;
      cell.row = static_cast<int>(r - first);
      cell.col = static_cast<int>(c);
      cell.bbox = {edges[c], top, edges[c + 1], bottom};
      cell.lines = BuildLinesByPosition(rows[r].pieces[c].glyphs, fonts);
      cell.text = JoinLines(cell.lines);
      table.cells.push_back(std::move(cell));
    }
  }
  return table;
}

}  // namespace

std::vector<Table> BuildUnruledTables(const std::vector<Glyph>& glyphs, const std::vector<std::string>& fonts,
                                      std::vector<bool>* in_table) {
  std::vector<const Glyph*> free;
  std::map<const Glyph*, size_t> index;
  for (size_t i = 0; i < glyphs.size(); ++i) {
    if ((*in_table)[i] || glyphs[i].rotation != 0) continue;
    free.push_back(&glyphs[i]);
    index[&glyphs[i]] = i;
  }
  std::vector<Table> tables;
  if (free.size() < 2 * kMinLines) return tables;
  std::vector<Row> rows;
  for (const GlyphLine& line : GroupGlyphLines(free)) rows.push_back(RowOf(line));
  size_t first = 0;
  while (first < rows.size()) {
    if (rows[first].pieces.size() < 2) {
      ++first;
      continue;
    }
    size_t last = first;
    while (last + 1 < rows.size() &&
           rows[last + 1].base - rows[last].base <= kMaxPitchEm * std::max(rows[last].size, 1.0) &&
           Aligned(rows, first, last + 1)) {
      ++last;
    }
    if (StrongEvidence(rows, first, last)) {
      tables.push_back(MakeTable(rows, first, last, fonts));
      for (size_t r = first; r <= last; ++r) {
        for (const Piece& p : rows[r].pieces) {
          for (const Glyph* g : p.glyphs) (*in_table)[index[g]] = true;
        }
      }
    }
    first = last + 1;
  }
  return tables;
}

}  // namespace docpipe
