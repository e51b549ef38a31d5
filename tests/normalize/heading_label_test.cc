// Heading labels and titles spaced by their input's rule (issue 14, repairs
// by source): a PDF's text keeps the space extract wrote between two CJK
// characters; other extractors' text loses it.
#include "normalize/repair/heading_label.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace docpipe
