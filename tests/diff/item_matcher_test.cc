#include "diff/item_matcher.h"

#include <gtest/gtest.h>

#include "common/unicode.h"

namespace docpipe::diff {
namespace {

MatchItem Item(const std::string& parent, const std::string& code, const std::string& text) {
  return {parent, code, unicode::ToCodePoints(unicode::FoldKey(text))};
}

// "old->new" for each pair, "-old" for removed, "+new" for added.
std::vector<std::string> Describe(const Matching& m) {
  std::vector<std::string> out;
  for (const Match& p : m.pairs) out.push_back(std::to_string(p.old_index) + "->" + std::to_string(p.new_index));
  for (size_t i : m.removed) out.push_back("-" + std::to_string(i));
  for (size_t j : m.added) out.push_back("+" + std::to_string(j));
  return out;
}

TEST(ItemMatcherTest, PairsUnchangedItemsByPlaceAndWording) {
  std::vector<MatchItem> items = {Item("0", "P1", "甲乙丙"), Item("0", "P2", "丁戊己")};
  EXPECT_EQ(Describe(MatchItems(items, items, {})), (std::vector<std::string>{"0->0", "1->1"}));
}

TEST(ItemMatcherTest, PairsRenumberedItemsByWordingNotByCode) {
  // A new item inserted first shifts the codes: P1 now says something else.
  std::vector<MatchItem> old_items = {Item("0", "P1", "與使用者討論安全要求"), Item("0", "P2", "預測網路服務弱點")};
  std::vector<MatchItem> new_items = {Item("0", "P1", "建立雲端安全基準"), Item("0", "P2", "與使用者討論安全要求"),
                                      Item("0", "P3", "預測網路服務弱點")};
  EXPECT_EQ(Describe(MatchItems(old_items, new_items, {})), (std::vector<std::string>{"0->1", "1->2", "+0"}));
}

TEST(ItemMatcherTest, KeepsRewordedItemAtItsPlace) {
  std::vector<MatchItem> old_items = {Item("0", "P1", "分析與檢討使用者的安全性文件")};
  std::vector<MatchItem> new_items = {Item("0", "P1", "分析與審查使用者的安全性文件")};
  Matching m = MatchItems(old_items, new_items, {});
  ASSERT_EQ(m.pairs.size(), 1u);
  EXPECT_GT(m.pairs[0].similarity, 0.8);
  EXPECT_LT(m.pairs[0].similarity, 1.0);
}

TEST(ItemMatcherTest, PrefersSamePlaceOverSlightlyCloserWordingElsewhere) {
  // 13 of 14 characters in common elsewhere (0.93), 12 of 14 here (0.86).
  std::vector<MatchItem> old_items = {Item("0", "P1", "配置網路防禦系統以過濾流量甲")};
  std::vector<MatchItem> new_items = {Item("1", "P9", "配置網路防禦系統以過濾流量乙"),
                                      Item("0", "P1", "配置網路防禦系統以過濾流乙丙")};
  EXPECT_EQ(Describe(MatchItems(old_items, new_items, {})), (std::vector<std::string>{"0->1", "+0"}));
}

TEST(ItemMatcherTest, DissimilarItemsAreRemovedAndAdded) {
  std::vector<MatchItem> old_items = {Item("0", "P1", "向使用者取得安全設計的簽核")};
  std::vector<MatchItem> new_items = {Item("0", "P1", "建立資安事件應變措施")};
  EXPECT_EQ(Describe(MatchItems(old_items, new_items, {})), (std::vector<std::string>{"-0", "+0"}));
}

TEST(ItemMatcherTest, RepeatedWordingsPairInDocumentOrder) {
  std::vector<MatchItem> old_items = {Item("0", "O1", "報告"), Item("1", "O2", "報告")};
  std::vector<MatchItem> new_items = {Item("0", "O1", "報告"), Item("1", "O2", "報告")};
  EXPECT_EQ(Describe(MatchItems(old_items, new_items, {})), (std::vector<std::string>{"0->0", "1->1"}));
}

TEST(ItemMatcherTest, ContentSimilarityPairsRenamedContainers) {
  std::vector<MatchItem> old_items = {Item("", "T1", "規劃網路伺服器安全")};
  std::vector<MatchItem> new_items = {Item("", "T1", "伺服器防護之設計")};
  EXPECT_EQ(Describe(MatchItems(old_items, new_items, {})), (std::vector<std::string>{"-0", "+0"}));
  Matching m = MatchItems(old_items, new_items, {}, [](size_t, size_t) { return 1.0; });
  EXPECT_EQ(Describe(m), (std::vector<std::string>{"0->0"}));
}

}  // namespace
}  // namespace docpipe::diff
