// Reads a government plan or directive, or any document of unknown family,
// from rows (text from another extractor, or a PDF's lines) into a
// PolicyDocument.
//
//   Result<PolicyDocument> doc = ParsePolicyDocument(rows, RuleSet::Default());
//
// Lines are repaired by the "cell" rules (fake bold collapsed), then joined
// into blocks (text_blocks.h). Action-plan tables are read first
// (action_plan_parser.h); every other block is a caption (圖N / 表N), a
// heading or numbered item (an outline node, nested by the rank of its
// label: 章 > 壹 > 一、 > (一) > 1. > (1)), a table row (several cells), or a
// paragraph of the innermost open node. Nothing is dropped: what fits none of
// these is a paragraph.
//
// The title is the first block when it precedes every heading and is no
// sentence; otherwise the name the document gives itself (「…」(以下簡稱本方案)).
// A plan's statement of its size ("4 大策略目標，規劃 20 項執行策略及 52 個
// 行動方案") is checked against the goals, strategies and action plans found.
//
// Fails (BadInput) only when there is no text at all.
#ifndef DOCPIPE_NORMALIZE_POLICY_POLICY_PARSER_H_
#define DOCPIPE_NORMALIZE_POLICY_POLICY_PARSER_H_

#include <vector>

#include "common/status.h"
#include "model/policy_document.h"
#include "normalize/repair/rule_set.h"
#include "normalize/repair/text_blocks.h"
#include "model/tab_row.h"

namespace docpipe {

Result<PolicyDocument> ParsePolicyDocument(const std::vector<TabRow>& rows, const RuleSet& rules);

// The same, from the rows already prepared: `lines` must be
// PrepareLines(rows, rules) of the same `rules` (the family detection
// prepares them; pipeline/document_family.h).
Result<PolicyDocument> ParsePolicyLines(const std::vector<SourceLine>& lines, const RuleSet& rules);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_POLICY_PARSER_H_
