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

}  // namespace
}  // namespace docpipe
