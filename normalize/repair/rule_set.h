// RuleSet: the repair rules of normalize, loaded from data (normalize/repair/rules.json,
// compiled into the binary). This is the only file that compiles RE2 patterns.
//
// Three kinds of rule (see the comment at the top of rules.json):
//   replace  an RE2 pattern and replacement, applied in file order per stage;
//   pattern  a named RE2 matcher the parsers use (codes, levels, dates);
//   builtin  a repair that needs ICU character properties (fold_width,
//            collapse_spaces); its behaviour is still pinned by examples.
//
//   const RuleSet& rules = RuleSet::Default();
//   std::string cell = rules.ApplyStage("cell", raw_cell);
//   std::string text = rules.ApplyStage("text", cell);
//   const re2::RE2& task = rules.Pattern("duty_or_task_code");
//
// A RuleSet is immutable after construction and safe to share across threads.
#ifndef DOCPIPE_NORMALIZE_REPAIR_RULE_SET_H_
#define DOCPIPE_NORMALIZE_REPAIR_RULE_SET_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace re2 {
class RE2;
}

namespace docpipe {

struct RuleExample {
  std::string before;
  std::string after;
};

struct Rule {
  std::string name;
  std::string stage;  // "cell", "text" or "parse"
  std::string kind;   // "replace", "pattern" or "builtin"
  std::string description;
  std::string pattern;
  std::string replacement;
  std::vector<RuleExample> examples;
};

class RuleSet {
 public:
  // Parses and compiles a rule file. BadInput naming the rule and the reason
  // when the JSON is malformed, a field is missing, a pattern does not
  // compile, a builtin is unknown or a rule has no example.
  static Result<RuleSet> Parse(std::string_view json_text);

  // The rules compiled into the binary. Their validity is checked by the
  // test suite; if they ever failed to load this aborts with the reason.
  static const RuleSet& Default();

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  // Applies every replace and builtin rule of `stage`, in file order.
  std::string ApplyStage(std::string_view stage, std::string_view text) const;

  // Applies one rule; for a pattern rule returns its first match (group 1
  // when the pattern has groups), or "" when nothing matches.
  std::string ApplyRule(const Rule& rule, std::string_view text) const;

  // The compiled matcher of a pattern rule; aborts on an unknown name, which
  // is a programming error caught by every test that parses a document.
  const re2::RE2& Pattern(std::string_view name) const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  RuleSet() = default;
  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<re2::RE2>> compiled_;  // parallel to rules_
  std::map<std::string, size_t, std::less<>> by_name_;
  // Per stage, the alternation of its replace patterns: one search tells
  // that no replace rule of the stage can change a text (most cells).
  std::map<std::string, std::unique_ptr<re2::RE2>, std::less<>> stage_filters_;
};

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_RULE_SET_H_
