// One row of the version table (版本 | 職能基準代碼 | 名稱 | 狀態 | 說明 |
// 日期), its cells placed by the column header's folded words.
#ifndef DOCPIPE_NORMALIZE_STANDARD_VERSION_ROW_H_
#define DOCPIPE_NORMALIZE_STANDARD_VERSION_ROW_H_

#include <string>
#include <vector>

#include "model/competency_standard.h"
#include "normalize/repair/rule_set.h"
#include "normalize/standard/clean_row.h"

namespace docpipe {

// `columns` are the keys of the version table's header row. A cell under no
// known column goes to `unparsed`, a date that is not one is a warning.
Version ReadVersionRow(const CleanRow& row, const std::vector<std::string>& columns, const RuleSet& rules,
                       Diagnostics* diagnostics);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_VERSION_ROW_H_
