// A captioned table that another extractor flattened into numbered lists:
//
//   表1、我國資安整體SWOT分析
//   優勢（Strengths; S） 劣勢（Weaknesses; W）      <- header row: short cells
//   1. …  2. …  3. …  4. …                         <- column 1
//   1. …  2. …  …  11. …                           <- numbering restarts: column 2
//   機會（Opportunities; O） 威脅（Threats; T）    <- next header row
//   1. … 1. …
//
// A header row is a block of at least two short cells separated by white
// space (outside brackets) with no sentence punctuation. Each header row
// becomes a row of the table (the first is the table's header), followed by
// one row whose cells are the numbered lists, a cell per numbering run.
// The table ends at the first block that is neither.
#ifndef DOCPIPE_NORMALIZE_POLICY_LIST_TABLE_H_
#define DOCPIPE_NORMALIZE_POLICY_LIST_TABLE_H_

#include <optional>
#include <vector>

#include "model/diagnostics.h"
#include "model/policy_document.h"
#include "normalize/repair/rule_set.h"
#include "normalize/repair/text_blocks.h"

namespace docpipe {

// Reads such a table from blocks[*next]; on success advances *next past it.
// nullopt (and *next unchanged) when blocks[*next] is no header row.
std::optional<PolicyTable> ReadListTable(const std::vector<TextBlock>& blocks, size_t* next, const RuleSet& rules,
                                   Diagnostics* diagnostics);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_LIST_TABLE_H_
