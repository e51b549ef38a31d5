#include "normalize/standard/row_stitcher.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

const std::vector<std::string> kHeader = {"主要職責", "工作任務", "工作產出", "行為指標",
                                          "職能級別", "職能內涵 (K=knowledge 知識)", "職能內涵 (S=skills 技能)"};

class RowStitcherTest : public ::testing::Test {
 protected:
  RowStitcherTest() : stitcher_(RuleSet::Default(), ColumnsFromHeader(kHeader)) {}
  void Row(int line, std::vector<std::string> cells) { stitcher_.AddRow({line, 0}, cells, &diagnostics_); }
  RowStitcher stitcher_;
  Diagnostics diagnostics_;
};

TEST(ColumnsFromHeader, MapsColumnsByTheirWords) {
  std::vector<Column> columns = ColumnsFromHeader(kHeader);
  ASSERT_EQ(columns.size(), 7u);
  EXPECT_EQ(columns[0], Column::kDuty);
  EXPECT_EQ(columns[1], Column::kTask);
  EXPECT_EQ(columns[2], Column::kOutputs);
  EXPECT_EQ(columns[3], Column::kIndicators);
  EXPECT_EQ(columns[4], Column::kLevel);
  EXPECT_EQ(columns[5], Column::kKnowledge);
  EXPECT_EQ(columns[6], Column::kSkills);
}

TEST(ColumnsFromHeader, AcceptsWorkDutyWordingAndOtherOrder) {
  std::vector<Column> columns = ColumnsFromHeader({"工作職責", "工作任務", "行為指標", "工作產出", "職能 級別"});
  ASSERT_EQ(columns.size(), 5u);
  EXPECT_EQ(columns[0], Column::kDuty);
  EXPECT_EQ(columns[2], Column::kIndicators);
  EXPECT_EQ(columns[3], Column::kOutputs);
  EXPECT_EQ(columns[4], Column::kLevel);
}

TEST(ColumnsFromHeader, NotAHeader) {
  EXPECT_TRUE(ColumnsFromHeader({"版本", "職能基準代碼"}).empty());
  EXPECT_TRUE(ColumnsFromHeader({"工作任務"}).empty());
}

// A header needs a duty and a task column wherever they stand; a row with
// every other label but no duty is none, and the duty label inside a longer
// cell still counts.
TEST(ColumnsFromHeader, NeedsADutyAndATaskColumnAnywhereInTheRow) {
  EXPECT_TRUE(ColumnsFromHeader({"工作任務", "工作產出", "行為指標", "職能級別", "知識", "技能"}).empty());
  EXPECT_TRUE(ColumnsFromHeader({"主要職責", "工作產出"}).empty());
  EXPECT_TRUE(ColumnsFromHeader({}).empty());
  std::vector<Column> columns = ColumnsFromHeader({"工作產出", "工作任務", "備註", "本項主要 職責"});
  ASSERT_EQ(columns.size(), 4u);
  EXPECT_EQ(columns[0], Column::kOutputs);
  EXPECT_EQ(columns[1], Column::kTask);
  EXPECT_EQ(columns[2], Column::kOther);
  EXPECT_EQ(columns[3], Column::kDuty);
}

TEST_F(RowStitcherTest, NewDutyAndTasks) {
  Row(1, {"T1規劃", "T1.1依照需求", "O1.1.1方案", "P1.1.1討論", "4", "K01稽核", "S01溝通"});
  Row(2, {"", "T1.2準備", "O1.2.1文件", "P1.2.1協調", "3", "K02備份", "S02讀寫"});
  Row(3, {"T2配置", "T2.1執行", "", "P2.1.1規劃", "3", "K03", "S03"});
  std::vector<RawDuty> duties = stitcher_.Finish();
  ASSERT_EQ(duties.size(), 2u);
  EXPECT_EQ(duties[0].code, "T1");
  ASSERT_EQ(duties[0].tasks.size(), 2u);
  EXPECT_EQ(duties[0].tasks[1].code, "T1.2");
  EXPECT_EQ(duties[1].tasks[0].code, "T2.1");
  EXPECT_TRUE(diagnostics_.unparsed.empty());
}

