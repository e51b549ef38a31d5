// Consistency checks on a parsed policy document; each disagreement is a
// warning, nothing is changed.
#ifndef DOCPIPE_NORMALIZE_POLICY_POLICY_CHECKS_H_
#define DOCPIPE_NORMALIZE_POLICY_POLICY_CHECKS_H_

#include <map>
#include <string>
#include <utility>

#include "model/policy_document.h"
#include "normalize/repair/rule_set.h"

namespace docpipe {

// Goal code -> its title as the text states it ("目標一：強化…"), and where.
using StatedGoals = std::map<std::string, std::pair<std::string, SourcePos>>;

// Reads the plan's statement of its size ("4 大策略目標，規劃 20 項執行策略
// 及 52 個行動方案") into doc->stated_counts and compares it with the goals,
// strategies and action plans found.
void CheckCounts(PolicyDocument* doc, const RuleSet& rules);

// Goals stated in the text must match the assignment table's.
void CheckGoals(const StatedGoals& stated, PolicyDocument* doc);

// Section rows of tables (a row whose only text is a labelled heading in
// its first cell, "一、商業服務業") are numbered like the outline: a label
// that skips numbers after the previous section row of its kind (四、 then
// 八、) is an "outline_gap" warning. A row of a higher kind starts the
// numbering of the lower kinds again.
void CheckTableSections(PolicyDocument* doc, const RuleSet& rules);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_POLICY_CHECKS_H_
