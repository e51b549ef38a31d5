#include "normalize/repair/rule_set.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "common/json_parse.h"
#include "common/unicode.h"
#include "normalize/repair/fake_bold.h"

namespace docpipe {
namespace embedded {
extern const char normalize_rules[];
}

namespace {

// A builtin repair and its quick test (false only when the repair leaves
// the text as it is), given what one scan of the text found.
struct Builtin {
  std::string (*apply)(std::string_view) = nullptr;
  bool (*may_change)(std::string_view, const unicode::TextScan&) = nullptr;
  bool (*may_change_alone)(std::string_view) = nullptr;  // the same without a scan
};

Builtin FindBuiltin(std::string_view name) {
  using unicode::TextScan;
  if (name == "fold_width") {
    return {&unicode::FoldWidth, [](std::string_view t, const TextScan& s) { return unicode::FoldWidthMayChange(t, s); },
            &unicode::FoldWidthMayChange};
  }
  if (name == "collapse_spaces") {
    return {&unicode::CollapseSpaces, [](std::string_view t, const TextScan& s) { return unicode::SpacesMayChange(t, s); },
            &unicode::SpacesMayChange};
  }
  if (name == "collapse_space_runs") {
    return {&unicode::CollapseSpaceRuns,
            [](std::string_view t, const TextScan& s) { return unicode::SpacesMayChange(t, s); },
            &unicode::SpacesMayChange};
  }
  if (name == "letter_spacing") {
    return {&unicode::RemoveLetterSpacing,
            [](std::string_view t, const TextScan& s) { return unicode::RemoveLetterSpacingMayChange(t, s); },
            &unicode::RemoveLetterSpacingMayChange};
  }
  if (name == "fake_bold") {
    return {&CollapseFakeBold, [](std::string_view t, const TextScan& s) { return CollapseFakeBoldMayChange(t, s); },
            &CollapseFakeBoldMayChange};
  }
  if (name == "nfc") {
    return {&unicode::Nfc, [](std::string_view t, const TextScan& s) { return unicode::NfcMayChange(t, s); },
            &unicode::NfcMayChange};
  }
  if (name == "unify_radicals") {
    return {[](std::string_view text) { return unicode::UnifyRadicals(text); },
            [](std::string_view t, const TextScan& s) { return unicode::UnifyRadicalsMayChange(t, s); },
            &unicode::UnifyRadicalsMayChange};
  }
  if (name == "ascii_hyphens_in_codes") {
    return {[](std::string_view text) { return unicode::AsciiHyphensInCodes(text); },
            [](std::string_view t, const TextScan& s) { return unicode::AsciiHyphensInCodesMayChange(t, s); },
            &unicode::AsciiHyphensInCodesMayChange};
  }
  return {};
}

Result<std::string> StringField(const nlohmann::json& object, const char* key, const std::string& rule,
                                bool required) {
  auto it = object.find(key);
  if (it == object.end()) {
    if (!required) return std::string();
    return Status::BadInput("rule '" + rule + "': missing \"" + key + "\"");
  }
  if (!it->is_string()) return Status::BadInput("rule '" + rule + "': \"" + key + "\" must be a string");
  return it->get<std::string>();
}

std::optional<RuleInput> ParseInput(const nlohmann::json& value) {
  if (value == "text") return RuleInput::kText;
  if (value == "pdf") return RuleInput::kPdf;
  return std::nullopt;
}

}  // namespace

// A rule's pattern, compiled once (std::call_once, so a set shared by
// threads compiles it once) at load or when first needed. A pattern that
// does not compile at first use aborts with the reason, as a broken
// embedded rule file did at load: only Default defers the compile, and the
// test suite checks every embedded pattern at load (CheckDefault).
class RuleSet::LazyRegex {
 public:
  explicit LazyRegex(const Rule& rule)
      : name_(rule.name), pattern_(rule.pattern), replacement_(rule.replacement), replace_(rule.kind == "replace") {}

  // Compiles the pattern now; BadInput naming the rule when it does not
  // compile or its replacement does not fit it.
  Status Compile() const {
    Status status;
    std::call_once(once_, [&] { status = CompileNow(); });
    return status;
  }

  const Regex& Get() const {
    std::call_once(once_, [&] {
      if (Status status = CompileNow(); !status.ok()) {
        std::fprintf(stderr, "docpipe: embedded rules.json is broken: %s\n", status.ToString().c_str());
        std::abort();
      }
    });
    return *regex_;
  }

