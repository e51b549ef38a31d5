#include "normalize/standard/item_splitter.h"

#include <gtest/gtest.h>

#include "normalize/repair/rule_set.h"

namespace docpipe {
namespace {

const Regex& P(const char* name) { return RuleSet::Default().Pattern(name); }

std::vector<Fragment> One(const std::string& text) { return {{text, {5, 0}}}; }

TEST(ItemSplitter, SplitsAtCodesWithAndWithoutSpace) {
  SplitCell cell = SplitItems(One("O1.2.1風 險評鑑工 作表 O1.2.2 風險評估 報告"), P("output_code"));
  ASSERT_EQ(cell.items.size(), 2u);
  EXPECT_EQ(cell.items[0].code, "O1.2.1");
  EXPECT_EQ(cell.items[0].text, "風險評鑑工作表");
  EXPECT_EQ(cell.items[1].code, "O1.2.2");
  EXPECT_EQ(cell.items[1].text, "風險評估報告");
  EXPECT_TRUE(cell.leading.empty());
}

TEST(ItemSplitter, StrayDotAfterCodeIsNotText) {
  SplitCell cell = SplitItems(One("P1.1.1.確認使用者需求。 P1.1.2比較"), P("indicator_code"));
  ASSERT_EQ(cell.items.size(), 2u);
  EXPECT_EQ(cell.items[0].code, "P1.1.1");
  EXPECT_EQ(cell.items[0].text, "確認使用者需求。");
}

TEST(ItemSplitter, CodeGluedAfterCjkPunctuationStartsItem) {
  SplitCell cell = SplitItems(One("P1.1.1 產出計畫。P1.1.2 建立全景"), P("indicator_code"));
  ASSERT_EQ(cell.items.size(), 2u);
  EXPECT_EQ(cell.items[1].code, "P1.1.2");
  EXPECT_EQ(cell.items[1].text, "建立全景");
}

TEST(ItemSplitter, CodeInsideWordIsNotACode) {
  SplitCell cell = SplitItems(One("K30 ISO31000風險管理 K31 ISO27001資訊安全"), P("knowledge_code"));
  ASSERT_EQ(cell.items.size(), 2u);
  EXPECT_EQ(cell.items[0].text, "ISO31000風險管理");
  EXPECT_EQ(cell.items[1].text, "ISO27001資訊安全");
}

TEST(ItemSplitter, LatinNameRightAfterCode) {
  SplitCell cell = SplitItems(One("K18OSI 通訊網路架構應用 K22NAT 機制、概念與規劃"), P("knowledge_code"));
  ASSERT_EQ(cell.items.size(), 2u);
  EXPECT_EQ(cell.items[0].code, "K18");
  EXPECT_EQ(cell.items[0].text, "OSI 通訊網路架構應用");
  EXPECT_EQ(cell.items[1].text, "NAT 機制、概念與規劃");
}

// Regression: a cell cut by a page break in the middle of an item.
TEST(ItemSplitter, FragmentContinuesItemAcrossPageBreak) {
  std::vector<Fragment> fragments = {{"O2.2.1稽核計畫 O2.2.2稽核底稿 O2.2.3稽", {40, 0}},
                                     {"核報告 O2.2.4矯正措施文件", {43, 0}}};
  SplitCell cell = SplitItems(fragments, P("output_code"));
  ASSERT_EQ(cell.items.size(), 4u);
  EXPECT_EQ(cell.items[2].code, "O2.2.3");
  EXPECT_EQ(cell.items[2].text, "稽核報告");
  ASSERT_EQ(cell.items[2].where.size(), 2u);
  EXPECT_EQ(cell.items[2].where[0].line, 40);
  EXPECT_EQ(cell.items[2].where[1].line, 43);
  EXPECT_EQ(cell.items[3].where.size(), 1u);
  EXPECT_EQ(cell.items[3].where[0].line, 43);
}

TEST(ItemSplitter, FragmentStartingWithCodeStartsNewItem) {
  std::vector<Fragment> fragments = {{"K38安全軟體設計生命週期", {1, 0}}, {"(SSDLC)", {2, 0}},
                                     {"K39其他", {3, 0}}};
  SplitCell cell = SplitItems(fragments, P("knowledge_code"));
  ASSERT_EQ(cell.items.size(), 2u);
  EXPECT_EQ(cell.items[0].text, "安全軟體設計生命週期(SSDLC)");
  EXPECT_EQ(cell.items[1].code, "K39");
}

// Only a code at the very start of a fragment opens a new item; a code
// further in splits the joined text later, as any code does.
TEST(ItemSplitter, FragmentWithACodeOnlyLaterInItContinuesTheItemBefore) {
  std::vector<Fragment> fragments = {{"K38安全軟體", {1, 0}}, {"設計 K39其他", {2, 0}}, {"K40 末項", {3, 0}}};
  SplitCell cell = SplitItems(fragments, P("knowledge_code"));
  ASSERT_EQ(cell.items.size(), 3u);
  EXPECT_EQ(cell.items[0].text, "安全軟體設計");
  ASSERT_EQ(cell.items[0].where.size(), 2u);
  EXPECT_EQ(cell.items[1].code, "K39");
  EXPECT_EQ(cell.items[1].text, "其他");
  EXPECT_EQ(cell.items[2].code, "K40");
  EXPECT_EQ(cell.items[2].where.size(), 1u);
  // A code glued to a word is no code at a fragment's start either.
  std::vector<Fragment> glued = {{"K38安全", {1, 0}}, {"XK39其他", {2, 0}}};
  SplitCell one = SplitItems(glued, P("knowledge_code"));
  ASSERT_EQ(one.items.size(), 1u);
  EXPECT_EQ(one.items[0].text, "安全XK39其他");  // joined without a space: CJK
}

// A wording is trimmed of every kind of white space around it and inside
// keeps one space only between non-CJK words.
TEST(ItemSplitter, WordingsAreTrimmedOfAnyWhiteSpace) {
  SplitCell cell = SplitItems(One("K01 \t資訊安全\u3000 K02\u3000ISO  27001 \u00A0K03 風險"), P("knowledge_code"));
  ASSERT_EQ(cell.items.size(), 3u);
  EXPECT_EQ(cell.items[0].text, "資訊安全");
  EXPECT_EQ(cell.items[1].text, "ISO 27001");
  EXPECT_EQ(cell.items[2].text, "風險");
}

TEST(ItemSplitter, TextBeforeFirstCodeIsReportedAsLeading) {
  SplitCell cell = SplitItems(One("文件 P1.1.4確保"), P("indicator_code"));
  EXPECT_EQ(cell.leading, "文件");
  EXPECT_EQ(cell.leading_pos.line, 5);
  ASSERT_EQ(cell.items.size(), 1u);
}

TEST(ItemSplitter, EmptyCell) {
  SplitCell cell = SplitItems({}, P("output_code"));
  EXPECT_TRUE(cell.items.empty());
  EXPECT_TRUE(cell.leading.empty());
}

}  // namespace
}  // namespace docpipe
