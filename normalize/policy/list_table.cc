#include "normalize/policy/list_table.h"

#include "common/unicode.h"
#include "normalize/repair/heading_label.h"

namespace docpipe {
namespace {

// Header cells are short: a column name, perhaps with a gloss in brackets.
constexpr size_t kMaxHeaderCell = 24;

// Cells of a header row, or nothing when the block is not one.
std::vector<std::string> HeaderRow(const TextBlock& block, const RuleSet& rules) {
  std::vector<std::string> cells;
  if (MatchHeading(rules, block.text) || EndsSentence(block.text)) return {};
  std::string current;
  int depth = 0;
  const std::string& s = block.text;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool end = i == s.size();
    if (!end) {
      int32_t c = unicode::FirstChar(std::string_view(s).substr(i));
      if (c == U'（' || c == U'(') ++depth;
      if ((c == U'）' || c == U')') && depth > 0) --depth;
    }
    if (end || (depth == 0 && (s[i] == ' ' || s[i] == '\t'))) {
      if (!current.empty()) cells.push_back(unicode::CollapseSpaces(current));
      current.clear();
      continue;
    }
    current.push_back(s[i]);
  }
  for (const std::string& cell : cells) {
    if (unicode::Length(cell) > kMaxHeaderCell || cell.find("，") != std::string::npos) return {};
  }
  return cells.size() >= 2 ? cells : std::vector<std::string>{};
}

}  // namespace

std::optional<PolicyTable> ReadListTable(const std::vector<TextBlock>& blocks, size_t* next, const RuleSet& rules,
                                   Diagnostics* diagnostics) {
  size_t i = *next;
  if (i >= blocks.size() || HeaderRow(blocks[i], rules).empty()) return std::nullopt;
  PolicyTable table;
  table.pos = blocks[i].where.front();
  while (i < blocks.size()) {
    std::vector<std::string> header = HeaderRow(blocks[i], rules);
    if (header.empty()) break;
    PolicyTableRow head{header, blocks[i].where};
    PolicyTableRow lists;
    ++i;
    for (; i < blocks.size(); ++i) {
      auto item = MatchTwoGroups(rules, "heading_arabic", blocks[i].text);
      if (!item) break;
      bool restart = std::atoi(item->first.c_str()) == 1;
      if (lists.cells.empty() || restart) lists.cells.emplace_back();
      std::string& cell = lists.cells.back();
      cell += (cell.empty() ? "" : "\n") + item->first + " " + unicode::CollapseSpaces(item->second);
      lists.where.insert(lists.where.end(), blocks[i].where.begin(), blocks[i].where.end());
    }
    if (lists.cells.size() != header.size()) {
      diagnostics->Warn("table_shape",
                        "table under \"" + header.front() + "\" has " + std::to_string(header.size()) +
                            " columns but " + std::to_string(lists.cells.size()) + " numbered lists",
                        head.where.front());
    }
    if (table.header.empty()) {
      table.header = std::move(head.cells);
    } else {
      table.rows.push_back(std::move(head));
    }
    if (!lists.cells.empty()) table.rows.push_back(std::move(lists));
  }
  *next = i;
  return table;
}

}  // namespace docpipe