 private:
  Status CompileNow() const {
    Result<Regex> regex = Regex::Compile(pattern_);
    if (!regex.ok()) {
      return Status::BadInput("rule '" + name_ + "': pattern does not compile: " + regex.status().message());
    }
    auto compiled = std::make_unique<Regex>(std::move(*regex));
    if (replace_) {
      if (Status why = compiled->CheckRewrite(replacement_); !why.ok()) {
        return Status::BadInput("rule '" + name_ + "': bad replacement: " + why.message());
      }
    }
    regex_ = std::move(compiled);
    return Status::Ok();
  }

  std::string name_, pattern_, replacement_;
  bool replace_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<Regex> regex_;
};

// A stage's replace patterns as one RegexSet, compiled once at load or the
// first time the stage runs.
class RuleSet::LazyRegexSet {
 public:
  std::vector<std::string> patterns;  // in the order of the stage's replace steps

  // Null when RE2 cannot compile the set (its memory budget; every pattern
  // compiles alone): each replace rule then simply runs, which is as correct.
  const RegexSet* Get() const {
    std::call_once(once_, [&] {
      Result<RegexSet> set = RegexSet::Compile(patterns);
      if (set.ok()) set_ = std::make_unique<RegexSet>(std::move(*set));
    });
    return set_.get();
  }

