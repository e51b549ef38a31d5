// Reads a competency standard from TabText rows into the model.
//
// The form has five parts, each recognised by its own header words, in any
// order and with page-break repeats: the version table (版本 | 職能基準代碼 |
// ...), the header table (職能基準代碼, 職能基準名稱, 所屬類別, 工作描述,
// 基準級別), the duty table (主要職責 or 工作職責 | 工作任務 | 工作產出 |
// 行為指標 | 職能級別 | K | S), the attitudes (職能內涵 (A=attitude 態度)) and
// the notes (說明與補充事項). Every row that fits none of them is kept in
// `unparsed` with its position.
//
//   Result<CompetencyStandard> standard = ParseCompetencyStandard(rows, RuleSet::Default());
//
// Fails (Unsupported) only when the rows are not a competency standard at all:
// neither a 職能基準代碼 field nor a duty table.
#ifndef DOCPIPE_NORMALIZE_STANDARD_STANDARD_PARSER_H_
#define DOCPIPE_NORMALIZE_STANDARD_STANDARD_PARSER_H_

#include <vector>

#include "common/status.h"
#include "model/competency_standard.h"
#include "normalize/repair/rule_set.h"
#include "model/tab_row.h"

namespace docpipe {

// True when the rows look like a competency standard (used for family
// detection).
bool LooksLikeCompetencyStandard(const std::vector<TabRow>& rows);

Result<CompetencyStandard> ParseCompetencyStandard(const std::vector<TabRow>& rows, const RuleSet& rules);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_STANDARD_PARSER_H_
