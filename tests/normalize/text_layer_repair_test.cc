#include "normalize/repair/text_layer_repair.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

TabRow Row(int page, int line, std::vector<std::string> cells) {
  TabRow row;
  row.pos = {line, page};
  row.cells = std::move(cells);
  return row;
}

TEST(TextLayerRepair, CountsRadicalsAndHyphensFromTheFirstDamagedRow) {
  std::vector<TabRow> rows = {Row(1, 1, {"職能基準代碼", "INM3513-001v4"}),
                              Row(2, 4, {"T1 執\u2F8F", "K03 Plan\u2011Do\u2011Check\u2011Act"}),
                              Row(3, 1, {"\u2ED1期"})};
  TextLayerRepairs repairs = CountTextLayerRepairs(rows);
  EXPECT_EQ(repairs.radicals, 2);
  EXPECT_EQ(repairs.hyphens, 3);
  EXPECT_EQ(repairs.first.page, 2);
  EXPECT_EQ(repairs.first.line, 4);
  std::optional<Warning> warning = TextLayerRepairWarning(rows);
  ASSERT_TRUE(warning.has_value());
  EXPECT_EQ(warning->kind, "text_layer_repaired");
  EXPECT_NE(warning->message.find("2 CJK radicals"), std::string::npos) << warning->message;
  EXPECT_NE(warning->message.find("3 non-ASCII hyphens"), std::string::npos) << warning->message;
}

TEST(TextLayerRepair, CleanTextGivesNoWarning) {
  std::vector<TabRow> rows = {Row(1, 1, {"執行 2010\u20132015 年", "INM3513-001v4"})};
  EXPECT_FALSE(TextLayerRepairWarning(rows).has_value());
}

}  // namespace
}  // namespace docpipe
