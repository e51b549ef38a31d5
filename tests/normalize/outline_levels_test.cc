// Outline levels from the page (issue 14, item 4): labels of one kind at
// one indentation are siblings at one level; the printed rank decides where
// the indentation says nothing (text from other extractors, or labels set
// left of the node they would close). Rows are built as LayoutToRows gives
// them: one printed line each, with its indentation and font size.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "normalize/policy/policy_parser.h"

namespace docpipe {
namespace {

constexpr double kSize = 12;

// (text, indentation in characters); a negative indentation: not known.
std::vector<TabRow> Lines(const std::vector<std::pair<std::string, double>>& lines) {
  std::vector<TabRow> rows;
  int n = 0;
  for (const auto& [text, chars] : lines) {
    TabRow row;
    row.pos = {1, ++n};
    row.cells = {text};
    row.paragraph_end = true;
    if (chars >= 0) row.indent = chars * kSize, row.size = kSize;
    rows.push_back(std::move(row));
  }
  return rows;
}

PolicyDocument Parse(const std::vector<TabRow>& rows) {
  Result<PolicyDocument> doc = ParsePolicyDocument(rows, RuleSet::Default(RuleInput::kPdf));
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : PolicyDocument{};
}

std::vector<std::string> Warnings(const PolicyDocument& doc, const std::string& kind) {
  std::vector<std::string> out;
  for (const Warning& w : doc.diagnostics.warnings) {
    if (w.kind == kind) out.push_back(w.message);
  }
  return out;
}

const OutlineNode& Node(const PolicyDocument& doc, const std::string& label, const std::string& title) {
  for (const OutlineNode& node : doc.outline) {
    if (node.label == label && node.title == title) return node;
  }
  static const OutlineNode kNone;
  ADD_FAILURE() << label << title << " is no node";
  return kNone;
}

// The curriculum's pages 19-20: a goal list （1）…（2） and the items 1. 2.
// at one indentation, then 「進階程式設計」's （1） printed under 2. at the
// same indentation.
std::vector<std::pair<std::string, double>> Curriculum(double course_indent) {
  return {{"三、選修課程", 0},    {"（一）資訊科技", 0},   {"目標為：", 0.1},         {"（1）發展學生能力。", 1},
          {"（2）培養學生興趣。", 1}, {"1.學習表現", 1},     {"學習表現乃依據理念。", 2}, {"2.學習內容", 1},
          {"學習內容乃針對運算思維。", 1}, {"（1）進階程式設計", course_indent}, {"※為選授內容。", 1}};
}

// Regression (issue 14): the curriculum's "（1）" stood at levels 4 and 5.
TEST(OutlineLevels, ALabelAtItsKindsIndentationStandsAtItsKindsLevel) {
  PolicyDocument doc = Parse(Lines(Curriculum(1)));
  const OutlineNode& course = Node(doc, "（1）", "進階程式設計");
  const OutlineNode& goal = Node(doc, "（1）", "");
  EXPECT_EQ(course.level, goal.level);
  EXPECT_EQ(course.level, 3);
  EXPECT_EQ(doc.outline[course.parent].label, "（一）");
  std::vector<std::string> moved = Warnings(doc, "outline_level");
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_NE(moved[0].find("（1） nests under 2. by its printed rank"), std::string::npos) << moved[0];
  // What the lifted label holds follows it: the paragraph after it.
  EXPECT_EQ(doc.paragraphs.back().node, &course - doc.outline.data());
}

TEST(OutlineLevels, ALabelIndentedUnderItsParentStaysItsChild) {
  PolicyDocument doc = Parse(Lines(Curriculum(2)));
  const OutlineNode& course = Node(doc, "（1）", "進階程式設計");
  EXPECT_EQ(course.level, 4);
  EXPECT_EQ(doc.outline[course.parent].label, "2.");
  EXPECT_TRUE(Warnings(doc, "outline_level").empty());
}

TEST(OutlineLevels, WithoutIndentationThePrintedRankDecides) {
  PolicyDocument doc = Parse(Lines({{"三、選修課程", -1}, {"（一）資訊科技", -1}, {"（1）發展學生能力。", -1},
                                    {"1.學習表現", -1}, {"2.學習內容", -1}, {"（1）進階程式設計", -1}}));
  const OutlineNode& course = Node(doc, "（1）", "進階程式設計");
  EXPECT_EQ(course.level, 4);
  EXPECT_EQ(doc.outline[course.parent].label, "2.");
  EXPECT_TRUE(Warnings(doc, "outline_level").empty());
}

// Counter-example: an appendix numbers its own sections (壹、 under 附錄二
// is no sibling of the body's 壹、), though set where the body sets its 壹、.
TEST(OutlineLevels, AnAppendixKeepsItsOwnLevels) {
  PolicyDocument doc = Parse(Lines({{"壹、基本理念", 0}, {"說明。", 2}, {"貳、課程目標", 0}, {"附錄二 議題融入說明", 0},
                                    {"壹、前言", 0}, {"貳、議題學習目標", 0}}));
  EXPECT_EQ(Node(doc, "壹、", "前言").level, 2);
  EXPECT_EQ(Node(doc, "壹、", "基本理念").level, 1);
  EXPECT_TRUE(Warnings(doc, "outline_level").empty());
}

// Counter-example: a label is never lifted out of a heading set left of it,
// even where its kind stands higher elsewhere at the same indentation.
TEST(OutlineLevels, NoLabelIsLiftedPastAHeadingSetLeftOfIt) {
  PolicyDocument doc = Parse(Lines({{"一、甲", 0}, {"（1）子項", 1}, {"二、乙", 0}, {"（一）丙", 0}, {"1.丁", 1},
                                    {"（1）戊", 1}}));
  EXPECT_EQ(Node(doc, "（1）", "子項").level, 2);
  const OutlineNode& deep = Node(doc, "（1）", "戊");
  EXPECT_EQ(deep.level, 3);  // lifted out of 1. (same indentation), not out of （一） (left of it)
  EXPECT_EQ(doc.outline[deep.parent].label, "（一）");
}

TEST(OutlineLevels, ALabelSetLeftOfTheNodeItNestsInIsAWarning) {
  PolicyDocument doc = Parse(Lines({{"一、甲", 2}, {"（一）乙", 0}}));
  std::vector<std::string> left = Warnings(doc, "outline_level");
  ASSERT_EQ(left.size(), 1u);
  EXPECT_NE(left[0].find("set left of it"), std::string::npos) << left[0];
}

// Regression (issue 14): tisa's section rows 四、 then 六、 (五、 missing) were
// table rows, where the outline's numbering check never saw them.
TEST(OutlineLevels, ASkippedSectionRowOfATableIsAWarning) {
  std::vector<TabRow> rows;
  int n = 0;
  for (std::vector<std::string> cells : std::vector<std::vector<std::string>>{
           {"部門", "承諾"}, {"一、商業服務業", ""}, {"A.專業服務", "沒有限制"}, {"二、通訊服務業", ""},
           {"四、配銷服務業", ""}, {"1.佣金代理", "沒有限制"}, {"3.零售", "沒有限制"}}) {
    TabRow row;
    row.pos = {1, ++n};
    row.cells = cells;
    row.table = 1;
    rows.push_back(row);
  }
  PolicyDocument doc = Parse(rows);
  std::vector<std::string> gaps = Warnings(doc, "outline_gap");
  ASSERT_EQ(gaps.size(), 1u);  // 1. and 3. have other cells: items, not section rows
  EXPECT_NE(gaps[0].find("四、 follows 二、"), std::string::npos) << gaps[0];
}

}  // namespace
}  // namespace docpipe
