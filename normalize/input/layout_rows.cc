#include "normalize/input/layout_rows.h"

#include <re2/re2.h>

#include <algorithm>

#include "common/unicode.h"

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

// One piece of a page in reading order: a content line or a table.
struct Block {
  double top = 0;
  const TextLine* line = nullptr;
  const Table* table = nullptr;
};

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
  for (const Page& page : layout.pages) {
    std::vector<Block> blocks;
    double right_margin = 0;
    for (const TextLine& line : page.lines) {
      if (line.role != LineRole::kContent) continue;
      blocks.push_back({line.bbox.y0, &line, nullptr});
      right_margin = std::max(right_margin, line.bbox.x1);
    }
    for (const Table& table : page.tables) blocks.push_back({table.bbox.y0, nullptr, &table});
    std::stable_sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) { return a.top < b.top; });

    int line_number = 0;
    auto emit = [&](std::vector<std::string> cells) {
      TabRow row;
      row.pos.page = page.number;
      row.pos.line = ++line_number;
      row.cells = std::move(cells);
      rows.push_back(std::move(row));
    };
    const TextLine* paragraph_end = nullptr;
    for (const Block& block : blocks) {
      if (block.line != nullptr) {
        if (paragraph_end != nullptr && ContinuesParagraph(*paragraph_end, *block.line, right_margin)) {
          rows.back().cells[0] = unicode::JoinWrapped(rows.back().cells[0], block.line->text);
        } else {
          emit({block.line->text});
        }
        paragraph_end = block.line;
        continue;
      }
      paragraph_end = nullptr;
      const Table& table = *block.table;
      std::vector<std::vector<std::string>> grid(static_cast<size_t>(table.rows),
                                                 std::vector<std::string>(static_cast<size_t>(table.cols)));
      for (const Cell& cell : table.cells) {
        grid[static_cast<size_t>(cell.row)][static_cast<size_t>(cell.col)] = JoinCellLines(cell.lines, rules);
      }
      for (auto& cells : grid) emit(std::move(cells));
    }
  }
  return rows;
}

}  // namespace docpipe
