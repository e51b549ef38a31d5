// Heading labels and titles spaced by their input's rule (issue 14, repairs
// by source): a PDF's text keeps the space extract wrote between two CJK
// characters; other extractors' text loses it.
#include "normalize/repair/heading_label.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/sample_texts.h"

namespace docpipe {
namespace {

// Regression (issue 14): heading_label.cc stripped CJK spaces in every
// input's headings, though a PDF's spaces between CJK are the page's.
TEST(HeadingLabel, APdfHeadingKeepsTheSpaceItsPageShows) {
  std::optional<HeadingLabel> h = MatchHeading(RuleSet::Default(RuleInput::kPdf), "附錄二 臺北市 新北市   說明");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->label, "附錄二");
  EXPECT_EQ(h->rest, "臺北市 新北市 說明");  // runs collapse to one space
  EXPECT_EQ(h->kind, "heading_appendix");
}

TEST(HeadingLabel, OtherExtractorsHeadingsLoseSpacesBetweenCjk) {
  std::optional<HeadingLabel> h = MatchHeading(RuleSet::Default(RuleInput::kText), "一、 風 險 識 別 與 ISO 27001");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->label, "一、");
  EXPECT_EQ(h->rest, "風險識別與 ISO 27001");  // spaces next to Latin and numbers stay
  EXPECT_EQ(h->rank, 3);
}

// MatchTwoGroups by a matcher looked up once (the action-plan tables' scans)
// answers as by the rule's name, for both inputs, matches and misses.
TEST(HeadingLabel, MatchTwoGroupsByMatcherAnswersAsByName) {
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    const RuleSet& rules = RuleSet::Default(input);
    for (std::string_view rule : {"heading_arabic", "agency_label", "action_code", "goal_label", "strategy_code"}) {
      for (const char* text : {"1. 研析各國資安重要政策", "經濟部： 1. 每年", "1.1.1.研訂資安政策", "目標1： 健全資安環境",
                               "2.3 強化", "本計畫", "", "  (1) 參與"}) {
        EXPECT_EQ(MatchTwoGroups(rules, rules.Pattern(rule), text), MatchTwoGroups(rules, rule, text))
            << rule << " " << text;
      }
    }
  }
  const RuleSet& rules = RuleSet::Default();
  auto code = MatchTwoGroups(rules, rules.Pattern("action_code"), "1.1.1.研訂資安政策 ");
  ASSERT_TRUE(code);
  EXPECT_EQ(code->first, "1.1.1");
  EXPECT_EQ(code->second, "研訂資安政策");
  EXPECT_FALSE(MatchTwoGroups(rules, rules.Pattern("action_code"), "研訂資安政策"));
}

// MatchTwoGroups keeps its groups vector across calls (no allocation per
// match): what an earlier match left in it never answers for a later text.
TEST(HeadingLabel, MatchTwoGroupsAnswersEachTextOnItsOwn) {
  const RuleSet& rules = RuleSet::Default();
  ASSERT_TRUE(MatchTwoGroups(rules, "action_code", "1.1.1.研訂資安政策"));
  EXPECT_FALSE(MatchTwoGroups(rules, "action_code", "研訂資安政策"));
  ASSERT_TRUE(MatchTwoGroups(rules, "action_code", "1.1.1.研訂資安政策"));
  EXPECT_FALSE(MatchTwoGroups(rules, rules.Pattern("duty_or_task_code"), "T1.1 工作"));  // one group only
  auto strategy = MatchTwoGroups(rules, "strategy_code", "2.3 強化");
  ASSERT_TRUE(strategy);
  EXPECT_EQ(strategy->first, "2.3");
  EXPECT_EQ(strategy->second, "強化");
}

// MatchHeading and MatchTwoGroups copy a label or title without white space
// as it is instead of applying the input's spacing rule to it (the rule's
// own quick test, SpacesMayChange). Over every line and cell of the text
// samples and texts whose labels and titles hold spaces, for both inputs,
// the groups are what the spacing rule makes of them: the fast path gives
// the rule's answer, and labels with spaces still go through the rule.
TEST(HeadingLabel, LabelsWithoutSpacesAreSpacedAsByTheRule) {
  std::vector<std::string> texts = {"第 二 章 全球 資安", "附錄 2 . 說明",        "( 一 ) 標準  規範",  "1 . 比較 研析",
                                    "附錄 二 說明 文字",  "目標 一 ： 強化 資安", "表 2  重要執行策略", "經濟部 ：每年",
                                    "一、 風 險 識 別",   "附錄   二 說明"};
  AppendSampleLinesAndCells(&texts);
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    const RuleSet& rules = RuleSet::Default(input);
    const Rule* spacing = nullptr;
    for (std::string_view name : {"collapse_spaces", "collapse_space_runs"}) {
      const Rule* rule = rules.Find(name);
      if (rule != nullptr && rule->AppliesTo(input) && (spacing == nullptr || rule < spacing)) spacing = rule;
    }
    ASSERT_NE(spacing, nullptr);
    int headings = 0, spaced_labels = 0;
    for (const std::string& text : texts) {
      for (std::string_view rule : {"heading_chapter", "heading_appendix", "heading_paren_cjk", "heading_arabic",
                                    "goal_label", "caption", "agency_label"}) {
        std::vector<std::string_view> groups;
        if (!rules.Pattern(rule).PartialMatch(text, &groups)) {
          EXPECT_FALSE(MatchTwoGroups(rules, rule, text));
          continue;
        }
        auto two = MatchTwoGroups(rules, rule, text);
        ASSERT_TRUE(two) << rule << " " << text;
        EXPECT_EQ(two->first, rules.ApplyRule(*spacing, groups[1])) << rule << " " << text;
        spaced_labels += two->first != groups[1];
      }
      if (std::optional<HeadingLabel> h = MatchHeading(rules, text)) {
        auto two = MatchTwoGroups(rules, h->kind, text);
        ASSERT_TRUE(two);
        EXPECT_EQ(h->label, two->first) << text;
        EXPECT_EQ(h->rest, rules.ApplyRule(*spacing, two->second)) << text;
        ++headings;
      }
    }
    EXPECT_GT(headings, 100) << RuleInputName(input);
    EXPECT_GT(spaced_labels, 0) << RuleInputName(input);  // the rule still runs where it changes a label
  }
  // Counter-examples: a label or title with spaces is not copied as it is.
  auto text_appendix = MatchHeading(RuleSet::Default(RuleInput::kText), "附錄 二 說明 文字");
  ASSERT_TRUE(text_appendix);
  EXPECT_EQ(text_appendix->label, "附錄二");
  EXPECT_EQ(text_appendix->rest, "說明文字");
  auto pdf_appendix = MatchHeading(RuleSet::Default(RuleInput::kPdf), "附錄 二   說明  文字");
  ASSERT_TRUE(pdf_appendix);
  EXPECT_EQ(pdf_appendix->label, "附錄 二");
  EXPECT_EQ(pdf_appendix->rest, "說明 文字");
}

}  // namespace
}  // namespace docpipe
