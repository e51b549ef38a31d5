#include "diff/char_diff.h"

#include <gtest/gtest.h>

#include "common/unicode.h"

namespace docpipe::diff {
namespace {

struct CharDiffCase {
  const char* name;
  const char* old_text;
  const char* new_text;
  std::vector<EditRun> expected;
  friend void PrintTo(const CharDiffCase& c, std::ostream* os) { *os << c.name; }
};

class CharDiffTest : public testing::TestWithParam<CharDiffCase> {};

TEST_P(CharDiffTest, GivesShortestScriptInCodePointRuns) {
  const CharDiffCase& c = GetParam();
  EXPECT_EQ(CharDiff(c.old_text, c.new_text), c.expected);
}

// Applying the script must give back both texts, whatever its shape.
TEST_P(CharDiffTest, ScriptRebuildsBothTexts) {
  const CharDiffCase& c = GetParam();
  std::string old_text, new_text;
  for (const EditRun& run : CharDiff(c.old_text, c.new_text)) {
    if (run.op != EditOp::kInsert) old_text += run.text;
    if (run.op != EditOp::kDelete) new_text += run.text;
  }
  EXPECT_EQ(old_text, c.old_text);
  EXPECT_EQ(new_text, c.new_text);
}

constexpr EditOp kEq = EditOp::kEqual, kDel = EditOp::kDelete, kIns = EditOp::kInsert;

INSTANTIATE_TEST_SUITE_P(
    Cases, CharDiffTest,
    testing::Values(
        CharDiffCase{"BothEmpty", "", "", {}},
        CharDiffCase{"Identical", "網路配置文件", "網路配置文件", {{kEq, "網路配置文件"}}},
        CharDiffCase{"TwoCjkCharsReplaced", "分析與檢討文件", "分析與審查文件",
                     {{kEq, "分析與"}, {kDel, "檢討"}, {kIns, "審查"}, {kEq, "文件"}}},
        CharDiffCase{"CjkInsertedAtEnd", "網路配置文件", "網路配置文件。", {{kEq, "網路配置文件"}, {kIns, "。"}}},
        CharDiffCase{"CjkDeletedAtStart", "確保網路服務", "網路服務", {{kDel, "確保"}, {kEq, "網路服務"}}},
        CharDiffCase{"AllNew", "", "VPN", {{kIns, "VPN"}}},
        CharDiffCase{"AllGone", "VPN", "", {{kDel, "VPN"}}},
        CharDiffCase{"RewrittenPhraseIsOneReplacement", "配置安全網路環境", "建置並強化網路防護架構",
                     {{kDel, "配置安全網路環境"}, {kIns, "建置並強化網路防護架構"}}},
        CharDiffCase{"LongEqualityBetweenChangesStays", "甲網路伺服器安全乙", "丙網路伺服器安全丁",
                     {{kDel, "甲"}, {kIns, "丙"}, {kEq, "網路伺服器安全"}, {kDel, "乙"}, {kIns, "丁"}}},
        CharDiffCase{"MixedScriptsKeepWholeCodePoints", "配置 VPN 選項", "配置 SSL VPN 選項",
                     {{kEq, "配置 "}, {kIns, "SSL "}, {kEq, "VPN 選項"}}}),
    [](const testing::TestParamInfo<CharDiffCase>& info) { return std::string(info.param.name); });

TEST(Similarity, IsOneForEqualAndZeroForDisjointTexts) {
  EXPECT_DOUBLE_EQ(Similarity(U"網路", U"網路"), 1.0);
  EXPECT_DOUBLE_EQ(Similarity(U"", U""), 1.0);
  EXPECT_DOUBLE_EQ(Similarity(U"網路", U"安全"), 0.0);
  EXPECT_DOUBLE_EQ(Similarity(U"網路", U""), 0.0);
}

TEST(Similarity, IsTwiceLcsOverTotalLength) {
  // LCS of 分析與檢討文件 / 分析與審查文件 is 分析與文件 (5 of 7 + 7).
  EXPECT_DOUBLE_EQ(Similarity(U"分析與檢討文件", U"分析與審查文件"), 10.0 / 14.0);
}

TEST(Similarity, NeverExceedsItsLengthBound) {
  const std::u32string a = U"配置網路防禦系統", b = U"配置網路";
  EXPECT_LE(Similarity(a, b), SimilarityBound(a.size(), b.size()));
  EXPECT_DOUBLE_EQ(SimilarityBound(8, 4), 8.0 / 12.0);
}

}  // namespace
}  // namespace docpipe::diff
