#include "normalize/policy/policy_checks.h"

#include <re2/re2.h>

#include <tuple>

#include "common/unicode.h"

namespace docpipe {

void CheckCounts(PolicyDocument* doc, const RuleSet& rules) {
  for (const Paragraph& p : doc->paragraphs) {
    int goals = 0, strategies = 0, actions = 0;
    if (RE2::PartialMatch(p.text, rules.Pattern("plan_counts"), &goals, &strategies, &actions)) {
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

}  // namespace docpipe