 private:
  mutable std::once_flag once_;
  mutable std::unique_ptr<RegexSet> set_;
};

struct RuleSet::PatternSets {
  struct Entry {
    std::vector<std::string> names;
    std::unique_ptr<LazyRegexSet> set;
  };
  std::mutex mutex;
  std::vector<Entry> entries;
};

std::string_view RuleInputName(RuleInput input) { return input == RuleInput::kPdf ? "pdf" : "text"; }

bool Rule::AppliesTo(RuleInput input) const {
  return kind == "pattern" || std::find(inputs.begin(), inputs.end(), input) != inputs.end();
}

RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

Result<RuleSet> RuleSet::Parse(std::string_view json_text, RuleInput input) {
  return Load(json_text, input, /*compile_now=*/true);
}

Result<RuleSet> RuleSet::Load(std::string_view json_text, RuleInput input, bool compile_now) {
  Result<nlohmann::json> parsed = ParseUntrustedJson(json_text);
  if (!parsed.ok()) return Status::BadInput("rule file: " + parsed.status().message());
  return FromJson(*parsed, input, compile_now);
}

Result<RuleSet> RuleSet::FromJson(const nlohmann::json& root, RuleInput input, bool compile_now) {
  if (!root.is_object() || !root.contains("rules") || !root["rules"].is_array()) {
    return Status::BadInput("rule file must be an object with a \"rules\" array");
  }
  RuleSet set;
  set.input_ = input;
  set.pattern_sets_ = std::make_unique<PatternSets>();
  std::set<std::string> names;
  for (const nlohmann::json& entry : root["rules"]) {
    if (!entry.is_object()) return Status::BadInput("every rule must be an object");
    Rule rule;
    Result<std::string> name = StringField(entry, "name", "?", true);
    if (!name.ok()) return name.status();
    rule.name = *name;
    if (rule.name.empty()) return Status::BadInput("a rule has an empty name");
    for (auto [key, slot, required] : {std::tuple{"stage", &rule.stage, true},
                                       std::tuple{"kind", &rule.kind, true},
                                       std::tuple{"description", &rule.description, true},
                                       std::tuple{"pattern", &rule.pattern, false},
                                       std::tuple{"replacement", &rule.replacement, false}}) {
      Result<std::string> value = StringField(entry, key, rule.name, required);
      if (!value.ok()) return value.status();
      *slot = *value;
    }
    if (!names.insert(rule.name).second) return Status::BadInput("rule '" + rule.name + "' is defined twice");
    auto examples = entry.find("examples");
    if (examples == entry.end() || !examples->is_array() || examples->empty()) {
      return Status::BadInput("rule '" + rule.name + "' needs at least one example");
    }
    for (const nlohmann::json& example : *examples) {
      if (!example.is_object() || !example.contains("before") || !example.contains("after") ||
          !example["before"].is_string() || !example["after"].is_string()) {
        return Status::BadInput("rule '" + rule.name + "': an example needs string \"before\" and \"after\"");
      }
      std::optional<RuleInput> example_input = RuleInput::kText;
      if (example.contains("input")) example_input = ParseInput(example["input"]);
      if (!example_input) return Status::BadInput("rule '" + rule.name + "': an example's \"input\" is text or pdf");
      rule.examples.push_back(
          {*example_input, example["before"].get<std::string>(), example["after"].get<std::string>()});
    }
    if (rule.kind == "replace" || rule.kind == "builtin") {
      auto inputs = entry.find("inputs");
      if (inputs == entry.end() || !inputs->is_array() || inputs->empty()) {
        return Status::BadInput("rule '" + rule.name + "' must say which inputs it applies to (\"inputs\")");
      }
      for (const nlohmann::json& name : *inputs) {
        std::optional<RuleInput> applies = ParseInput(name);
        if (!applies) return Status::BadInput("rule '" + rule.name + "': unknown input " + name.dump());
        rule.inputs.push_back(*applies);
      }
    }
    std::unique_ptr<LazyRegex> compiled;
    if (rule.kind == "replace" || rule.kind == "pattern") {
      if (rule.pattern.empty()) return Status::BadInput("rule '" + rule.name + "' has no pattern");
      compiled = std::make_unique<LazyRegex>(rule);
      if (compile_now) {
        if (Status why = compiled->Compile(); !why.ok()) return why;
      }
    } else if (rule.kind == "builtin") {
      if (FindBuiltin(rule.name).apply == nullptr) return Status::BadInput("unknown builtin rule '" + rule.name + "'");
    } else {
      return Status::BadInput("rule '" + rule.name + "': unknown kind '" + rule.kind + "'");
    }
    set.rules_.push_back(std::move(rule));
    set.compiled_.push_back(std::move(compiled));
  }
  // rules_ no longer grows: the plans and the names' index may point into it.
  for (size_t i = 0; i < set.rules_.size(); ++i) set.by_name_.emplace(set.rules_[i].name, i);
  std::map<std::string, std::vector<std::string>> patterns;
  for (size_t i = 0; i < set.rules_.size(); ++i) {
    const Rule& rule = set.rules_[i];
    if (rule.kind == "pattern" || !rule.AppliesTo(input)) continue;
    StagePlan& plan = set.stages_[rule.stage];
    StagePlan::Step step;
    step.rule = &rule;
    if (rule.kind == "builtin") {
      const Builtin builtin = FindBuiltin(rule.name);
      step.builtin = builtin.apply;
      step.builtin_may_change = builtin.may_change;
      step.builtin_may_change_alone = builtin.may_change_alone;
      ++plan.builtins;
    } else {
      step.regex = set.compiled_[i].get();
      step.set_index = static_cast<int>(patterns[rule.stage].size());
      patterns[rule.stage].push_back(rule.pattern);
    }
    plan.steps.push_back(step);
  }
  for (auto& [stage, plan] : set.stages_) {
    plan.replaces = std::make_unique<LazyRegexSet>();
    plan.replaces->patterns = std::move(patterns[stage]);
    if (compile_now) plan.replaces->Get();
  }
  return set;
}

const RuleSet& RuleSet::Default(RuleInput input) {
  auto load = [](RuleInput for_input) {
    // A PDF's normalize uses both inputs' sets: the embedded file is parsed
    // once for the two.
    static const Result<nlohmann::json> root = ParseUntrustedJson(embedded::normalize_rules);
    Result<RuleSet> parsed = root.ok() ? FromJson(*root, for_input, /*compile_now=*/false)
                                       : Result<RuleSet>(Status::BadInput("rule file: " + root.status().message()));
    if (!parsed.ok()) {
      std::fprintf(stderr, "docpipe: embedded rules.json is broken: %s\n", parsed.status().ToString().c_str());
      std::abort();
    }
    return new RuleSet(std::move(*parsed));
  };
  if (input == RuleInput::kPdf) {
    static const RuleSet* pdf = load(RuleInput::kPdf);
    return *pdf;
  }
  static const RuleSet* text = load(RuleInput::kText);
  return *text;
}

Status RuleSet::CheckDefault() {
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    if (Result<RuleSet> parsed = Parse(embedded::normalize_rules, input); !parsed.ok()) return parsed.status();
  }
  return Status::Ok();
}

std::string RuleSet::ApplyRule(const Rule& rule, std::string_view text) const {
  size_t index = by_name_.find(rule.name)->second;
  if (rule.kind == "builtin") return FindBuiltin(rule.name).apply(text);
  const Regex& re = compiled_[index]->Get();
  if (rule.kind == "replace") {
    std::string out(text);
    re.ReplaceAll(&out, rule.replacement);
    return out;
  }
  std::vector<std::string_view> groups;
  if (!re.PartialMatch(text, &groups)) return "";
  return std::string(groups[re.GroupCount() > 0 ? 1 : 0]);
}

