// The table grid kept to the end (issue 13, item 4): the grid builder on its
// own, then PDFs whose tables merge cells over rows and columns, written and
// read back.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "model/document_reader.h"
#include "model/policy_json.h"
#include "model/table_grid.h"
#include "normalize/policy/grid_builder.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

const TableCell* CellAt(const TableGrid& grid, int row, int col) {
  for (const TableCell& cell : grid.cells) {
    if (cell.row == row && cell.col == col) return &cell;
  }
  return nullptr;
}

TEST(GridBuilder, KeepsSpansAndEmptyCells) {
  TableGrid grid;
  AppendGridRow({"收支科目", "", "金額"}, {{1, 2}, {0, 0}, {1, 1}}, &grid);
  AppendGridRow({"收入", "個人捐贈收入", "882,000"}, {{2, 1}, {1, 1}, {1, 1}}, &grid);
  AppendGridRow({"", "營利事業捐贈收入", ""}, {{0, 0}, {1, 1}, {1, 1}}, &grid);
  FinishGrid(1, &grid);
  ASSERT_TRUE(CheckTableGrid(grid).ok()) << CheckTableGrid(grid).ToString();
  EXPECT_EQ(grid.rows, 3);
  EXPECT_EQ(grid.cols, 3);
  EXPECT_EQ(grid.cells.size(), 7u);
  EXPECT_EQ(CellAt(grid, 0, 0)->col_span, 2);
  EXPECT_EQ(CellAt(grid, 1, 0)->row_span, 2);
  EXPECT_EQ(CellAt(grid, 2, 0), nullptr);  // covered by 收入
  ASSERT_NE(CellAt(grid, 2, 2), nullptr);  // an empty cell is a cell
  EXPECT_EQ(CellAt(grid, 2, 2)->text, "");
}

TEST(GridBuilder, RaggedRowsWithoutSpansArePaddedWithEmptyCells) {
  TableGrid grid;
  AppendGridRow({"A", "B", "C"}, {}, &grid);
  AppendGridRow({"1", "2"}, {}, &grid);
  FinishGrid(0, &grid);
  ASSERT_TRUE(CheckTableGrid(grid).ok()) << CheckTableGrid(grid).ToString();
  EXPECT_EQ(grid.header_rows, 1);
  EXPECT_EQ(CellAt(grid, 1, 2)->text, "");
}

TEST(GridBuilder, OverlappingSpansAreCutAndNoTextIsLost) {
  // A damaged layout: the first cell claims two rows, the cell below it
  // still starts there.
  TableGrid grid;
  AppendGridRow({"A", "B"}, {{2, 1}, {1, 1}}, &grid);
  AppendGridRow({"below", "C"}, {{1, 1}, {1, 1}}, &grid);
  FinishGrid(1, &grid);
  ASSERT_TRUE(CheckTableGrid(grid).ok()) << CheckTableGrid(grid).ToString();
  std::string all;
  for (const TableCell& cell : grid.cells) all += cell.text + "|";
  EXPECT_NE(all.find("below"), std::string::npos) << all;
  EXPECT_NE(all.find("A"), std::string::npos) << all;
}

TEST(GridBuilder, TheRestOfACutRowJoinsTheCellsThatCoverIt) {
  TableGrid grid;
  AppendGridRow({"Sector", "Commitment"}, {}, &grid);
  AppendGridRow({"(c)Rental of", "(1)None."}, {}, &grid);
  JoinGridRow({"cars", "(2)None."}, {}, &grid);
  FinishGrid(1, &grid);
  EXPECT_EQ(grid.rows, 2);
  EXPECT_EQ(CellAt(grid, 1, 0)->text, "(c)Rental of cars");
  EXPECT_EQ(CellAt(grid, 1, 1)->text, "(1)None. (2)None.");
}

// Curriculum draft 10229, pages 10-11: the key merged over two rows that the
// page break cut goes on in page 11's row, which is a row of its own: one
// cell over both rows, its text once.
TEST(GridBuilder, ACellCutByThePageBreakGrowsOverTheFreshRowAfterIt) {
  TableGrid grid;
  AppendGridRow({"", "學習重點", "階段"}, {}, &grid);
  AppendGridRow({"國民中學課程", "學習表現", "IV"}, {{2, 1}, {1, 1}, {1, 1}}, &grid);
  AppendGridRow({"", "學習內容", "IV"}, {{0, 0}, {1, 1}, {1, 1}}, &grid);
  AppendGridRow({"普通型高級中等學校部定必", "學習表現", "V"}, {}, &grid);
  std::vector<std::string> cells{"修課程", "學習內容", "V"};
  std::vector<CellSpan> spans{{1, 1}, {1, 1}, {1, 1}};
  EXPECT_EQ(JoinCutCells({0}, &cells, &spans, &grid), (std::vector<std::pair<int, int>>{{3, 0}}));
  EXPECT_EQ(cells[0], "");
  EXPECT_EQ(cells[1], "學習內容");
  AppendGridRow(cells, spans, &grid);
  FinishGrid(1, &grid);
  ASSERT_TRUE(CheckTableGrid(grid).ok()) << CheckTableGrid(grid).ToString();
  EXPECT_EQ(grid.rows, 5);
  ASSERT_NE(CellAt(grid, 3, 0), nullptr);
  EXPECT_EQ(CellAt(grid, 3, 0)->text, "普通型高級中等學校部定必修課程");
  EXPECT_EQ(CellAt(grid, 3, 0)->row_span, 2);
  EXPECT_EQ(CellAt(grid, 4, 0), nullptr);  // covered by the key
  EXPECT_EQ(CellAt(grid, 4, 1)->text, "學習內容");
  EXPECT_EQ(CellAt(grid, 3, 1)->text, "學習表現");
}

