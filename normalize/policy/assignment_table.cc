// The assignment table (表 2) flattened by another extractor.
//
// Its cells hold no spaces of their own: a cell's wrapped lines carry no end
// mark, its last line does, and cells printed side by side on one line are
// separated by spaces ("1.1.1.研訂資安政策  資通安全辦公室 研考會"). So the
// lines are first joined into chunks (a line without end mark continues into
// the next, unless that opens with a code), and the chunks are cut at white
// space into cell texts. Codes then decide what each cell is: 目標N： opens
// a goal, N.N a strategy, N.N.N an action plan; the text after a code until
// the next code is that goal's or strategy's wording, or the action's title
// followed by its agency cells. A repeated header row marks a page break:
// text after it that precedes the next code is the tail of a cell the break
// cut, the goal's first when the goal's wording has no final 。.
#include "common/unicode.h"
#include "normalize/policy/action_plan_tables.h"
#include "normalize/repair/heading_label.h"

namespace docpipe {
namespace {

struct CellText {
  std::string text;
  SourcePos pos;
  bool after_break = false;
};

void SplitAtSpaces(const std::string& chunk, SourcePos pos, bool after_break, std::vector<CellText>* cells) {
  std::string current;
  size_t i = 0;
  while (i <= chunk.size()) {
    bool space = i == chunk.size() || chunk[i] == ' ' || chunk[i] == '\t';
    if (!space) {
      current.push_back(chunk[i]);
    } else if (!current.empty()) {
      cells->push_back({std::move(current), pos, after_break});
      current.clear();
    }
    ++i;
  }
}

// Chunks of the table body cut into cell texts; header rows dropped.
std::vector<CellText> CellsOf(const std::vector<SourceLine>& lines, size_t begin, size_t end, const RuleSet& rules) {
  std::vector<CellText> cells;
  std::string chunk;
  SourcePos chunk_pos;
  bool chunk_after_break = false;
  bool after_break = false;
  bool open = false;
  auto flush = [&] {
    if (!chunk.empty()) SplitAtSpaces(chunk, chunk_pos, chunk_after_break, &cells);
    chunk.clear();
  };
  const Regex& header = rules.Pattern("assignment_table_header");
  const std::vector<const Regex*> codes = LabelPatterns(rules, {"goal_label", "action_code", "strategy_code"});
  for (size_t i = begin; i < end; ++i) {
    const SourceLine& line = lines[i];
    if (line.IsBlank()) continue;
    if (header.MayMatch(line.text) && header.PartialMatch(line.text)) {  // a header repeated after a page break
      flush();
      open = false;
      after_break = true;
      continue;
    }
    const bool starts_with_code = StartsWithLabel(codes, line.text);
    if (starts_with_code) after_break = false;
    if (!open || starts_with_code) {
      flush();
      chunk = line.text;
      chunk_pos = line.pos;
      chunk_after_break = after_break;
    } else {
      chunk = unicode::JoinWrapped(chunk, line.text);
    }
    open = !line.end_mark;
  }
  flush();
  return cells;
}

std::string Join(const std::string& a, const std::string& b) { return unicode::JoinWrapped(a, b); }

}  // namespace

std::vector<std::string> HeaderCells(const std::string& text) {
  std::vector<CellText> cells;
  SplitAtSpaces(text, {}, false, &cells);
  std::vector<std::string> out;
  for (CellText& cell : cells) out.push_back(std::move(cell.text));
  return out;
}

std::vector<std::string> SplitAgencies(const std::string& text) {
  std::vector<std::string> names;
  std::string collapsed = unicode::CollapseSpaces(text);
  const std::string sep = "、";
  size_t start = 0;
  while (start <= collapsed.size()) {
    size_t at = collapsed.find(sep, start);
    std::string name = unicode::CollapseSpaces(
        collapsed.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (!name.empty()) names.push_back(name);
    if (at == std::string::npos) break;
    start = at + sep.size();
  }
  return names;
}

AssignmentTable ReadAssignmentTable(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                                    const RuleSet& rules, Diagnostics* diagnostics) {
  AssignmentTable table;
  table.header = HeaderCells(lines[begin].text);
  enum class State { kNone, kGoal, kStrategy, kAction } state = State::kNone;
  bool title_pending = false;
  const Regex& goal_label = rules.Pattern("goal_label");
  const Regex& action_code = rules.Pattern("action_code");
  const Regex& strategy_code = rules.Pattern("strategy_code");
  for (const CellText& cell : CellsOf(lines, begin + 1, end, rules)) {
    if (auto goal = MatchTwoGroups(rules, goal_label, cell.text)) {
      table.goals.push_back({std::move(goal->first), std::move(goal->second)});
      state = State::kGoal;
      continue;
    }
    if (auto action = MatchTwoGroups(rules, action_code, cell.text)) {
      if (table.goals.empty() || table.strategies.empty()) {
        diagnostics->Warn("misplaced_code", "action plan " + action->first + " precedes any goal or strategy",
                          cell.pos);
      }
      AssignedAction a;
      a.code = std::move(action->first);
      a.title = std::move(action->second);
      a.goal = table.goals.empty() ? 0 : table.goals.size() - 1;
      a.strategy = table.strategies.empty() ? 0 : table.strategies.size() - 1;
      a.where.push_back(cell.pos);
      table.actions.push_back(std::move(a));
      title_pending = table.actions.back().title.empty();
      state = State::kAction;
      continue;
    }
    if (auto strategy = MatchTwoGroups(rules, strategy_code, cell.text)) {
      table.strategies.push_back({std::move(strategy->first), std::move(strategy->second)});
      state = State::kStrategy;
      continue;
    }
    if (cell.after_break && !table.goals.empty() && !EndsSentence(table.goals.back().title)) {
      table.goals.back().title = Join(table.goals.back().title, cell.text);
      continue;
    }
    switch (state) {
      case State::kNone:
        diagnostics->Unplaced(cell.text, cell.pos);
        break;
      case State::kGoal:
        table.goals.back().title = Join(table.goals.back().title, cell.text);
        break;
      case State::kStrategy:
        table.strategies.back().title = Join(table.strategies.back().title, cell.text);
        break;
      case State::kAction: {
        AssignedAction& a = table.actions.back();
        a.where.push_back(cell.pos);
        std::string text = cell.text;
        if (text.rfind("、", 0) == 0) text.erase(0, std::string("、").size());
        if (title_pending) {
          a.title = std::move(text);
          title_pending = false;
        } else if (cell.after_break) {
          a.tails.push_back(std::move(text));
        } else if (!a.agency_cells.empty() && unicode::LastChar(a.agency_cells.back()) == U'、') {
          a.agency_cells.back() += text;
        } else if (!text.empty()) {
          a.agency_cells.push_back(std::move(text));
        }
        break;
      }
    }
  }
  for (CodedTitle& goal : table.goals) goal.title = unicode::CollapseSpaces(goal.title);
  for (CodedTitle& strategy : table.strategies) strategy.title = unicode::CollapseSpaces(strategy.title);
  return table;
}

}  // namespace docpipe
