// Heading and item labels of government documents (第一章, 壹、, 一、, (一),
// 1., (1), 附錄2), recognised by the heading_* pattern rules of rules.json.
//
//   std::optional<HeadingLabel> h = MatchHeading(rules, "一、 組織化網路犯罪猖獗");
//   // h->label == "一、", h->rest == "組織化網路犯罪猖獗", h->rank == 3
//
// Labels and titles are spaced by the rule set's own input: other
// extractors' text loses spaces between CJK characters (collapse_spaces);
// a PDF's keeps the ones extract wrote, where the page shows a gap
// (collapse_space_runs: "附錄二 議題融入說明" keeps its word space).
#ifndef DOCPIPE_NORMALIZE_REPAIR_HEADING_LABEL_H_
#define DOCPIPE_NORMALIZE_REPAIR_HEADING_LABEL_H_

#include <optional>
#include <string>
#include <string_view>

#include "normalize/repair/rule_set.h"

namespace docpipe {

struct HeadingLabel {
  std::string label;  // as printed, trimmed: 第一章, 壹、, (一), 1., 附錄2
  std::string rest;   // the text after the label, trimmed
  // Outline rank of the label kind: 1 chapter or appendix, 2 壹、, 3 一、,
  // 4 (一), 5 1., 6 (1). A node nests under the nearest earlier node of a
  // smaller rank.
  int rank = 0;
  // The pattern rule that matched (heading_paren_arabic, ...): labels of
  // one kind, whatever their number.
  std::string kind;
};

std::optional<HeadingLabel> MatchHeading(const RuleSet& rules, std::string_view text);

// Groups 1 and 2 of pattern rule `rule` matched against `text` (patterns
// are anchored by their own ^), trimmed; nullopt when it does not match.
std::optional<std::pair<std::string, std::string>> MatchTwoGroups(const RuleSet& rules, std::string_view rule,
                                                                   std::string_view text);
// The same with the rule's matcher (rules.Pattern(rule)) looked up once by
// the caller, for a scan of many texts.
std::optional<std::pair<std::string, std::string>> MatchTwoGroups(const RuleSet& rules, const Regex& pattern,
                                                                   std::string_view text);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_HEADING_LABEL_H_