// Regression (INM3513 T1.4): the task name is cut by the page break.
TEST_F(RowStitcherTest, ContinuedRowAfterRepeatedHeaderJoinsFragments) {
  Row(10, {"T1規劃", "T1.4監控與測試網路伺服器", "O1.4.1監控紀錄", "P1.4.1依照設計", "4", "K01稽核", "S01溝通"});
  stitcher_.AddHeader({11, 0});
  Row(12, {"", "安全", "", "P1.4.2監控", "", "K04錯誤", "S04軟硬體"});
  std::vector<RawDuty> duties = stitcher_.Finish();
  ASSERT_EQ(duties.size(), 1u);
  ASSERT_EQ(duties[0].tasks.size(), 1u);
  const RawTask& task = duties[0].tasks[0];
  const auto& name = task.cells[static_cast<size_t>(Column::kTask)];
  ASSERT_EQ(name.size(), 2u);
  EXPECT_EQ(name[0].text, "監控與測試網路伺服器");
  EXPECT_EQ(name[1].text, "安全");
  EXPECT_EQ(task.cells[static_cast<size_t>(Column::kIndicators)].size(), 2u);
  ASSERT_EQ(task.rows.size(), 2u);
  EXPECT_EQ(task.rows[1].line, 12);
  EXPECT_TRUE(diagnostics_.warnings.empty());
}

// Regression (IIS3513 T1): the duty name is cut by the page break.
TEST_F(RowStitcherTest, DutyNameFragmentAfterHeader) {
  Row(1, {"T1作業系統 (OS) 軟體的配置與疑難", "T1.1找出", "", "P1.1.1確認", "3", "K01", "S01"});
  stitcher_.AddHeader({2, 0});
  Row(3, {"排解", "", "", "P1.1.3安裝", "", "", ""});
  std::vector<RawDuty> duties = stitcher_.Finish();
  ASSERT_EQ(duties[0].name.size(), 2u);
  EXPECT_EQ(duties[0].name[1].text, "排解");
  EXPECT_EQ(duties[0].tasks[0].cells[static_cast<size_t>(Column::kIndicators)].size(), 2u);
}

TEST_F(RowStitcherTest, RowBeforeAnyTaskIsUnparsed) {
  Row(1, {"", "", "孤立的產出", "", "", "", ""});
  EXPECT_TRUE(stitcher_.Finish().empty());
  ASSERT_EQ(diagnostics_.unparsed.size(), 1u);
  EXPECT_EQ(diagnostics_.unparsed[0].text, "孤立的產出");
  EXPECT_EQ(diagnostics_.unparsed[0].pos.line, 1);
}

TEST_F(RowStitcherTest, CellsBeyondTheHeaderAreUnparsed) {
  Row(1, {"T1a", "T1.1b", "O1.1.1c", "P1.1.1d", "4", "K01e", "S01f", "多出來的欄"});
  stitcher_.Finish();
  ASSERT_EQ(diagnostics_.unparsed.size(), 1u);
  EXPECT_EQ(diagnostics_.unparsed[0].text, "多出來的欄");
}

TEST_F(RowStitcherTest, TaskBeforeAnyDutyIsWarned) {
  Row(1, {"", "T1.1孤兒任務", "", "P1.1.1x", "4", "", ""});
  std::vector<RawDuty> duties = stitcher_.Finish();
  ASSERT_EQ(duties.size(), 1u);
  ASSERT_EQ(diagnostics_.warnings.size(), 1u);
  EXPECT_EQ(diagnostics_.warnings[0].kind, "missing_duty");
}

// A duty cell without a code on a row extract marked as the rest of a cut
// row (a PDF whose duty table goes on without a repeated header) is the
// rest of the duty's name, as after a repeated header: no warning. The
// same row with no break and no mark is read so too, but warned.
TEST_F(RowStitcherTest, DutyNameFragmentOnARowExtractMarkedCutIsNotWarned) {
  Row(1, {"T1作業系統 (OS) 軟體的配置與疑難", "T1.1找出", "", "P1.1.1確認", "3", "K01", "S01"});
  stitcher_.AddRow({3, 0}, {"排解", "", "", "P1.1.3安裝", "", "", ""}, &diagnostics_, /*marked_cut=*/true);
  std::vector<RawDuty> duties = stitcher_.Finish();
  ASSERT_EQ(duties[0].name.size(), 2u);
  EXPECT_EQ(duties[0].name[1].text, "排解");
  EXPECT_TRUE(diagnostics_.warnings.empty());
}

TEST_F(RowStitcherTest, DutyNameFragmentWithoutABreakIsWarned) {
  Row(1, {"T1作業系統 (OS) 軟體的配置與疑難", "T1.1找出", "", "P1.1.1確認", "3", "K01", "S01"});
  Row(3, {"排解", "", "", "P1.1.3安裝", "", "", ""});
  std::vector<RawDuty> duties = stitcher_.Finish();
  ASSERT_EQ(duties[0].name.size(), 2u);
  ASSERT_EQ(diagnostics_.warnings.size(), 1u);
  EXPECT_EQ(diagnostics_.warnings[0].kind, "continued_row");
}

}  // namespace
}  // namespace docpipe
