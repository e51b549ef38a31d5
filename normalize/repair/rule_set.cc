#include "normalize/repair/rule_set.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/json_parse.h"
#include "common/unicode.h"
#include "normalize/repair/fake_bold.h"

namespace docpipe {
namespace embedded {
extern const char normalize_rules[];
}

namespace {

using BuiltinFn = std::string (*)(std::string_view);

BuiltinFn FindBuiltin(std::string_view name) {
  if (name == "fold_width") return &unicode::FoldWidth;
  if (name == "collapse_spaces") return &unicode::CollapseSpaces;
  if (name == "collapse_space_runs") return &unicode::CollapseSpaceRuns;
  if (name == "letter_spacing") return &unicode::RemoveLetterSpacing;
  if (name == "fake_bold") return &CollapseFakeBold;
  if (name == "nfc") return &unicode::Nfc;
  if (name == "unify_radicals") return [](std::string_view text) { return unicode::UnifyRadicals(text); };
  if (name == "ascii_hyphens_in_codes") return [](std::string_view text) { return unicode::AsciiHyphensInCodes(text); };
  return nullptr;
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

std::string_view RuleInputName(RuleInput input) { return input == RuleInput::kPdf ? "pdf" : "text"; }

bool Rule::AppliesTo(RuleInput input) const {
  return kind == "pattern" || std::find(inputs.begin(), inputs.end(), input) != inputs.end();
}

RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

Result<RuleSet> RuleSet::Parse(std::string_view json_text, RuleInput input) {
  Result<nlohmann::json> parsed = ParseUntrustedJson(json_text);
  if (!parsed.ok()) return Status::BadInput("rule file: " + parsed.status().message());
  const nlohmann::json& root = *parsed;
  if (!root.is_object() || !root.contains("rules") || !root["rules"].is_array()) {
    return Status::BadInput("rule file must be an object with a \"rules\" array");
  }
  RuleSet set;
  set.input_ = input;
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
    if (set.by_name_.count(rule.name)) return Status::BadInput("rule '" + rule.name + "' is defined twice");
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
    std::unique_ptr<re2::RE2> compiled;
    if (rule.kind == "replace" || rule.kind == "pattern") {
      if (rule.pattern.empty()) return Status::BadInput("rule '" + rule.name + "' has no pattern");
      RE2::Options options;
      options.set_log_errors(false);
      compiled = std::make_unique<re2::RE2>(rule.pattern, options);
      if (!compiled->ok()) {
        return Status::BadInput("rule '" + rule.name + "': pattern does not compile: " + compiled->error());
      }
      std::string why;
      if (rule.kind == "replace" && !compiled->CheckRewriteString(rule.replacement, &why)) {
        return Status::BadInput("rule '" + rule.name + "': bad replacement: " + why);
      }
    } else if (rule.kind == "builtin") {
      if (FindBuiltin(rule.name) == nullptr) return Status::BadInput("unknown builtin rule '" + rule.name + "'");
    } else {
      return Status::BadInput("rule '" + rule.name + "': unknown kind '" + rule.kind + "'");
    }
    set.by_name_.emplace(rule.name, set.rules_.size());
    set.rules_.push_back(std::move(rule));
    set.compiled_.push_back(std::move(compiled));
  }
  std::map<std::string, std::string> alternations;
  for (const Rule& rule : set.rules_) {
    if (rule.kind != "replace" || !rule.AppliesTo(input)) continue;
    std::string& alt = alternations[rule.stage];
    alt += (alt.empty() ? "(?:" : "|(?:") + rule.pattern + ")";
  }
  for (const auto& [stage, alt] : alternations) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_never_capture(true);
    auto filter = std::make_unique<re2::RE2>(alt, options);
    if (filter->ok()) set.stage_filters_[stage] = std::move(filter);
  }
  return set;
}

const RuleSet& RuleSet::Default(RuleInput input) {
  auto load = [](RuleInput for_input) {
    Result<RuleSet> parsed = Parse(embedded::normalize_rules, for_input);
    if (!parsed.ok()) {
      std::fprintf(stderr, "docpipe: embedded rules.json is broken: %s\n", parsed.status().ToString().c_str());
      std::abort();
    }
    return new RuleSet(std::move(*parsed));
  };
  static const RuleSet* text = load(RuleInput::kText);
  static const RuleSet* pdf = load(RuleInput::kPdf);
  return input == RuleInput::kPdf ? *pdf : *text;
}

std::string RuleSet::ApplyRule(const Rule& rule, std::string_view text) const {
  size_t index = by_name_.find(rule.name)->second;
  const re2::RE2* re = compiled_[index].get();
  if (rule.kind == "builtin") return FindBuiltin(rule.name)(text);
  if (rule.kind == "replace") {
    std::string out(text);
    RE2::GlobalReplace(&out, *re, rule.replacement);
    return out;
  }
  re2::StringPiece groups[2];
  int n = re->NumberOfCapturingGroups() > 0 ? 2 : 1;
  if (!re->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED, groups, n)) {
    return "";
  }
  const re2::StringPiece& hit = groups[n - 1];
  return std::string(hit.data(), hit.size());
}

std::string RuleSet::ApplyStage(std::string_view stage, std::string_view text) const {
  // If no replace rule matches the input, none can match after another
  // replace rule ran either (nothing changed), so all can be skipped.
  auto filter = stage_filters_.find(stage);
  bool replaces = filter == stage_filters_.end() ||
                  RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *filter->second);
  std::string out(text);
  for (const Rule& rule : rules_) {
    if (rule.stage != stage || rule.kind == "pattern" || !rule.AppliesTo(input_)) continue;
    if (rule.kind == "replace" && !replaces) continue;
    out = ApplyRule(rule, out);
  }
  return out;
}

const re2::RE2& RuleSet::Pattern(std::string_view name) const {
  auto it = by_name_.find(name);
  if (it == by_name_.end() || rules_[it->second].kind != "pattern") {
    std::fprintf(stderr, "docpipe: no pattern rule named '%.*s'\n", static_cast<int>(name.size()), name.data());
    std::abort();
  }
  return *compiled_[it->second];
}

bool RuleSet::Matches(std::string_view name, std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), Pattern(name));
}

}  // namespace docpipe
