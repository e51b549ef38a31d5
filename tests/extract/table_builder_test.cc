#include "extract/table_builder.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

Ruling H(double y, double x0, double x1) { return {true, y, x0, x1}; }
Ruling V(double x, double y0, double y1) { return {false, x, y0, y1}; }

Glyph G(const std::string& text, double x, double y) {
  Glyph g;
  g.text = text;
  g.bbox = {x, y, x + 6, y + 10};
  g.size = 10;
  return g;
}

const Cell* CellAt(const Table& table, int row, int col) {
  for (const Cell& cell : table.cells) {
    if (cell.row == row && cell.col == col) return &cell;
  }
  return nullptr;
}

// A 3 x 3 grid (x 0,100,200,300; y 0,20,40,60) whose first column's two
// lower slots are merged (no rule at y=40 between x=0 and 100), like a duty
// cell over its task rows.
std::vector<Ruling> GridWithMergedCell() {
  return {H(0, 0, 300), H(20, 0, 300), H(40, 100, 300), H(60, 0, 300),
          V(0, 0, 60),  V(100, 0, 60), V(200, 0, 60),   V(300, 0, 60)};
}

TEST(TableBuilder, MergedCellComesOutOnceWithItsSpan) {
  std::vector<Glyph> glyphs = {G("D", 10, 25), G("a", 110, 25), G("b", 110, 45)};
  std::vector<bool> in_table;
  std::vector<Table> tables = BuildTables(GridWithMergedCell(), glyphs, {}, 612, 792, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(t.cells.size(), 8u);  // 9 slots, two of them one cell
  const Cell* merged = CellAt(t, 1, 0);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->row_span, 2);
  EXPECT_EQ(merged->col_span, 1);
  EXPECT_EQ(merged->text, "D");
  EXPECT_EQ(CellAt(t, 2, 0), nullptr);
  EXPECT_EQ(CellAt(t, 2, 1)->text, "b");
  EXPECT_EQ(in_table, std::vector<bool>({true, true, true}));
}

TEST(TableBuilder, ColumnSpanFromAMissingVerticalRule) {
  // The header row (y 0..20) has no rule at x=200: one cell over two columns.
  std::vector<Ruling> rulings = {H(0, 0, 300), H(20, 0, 300), H(40, 0, 300), V(0, 0, 40), V(100, 0, 40),
                                 V(200, 20, 40), V(300, 0, 40)};
  std::vector<Glyph> glyphs = {G("h", 150, 5), G("x", 10, 25)};
  std::vector<bool> in_table;
  std::vector<Table> tables = BuildTables(rulings, glyphs, {}, 612, 792, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  const Cell* header = CellAt(tables[0], 0, 1);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->col_span, 2);
  EXPECT_EQ(header->text, "h");
}

TEST(TableBuilder, TableWithoutOuterFrameGetsItsEdgesFromTheRuleEnds) {
  // Only inner rules: one horizontal at y=20 and one vertical at x=100,
  // plus a second vertical at x=200, all reaching to where a frame would be.
  std::vector<Ruling> rulings = {H(20, 0, 300), V(100, 0, 40), V(200, 0, 40)};
  std::vector<Glyph> glyphs = {G("a", 10, 5), G("b", 110, 5), G("c", 210, 25)};
  std::vector<bool> in_table;
  std::vector<Table> tables = BuildTables(rulings, glyphs, {}, 612, 792, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 2);
  EXPECT_EQ(tables[0].cols, 3);
  EXPECT_EQ(CellAt(tables[0], 1, 2)->text, "c");
}