// Counter-examples: a cell is joined only to a body cell over the same
// columns; a cell without the mark is a cell of its own.
TEST(GridBuilder, ACellGoingOnJoinsOnlyABodyCellOverTheSameColumns) {
  auto joins = [](std::vector<std::string> above, std::vector<CellSpan> above_spans, bool header, CellSpan span,
                  std::vector<int> continued = {0}) {
    TableGrid grid;
    if (!header) AppendGridRow({"H1", "H2"}, {}, &grid);
    AppendGridRow(above, above_spans, &grid);
    std::vector<std::string> cells{"rest", "x"};
    std::vector<CellSpan> spans{span, {1, 1}};
    if (span.cols == 2) spans[1] = {0, 0};
    const size_t joined = JoinCutCells(continued, &cells, &spans, &grid).size();
    EXPECT_EQ(cells[0], joined > 0 ? "" : "rest");
    return joined;
  };
  EXPECT_EQ(joins({"cut", "y"}, {}, false, {1, 1}), 1u);
  EXPECT_EQ(joins({"cut", "y"}, {}, /*header=*/true, {1, 1}), 0u);
  EXPECT_EQ(joins({"cut", ""}, {{1, 2}, {0, 0}}, false, {1, 1}), 0u);
  EXPECT_EQ(joins({"cut", "y"}, {}, false, {1, 2}), 0u);
  EXPECT_EQ(joins({"cut", "y"}, {}, false, {1, 1}, /*continued=*/{}), 0u);
}

// Gazette 46, page 3: 收支科目 spans two columns; 收入 and 支出 span the
// rows of their items; 本期結餘 spans two columns. Cells with nothing in
// them stay, so 882,000 stays under 金額或價額 and the note column keeps
// its empty cells.
TEST(TableGrid, PdfTableWithRowAndColumnSpansRoundTripsThroughWriterAndReader) {
  Result<Json> json = ProcessFile(std::string(DOCPIPE_SOURCE_DIR) + "/tests/data/tables/gazette-046-p3.pdf", {});
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  ASSERT_TRUE(ValidateOutput(*json).ok()) << ValidateOutput(*json).ToString();
  Result<Document> doc = ReadDocument(*json);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_TRUE(doc->policy.has_value());
  const PolicyTable* accounts = nullptr;
  for (const PolicyTable& t : doc->policy->tables) {
    if (!t.grid.cells.empty() && t.grid.cells.front().text == "收支科目") accounts = &t;
  }
  ASSERT_NE(accounts, nullptr);
  const TableGrid& grid = accounts->grid;
  EXPECT_TRUE(CheckTableGrid(grid).ok());
  EXPECT_EQ(grid.cols, 4);
  EXPECT_EQ(static_cast<size_t>(grid.rows), accounts->rows.size() + 1);
  EXPECT_EQ(CellAt(grid, 0, 0)->col_span, 2);
  const TableCell* income = nullptr;
  for (const TableCell& cell : grid.cells) {
    if (cell.text == "收入") income = &cell;
  }
  ASSERT_NE(income, nullptr);
  EXPECT_EQ(income->col, 0);
  // Over its five items and 收入合計: the PDF draws the rule right of 收入
  // (x 72.5) from the header down to 支出's row (y 153-449) and the rule
  // above 收入合計 only from x 72.7, so 收入's box takes in the total's row
  // (the rendered page shows it; 支出 likewise takes in 支出合計).
  EXPECT_EQ(income->row_span, 6);
  const TableCell* income_total = CellAt(grid, income->row + 5, 1);
  ASSERT_NE(income_total, nullptr);
  EXPECT_EQ(income_total->text, "收入合計");
  EXPECT_EQ(income_total->col, 1);
  const TableCell* spending = CellAt(grid, income->row + 6, 0);
  ASSERT_NE(spending, nullptr);
  EXPECT_EQ(spending->text, "支出");
  EXPECT_EQ(spending->row_span, 9);
  const TableCell* donations = CellAt(grid, income->row, 1);
  ASSERT_NE(donations, nullptr);
  EXPECT_EQ(donations->text, "個人捐贈收入");
  EXPECT_EQ(CellAt(grid, income->row, 2)->text, "882,000");
  EXPECT_EQ(CellAt(grid, income->row, 3)->text, "");
  const TableCell& balance = grid.cells[grid.cells.size() - 3];  // 本期結餘 | -92,763 | ""
  EXPECT_EQ(balance.text, "本期結餘");
  EXPECT_EQ(balance.col_span, 2);
  // Written again, the document read back is the same JSON.
  EXPECT_EQ(PolicyDocumentToJson(*doc->policy, doc->source, doc->document_type), *json);
}

}  // namespace
}  // namespace docpipe
