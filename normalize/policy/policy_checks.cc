#include "normalize/policy/policy_checks.h"

#include <optional>
#include <tuple>

#include "common/unicode.h"
#include "normalize/repair/heading_label.h"

namespace docpipe {

void CheckCounts(PolicyDocument* doc, const RuleSet& rules) {
  for (const Paragraph& p : doc->paragraphs) {
    int goals = 0, strategies = 0, actions = 0;
    std::vector<std::string_view> groups;
    if (rules.Pattern("plan_counts").PartialMatch(p.text, &groups) && groups.size() >= 4 &&
        GroupToInt(groups[1], &goals) && GroupToInt(groups[2], &strategies) && GroupToInt(groups[3], &actions)) {
      doc->stated_counts = PlanCounts{goals, strategies, actions, p.where.front()};
      break;
    }
  }
  if (doc->action_plans.empty()) return;
  if (!doc->stated_counts) {
    doc->diagnostics.Warn("count_unstated", "the document does not state how many action plans it has", {});
    return;
  }
  const PlanCounts& stated = *doc->stated_counts;
  for (auto [what, said, found] : {std::tuple{"goals", stated.goals, doc->goals.size()},
                                   std::tuple{"strategies", stated.strategies, doc->strategies.size()},
                                   std::tuple{"action plans", stated.action_plans, doc->action_plans.size()}}) {
    if (said && static_cast<size_t>(*said) != found) {
      doc->diagnostics.Warn("count_mismatch",
                            std::string("the document states ") + std::to_string(*said) + " " + what + ", found " +
                                std::to_string(found),
                            stated.pos);
    }
  }
}

void CheckGoals(const StatedGoals& stated, PolicyDocument* doc) {
  for (const CodedTitle& goal : doc->goals) {
    auto it = stated.find(goal.code);
    if (it == stated.end()) continue;
    if (unicode::FoldKey(it->second.first) != unicode::FoldKey(goal.title)) {
      doc->diagnostics.Warn("tables_disagree",
                            goal.code + ": \"" + it->second.first + "\" in the text, \"" + goal.title +
                                "\" in the assignment table",
                            it->second.second);
    }
  }
}

void CheckTableSections(PolicyDocument* doc, const RuleSet& rules) {
  std::map<int, std::pair<std::string, long>> last;  // rank -> the previous section row's label and number
  for (const PolicyTable& table : doc->tables) {
    for (const PolicyTableRow& row : table.rows) {
      if (row.cells.empty() || row.cells[0].empty() || row.where.empty()) continue;
      bool alone = true;
      for (size_t c = 1; c < row.cells.size(); ++c) alone = alone && row.cells[c].empty();
      std::optional<HeadingLabel> heading = alone ? MatchHeading(rules, row.cells[0]) : std::nullopt;
      std::optional<long> now = heading ? unicode::NumeralValue(heading->label) : std::nullopt;
      if (!now || heading->rest.empty()) continue;
      last.erase(last.upper_bound(heading->rank), last.end());
      auto it = last.find(heading->rank);
      if (it != last.end() && *now > it->second.second + 1 && *now != 1) {
        const long missing = *now - it->second.second - 1;
        doc->diagnostics.Warn("outline_gap",
                              heading->label + " follows " + it->second.first + " in the table's section rows: " +
                                  std::to_string(missing) + (missing == 1 ? " item is" : " items are") +
                                  " missing between them",
                              row.where.front());
      }
      last[heading->rank] = {heading->label, *now};
    }
  }
}

}  // namespace docpipe