TEST(TableBuilder, CutsBodyRowsOfASemiRuledTableAtTheHeaderColumns) {
  // A framed table whose header row is ruled into three columns while the
  // two body rows have horizontal rules only. Row 1 holds one value per
  // column, row 2 a caption.
  std::vector<Ruling> rulings = {H(0, 0, 300), H(20, 0, 300), H(40, 0, 300), H(60, 0, 300),
                                 V(0, 0, 60),  V(100, 0, 20), V(200, 0, 20), V(300, 0, 60)};
  std::vector<Glyph> glyphs = {G("a", 10, 5),  G("b", 110, 5),  G("c", 210, 5),
                               G("1", 10, 25), G("2", 110, 25), G("3", 210, 25),
                               G("N", 10, 45), G("o", 16, 45),  G("t", 22, 45)};
  std::vector<bool> in_table;
  std::vector<Table> tables = BuildTables(rulings, glyphs, {}, 612, 792, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  ASSERT_NE(CellAt(t, 1, 2), nullptr);
  EXPECT_EQ(CellAt(t, 1, 1)->text, "2");
  EXPECT_EQ(CellAt(t, 1, 2)->text, "3");
  ASSERT_NE(CellAt(t, 2, 0), nullptr);
  EXPECT_EQ(CellAt(t, 2, 0)->col_span, 3);  // text in one column only: stays whole
  EXPECT_EQ(CellAt(t, 2, 0)->text, "Not");
}

TEST(TableBuilder, IgnoresAFrameAroundThePageAndEmptyGrids) {
  std::vector<Ruling> frame = {H(10, 10, 600), H(780, 10, 600), V(10, 10, 780), V(600, 10, 780)};
  std::vector<Glyph> glyphs = {G("t", 100, 100)};
  std::vector<bool> in_table;
  EXPECT_TRUE(BuildTables(frame, glyphs, {}, 612, 792, &in_table).empty());
  EXPECT_FALSE(in_table[0]);
  std::vector<Glyph> none;
  EXPECT_TRUE(BuildTables(GridWithMergedCell(), none, {}, 612, 792, &in_table).empty());
}

TEST(TableBuilder, LShapedGapInTheRulesGivesCellsThatDoNotOverlap) {
  // Curriculum guidelines p. 38: a rule ends short of the next, so three
  // slots of a 2 x 2 grid join in an L; its bounding box would cover the
  // fourth slot, which is a cell of its own.
  std::vector<Ruling> rulings = {H(0, 0, 200), H(40, 0, 200), V(0, 0, 40), V(200, 0, 40),
                                 H(20, 100, 200), V(100, 20, 40)};
  std::vector<Glyph> glyphs = {G("a", 10, 5), G("b", 150, 25)};
  std::vector<bool> in_table;
  std::vector<Table> tables = BuildTables(rulings, glyphs, {}, 612, 792, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  ASSERT_EQ(t.cells.size(), 3u);
  EXPECT_EQ(CellAt(t, 0, 0)->col_span, 2);
  EXPECT_EQ(CellAt(t, 0, 0)->row_span, 1);
  EXPECT_EQ(CellAt(t, 0, 0)->text, "a");
  EXPECT_EQ(CellAt(t, 1, 0)->col_span, 1);
  EXPECT_EQ(CellAt(t, 1, 1)->text, "b");
}

TEST(TableBuilder, ASmallFramedTextBoxIsNotATable) {
  // A "Box 4" frame around two lines of text in the middle of the page.
  std::vector<Ruling> box = {H(100, 100, 300), H(160, 100, 300), V(100, 100, 160), V(300, 100, 160)};
  std::vector<Glyph> glyphs = {G("B", 110, 110), G("o", 116, 110), G("x", 122, 110), G("t", 110, 130)};
  std::vector<bool> in_table;
  EXPECT_TRUE(BuildTables(box, glyphs, {}, 612, 792, &in_table).empty());
  EXPECT_EQ(in_table, std::vector<bool>(4, false));  // its text stays text
  // Counter-example: the same box ruled into two columns is a table.
  box.push_back(V(200, 100, 160));
  EXPECT_EQ(BuildTables(box, glyphs, {}, 612, 792, &in_table).size(), 1u);
}

// Issue 12: ReportLab lets 。、， hang past a cell's right rule (up to a whole
// em); placed by their centre they moved into the next column: a level
// became '', S12 became 資料庫、、作業系統.
TEST(TableBuilder, HangingPunctuationStaysInItsCell) {
  std::vector<Ruling> rulings = {H(0, 0, 200), H(20, 0, 200), V(0, 0, 20), V(100, 0, 20), V(200, 0, 20)};
  auto wide = [](const std::string& text, double x) {
    Glyph g = G(text, x, 5);
    g.bbox.x1 = x + 10;
    return g;
  };
  // Column 0: 資料庫、 with 、 hanging 7 pt past the rule at x=100; then 。
  // starting exactly on the rule. Column 1: 作業 and a mid-line ，.
  std::vector<Glyph> glyphs = {wide("資", 67), wide("料", 77), wide("庫", 87), wide("、", 97),
                               wide("作", 104), wide("，", 114), wide("業", 124)};
  std::vector<Glyph> second_line = {wide("系", 80), wide("統", 90), wide("。", 100)};
  for (Glyph g : second_line) {
    g.bbox.y0 += 8, g.bbox.y1 += 8;
    glyphs.push_back(g);
  }
  std::vector<bool> in_table;
  std::vector<Table> tables = BuildTables(rulings, glyphs, {}, 612, 792, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_NE(CellAt(tables[0], 0, 0), nullptr);
  ASSERT_NE(CellAt(tables[0], 0, 1), nullptr);
  EXPECT_EQ(CellAt(tables[0], 0, 0)->text, "資料庫、系統。");
  EXPECT_EQ(CellAt(tables[0], 0, 1)->text, "作，業");  // a glyph that may begin a line goes by its centre
}

}  // namespace
}  // namespace docpipe
