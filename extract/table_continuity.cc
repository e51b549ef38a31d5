#include "extract/table_continuity.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "common/unicode.h"

namespace docpipe {
namespace {

std::vector<double> ColumnBorders(const Table& table) {
  std::vector<double> borders;
  for (const Cell& cell : table.cells) {
    borders.push_back(cell.bbox.x0);
    borders.push_back(cell.bbox.x1);
  }
  std::sort(borders.begin(), borders.end());
  borders.erase(std::unique(borders.begin(), borders.end(), [](double a, double b) { return b - a < 1.0; }),
                borders.end());
  return borders;
}

double ShareMatched(const std::vector<double>& from, const std::vector<double>& in, double tolerance) {
  if (from.empty()) return 0;
  size_t matched = 0;
  for (double x : from) {
    auto it = std::lower_bound(in.begin(), in.end(), x - tolerance);
    if (it != in.end() && *it <= x + tolerance) ++matched;
  }
  return static_cast<double>(matched) / static_cast<double>(from.size());
}

bool SameColumns(const Table& a, const Table& b, const ContinuityOptions& options) {
  if (std::fabs(a.bbox.x0 - b.bbox.x0) > options.edge_tolerance ||
      std::fabs(a.bbox.x1 - b.bbox.x1) > options.edge_tolerance) {
    return false;
  }
  std::vector<double> ca = ColumnBorders(a), cb = ColumnBorders(b);
  return ShareMatched(ca, cb, options.edge_tolerance) >= options.column_match_share &&
         ShareMatched(cb, ca, options.edge_tolerance) >= options.column_match_share;
}

bool IsContent(const TextLine& line) { return line.role == LineRole::kContent; }

// The median size of the text in the table's cells, 0 when it has none.
double TableTextSize(const Table& table) {
  std::vector<double> sizes;
  for (const Cell& cell : table.cells) {
    for (const TextLine& line : cell.lines) sizes.push_back(line.size);
  }
  if (sizes.empty()) return 0;
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  return sizes[sizes.size() / 2];
}

// The table ends its page: no content below it but footnotes, which are set
// smaller than the table's text (the notes a table's cells refer to stand at
// the foot of the page, under the table, on whichever page it is).
bool EndsPage(const Page& page, const Table& table) {
  const double table_size = TableTextSize(table);
  for (const TextLine& line : page.lines) {
    if (!IsContent(line) || line.bbox.y0 < table.bbox.y1 - 1) continue;
    if (table_size <= 0 || line.size >= table_size - 0.5) return false;
  }
  return true;
}

// The table opens its page: no content above it but lines that repeat, word
// for word, a line above the table's previous part (a running caption such
// as "服務提供模式：…" printed over every page of the table).
bool OpensPage(const Page& page, const Table& table, const Page& before, const Table& previous) {
  std::vector<std::string> repeated;
  for (const TextLine& line : before.lines) {
    if (IsContent(line) && line.bbox.y1 <= previous.bbox.y0 + 1) repeated.push_back(unicode::FoldKey(line.text));
  }
  for (const TextLine& line : page.lines) {
    if (!IsContent(line) || line.bbox.y1 > table.bbox.y0 + 1) continue;
    if (std::find(repeated.begin(), repeated.end(), unicode::FoldKey(line.text)) == repeated.end()) return false;
  }
  return true;
}

// (column, text key) of the cells that start in `row`.
std::vector<std::pair<int, std::string>> RowKeys(const Table& table, int row) {
  std::vector<std::pair<int, std::string>> keys;
  for (const Cell& cell : table.cells) {
    if (cell.row == row) keys.emplace_back(cell.col, unicode::FoldKey(cell.text));
  }
  return keys;
}

bool RowHasText(const std::vector<std::pair<int, std::string>>& keys) {
  for (const auto& key : keys) {
    if (!key.second.empty()) return true;
  }
  return false;
}

int RepeatedHeaderRows(const Table& first, const Table& part, int max_rows) {
  int limit = std::min({max_rows, first.rows - 1, part.rows - 1});
  for (int k = limit; k >= 1; --k) {
    bool same = true;
    for (int r = 0; r < k && same; ++r) {
      auto keys = RowKeys(first, r);
      same = RowHasText(keys) && keys == RowKeys(part, r);
    }
    if (same) return k;
  }
  return 0;
}

// The leftmost cell of `row` that does not span further rows: the row's key.
const Cell* KeyCell(const Table& table, int row) {
  const Cell* key = nullptr;
  for (const Cell& cell : table.cells) {
    if (cell.row == row && cell.row_span == 1 && (key == nullptr || cell.col < key->col)) key = &cell;
  }
  return key;
}

double Median(std::vector<double> values) {
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

// How a column sets its entries: their first lines start at one x (most of
// them: left-aligned, not centred), their wrapped lines elsewhere, to the
// right (a hanging indent) or to the left (a first-line indent); nothing
// when the column shows no such pattern (too few entries, ragged or centred
// starts, no wrapped line apart from the start). Read over the body rows of
// the table's earlier parts and of `part`, leaving out the part's row
// `except`.
struct ColumnIndents {
  double start = 0;
  double tolerance = 0;
  std::vector<double> starts;  // where each entry's first line stands
  std::vector<double> wraps;   // where wrapped lines stand, away from `start`
  // True when a first line at `x` goes on with a wrapped entry: wrapped
  // lines stand there (at any of the column's indents: an item's, a
  // sub-item's) and no entry of the column begins there.
  bool GoesOnAt(double x) const {
    for (double s : starts) {
      if (std::fabs(x - s) <= tolerance) return false;
    }
    size_t wrapped = 0;
    for (double w : wraps) wrapped += std::fabs(x - w) <= tolerance;
    return wrapped >= 2;
  }
};

// Calls `visit` with every cell of column `col` that opens an entry in the
// body rows of the table's earlier parts and of `part`, leaving out the
// part's row `except` (the row being judged), the rest of a row cut at the
// top of a part and the rest of a cell cut there, which begin no entry
// (their first line is a wrapped one).
template <typename Visit>
void ForEachEntry(const std::vector<const Table*>& earlier, const Table& part, int col, int except, Visit visit) {
  std::vector<const Table*> parts = earlier;
  parts.push_back(&part);
  for (const Table* table : parts) {
    const int body = table->repeated_header || table == parts.front() ? table->header_rows : 0;
    const int skip = table->first_row_continued ? body : -1;
    for (const Cell& cell : table->cells) {
      if (cell.col != col || cell.row < body || cell.row == skip || (table == &part && cell.row == except) ||
          cell.lines.empty() || cell.continued_from_previous_page) {
        continue;
      }
      visit(cell);
    }
  }
}

std::optional<ColumnIndents> ColumnIndent(const std::vector<const Table*>& earlier, const Table& part, int col,
                                          int except) {
  std::vector<double> starts, continuations, sizes;
  ForEachEntry(earlier, part, col, except, [&](const Cell& cell) {
    starts.push_back(cell.lines.front().bbox.x0);
    sizes.push_back(cell.lines.front().size);
    for (size_t i = 1; i < cell.lines.size(); ++i) continuations.push_back(cell.lines[i].bbox.x0);
  });
  constexpr size_t kMinEntries = 3;
  if (starts.size() < kMinEntries) return std::nullopt;
  ColumnIndents indent;
  const double size = std::max(Median(sizes), 1.0);
  indent.tolerance = 0.25 * size;
  indent.start = Median(starts);
  // Most entries start at one x (left-aligned, not centred)...
  size_t aligned = 0;
  for (double x : starts) aligned += std::fabs(x - indent.start) <= indent.tolerance;
  if (3 * aligned < 2 * starts.size()) return std::nullopt;
  // ...and their wrapped lines stand visibly apart from it: to the right
  // (a hanging indent) or to the left (a first-line indent). Lines back at
  // the start are further items of a cell: (1), (2)…
  for (double x : continuations) {
    if (std::fabs(x - indent.start) >= 0.5 * size) indent.wraps.push_back(x);
  }
  if (indent.wraps.size() < 2) return std::nullopt;
  indent.starts = std::move(starts);
  return indent;
}

// Where a cell's text stands in it, top to bottom: the room above its first
// line and below its last one, and the size of its text.
struct VerticalRoom {
  double above = 0;
  double below = 0;
  double size = 1;
  // Room for a line or more, shared out evenly above and below: the text
  // was centred in its cell.
  bool Centred() const { return above + below >= size && std::fabs(above - below) <= 0.25 * (above + below); }
  // Against the cell's top with room for a line or more below it.
  bool AtTop() const { return above <= 0.25 * size && below >= above + size; }
};

std::optional<VerticalRoom> RoomOf(const Cell& cell) {
  if (cell.lines.empty()) return std::nullopt;
  double top = cell.lines.front().bbox.y0, bottom = cell.lines.front().bbox.y1;
  for (const TextLine& line : cell.lines) {
    top = std::min(top, line.bbox.y0);
    bottom = std::max(bottom, line.bbox.y1);
  }
  return VerticalRoom{top - cell.bbox.y0, cell.bbox.y1 - bottom, std::max(cell.lines.front().size, 1.0)};
}

// The column centres its entries in their cells: of its entries whose cell
// leaves room for a line or more, at least one and two thirds stand midway
// (a label column: "設計與製作(P)" in the middle of its item rows).
bool CentresEntries(const std::vector<const Table*>& earlier, const Table& part, int col, int except) {
  size_t roomy = 0, centred = 0;
  ForEachEntry(earlier, part, col, except, [&](const Cell& cell) {
    std::optional<VerticalRoom> room = RoomOf(cell);
    if (!room || room->above + room->below < room->size) return;
    ++roomy;
    centred += room->Centred();
  });
  return centred >= 1 && 3 * centred >= 2 * roomy;
}

// The cell of `table` that covers the slot (row, col), or nullptr.
const Cell* CellAt(const Table& table, int row, int col) {
  for (const Cell& cell : table.cells) {
    if (cell.row <= row && row < cell.row + cell.row_span && cell.col <= col && col < cell.col + cell.col_span) {
      return &cell;
    }
  }
  return nullptr;
}

// The key of the part's first body row stands against its cell's top in a
// column that centres its entries: a producer that carries a cut cell's
// text over the break sets the rest at the top of the new part's cell
// ("科技知識" | "(k)" at the top of a tall cell), a fresh entry would stand
// midway.
bool KeyGoesOnAtTop(const std::vector<const Table*>& earlier, const Table& part, const Cell& key, int body_row) {
  std::optional<VerticalRoom> room = RoomOf(key);
  return room && room->AtTop() && CentresEntries(earlier, part, key.col, body_row);
}

// The cut key stops where no text ends: on a comma (、，,) or inside a
// bracket it opened ("資料表示、" | "處理及分析(D)", where the cell leaves no
// room to tell its alignment). A numbering label ends on its mark and is
// whole ("一、", "(1)"): a key holding a numeral gives no such evidence.
bool StopsMidText(const std::string& text) {
  if (text.empty() || unicode::NumeralValue(text).has_value()) return false;
  if (unicode::HasOpenBracket(text)) return true;
  const std::string last = unicode::Nfkc(unicode::FromCodePoints(std::u32string(1, unicode::LastChar(text))));
  return last == "," || last == "、";
}

// A cell of the part's first body row goes on from the cell above it that
// the break cut, which has text: the cell stands at the top of its cell in a
// column that centres its entries, or the cut text stops where no text ends.
bool GoesOnFromCut(const std::vector<const Table*>& earlier, const Table& part, const Cell& cell, int body_row) {
  const Table& previous = *earlier.back();
  const Cell* cut = CellAt(previous, previous.rows - 1, cell.col);
  if (cut == nullptr || cut->text.empty()) return false;
  return KeyGoesOnAtTop(earlier, part, cell, body_row) || StopsMidText(cut->text);
}

// The part's first body row is the rest of the row the page break cut when
// (a) its key cell opens no entry while the row has text elsewhere: a fresh
// row starts with its key column, the tail of a cut row usually does not.
// The key opens no entry when it is empty, or when it goes on at the top of
// its cell in a column that centres its entries while the cut key above has
// text ("科技知識" | "(k)"), or when the cut key above stops where no text
// ends (on a comma, inside a bracket); then no other cell of the row may open an entry
// centred as its column centres them (the break cut a key merged over two
// rows, and the second row is fresh: "普通型…部定必" | "修課程" beside a
// centred "學習內容"); or
// (b) one of its cells begins where its column's wrapped lines stand and no
// entry of the column begins ("(c)自用小客車租" | "賃(CPC83101**)";
// "(3)允許…以獨資、合" | "資、合夥及…"), and the cut row has text in that
// column to go on from. Every cell of a fresh row begins where its column's
// entries begin. A column whose headings start where its items wrap (a
// statement's "七、每股收益：" at the wrap x of "（一）…") gives no evidence.
bool StartsWithCutRow(const std::vector<const Table*>& earlier, const Table& part, int body_row) {
  const Table& previous = *earlier.back();
  const Cell* key = KeyCell(part, body_row);
  if (key == nullptr) return false;
  bool has_text = false;
  for (const Cell& cell : part.cells) has_text |= cell.row == body_row && !cell.text.empty();
  if (key->text.empty()) return has_text;
  if (GoesOnFromCut(earlier, part, *key, body_row)) {
    // The key goes on; so does the row unless another of its cells opens
    // an entry of its own, centred as its column centres them (a cell
    // merged over two rows that the break cut, the second row fresh).
    for (const Cell& cell : part.cells) {
      if (cell.row != body_row || &cell == key) continue;
      std::optional<VerticalRoom> room = RoomOf(cell);
      if (room && room->Centred() && CentresEntries(earlier, part, cell.col, body_row)) return false;
    }
    return true;
  }
  for (const Cell& cell : part.cells) {
    if (cell.row != body_row || cell.row_span != 1 || cell.lines.empty()) continue;
    const Cell* cut = CellAt(previous, previous.rows - 1, cell.col);
    if (cut == nullptr || cut->text.empty()) continue;
    std::optional<ColumnIndents> indent = ColumnIndent(earlier, part, cell.col, body_row);
    if (!indent) continue;
    if (indent->GoesOnAt(cell.lines.front().bbox.x0)) return true;
  }
  return false;
}

// The part's first body row is a row of its own: those of its cells at or
// left of its key that go on from the cell above them (GoesOnFromCut, the
// cut cell covering the same columns) are the rest of a cell merged over
// rows that the break cut ("普通型高級中等學校部定必" | "修課程" beside a
// fresh "學習內容"). A cell with its own entry (centred where its column
// centres them, the text above ending as text ends) is not.
void MarkCellsGoingOn(const std::vector<const Table*>& earlier, Table* part, int body_row) {
  const Cell* key = KeyCell(*part, body_row);
  if (key == nullptr) return;
  const int key_col = key->col;
  const Table& previous = *earlier.back();
  for (Cell& cell : part->cells) {
    if (cell.row != body_row || cell.col > key_col || cell.text.empty()) continue;
    const Cell* cut = CellAt(previous, previous.rows - 1, cell.col);
    if (cut == nullptr || cut->col != cell.col || cut->col_span != cell.col_span) continue;
    cell.continued_from_previous_page = GoesOnFromCut(earlier, *part, cell, body_row);
  }
}

}  // namespace

namespace {

// A part kept only for what later parts read of it (ForEachEntry: each
// cell's place and line boxes and sizes; RepeatedHeaderRows: the texts of
// the first rows): line texts and fonts, and cell texts below the rows a
// header can take, are dropped.
void Slim(Table* table, int max_header_rows) {
  for (Cell& cell : table->cells) {
    if (cell.row >= max_header_rows) std::string().swap(cell.text);
    for (TextLine& line : cell.lines) {
      std::string().swap(line.text);
      std::string().swap(line.font);
      std::vector<std::string>().swap(line.low_confidence_words);
    }
  }
}

}  // namespace

void TableLinker::Add(const Page& page) {
  const size_t index = links_.size();
  links_.emplace_back(page.tables.size());
  std::vector<Link>& links = links_.back();
  const bool follows = have_previous_ && previous_number_ + 1 == page.number;
  for (size_t t = 0; t < page.tables.size(); ++t) {
    Table table = page.tables[t];
    bool linked = false;
    if (t == 0 && follows && !chain_.empty()) {
      Page before;
      before.lines = std::move(previous_lines_);
      const Table& last = chain_.back();
      linked = EndsPage(before, last) && OpensPage(page, table, before, last) && SameColumns(last, table, options_);
      previous_lines_ = std::move(before.lines);
    }
    if (!linked) {
      table.id = next_id_++;
      chain_.clear();
      chain_at_.clear();
    } else {
      Table& previous = chain_.back();
      table.id = previous.id;
      table.continued_from_previous_page = true;
      previous.continues_on_next_page = true;
      links_[chain_at_.back().first][chain_at_.back().second].continues_on_next_page = true;
      Table& first = chain_.front();
      const int header = RepeatedHeaderRows(first, table, options_.max_header_rows);
      if (header > 0) {
        table.header_rows = header;
        table.repeated_header = true;
        first.header_rows = std::max(first.header_rows, header);
        links_[chain_at_.front().first][chain_at_.front().second].header_rows = first.header_rows;
      }
      std::vector<const Table*> parts;
      for (const Table& part : chain_) parts.push_back(&part);
      table.first_row_continued = table.rows > header && StartsWithCutRow(parts, table, header);
      if (table.rows > header && !table.first_row_continued) MarkCellsGoingOn(parts, &table, header);
      if (chain_.size() > 1) Slim(&chain_.back(), options_.max_header_rows);
    }
    Link& link = links[t];
    link.id = table.id;
    link.header_rows = table.header_rows;
    link.continued_from_previous_page = table.continued_from_previous_page;
    link.repeated_header = table.repeated_header;
    link.first_row_continued = table.first_row_continued;
    link.continues_on_next_page = table.continues_on_next_page;
    for (size_t c = 0; c < table.cells.size(); ++c) {
      if (table.cells[c].continued_from_previous_page) link.cells_going_on.push_back(c);
    }
    chain_.push_back(std::move(table));
    chain_at_.emplace_back(index, t);
  }
  if (page.tables.empty()) {
    chain_.clear();
    chain_at_.clear();
  }
  have_previous_ = true;
  previous_number_ = page.number;
  // The lines are read only when the next page may continue a table.
  if (chain_.empty()) {
    previous_lines_.clear();
  } else {
    previous_lines_ = page.lines;
  }
}

void TableLinker::ApplyTo(size_t index, Page* page) const {
  const std::vector<Link>& links = links_.at(index);
  for (size_t t = 0; t < page->tables.size() && t < links.size(); ++t) {
    Table& table = page->tables[t];
    const Link& link = links[t];
    table.id = link.id;
    table.header_rows = link.header_rows;
    table.continued_from_previous_page = link.continued_from_previous_page;
    table.repeated_header = link.repeated_header;
    table.first_row_continued = link.first_row_continued;
    table.continues_on_next_page = link.continues_on_next_page;
    for (size_t c : link.cells_going_on) {
      if (c < table.cells.size()) table.cells[c].continued_from_previous_page = true;
    }
  }
}

void LinkTablesAcrossPages(Layout* layout, const ContinuityOptions& options) {
  TableLinker linker(options);
  for (const Page& page : layout->pages) linker.Add(page);
  for (size_t p = 0; p < layout->pages.size(); ++p) linker.ApplyTo(p, &layout->pages[p]);
}

}  // namespace docpipe
