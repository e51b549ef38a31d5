#include "extract/text_rulings.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "extract/glyph_lines.h"

namespace docpipe {
namespace {

// A column gap is at least this many ems wide.
constexpr double kMinGapEm = 0.5;
// Lines with text on both sides of a gap: at least this many, and this share.
constexpr int kMinGapLines = 3;
constexpr double kMinGapShare = 0.6;
// Baselines of two cells' lines this many ems apart are one baseline.
constexpr double kBaselineEm = 0.4;
// A blank line between rows of one ruled row: a gap of at least this many
// ems, and this many times any gap between lines of one row.
constexpr double kBlankLineEm = 0.8;
constexpr double kBlankLineRatio = 1.5;
// A line reaching this share of its cell's width may have been wrapped.
constexpr double kWrappedFill = 0.8;

using Chunk = GlyphChunk;
using Line = GlyphLine;

// The cell's lines by baseline, top to bottom (extract/glyph_lines.h); none
// when any of its text is turned (sideways tables are left as they are).
std::vector<Line> LinesOf(const std::vector<const Glyph*>& glyphs) {
  for (const Glyph* g : glyphs) {
    if (g->rotation != 0) return {};
  }
  return GroupGlyphLines(glyphs);
}

double Em(const std::vector<Line>& lines) {
  double size = 0;
  for (const Line& line : lines) size = std::max(size, line.size);
  return std::max(size, 1.0);
}

// Column rules inside one cell: x gaps through every line, with text of two
// or more glyphs on both sides in most lines.
void ColumnRules(const Cell& cell, const std::vector<Line>& lines, std::vector<Ruling>* out) {
  if (static_cast<int>(lines.size()) < kMinGapLines) return;
  double left = lines[0].x0, right = lines[0].x1;
  for (const Line& line : lines) left = std::min(left, line.x0), right = std::max(right, line.x1);
  const double step = 0.25;
  const size_t n = static_cast<size_t>((right - left) / step) + 2;
  // Each chunk opens its run of slots and closes it one past its end; a slot
  // is covered where more runs are open than closed (a running sum, so the
  // cost is the cell's width once, not once per line).
  std::vector<int> opened(n + 1, 0);
  for (const Line& line : lines) {
    for (const Chunk& c : line.chunks) {
      size_t a = static_cast<size_t>(std::max(0.0, (c.x0 - left) / step));
      size_t b = std::min(n - 1, static_cast<size_t>(std::max(0.0, (c.x1 - left) / step)));
      if (a > b) continue;
      ++opened[a];
      --opened[b + 1];
    }
  }
  std::vector<char> covered(n);
  int open = 0;
  for (size_t k = 0; k < n; ++k) {
    open += opened[k];
    covered[k] = open > 0;
  }
  const double min_gap = kMinGapEm * Em(lines);
  size_t k = 0;
  while (k < n && !covered[k]) ++k;
  while (k < n) {
    while (k < n && covered[k]) ++k;
    size_t start = k;
    while (k < n && !covered[k]) ++k;
    if (k >= n) break;
    const double a = left + static_cast<double>(start) * step, b = left + static_cast<double>(k) * step;
    if (b - a < min_gap) continue;
    int both = 0;
    for (const Line& line : lines) {
      const Chunk* before = nullptr;
      const Chunk* after = nullptr;
      for (const Chunk& c : line.chunks) {
        if (c.x1 <= a + step) before = &c;
        if (c.x0 >= b - step && after == nullptr) after = &c;
      }
      both += before != nullptr && after != nullptr && before->glyphs.size() >= 2 && after->glyphs.size() >= 2;
    }
    if (both >= kMinGapLines && both >= kMinGapShare * static_cast<double>(lines.size())) {
      out->push_back({false, (a + b) / 2, cell.bbox.y0, cell.bbox.y1});
    }
  }
}

// The width of the first word of a line (its glyphs up to the first space).
double FirstWordWidth(const Line& line) {
  const Glyph* first = line.glyphs.front();
  double x1 = first->bbox.x1;
  for (size_t i = 1; i < line.glyphs.size(); ++i) {
    const Glyph* previous = line.glyphs[i - 1];
    const Glyph* g = line.glyphs[i];
    if (previous->space_after || g->word != previous->word || g->bbox.x0 - previous->bbox.x1 > 0.25 * g->size) break;
    x1 = g->bbox.x1;
  }
  return x1 - first->bbox.x0;
}

// Line i of the cell is wrapped at the cell's edge into line i + 1: it fills
// most of the cell and had no room for the next line's first word.
bool WrapsAfter(const Cell& cell, const std::vector<Line>& lines, size_t i) {
  const double space = 0.3 * std::max(lines[i].size, 1.0);
  return lines[i].x1 - cell.bbox.x0 >= kWrappedFill * cell.bbox.width() &&
         lines[i].x1 + space + FirstWordWidth(lines[i + 1]) > cell.bbox.x1 - 1.0;
}

// A line of numbers ("1,087,948", "(35.2)", "85.1%", "165,949 185,667"): a
// wrapped text never breaks into such lines.
bool IsNumber(const Line& line) {
  bool digit = false;
  for (const Glyph* g : line.glyphs) {
    for (char c : g->text) {
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (std::string_view(",.%()+-$").find(c) == std::string_view::npos) {
        return false;
      }
    }
  }
  return digit;
}

bool AllNumbers(const std::vector<Line>& lines) {
  return std::all_of(lines.begin(), lines.end(), IsNumber);
}

// Row rules across one ruled row whose cells set their lines on shared
// baselines: the fullest cell has a line on every baseline of the row (a
// line set between two others, a label centred on two lines, stops it), two
// or more cells hold several lines, and one of them is a column of numbers,
// which is a list of entries, never one text wrapped at the cell's edge.
// (Short text lines are no such evidence: a label broken by hand,
// "程式語言 / (L)", sits next to two entries on the same baselines.) The row
// is cut between two baselines where a column of numbers has a line on
// both, or else where no text of the row is wrapped from one to the other
// (a long description over three lines next to two amounts in two
// currencies stays one row).
void RowRules(const std::vector<const Cell*>& row, const std::vector<std::vector<Line>>& lines,
              std::vector<Ruling>* out) {
  std::vector<const Line*> all;
  size_t fullest = 0;
  int several = 0;
  std::vector<bool> numbers(row.size(), false);
  for (size_t i = 0; i < row.size(); ++i) {
    for (const Line& line : lines[i]) all.push_back(&line);
    fullest = std::max(fullest, lines[i].size());
    if (lines[i].size() >= 2) {
      ++several;
      numbers[i] = AllNumbers(lines[i]);
    }
  }
  if (several < 2 || std::find(numbers.begin(), numbers.end(), true) == numbers.end()) return;
  std::sort(all.begin(), all.end(), [](const Line* a, const Line* b) { return a->base < b->base; });
  std::vector<std::vector<const Line*>> bands;
  std::map<const Line*, size_t> band_of;
  for (const Line* line : all) {
    if (bands.empty() || line->base - bands.back().front()->base > kBaselineEm * std::max(line->size, 1.0)) {
      bands.emplace_back();
    }
    bands.back().push_back(line);
    band_of[line] = bands.size() - 1;
  }
  if (bands.size() != fullest) return;
  // Per boundary k (between bands k and k + 1): a column of numbers on both
  // sides, and text wrapped across it.
  std::vector<bool> entries(bands.size(), false), wrapped(bands.size(), false);
  for (size_t i = 0; i < row.size(); ++i) {
    for (size_t k = 0; k + 1 < lines[i].size(); ++k) {
      const size_t band = band_of[&lines[i][k]];
      if (band_of[&lines[i][k + 1]] != band + 1) continue;
      if (numbers[i]) {
        entries[band] = true;
      } else if (WrapsAfter(*row[i], lines[i], k)) {
        wrapped[band] = true;
      }
    }
  }
  std::vector<double> cuts;
  for (size_t k = 0; k + 1 < bands.size(); ++k) {
    double bottom = -1e9, top = 1e9;
    for (const Line* line : bands[k]) bottom = std::max(bottom, line->y1);
    for (const Line* line : bands[k + 1]) top = std::min(top, line->y0);
    if (top <= bottom) return;  // lines that touch are one text
    if (entries[k] || !wrapped[k]) cuts.push_back((bottom + top) / 2);
  }
  for (double y : cuts) {
    for (const Cell* cell : row) out->push_back({true, y, cell->bbox.x0, cell->bbox.x1});
  }
}

// Row rules across one ruled row that holds several rows set apart by blank
// lines: a vertical gap through all the row's cells of at least
// kBlankLineEm, clearly wider (kBlankLineRatio) than any gap between lines
// within the pieces it leaves, where the row's first cell has text in every
// piece and two or more pieces have text in two or more cells (us-032: "Major"
// and "Area" each beside a four-line definition and four lines of examples,
// a blank line between, under one pair of rules). A cell with two
// paragraphs beside a one-line label has no label text in its second piece
// and stays one row; evenly spaced lines (a double-spaced text) have no gap
// wider than the others.
void BlankLineRules(const std::vector<const Cell*>& row, const std::vector<std::vector<Line>>& lines,
                    std::vector<Ruling>* out) {
  if (row.size() < 2) return;
  size_t key = 0;
  for (size_t i = 1; i < row.size(); ++i) {
    if (row[i]->col < row[key]->col) key = i;
  }
  if (lines[key].size() < 2) return;
  struct Span {
    double y0, y1;
    size_t cell;
  };
  std::vector<Span> spans;
  double em = 1.0;
  for (size_t i = 0; i < row.size(); ++i) {
    for (const Line& line : lines[i]) {
      spans.push_back({line.y0, line.y1, i});
      em = std::max(em, line.size);
    }
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.y0 < b.y0; });
  // Runs of overlapping lines, and the gaps between consecutive runs.
  std::vector<std::pair<double, double>> runs;
  std::vector<std::vector<size_t>> cells_in_run;
  for (const Span& s : spans) {
    if (runs.empty() || s.y0 > runs.back().second) {
      runs.push_back({s.y0, s.y1});
      cells_in_run.emplace_back();
    }
    runs.back().second = std::max(runs.back().second, s.y1);
    cells_in_run.back().push_back(s.cell);
  }
  if (runs.size() < 2) return;
  std::vector<bool> cut(runs.size() - 1, false);
  double widest_kept = 0, narrowest_cut = 1e9;
  for (size_t k = 0; k + 1 < runs.size(); ++k) {
    const double gap = runs[k + 1].first - runs[k].second;
    cut[k] = gap >= kBlankLineEm * em;
    if (cut[k]) {
      narrowest_cut = std::min(narrowest_cut, gap);
    } else {
      widest_kept = std::max(widest_kept, gap);
    }
  }
  // No gap kept (every line set apart alike, a double-spaced text) gives
  // nothing to compare the blank lines with.
  if (narrowest_cut == 1e9 || widest_kept <= 0 || narrowest_cut < kBlankLineRatio * widest_kept) return;
  // The pieces: which cells have text in each.
  std::vector<std::vector<bool>> pieces(1, std::vector<bool>(row.size(), false));
  for (size_t k = 0; k < runs.size(); ++k) {
    for (size_t c : cells_in_run[k]) pieces.back()[c] = true;
    if (k + 1 < runs.size() && cut[k]) pieces.emplace_back(row.size(), false);
  }
  int full = 0;
  for (const std::vector<bool>& piece : pieces) {
    if (!piece[key]) return;
    full += std::count(piece.begin(), piece.end(), true) >= 2;
  }
  if (full < 2) return;
  for (size_t k = 0; k + 1 < runs.size(); ++k) {
    if (!cut[k]) continue;
    const double y = (runs[k].second + runs[k + 1].first) / 2;
    for (const Cell* cell : row) out->push_back({true, y, cell->bbox.x0, cell->bbox.x1});
  }
}

// Row rules inside a cell that spans three or more ruled rows with one line
// in each, every line inside its row and on the baseline of text in another
// cell of that row: a label column drawn without the row rules its
// neighbours have (us-009: "Salaries (a)", "Fringe Benefits (b)", ... in
// one tall cell). A merged label centred over its rows, or a text wrapped
// over them, does not put one line on each row's own baseline.
void SpanRules(const std::vector<Cell>& cells, const std::vector<std::vector<Line>>& lines,
               std::vector<Ruling>* out) {
  for (size_t c = 0; c < cells.size(); ++c) {
    const Cell& cell = cells[c];
    const size_t span = static_cast<size_t>(cell.row_span);
    if (span < 3 || lines[c].size() != span) continue;
    std::vector<double> bottoms;
    bool aligned = true;
    for (size_t k = 0; k < span && aligned; ++k) {
      const int row = cell.row + static_cast<int>(k);
      const Line& line = lines[c][k];
      const double tolerance = kBaselineEm * std::max(line.size, 1.0);
      bool found = false;
      double y0 = 0, y1 = 0;
      for (size_t o = 0; o < cells.size() && !found; ++o) {
        const Cell& other = cells[o];
        if (o == c || other.row != row || other.row_span != 1) continue;
        for (const Line& l : lines[o]) {
          if (std::fabs(l.base - line.base) <= tolerance) {
            found = true;
            y0 = other.bbox.y0, y1 = other.bbox.y1;
            break;
          }
        }
      }
      aligned = found && line.y0 >= y0 - 1.0 && line.y1 <= y1 + 1.0;
      if (aligned && k + 1 < span) bottoms.push_back(y1);
    }
    if (!aligned) continue;
    for (double y : bottoms) out->push_back({true, y, cell.bbox.x0, cell.bbox.x1});
  }
}

}  // namespace

std::vector<Ruling> TextRulings(const std::vector<Cell>& cells,
                                const std::vector<std::vector<const Glyph*>>& cell_glyphs) {
  std::vector<std::vector<Line>> lines(cells.size());
  for (size_t i = 0; i < cells.size(); ++i) lines[i] = LinesOf(cell_glyphs[i]);
  std::vector<Ruling> out;
  for (size_t i = 0; i < cells.size(); ++i) ColumnRules(cells[i], lines[i], &out);
  SpanRules(cells, lines, &out);
  std::map<int, std::vector<size_t>> rows;  // one-row cells by row
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].row_span == 1) rows[cells[i].row].push_back(i);
  }
  for (const auto& [row, members] : rows) {
    std::vector<const Cell*> row_cells;
    std::vector<std::vector<Line>> row_lines;
    for (size_t i : members) {
      row_cells.push_back(&cells[i]);
      row_lines.push_back(lines[i]);
    }
    const size_t before = out.size();
    RowRules(row_cells, row_lines, &out);
    if (out.size() == before) BlankLineRules(row_cells, row_lines, &out);
  }
  return out;
}

}  // namespace docpipe
