// Values printed in a competency standard's fields: a level (基準級別, 職能級別)
// and a date (版本 table). Both read the text with full-width digits folded.
#ifndef DOCPIPE_NORMALIZE_STANDARD_FIELD_VALUES_H_
#define DOCPIPE_NORMALIZE_STANDARD_FIELD_VALUES_H_

#include <optional>
#include <string>

#include "normalize/repair/rule_set.h"

namespace docpipe {

// The level in text that is only a level (rule "level_value"); nullopt
// otherwise.
std::optional<int> ParseLevel(const RuleSet& rules, const std::string& text);

// YYYY-MM-DD from "2025/12/15", "2025-12-15", "114/12/15" (ROC year) or
// "114年12月15日"; "" if the text holds no valid date.
std::string ParseDate(const RuleSet& rules, const std::string& text);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_FIELD_VALUES_H_
