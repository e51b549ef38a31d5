#include "extract/aligned_table_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docpipe {
namespace {

Ruling H(double y, double x0, double x1) { return {true, y, x0, x1}; }

// Glyphs of one word set at (x, baseline y), 10 pt, 5 pt per character.
void Word(const std::string& text, double x, double y, int word, std::vector<Glyph>* glyphs) {
  for (char ch : text) {
    Glyph g;
    g.text = std::string(1, ch);
    g.bbox = {x, y - 8, x + 5, y + 2};
    g.size = 10;
    g.baseline = y;
    g.word = word;
    glyphs->push_back(g);
    x += 5;
  }
}

const Cell* CellAt(const Table& table, int row, int col) {
  for (const Cell& cell : table.cells) {
    if (cell.row == row && cell.col == col) return &cell;
  }
  return nullptr;
}

// A booktabs table: top rule, header, rule, three body rows, bottom rule;
// columns at x 100 (labels), 250 and 350 (numbers).
std::vector<Glyph> BooktabsGlyphs() {
  std::vector<Glyph> g;
  int w = 0;
  Word("Group", 100, 115, ++w, &g);
  Word("2007", 250, 115, ++w, &g);
  Word("2009", 350, 115, ++w, &g);
  Word("Male", 100, 140, ++w, &g);
  Word("61", 255, 140, ++w, &g);
  Word("62", 355, 140, ++w, &g);
  Word("Female", 100, 155, ++w, &g);
  Word("49", 255, 155, ++w, &g);
  Word("51", 355, 155, ++w, &g);
  Word("Total", 100, 170, ++w, &g);
  Word("110", 250, 170, ++w, &g);
  Word("113", 350, 170, ++w, &g);
  return g;
}

std::vector<Ruling> BooktabsRules() { return {H(100, 90, 400), H(122, 90, 400), H(180, 90, 400)}; }

TEST(AlignedTableBuilder, HorizontalRulesOnlyGiveColumnsFromTextAlignment) {
  std::vector<Glyph> glyphs = BooktabsGlyphs();
  std::vector<bool> in_table(glyphs.size(), false);
  std::vector<Table> tables = BuildAlignedTables(BooktabsRules(), {}, glyphs, {}, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(t.ruling, TableRuling::kPartial);
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(t.cells.size(), 12u);  // the full grid
  EXPECT_EQ(CellAt(t, 0, 1)->text, "2007");
  EXPECT_EQ(CellAt(t, 2, 0)->text, "Female");
  EXPECT_EQ(CellAt(t, 3, 2)->text, "113");
  EXPECT_EQ(in_table, std::vector<bool>(glyphs.size(), true));
}

TEST(AlignedTableBuilder, AHeaderOverTwoColumnsSpansThem) {
  std::vector<Glyph> glyphs = BooktabsGlyphs();
  Word("Housing", 250, 108, 100, &glyphs);  // over both year columns
  Word("units", 290, 108, 101, &glyphs);
  Word("in", 320, 108, 102, &glyphs);
  Word("need", 335, 108, 103, &glyphs);
  std::vector<Ruling> rules = {H(98, 90, 400), H(122, 90, 400), H(180, 90, 400)};
  std::vector<bool> in_table(glyphs.size(), false);
  std::vector<Table> tables = BuildAlignedTables(rules, {}, glyphs, {}, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  const Cell* header = CellAt(tables[0], 0, 1);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->text, "Housing units in need");
  EXPECT_EQ(header->col_span, 2);
}

TEST(AlignedTableBuilder, AWrappedRowLabelStaysInItsRow) {
  std::vector<Glyph> glyphs = BooktabsGlyphs();
  Word("Alaska", 105, 163, 200, &glyphs);  // hanging indent under "Female"
  std::vector<Ruling> rules = BooktabsRules();
  // Move "Total" down so the wrapped line fits between the rows.
  for (Glyph& g : glyphs) {
    if (g.baseline == 170) {
      g.baseline = 175;
      g.bbox.y0 += 5;
      g.bbox.y1 += 5;
    }
  }
  std::vector<bool> in_table(glyphs.size(), false);
  std::vector<Table> tables = BuildAlignedTables(rules, {}, glyphs, {}, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 4);
  EXPECT_EQ(CellAt(tables[0], 2, 0)->text, "Female Alaska");
}

TEST(AlignedTableBuilder, RowRulesBrokenAtAColumnGapAreOneRule) {
  // us-011a: every rule is drawn in two pieces with a 3 pt gap at the last
  // column; the pieces have different extents, each alone too narrow.
  std::vector<Ruling> rules;
  for (double y : {100.0, 122.0, 180.0}) {
    rules.push_back(H(y, 90, 330));
    rules.push_back(H(y, 333, 400));
  }
  std::vector<Glyph> glyphs = BooktabsGlyphs();
  std::vector<bool> in_table(glyphs.size(), false);
  std::vector<Table> tables = BuildAlignedTables(rules, {}, glyphs, {}, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].cols, 3);
  EXPECT_EQ(CellAt(tables[0], 3, 2)->text, "113");
}

TEST(AlignedTableBuilder, RunningTextBetweenRulesIsNotATable) {
  // A rule under a running header and one over the footnotes, with a
  // paragraph between them: one wide chunk per line.
  std::vector<Glyph> glyphs;
  for (int line = 0; line < 5; ++line) {
    for (int word = 0; word < 8; ++word) {
      Word("lorem", 100 + word * 28 + line * 3, 120 + line * 14, line * 10 + word, &glyphs);  // word spaces of 0.3 em
    }
  }
  std::vector<Ruling> rules = {H(100, 90, 400), H(200, 90, 400)};
  std::vector<bool> in_table(glyphs.size(), false);
  EXPECT_TRUE(BuildAlignedTables(rules, {}, glyphs, {}, &in_table).empty());
  EXPECT_EQ(in_table, std::vector<bool>(glyphs.size(), false));
}

TEST(AlignedTableBuilder, AFewLetterSpacedLabelsInATextBlockAreNotColumns) {
  // A colophon between two rules: many one-chunk lines, two with a
  // letter-spaced label ("印  刷：...") that looks like two chunks.
  std::vector<Glyph> glyphs;
  int w = 0;
  for (int line = 0; line < 8; ++line) Word("Address:12", 100, 115 + line * 14, ++w, &glyphs);
  Word("P", 100, 230, ++w, &glyphs);
  Word("rinter:X", 130, 230, ++w, &glyphs);
  Word("P", 100, 244, ++w, &glyphs);
  Word("rice:50", 130, 244, ++w, &glyphs);
  std::vector<Ruling> rules = {H(100, 90, 400), H(260, 90, 400)};
  std::vector<bool> in_table(glyphs.size(), false);
  EXPECT_TRUE(BuildAlignedTables(rules, {}, glyphs, {}, &in_table).empty());
}

// A table of four columns (x 100, 250, 350, 450) and `body` data rows, under
// a header line of three chunks whose middle one ("Housing units in need",
// x 250..355) reaches across the gap between the columns at 250 and 350.
std::vector<Glyph> GroupHeaderGlyphs(int body, int crossing_rows) {
  std::vector<Glyph> g;
  int w = 0;
  Word("Group", 100, 115, ++w, &g);
  Word("Housing", 250, 115, ++w, &g);
  Word("units", 290, 115, ++w, &g);
  Word("in", 320, 115, ++w, &g);
  Word("need", 335, 115, ++w, &g);
  Word("Total", 450, 115, ++w, &g);
  for (int r = 0; r < body; ++r) {
    double y = 140 + 14 * r;
    Word("Row" + std::to_string(r), 100, y, ++w, &g);
    if (r < crossing_rows) {
      Word("one-value-across-the-gap", 255, y, ++w, &g);  // 255..375: crosses the gap
    } else {
      Word("61", 255, y, ++w, &g);
      Word("62", 355, y, ++w, &g);
    }
    Word("123", 450, y, ++w, &g);
  }
  return g;
}

TEST(AlignedTableBuilder, AGroupHeaderCrossingAColumnGapDoesNotMergeTheColumns) {
  // us-024 page 5: "Rodent seen in unit recently" over two columns is one of
  // three chunks on its line, so it counts as a data line; it alone must not
  // close the gap that every body row leaves open.
  std::vector<Glyph> glyphs = GroupHeaderGlyphs(8, 0);
  std::vector<Ruling> rules = {H(100, 90, 480), H(125, 90, 480), H(260, 90, 480)};
  std::vector<bool> in_table(glyphs.size(), false);
  std::vector<Table> tables = BuildAlignedTables(rules, {}, glyphs, {}, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].cols, 4);
  const Cell* header = CellAt(tables[0], 0, 1);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->text, "Housing units in need");
  EXPECT_EQ(header->col_span, 2);
  EXPECT_EQ(CellAt(tables[0], 1, 2)->text, "62");
}

