#include "normalize/standard/field_values.h"

#include <re2/re2.h>

#include <cstdio>

#include "common/unicode.h"

namespace docpipe {

std::optional<int> ParseLevel(const RuleSet& rules, const std::string& text) {
  int value = 0;
  std::string folded = unicode::FoldWidth(text);
  if (RE2::FullMatch(folded, rules.Pattern("level_value"), &value)) return value;
  return std::nullopt;
}

std::string ParseDate(const RuleSet& rules, const std::string& text) {
  int year = 0, month = 0, day = 0;
  std::string folded = unicode::FoldWidth(text);
  if (!RE2::PartialMatch(folded, rules.Pattern("date_value"), &year, &month, &day)) return "";
  if (year < 1000) year += 1911;  // Republic of China calendar
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace docpipe
