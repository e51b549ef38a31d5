// The extract stage on samples/pdf/INM2529-002v2.pdf (a LibreOffice-made
// competency standard in the published form's layout). The expectations are
// read off the rendered pages: page 1 carries the title, the version table,
// the header table and the start of the duty table, whose T1 cell is merged
// over tasks T1.1 and T1.2; the break after page 1 cuts T1.2's indicator
// P1.2.2 so that page 2 opens, under the repeated column header, with "程。".
#include <gtest/gtest.h>

#include "common/file_io.h"
#include "extract/extractor.h"

namespace docpipe {
namespace {

class SamplePdfTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::string> bytes = ReadFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/pdf/INM2529-002v2.pdf");
    ASSERT_TRUE(bytes.ok());
    Result<Layout> layout = ExtractLayout(*bytes, "INM2529-002v2.pdf", {});
    ASSERT_TRUE(layout.ok()) << layout.status().ToString();
    layout_ = new Layout(std::move(*layout));
  }
  static void TearDownTestSuite() { delete layout_; }
  static const Cell* CellAt(const Table& table, int row, int col) {
    for (const Cell& cell : table.cells) {
      if (cell.row == row && cell.col == col) return &cell;
    }
    return nullptr;
  }
  static Layout* layout_;
};
Layout* SamplePdfTest::layout_ = nullptr;

TEST_F(SamplePdfTest, LabelsRunningHeaderAndPageNumberFooter) {
  ASSERT_EQ(layout_->pages.size(), 5u);
  for (const Page& page : layout_->pages) {
    std::string footer = "第 " + std::to_string(page.number) + " 頁，共 5 頁";
    bool header_seen = false, footer_seen = false;
    for (const TextLine& line : page.lines) {
      if (line.text == "INM2529-002v2") header_seen = line.role == LineRole::kHeader;
      if (line.text == footer) footer_seen = line.role == LineRole::kFooter;
      if (line.text == "資安管理人員職能基準") {
        EXPECT_EQ(line.role, LineRole::kContent);
      }
    }
    EXPECT_TRUE(header_seen) << "page " << page.number;
    EXPECT_TRUE(footer_seen) << "page " << page.number;
  }
}

TEST_F(SamplePdfTest, FindsTheThreeTablesOfPageOneWithMergedCells) {
  const Page& page = layout_->pages[0];
  ASSERT_EQ(page.tables.size(), 3u);
  const Table& versions = page.tables[0];
  EXPECT_EQ(versions.rows, 3);
  EXPECT_EQ(versions.cols, 6);
  const Cell* version = CellAt(versions, 1, 1);
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(version->text, "INM2529-002v2");
  const Table& duties = page.tables[2];
  const Cell* t1 = CellAt(duties, 1, 0);
  ASSERT_NE(t1, nullptr);
  EXPECT_EQ(t1->row_span, 2);
  EXPECT_EQ(t1->text.rfind("T1 資訊安全管理系統", 0), 0u) << t1->text;
  const Cell* t12 = CellAt(duties, 2, 1);
  ASSERT_NE(t12, nullptr);
  EXPECT_EQ(t12->text, "T1.2 風險識別、分析與評估");
}

TEST_F(SamplePdfTest, LinksTheDutyTableAcrossPagesAndMarksTheCutRow) {
  const Table& first = layout_->pages[0].tables[2];
  const Table& next = layout_->pages[1].tables[0];
  EXPECT_EQ(next.id, first.id);
  EXPECT_TRUE(first.continues_on_next_page);
  EXPECT_TRUE(next.continued_from_previous_page);
  EXPECT_TRUE(next.repeated_header);
  EXPECT_EQ(next.header_rows, 1);
  EXPECT_TRUE(next.first_row_continued);
  const Cell* cut = CellAt(next, 1, 3);
  const Cell* empty = CellAt(next, 1, 1);
  ASSERT_NE(cut, nullptr);
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(cut->text.rfind("程。P1.2.3", 0), 0u) << cut->text;
  EXPECT_EQ(empty->text, "");
}

TEST_F(SamplePdfTest, AttitudesAreAOneColumnTableOfTenRows) {
  const Page& last = layout_->pages.back();
  ASSERT_EQ(last.tables.size(), 2u);
  EXPECT_EQ(last.tables[0].rows, 10);
  EXPECT_EQ(last.tables[0].cols, 1);
  EXPECT_EQ(last.tables[0].cells[9].text.rfind("A09 應對不確定性", 0), 0u);
  EXPECT_FALSE(last.tables[0].continued_from_previous_page);
}

}  // namespace
}  // namespace docpipe
