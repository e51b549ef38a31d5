// Action plans of a government plan, read from its two flattened tables and
// merged into one record per plan.
//
// A plan lists its action plans twice: an assignment table (表 2: 目標 |
// 執行策略 | 行動方案 | 主辦單位 | 協辦單位) and a detail table (附錄2:
// 行動方案 | 執行要點 | 績效指標 | 主（協）辦單位). Both are recognised by
// their header rows (pattern rules assignment_table_header and
// detail_table_header), repeated on every page; a table runs to the next
// chapter or appendix heading. Another extractor flattened them: cells come
// one after the other, wrapped mid-word, and a row cut by a page break
// continues after the next page's header with the tails of its unfinished
// cells, in column order. Codes (目標一, 1.1, 1.1.1) anchor the rows.
//
// Each action plan takes its goal and strategy from the assignment table,
// its points, indicators and agencies from the detail table; the title and
// agencies both tables give must agree, or a warning names the code.
//
//   std::vector<LineRange> used = ParseActionPlanTables(lines, rules, &doc);
//   // doc.action_plans, doc.goals, doc.strategies and two doc.tables filled
#ifndef DOCPIPE_NORMALIZE_POLICY_ACTION_PLAN_PARSER_H_
#define DOCPIPE_NORMALIZE_POLICY_ACTION_PLAN_PARSER_H_

#include <vector>

#include "model/policy_document.h"
#include "normalize/repair/rule_set.h"
#include "normalize/repair/text_blocks.h"

namespace docpipe {

// Half-open range of line indexes.
struct LineRange {
  size_t begin = 0;
  size_t end = 0;
};

// Finds the action-plan tables among `lines`, fills doc's action_plans,
// goals, strategies and tables, and adds warnings (unmatched codes,
// disagreeing tables, plans without points, indicators or lead agency) and
// unparsed text to doc->diagnostics. Returns the line ranges the tables
// occupy (header rows included) so that the caller does not read them again
// as paragraphs. A document without such tables yields no ranges.
std::vector<LineRange> ParseActionPlanTables(const std::vector<SourceLine>& lines, const RuleSet& rules,
                                             PolicyDocument* doc);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_ACTION_PLAN_PARSER_H_
