// RuleSet: the repair rules of normalize, loaded from data (normalize/repair/rules.json,
// compiled into the binary). This is the only class that compiles patterns
// (through the RE2 adapter, normalize/repair/regex.h).
//
// Three kinds of rule (see the comment at the top of rules.json):
//   replace  an RE2 pattern and replacement, applied in file order per stage;
//   pattern  a named RE2 matcher the parsers use (codes, levels, dates);
//   builtin  a repair that needs ICU character properties (fold_width,
//            collapse_spaces); its behaviour is still pinned by examples.
//
// Every replace and builtin rule names the inputs it applies to ("text":
// rows from another extractor; "pdf": a PDF's text layer or its layout
// JSON). A RuleSet is loaded for one input and applies only its rules:
// markup remnants and text-level fake bold are repaired in other extractors'
// text, never in a PDF's, where "**" and "III" are data.
//
//   const RuleSet& rules = RuleSet::Default();  // or Default(RuleInput::kPdf)
//   std::string cell = rules.ApplyStage("cell", raw_cell);
//   std::string text = rules.ApplyStage("text", cell);
//   const Regex& task = rules.Pattern("duty_or_task_code");
//
// A RuleSet is immutable after construction and safe to share across threads.
#ifndef DOCPIPE_NORMALIZE_REPAIR_RULE_SET_H_
#define DOCPIPE_NORMALIZE_REPAIR_RULE_SET_H_

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/status.h"
#include "common/unicode.h"
#include "normalize/repair/regex.h"

namespace docpipe {

// The text a rule set repairs.
enum class RuleInput { kText, kPdf };

// "text" or "pdf", as rules.json spells them.
std::string_view RuleInputName(RuleInput input);

struct RuleExample {
  RuleInput input = RuleInput::kText;  // run as that input's rule set would run it
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
  std::vector<RuleInput> inputs;  // replace and builtin rules; empty for patterns
  std::vector<RuleExample> examples;
  // Pattern rules apply to every input.
  bool AppliesTo(RuleInput input) const;
};

class RuleSet {
 public:
  // Parses and compiles a rule file. BadInput naming the rule and the reason
  // when the JSON is malformed, a field is missing, a pattern does not
  // compile, a builtin is unknown, a rule has no example, or a repair rule
  // does not say which inputs it applies to. The set repairs text of `input`.
  static Result<RuleSet> Parse(std::string_view json_text, RuleInput input = RuleInput::kText);

  // The rules compiled into the binary, for one input. Their validity is
  // checked by the test suite (CheckDefault); if they ever failed to load
  // this aborts with the reason. Their patterns are compiled lazily, each
  // the first time it is needed (a stage's set of replace patterns when the
  // stage first runs, a replace rule's pattern when the set says it
  // matches, a pattern rule's when it is asked for): compiling every rule
  // of both inputs cost each process 61 M instructions, 11% of the
  // normalize of a 9-page standard (bench/README.md "Wave 6: xspeed2").
  static const RuleSet& Default(RuleInput input = RuleInput::kText);

  // Parses and compiles every rule of the embedded rules.json for every
  // input, as Parse does: the load-time check of what Default defers.
  static Status CheckDefault();

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  RuleInput input() const { return input_; }

  // Applies every replace and builtin rule of `stage` that applies to this
  // set's input, in file order. `known`: what the caller knows of the text's
  // bytes (unicode::Utf8); the result is the same either way.
  std::string ApplyStage(std::string_view stage, std::string_view text,
                         unicode::Utf8 known = unicode::Utf8::kUnchecked) const;

  // Applies one rule; for a pattern rule returns its first match (group 1
  // when the pattern has groups), or "" when nothing matches.
  std::string ApplyRule(const Rule& rule, std::string_view text) const;

  // The rule named `name`, or nullptr; valid as long as the set.
  const Rule* Find(std::string_view name) const;

  // The compiled matcher of a pattern rule; aborts on an unknown name, which
  // is a programming error caught by every test that parses a document.
  const Regex& Pattern(std::string_view name) const;

  // The pattern rules `names` as one RegexSet, for a scan that asks all of
  // them of many texts: RegexSet::Matching says which may match in one pass
  // (its indices are positions in `names`). Compiled the first time the list
  // is asked for and kept with the rule set, safe across threads (like the
  // stages' sets); null when RE2 cannot compile the set, and the caller then
  // matches each rule on its own. Aborts on an unknown name, as Pattern.
  const RegexSet* PatternSet(const std::vector<std::string_view>& names) const;

  // Whether the pattern rule `name` matches anywhere in `text`: the one
  // Matches of the code base (no other file asks a pattern for a yes/no).
  bool Matches(std::string_view name, std::string_view text) const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  RuleSet() = default;
  // Parse, with every pattern compiled now (`compile_now`) or on first use.
  static Result<RuleSet> Load(std::string_view json_text, RuleInput input, bool compile_now);
  // The same from the file's parsed JSON (Default reads the embedded file
  // once for both inputs).
  static Result<RuleSet> FromJson(const nlohmann::json& root, RuleInput input, bool compile_now);
  // A pattern compiled at load or the first time it is needed, once, safely
  // across threads (rule_set.cc).
  class LazyRegex;
  class LazyRegexSet;
  RuleInput input_ = RuleInput::kText;
  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<LazyRegex>> compiled_;  // parallel to rules_; null for builtins
  // Every rule's index by its name (a view of rules_[i].name): the parsers
  // ask patterns by name once per line or cell, and a hash costs less than
  // the ~7 string comparisons of a tree of 100 names.
  std::unordered_map<std::string_view, size_t> by_name_;
  // What ApplyStage runs for one stage and this set's input, decided once
  // when the rules load: the stage's replace and builtin rules in file
  // order, and a RegexSet of its replace patterns, so that one pass over a
  // text tells which replace rules can change it (none, for most cells).
  struct StagePlan {
    struct Step {
      const Rule* rule = nullptr;
      const LazyRegex* regex = nullptr;                // replace rules
      std::string (*builtin)(std::string_view) = nullptr;  // builtin rules
      // false: `builtin` leaves the text as it is (given the text's scan)
      bool (*builtin_may_change)(std::string_view, const unicode::TextScan&) = nullptr;
      bool (*builtin_may_change_alone)(std::string_view) = nullptr;  // the same, scanning the text itself
      int set_index = -1;                              // the pattern's index in `replaces`
    };
    std::vector<Step> steps;
    int builtins = 0;  // how many steps are builtin repairs
    std::unique_ptr<LazyRegexSet> replaces;  // its Get() null: every replace rule runs
    // What the stage makes of an empty text (most cells of a plan's tables
    // are empty), found the first time one is met: 0 not yet, 1 it stays
    // empty, 2 it does not (the result is then computed every time).
    mutable std::atomic<int> empty_stays_empty{0};
  };
  std::map<std::string, StagePlan, std::less<>> stages_;
  // PatternSet's sets with their lists of names, made on first use under a
  // mutex.
  struct PatternSets;
  std::unique_ptr<PatternSets> pattern_sets_;
  // The stage's rules in order over `text` (ApplyStage).
  static std::string ApplyPlan(const StagePlan& plan, std::string_view text, unicode::Utf8 known);
};

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_RULE_SET_H_