std::string RuleSet::ApplyStage(std::string_view stage, std::string_view text, unicode::Utf8 known) const {
  auto found = stages_.find(stage);
  if (found == stages_.end()) return std::string(text);
  const StagePlan& plan = found->second;
  if (text.empty()) {
    int empty = plan.empty_stays_empty.load(std::memory_order_relaxed);
    if (empty == 1) return std::string();
    if (empty == 0) {
      std::string result = ApplyPlan(plan, text, known);
      plan.empty_stays_empty.store(result.empty() ? 1 : 2, std::memory_order_relaxed);
      return result;
    }
  }
  return ApplyPlan(plan, text, known);
}

std::string RuleSet::ApplyPlan(const StagePlan& plan, std::string_view text, unicode::Utf8 known) {
  std::string out(text);
  const RegexSet* replaces = plan.replaces->Get();
  // `matching`: the replace patterns that match `out` as it is now
  // (ascending), recomputed only after a rule changed the text. A replace
  // rule whose pattern does not match cannot change the text, so skipping
  // it is the same as running it: the result is that of every rule in file
  // order.
  std::vector<int> matching;
  bool matched = false;
  // `scan`: one walk over `out` as it is now for every builtin's quick test,
  // redone only after a rule changed the text. The caller's knowledge that
  // the bytes are well-formed holds for the text as given; once a rule has
  // changed it, the scan checks the bytes again (a rule's output is not
  // taken to be well-formed).
  unicode::TextScan scan;
  bool scanned = false;
  // After a rule changed `out`: the set's answer and the scan are of the
  // text before, and its bytes are no longer known to be well-formed.
  auto changed = [&] {
    matched = false;
    scanned = false;
    known = unicode::Utf8::kUnchecked;
  };
  for (const StagePlan::Step& step : plan.steps) {
    if (step.builtin != nullptr) {
      // A stage of one builtin (the "text" stage's space collapse) asks its
      // own test, which reads no more of the text than it needs.
      if (plan.builtins == 1) {
        if (!step.builtin_may_change_alone(out)) continue;
      } else {
        if (!scanned) {
          scan = unicode::ScanText(out, known);
          scanned = true;
        }
        if (!step.builtin_may_change(out, scan)) continue;  // no copy of a text it leaves alone
      }
      std::string next = step.builtin(out);
      if (next != out) {
        out.swap(next);
        changed();
      }
      continue;
    }
    if (replaces != nullptr) {
      if (!matched) {
        replaces->Matching(out, &matching);
        matched = true;
      }
      if (!std::binary_search(matching.begin(), matching.end(), step.set_index)) continue;
    }
    if (step.regex->Get().ReplaceAll(&out, step.rule->replacement) > 0) changed();
  }
  return out;
}

const Rule* RuleSet::Find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &rules_[it->second];
}

const Regex& RuleSet::Pattern(std::string_view name) const {
  auto it = by_name_.find(name);
  if (it == by_name_.end() || rules_[it->second].kind != "pattern") {
    std::fprintf(stderr, "docpipe: no pattern rule named '%.*s'\n", static_cast<int>(name.size()), name.data());
    std::abort();
  }
  return compiled_[it->second]->Get();
}

const RegexSet* RuleSet::PatternSet(const std::vector<std::string_view>& names) const {
  const LazyRegexSet* set = nullptr;
  {
    std::lock_guard<std::mutex> lock(pattern_sets_->mutex);
    // A few lists are ever asked for (the label scans'): a look at each
    // costs less than a key made of the names on every call.
    for (const PatternSets::Entry& entry : pattern_sets_->entries) {
      if (std::equal(entry.names.begin(), entry.names.end(), names.begin(), names.end())) {
        set = entry.set.get();
        break;
      }
    }
    if (set == nullptr) {
      PatternSets::Entry entry;
      entry.set = std::make_unique<LazyRegexSet>();
      for (std::string_view name : names) {
        Pattern(name);  // aborts on an unknown name
        entry.names.emplace_back(name);
        entry.set->patterns.push_back(Find(name)->pattern);
      }
      set = entry.set.get();
      pattern_sets_->entries.push_back(std::move(entry));
    }
  }
  return set->Get();
}

bool RuleSet::Matches(std::string_view name, std::string_view text) const {
  return Pattern(name).PartialMatch(text);
}

}  // namespace docpipe
