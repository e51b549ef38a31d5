#include "normalize/repair/rule_set.h"

#include <gtest/gtest.h>

#include <set>

namespace docpipe {
namespace {

TEST(RuleSet, EmbeddedRulesLoadWithEveryKind) {
  std::set<std::string> kinds;
  for (const Rule& rule : RuleSet::Default().rules()) kinds.insert(rule.kind);
  EXPECT_EQ(kinds, (std::set<std::string>{"replace", "pattern", "builtin"}));
}

// Every rule's before/after examples, run through that rule alone.
TEST(RuleSet, EveryRuleExampleHolds) {
  const RuleSet& rules = RuleSet::Default();
  int checked = 0;
  for (const Rule& rule : rules.rules()) {
    ASSERT_FALSE(rule.examples.empty()) << rule.name;
    for (const RuleExample& example : rule.examples) {
      EXPECT_EQ(rules.ApplyRule(rule, example.before), example.after)
          << "rule " << rule.name << " on \"" << example.before << "\"";
      ++checked;
    }
  }
  EXPECT_GE(checked, 30);
}

TEST(RuleSet, RuleNamesAreUnique) {
  std::set<std::string> names;
  for (const Rule& rule : RuleSet::Default().rules()) EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
}

TEST(RuleSet, CellStageRemovesMarkupKeepsParagraphBreaks) {
  std::string out = RuleSet::Default().ApplyStage("cell", "<p>K07網路服務漏洞</p> <p>K08規劃</p>");
  EXPECT_EQ(out.find('<'), std::string::npos);
  EXPECT_NE(out.find('\n'), std::string::npos);
  EXPECT_EQ(RuleSet::Default().ApplyStage("text", RuleSet::Default().ApplyStage("cell", "**資安 管理**")),
            "資安管理");
}

struct BadRuleFile {
  const char* json;
  const char* expected_fragment;
};

TEST(RuleSet, RejectsBrokenRuleFiles) {
  const BadRuleFile cases[] = {
      {"not json", "not JSON"},
      {"{}", "\"rules\" array"},
      {R"({"rules":[{"name":"x","stage":"cell","kind":"replace","description":"d","pattern":"(","examples":[{"before":"a","after":"a"}]}]})",
       "does not compile"},
      {R"({"rules":[{"name":"x","stage":"cell","kind":"replace","description":"d","pattern":"a","examples":[]}]})",
       "at least one example"},
      {R"({"rules":[{"name":"nope","stage":"cell","kind":"builtin","description":"d","examples":[{"before":"a","after":"a"}]}]})",
       "unknown builtin"},
      {R"({"rules":[{"name":"x","stage":"cell","kind":"magic","description":"d","pattern":"a","examples":[{"before":"a","after":"a"}]}]})",
       "unknown kind"},
      {R"({"rules":[{"name":"x","stage":"cell","kind":"replace","description":"d","pattern":"a","replacement":"\\9","examples":[{"before":"a","after":"a"}]}]})",
       "bad replacement"},
      {R"({"rules":[{"stage":"cell"}]})", "missing \"name\""},
  };
  for (const BadRuleFile& c : cases) {
    Result<RuleSet> parsed = RuleSet::Parse(c.json);
    ASSERT_FALSE(parsed.ok()) << c.json;
    EXPECT_EQ(parsed.status().code(), Status::Code::kBadInput);
    EXPECT_NE(parsed.status().message().find(c.expected_fragment), std::string::npos) << parsed.status().message();
  }
}

TEST(RuleSet, DuplicateRuleNameRejected) {
  const char* json = R"({"rules":[
    {"name":"x","stage":"cell","kind":"replace","description":"d","pattern":"a","examples":[{"before":"a","after":""}]},
    {"name":"x","stage":"cell","kind":"replace","description":"d","pattern":"b","examples":[{"before":"b","after":""}]}]})";
  Result<RuleSet> parsed = RuleSet::Parse(json);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("twice"), std::string::npos);
}

}  // namespace
}  // namespace docpipe