TEST(AlignedTableBuilder, AGapCrossedByManyRowsIsNoColumnGap) {
  // Counter-example: when a third of the rows run across the gap, the two
  // columns are one.
  std::vector<Glyph> glyphs = GroupHeaderGlyphs(8, 3);
  std::vector<Ruling> rules = {H(100, 90, 480), H(125, 90, 480), H(260, 90, 480)};
  std::vector<bool> in_table(glyphs.size(), false);
  std::vector<Table> tables = BuildAlignedTables(rules, {}, glyphs, {}, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].cols, 3);
}

TEST(AlignedTableBuilder, NotesAndATitleBetweenTwoTablesKeepThemTwo) {
  // us-019 page 4: two tables of one width, one under the other; between the
  // first one's bottom rule and the second one's top rule, its notes and the
  // next title: short text lines, none split into columns.
  std::vector<Glyph> glyphs = BooktabsGlyphs();
  std::vector<Glyph> second = BooktabsGlyphs();
  for (Glyph& g : second) {
    g.bbox.y0 += 140, g.bbox.y1 += 140, g.baseline += 140;
    g.word += 1000;
  }
  glyphs.insert(glyphs.end(), second.begin(), second.end());
  int w = 2000;
  for (double y : {195.0, 207.0, 219.0, 231.0}) {
    Word("Source", 100, y, ++w, &glyphs);
    Word("data", 133, y, ++w, &glyphs);
  }
  std::vector<Ruling> rules = BooktabsRules();
  for (double y : {240.0, 262.0, 320.0}) rules.push_back(H(y, 90, 400));
  std::vector<bool> in_table(glyphs.size(), false);
  std::vector<Table> tables = BuildAlignedTables(rules, {}, glyphs, {}, &in_table);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].rows, 4);
  EXPECT_EQ(tables[1].rows, 4);
}

