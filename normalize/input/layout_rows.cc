#include "normalize/input/layout_rows.h"

#include <re2/re2.h>

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

// Consecutive lines of one paragraph: same size, close below each other,
// starting at about the same x, the first one running to the right margin.
bool ContinuesParagraph(const TextLine& previous, const TextLine& next, double right_margin) {
  double size = std::max(previous.size, 1.0);
  return std::abs(previous.size - next.size) < 0.5 && next.bbox.y0 - previous.bbox.y1 < 0.6 * size &&
         next.bbox.y0 > previous.bbox.y0 && std::abs(previous.bbox.x0 - next.bbox.x0) < 2 * size &&
         previous.bbox.x1 > right_margin - 2 * size && !EndsSentence(previous.text);
}

}  // namespace

std::string JoinCellLines(const std::vector<TextLine>& lines, const RuleSet& rules) {
  const re2::RE2& item_start = rules.Pattern("item_start");
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i].text;
    if (i == 0) {
      text = line;
      continue;
    }
    bool new_item = RE2::PartialMatch(line, item_start);
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
  const re2::RE2& contents_entry = rules.Pattern("contents_entry");
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
    const std::vector<PagePiece> blocks = ReadingOrder(std::move(pieces));

    int line_number = 0;
    auto emit = [&](std::vector<std::string> cells) {
      TabRow row;
      row.pos.page = page.number;
      row.pos.line = ++line_number;
      row.cells = std::move(cells);
      rows.push_back(std::move(row));
    };
    const PagePiece* paragraph_end = nullptr;
    for (const PagePiece& block : blocks) {
      if (title_page && block.line == title->lines.front()) {
        // The title is a row of its own, never the start of a paragraph.
        emit({title->text});
        rows.back().title = true;
        paragraph_end = nullptr;
        continue;
      }
      if (block.line != nullptr) {
        // An entry of a table of contents (dot leader, page number) ends
        // where its number stands, though it runs to the margin.
        if (paragraph_end != nullptr &&
            ContinuesParagraph(*paragraph_end->line, *block.line, paragraph_end->column_right) &&
            !RE2::FullMatch(paragraph_end->line->text, contents_entry)) {
          rows.back().cells[0] = unicode::JoinWrapped(rows.back().cells[0], block.line->text);
        } else {
          emit({block.line->text});
        }
        paragraph_end = &block;
        continue;
      }
      paragraph_end = nullptr;
      const Table& table = *block.table;
      std::vector<std::vector<std::string>> grid(static_cast<size_t>(table.rows),
                                                 std::vector<std::string>(static_cast<size_t>(table.cols)));
      // Slots a merged cell covers but does not start in: {0, 0}.
      std::vector<std::vector<CellSpan>> spans(grid.size(),
                                               std::vector<CellSpan>(static_cast<size_t>(table.cols), CellSpan{0, 0}));
      for (const Cell& cell : table.cells) {
        grid[static_cast<size_t>(cell.row)][static_cast<size_t>(cell.col)] = JoinCellLines(cell.lines, rules);
        spans[static_cast<size_t>(cell.row)][static_cast<size_t>(cell.col)] = CellSpan{cell.row_span, cell.col_span};
      }
      for (size_t r = 0; r < grid.size(); ++r) {
        emit(std::move(grid[r]));
        TabRow& row = rows.back();
        row.table = table.id;
        row.header_rows = table.header_rows;
        row.spans = std::move(spans[r]);
        row.continues_table = table.continued_from_previous_page;
        row.repeated_header = table.repeated_header && static_cast<int>(r) < table.header_rows;
        row.continues_row = table.first_row_continued && static_cast<int>(r) == (table.repeated_header ? table.header_rows : 0);
      }
    }
  }
  return rows;
}

}  // namespace docpipe
