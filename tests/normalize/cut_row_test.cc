#include "normalize/repair/cut_row.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

TEST(CutRow, ExtractsMarkMakesTheRowTheRestOfTheCutOne) {
  EXPECT_TRUE(IsRestOfCutRow({/*after_break=*/true, /*marked_cut=*/true, /*key_opens_entry=*/true}));
  EXPECT_TRUE(IsRestOfCutRow({/*after_break=*/false, /*marked_cut=*/true, /*key_opens_entry=*/true}));
}

// "T1.4監控與測試網路伺服器" | break | "安全": the task cell opens with no code.
TEST(CutRow, AfterABreakARowWhoseKeyOpensNoEntryGoesOn) {
  EXPECT_TRUE(IsRestOfCutRow({/*after_break=*/true, /*marked_cut=*/false, /*key_opens_entry=*/false}));
}

// Counter-examples: a fresh row after the break ("T1.5…"), and a row with
// no break before it whatever its key (a further row of a merged cell).
TEST(CutRow, AFreshRowOrARowWithoutABreakIsTakenAsPrinted) {
  EXPECT_FALSE(IsRestOfCutRow({/*after_break=*/true, /*marked_cut=*/false, /*key_opens_entry=*/true}));
  EXPECT_FALSE(IsRestOfCutRow({/*after_break=*/false, /*marked_cut=*/false, /*key_opens_entry=*/false}));
  EXPECT_FALSE(IsRestOfCutRow({}));
}

// tisa appendix 1: "(c)自用小客車租" | "賃(CPC83101**)"; Latin text wraps
// with a space; an empty cell of the rest keeps the cut cell as it was.
TEST(CutRow, JoinsTheRestCellByCellAsWrappedText) {
  std::vector<std::string> cut = {"(c)自用小客車租", "(c)Rental of", "(1)None", ""};
  JoinCutRow({"賃(CPC83101**)", "cars", "", "(2)None"}, &cut);
  ASSERT_EQ(cut.size(), 4u);
  EXPECT_EQ(cut[0], "(c)自用小客車租賃(CPC83101**)");
  EXPECT_EQ(cut[1], "(c)Rental of cars");
  EXPECT_EQ(cut[2], "(1)None");
  EXPECT_EQ(cut[3], "(2)None");
}

TEST(CutRow, AWiderRestWidensTheCutRow) {
  std::vector<std::string> cut = {"a"};
  JoinCutRow({"", "b"}, &cut);
  ASSERT_EQ(cut.size(), 2u);
  EXPECT_EQ(cut[0], "a");
  EXPECT_EQ(cut[1], "b");
}

}  // namespace
}  // namespace docpipe
