#include "normalize/repair/heading_label.h"

#include <utility>

#include "common/unicode.h"

namespace docpipe {

std::optional<std::pair<std::string, std::string>> MatchTwoGroups(const RuleSet& rules, std::string_view rule,
                                                                   std::string_view text) {
  std::vector<std::string_view> groups;
  if (!rules.Pattern(rule).PartialMatch(text, &groups) || groups.size() < 3) return std::nullopt;
  std::string first(groups[1]), second(groups[2]);
  size_t lead = second.find_first_not_of(" \t");
  size_t tail = second.find_last_not_of(" \t");
  second = lead == std::string::npos ? "" : second.substr(lead, tail - lead + 1);
  return std::make_pair(unicode::CollapseSpaces(first), second);
}

std::optional<HeadingLabel> MatchHeading(const RuleSet& rules, std::string_view text) {
  static const std::pair<std::string_view, int> kKinds[] = {
      {"heading_chapter", 1},    {"heading_appendix", 1}, {"heading_capital_number", 2},
      {"heading_cjk_number", 3}, {"heading_paren_cjk", 4}, {"heading_arabic", 5},
      {"heading_paren_arabic", 6}};
  for (const auto& [rule, rank] : kKinds) {
    if (auto groups = MatchTwoGroups(rules, rule, text)) {
      return HeadingLabel{groups->first, unicode::CollapseSpaces(groups->second), rank};
    }
  }
  return std::nullopt;
}

}  // namespace docpipe
