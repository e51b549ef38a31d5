#include "normalize/input/layout_rows.h"

#include <algorithm>
#include <optional>

#include "common/unicode.h"
#include "normalize/input/layout_title.h"
#include "normalize/input/reading_order.h"

namespace docpipe {
namespace {

bool IsBoldFont(const std::string& font) {
  std::string key = unicode::FoldKey(font);
  for (const char* weight : {"bold", "heavy", "black", "demi"}) {
    if (key.find(weight) != std::string::npos) return true;
  }
  return false;
}

bool EndsSentence(const std::string& text) {
  int32_t last = unicode::LastChar(text);
  for (int32_t c : {U'。', U'！', U'？', U'；', U'：', U'.', U'!', U'?', U';', U':'}) {
    if (last == c) return true;
  }
  return false;
}

// A line that starts in the right part of its column (a date or signature
// set flush right, "申報日期：101 年 05 月 31 日") is no line of running
// text, though it ends at the column's edge.
bool FlushRight(const BBox& line, double column_left, double column_right) {
  return line.x0 > column_left + 0.4 * (column_right - column_left);
}

// Consecutive lines of one paragraph: same size, close below each other,
// starting at about the same x, the first one running to the right margin.
bool ContinuesParagraph(const PagePiece& previous_piece, const TextLine& next) {
  const TextLine& previous = *previous_piece.line;
  double size = std::max(previous.size, 1.0);
  return std::abs(previous.size - next.size) < 0.5 && next.bbox.y0 - previous.bbox.y1 < 0.6 * size &&
         next.bbox.y0 > previous.bbox.y0 && std::abs(previous.bbox.x0 - next.bbox.x0) < 2 * size &&
         previous.bbox.x1 > previous_piece.column_right - 2 * size && !EndsSentence(previous.text) &&
         !FlushRight(previous.bbox, previous_piece.column_left, previous_piece.column_right);
}

// A line of one mark repeated (◆◆◆◆◆◆, ______, ……) is a rule drawn with
// characters: nothing runs on from it or into it.
bool IsMarkRule(const std::string& text) {
  const std::u32string chars = unicode::ToCodePoints(unicode::TrimAscii(text));
  return chars.size() >= 4 && std::all_of(chars.begin(), chars.end(), [&](char32_t c) { return c == chars[0]; });
}

// The last printed line of an open paragraph: the pieces of one baseline
// that the text layer gave as separate lines ("2. 參與機關（單位、團體）" and
// "：由核安會通知…") make one line, from the first one's start to the last
// one's end.
struct PrintedLine {
  std::string text;
  BBox box;
  double size = 0;
  double column_left = 0;
  double column_right = 0;
  double page_height = 0;  // of the page the line is printed on; 0 when unknown
};

// A page's text runs on to the next page only from a filled page: a layout
// program (Word, InDesign, a typewriter) breaks a paragraph across pages
// when it reaches the foot of the text area, so a page whose last line
// stands in its upper part ended its paragraph there (a title page, a cover,
// a page per greeting), however wide that line is. The share is generous
// (a foot margin, footnotes and a page number take less than the lower 40%).
constexpr double kFilledPageShare = 0.6;

bool EndsAFilledPage(const PrintedLine& last) {
  return last.page_height <= 0 || last.box.y1 >= kFilledPageShare * last.page_height;
}

bool OnBaseline(const PrintedLine& line, const TextLine& next) {
  const double size = std::max(line.size, 1.0);
  return std::abs(line.box.y0 - next.bbox.y0) < 0.5 * size && next.bbox.x0 > line.box.x0 &&
         next.bbox.x0 - line.box.x1 < 2 * size;
}

// Whether `next` carries on the paragraph whose last printed line is `last`,
// as a reader sees it: the last line runs to its column's edge without
// ending a sentence, or ends in a mark that never ends one (，、), and the
// next one carries on below it, set in the same size, on the same page or
// at the top of the next (from a filled page, EndsAFilledPage); or the two are pieces of one printed line; or the
// paragraph so far (a heading) leaves a bracket open. A line that stops
// short of the edge ends its paragraph, whatever its punctuation: a
// signature ("申報人：…"), a label line ("申報日期：101 年 05 月 31 日"), a
// form title. ContinuesParagraph above is the narrower test by which lines
// of one page are joined into one row; this one decides the rows' ends.
// A line that opens with a short label and its colon ("申報日期：", "製表人:")
// is an item of a form, never the rest of the line above it.
bool OpensWithLabel(const std::string& text) {
  constexpr size_t kMaxLabel = 8;
  const std::u32string chars = unicode::ToCodePoints(unicode::TrimAscii(text));
  for (size_t i = 1; i < chars.size() && i <= kMaxLabel; ++i) {
    if (chars[i] == U'：' || chars[i] == U':') return true;
  }
  return false;
}

// Lines of a block set apart in the right part of its column, one under
// the other from one left edge: a filing note ("中華民國103年5月21日行政院原子
// 能委員會 / 會技字第1030008776號函訂定 / 並自即日生效"), broken where its
// writer chose, not at the column's edge. They carry one note until a
// sentence ends or a line opens with a form label (a signature's
// "申報日期：" under "申報人："). Their right edges are ragged: two centred
// lines of one width that start at one x ("福爾摩沙法理建國黨" over
// "政治獻金收支結算表", a form's title) are no such block.
bool ContinuesRightBlock(const PrintedLine& last, const TextLine& next) {
  const double size = std::max(last.size, 1.0);
  return FlushRight(last.box, last.column_left, last.column_right) &&
         FlushRight(next.bbox, last.column_left, last.column_right) &&
         std::abs(next.bbox.x0 - last.box.x0) < 0.5 * size && std::abs(next.bbox.x1 - last.box.x1) >= size &&
         !EndsSentence(last.text) &&
         !OpensWithLabel(last.text) && !OpensWithLabel(next.text);
}

bool LayoutContinues(const PrintedLine& last, const std::string& paragraph, const TextLine& next, bool same_page) {
  const double size = std::max(last.size, 1.0);
  if (same_page && OnBaseline(last, next)) return true;  // a footnote's number and its text, too
  if (std::abs(last.size - next.size) >= 0.5 || IsMarkRule(last.text) || IsMarkRule(next.text)) return false;
  const int32_t end = unicode::LastChar(last.text);
  const bool runs_on = !FlushRight(last.box, last.column_left, last.column_right) &&
                       ((last.box.x1 > last.column_right - 2 * size && !EndsSentence(last.text)) || end == U'，' ||
                        end == U'、' || end == U',');
  // A wrapped line starts where the line before it started, left of it
  // (under a first line indented by two characters) or right of it (under
  // the text of a labelled item, "（十一）" four characters wide); a line far
  // to the left of a right-aligned one ("申報日期：101 年 05 月 31 日")
  // starts something else.
  const bool under = next.bbox.x0 < last.box.x0 + 6 * size && next.bbox.x0 > last.box.x0 - 3 * size;
  if (!same_page) return runs_on && under && EndsAFilledPage(last);
  if (next.bbox.y0 <= last.box.y0 || next.bbox.y0 - last.box.y1 > size) return false;  // above, or a blank line between
  return (runs_on && under) || unicode::HasOpenBracket(paragraph) || ContinuesRightBlock(last, next);
}

// The right edge of running text on most pages: the median, over pages with
// text lines, of their rightmost line's end. A page of tables with a few
// short lines (a heading, "編碼方式：") has a narrow text block of its own,
// where a short line would seem to run to the edge.
double TypicalTextRight(const Layout& layout) {
  std::vector<double> rights;
  for (const Page& page : layout.pages) {
    double right = 0;
    for (const TextLine& line : page.lines) {
      if (line.role == LineRole::kContent) right = std::max(right, line.bbox.x1);
    }
    if (right > 0) rights.push_back(right);
  }
  if (rights.empty()) return 0;
  std::nth_element(rights.begin(), rights.begin() + rights.size() / 2, rights.end());
  return rights[rights.size() / 2];
}

}  // namespace

std::string JoinCellLines(const std::vector<TextLine>& lines, const RuleSet& rules) {
  const Regex& item_start = rules.Pattern("item_start");
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i].text;
    if (i == 0) {
      text = line;
      continue;
    }
    bool new_item = item_start.PartialMatch(line);
    bool labelled_paragraph = EndsSentence(lines[i - 1].text) && IsBoldFont(lines[i].font);
    text = new_item || labelled_paragraph ? text + "\n" + line : unicode::JoinWrapped(text, line);
  }
  return text;
}