TEST(AlignedTableBuilder, AOneLineGroupHeaderBetweenRulesStaysInTheTable) {
  // Counter-example: a band of one unsplit line ("Enrollment, in
  // thousands") between two rules of one table is part of it.
  std::vector<Glyph> glyphs = BooktabsGlyphs();
  for (Glyph& g : glyphs) {
    if (g.baseline >= 140) g.bbox.y0 += 30, g.bbox.y1 += 30, g.baseline += 30;
  }
  Word("Enrollment", 150, 140, 500, &glyphs);
  std::vector<Ruling> rules = {H(100, 90, 400), H(122, 90, 400), H(150, 90, 400), H(210, 90, 400)};
  std::vector<bool> in_table(glyphs.size(), false);
  std::vector<Table> tables = BuildAlignedTables(rules, {}, glyphs, {}, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 5);
}

TEST(AlignedTableBuilder, RulesInsideARuledGridAreLeftToIt) {
  std::vector<Glyph> glyphs = BooktabsGlyphs();
  Table grid;
  grid.bbox = {90, 100, 400, 180};
  std::vector<bool> in_table(glyphs.size(), false);
  EXPECT_TRUE(BuildAlignedTables(BooktabsRules(), {grid}, glyphs, {}, &in_table).empty());
}

}  // namespace
}  // namespace docpipe
