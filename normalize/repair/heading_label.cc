#include "normalize/repair/heading_label.h"

#include <utility>

#include "common/unicode.h"

namespace docpipe {
namespace {

// The input's spacing rule: the first of collapse_spaces and
// collapse_space_runs in file order that applies to the input; null if none.
const Rule* SpacingRule(const RuleSet& rules) {
  const Rule* spacing = nullptr;
  for (std::string_view name : {"collapse_spaces", "collapse_space_runs"}) {
    const Rule* rule = rules.Find(name);
    if (rule == nullptr || !rule->AppliesTo(rules.input())) continue;
    if (spacing == nullptr || rule < spacing) spacing = rule;
  }
  return spacing;
}

// White space in a label or title as the input's own spacing rule of
// rules.json repairs it: other extractors' text loses the spaces between
// CJK characters (collapse_spaces); in a PDF's text a space between two CJK
// characters is one the page shows, and only runs are collapsed
// (collapse_space_runs).
// Both builtins leave a text without white space as it is (SpacesMayChange,
// the test the rule set's own stages skip them by), so such a text, most
// labels and titles, is copied without looking the rule up.
std::string Spaced(const RuleSet& rules, std::string_view text) {
  const Rule* spacing = SpacingRule(rules);
  if (spacing == nullptr) return unicode::CollapseSpaceRuns(text);
  if (spacing->kind == "builtin" && !unicode::SpacesMayChange(text)) return std::string(text);
  return rules.ApplyRule(*spacing, text);
}

}  // namespace

std::optional<std::pair<std::string, std::string>> MatchTwoGroups(const RuleSet& rules, std::string_view rule,
                                                                   std::string_view text) {
  return MatchTwoGroups(rules, rules.Pattern(rule), text);
}

std::optional<std::pair<std::string, std::string>> MatchTwoGroups(const RuleSet& rules, const Regex& pattern,
                                                                   std::string_view text) {
  // Kept across calls (a vector per call allocated on every match): views
  // into `text`, read only before this returns.
  thread_local std::vector<std::string_view> groups;
  if (!pattern.PartialMatch(text, &groups) || groups.size() < 3) return std::nullopt;
  std::string_view second = groups[2];
  const size_t lead = second.find_first_not_of(" \t");
  second = lead == std::string_view::npos ? std::string_view()
                                          : second.substr(lead, second.find_last_not_of(" \t") - lead + 1);
  return std::make_pair(Spaced(rules, groups[1]), std::string(second));
}

std::optional<HeadingLabel> MatchHeading(const RuleSet& rules, std::string_view text) {
  static const std::pair<std::string_view, int> kKinds[] = {
      {"heading_chapter", 1},    {"heading_appendix", 1}, {"heading_capital_number", 2},
      {"heading_cjk_number", 3}, {"heading_paren_cjk", 4}, {"heading_arabic", 5},
      {"heading_paren_arabic", 6}};
  for (const auto& [rule, rank] : kKinds) {
    if (auto groups = MatchTwoGroups(rules, rule, text)) {
      return HeadingLabel{std::move(groups->first), Spaced(rules, groups->second), rank, std::string(rule)};
    }
  }
  return std::nullopt;
}

}  // namespace docpipe