std::vector<TabRow> LayoutToRows(const Layout& layout, const RuleSet& rules) {
  std::vector<TabRow> rows;
  const std::optional<LayoutTitle> title = FindLayoutTitle(layout);
  auto in_title = [&](const TextLine* line) {
    return title && std::find(title->lines.begin(), title->lines.end(), line) != title->lines.end();
  };
  const Regex& contents_entry = rules.Pattern("contents_entry");
  // The last text row and the last line in it, while no table or title came
  // after them: the row whose end the next line decides, on this page or
  // the next.
  const double text_right = TypicalTextRight(layout);
  bool open = false;
  size_t open_row = 0;
  PrintedLine open_line;
  for (const Page& page : layout.pages) {
    std::vector<PagePiece> pieces;
    const bool title_page = title && title->page == page.number;
    if (title_page) {
      PagePiece piece;
      piece.line = title->lines.front();
      for (const TextLine* line : title->lines) piece.box.Extend(line->bbox);
      pieces.push_back(piece);
    }
    for (const TextLine& line : page.lines) {
      if (line.role != LineRole::kContent || (title_page && in_title(&line))) continue;
      PagePiece piece;
      piece.box = line.bbox;
      piece.line = &line;
      pieces.push_back(piece);
    }
    for (const Table& table : page.tables) {
      PagePiece piece;
      piece.box = table.bbox;
      piece.table = &table;
      pieces.push_back(piece);
    }
    std::vector<PagePiece> blocks = ReadingOrder(std::move(pieces));
    double page_right = 0;
    for (const PagePiece& block : blocks) page_right = std::max(page_right, block.column_right);
    for (PagePiece& block : blocks) {
      if (block.column_right >= page_right) block.column_right = std::max(block.column_right, text_right);
    }
    if (blocks.empty()) open = false;  // a blank page ends the paragraph before it

    int line_number = 0;
    auto emit = [&](std::vector<std::string> cells) {
      TabRow row;
      row.pos.page = page.number;
      row.pos.line = ++line_number;
      row.cells = std::move(cells);
      rows.push_back(std::move(row));
    };
    const PagePiece* paragraph_end = nullptr;
    bool first_block = true;
    for (const PagePiece& block : blocks) {
      const bool same_page = !first_block;
      first_block = false;
      if (title_page && block.line == title->lines.front()) {
        // The title is a row of its own, never the start of a paragraph.
        emit({title->text});
        rows.back().title = true;
        paragraph_end = nullptr;
        open = false;
        continue;
      }
      if (block.line != nullptr) {
        // An entry of a table of contents (dot leader, page number) ends
        // where its number stands, though it runs to the margin.
        const bool after_entry = open && contents_entry.FullMatch(open_line.text);
        if (paragraph_end != nullptr && !after_entry &&
            ContinuesParagraph(*paragraph_end, *block.line)) {
          rows.back().cells[0] = unicode::JoinWrapped(rows.back().cells[0], block.line->text);
        } else {
          if (open && !after_entry &&
              LayoutContinues(open_line, rows[open_row].cells[0], *block.line, same_page)) {
            rows[open_row].paragraph_end = false;
          }
          emit({block.line->text});
          rows.back().paragraph_end = true;
          rows.back().indent = std::max(0.0, block.box.x0 - block.column_left);
          rows.back().size = block.line->size;
        }
        paragraph_end = &block;
        if (open && same_page && OnBaseline(open_line, *block.line)) {
          open_line.text += block.line->text;
          open_line.box.Extend(block.box);
        } else {
          open_line = PrintedLine{block.line->text, block.box, block.line->size, block.column_left, block.column_right,
                                  page.height};
        }
        open = true;
        open_row = rows.size() - 1;
        continue;
      }
      paragraph_end = nullptr;
      open = false;
      const Table& table = *block.table;
      std::vector<std::vector<std::string>> grid(static_cast<size_t>(table.rows),
                                                 std::vector<std::string>(static_cast<size_t>(table.cols)));
      // Slots a merged cell covers but does not start in: {0, 0}.
      std::vector<std::vector<CellSpan>> spans(grid.size(),
                                               std::vector<CellSpan>(static_cast<size_t>(table.cols), CellSpan{0, 0}));
      // Columns whose cell goes on from the cell above, cut by the break.
      std::vector<std::vector<int>> continued(grid.size());
      for (const Cell& cell : table.cells) {
        grid[static_cast<size_t>(cell.row)][static_cast<size_t>(cell.col)] = JoinCellLines(cell.lines, rules);
        spans[static_cast<size_t>(cell.row)][static_cast<size_t>(cell.col)] = CellSpan{cell.row_span, cell.col_span};
        if (cell.continued_from_previous_page) continued[static_cast<size_t>(cell.row)].push_back(cell.col);
      }
      for (size_t r = 0; r < grid.size(); ++r) {
        emit(std::move(grid[r]));
        TabRow& row = rows.back();
        row.table = table.id;
        row.header_rows = table.header_rows;
        row.spans = std::move(spans[r]);
        row.continued_cells = std::move(continued[r]);
        row.continues_table = table.continued_from_previous_page;
        row.repeated_header = table.repeated_header && static_cast<int>(r) < table.header_rows;
        row.continues_row = table.first_row_continued && static_cast<int>(r) == (table.repeated_header ? table.header_rows : 0);
      }
    }
  }
  return rows;
}

}  // namespace docpipe
