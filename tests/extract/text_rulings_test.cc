// Rules a ruled grid leaves to its text (extract/text_rulings.h), through
// BuildTables: what a user sees is the table's grid.
#include "extract/text_rulings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/table_builder.h"
#include "tests/extract/word_glyphs.h"

namespace docpipe {
namespace {

Ruling H(double y, double x0, double x1) { return {true, y, x0, x1}; }
Ruling V(double x, double y0, double y1) { return {false, x, y0, y1}; }

const Cell* CellAt(const Table& table, int row, int col) {
  for (const Cell& cell : table.cells) {
    if (cell.row == row && cell.col == col) return &cell;
  }
  return nullptr;
}

// A header row (y 0..20) and one ruled body row (y 20..80) over three
// columns (x 0, 150, 300, 450).
std::vector<Ruling> HeaderAndOneBodyRow() {
  return {H(0, 0, 450), H(20, 0, 450), H(80, 0, 450), V(0, 0, 80), V(150, 0, 80), V(300, 0, 80), V(450, 0, 80)};
}

std::vector<Table> Build(const std::vector<Ruling>& rulings, const std::vector<Glyph>& glyphs) {
  std::vector<bool> in_table;
  return BuildTables(rulings, glyphs, {}, 612, 792, &in_table);
}

TEST(TextRulings, BodyRowsSharingOneRuledRowAreSplitAtTheirBaselines) {
  // us-008: "3-year-olds / 4-year-olds / Total" next to their numbers, all
  // in one ruled row.
  std::vector<Glyph> g;
  Word("Age", 5, 15, &g), Word("Head", 155, 15, &g), Word("Control", 305, 15, &g);
  const char* labels[] = {"3-year", "4-year", "Total"};
  const char* a[] = {"1,530", "1,253", "2,783"};
  const char* b[] = {"1,029", "855", "1,884"};
  for (int k = 0; k < 3; ++k) {
    double y = 35 + 15 * k;
    Word(labels[k], 5, y, &g), Word(a[k], 200, y, &g), Word(b[k], 350, y, &g);
  }
  std::vector<Table> tables = Build(HeaderAndOneBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 4);
  EXPECT_EQ(tables[0].cols, 3);
  EXPECT_EQ(CellAt(tables[0], 2, 0)->text, "4-year");
  EXPECT_EQ(CellAt(tables[0], 2, 2)->text, "855");
  EXPECT_EQ(CellAt(tables[0], 3, 1)->text, "2,783");
  EXPECT_EQ(tables[0].ruling, TableRuling::kPartial);
}

TEST(TextRulings, TextLinesWithoutAColumnOfNumbersKeepTheirRow) {
  // Counter-example: both cells hold two lines on the same baselines, but
  // no column of numbers shows that the lines are separate entries.
  std::vector<Glyph> g;
  Word("Age", 5, 15, &g), Word("Head", 155, 15, &g), Word("Control", 305, 15, &g);
  Word("aaaaaaaaaaaaaaaaaaaaaaaaaaa", 5, 35, &g), Word("bbb", 5, 50, &g);
  Word("ccccccccccccccccccccccccccc", 155, 35, &g), Word("ddd", 155, 50, &g);
  std::vector<Table> tables = Build(HeaderAndOneBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 2);
  EXPECT_EQ(CellAt(tables[0], 1, 0)->text, "aaaaaaaaaaaaaaaaaaaaaaaaaaa bbb");
  EXPECT_EQ(tables[0].ruling, TableRuling::kFull);
}

TEST(TextRulings, AWrappedDescriptionNextToTwoAmountsStaysOneRow) {
  // Counter-example (tabula-java's award list): a description wrapped over
  // three lines at the cell's edge, two amounts on its first and last line.
  std::vector<Glyph> g;
  Word("Item", 5, 15, &g), Word("Amount", 155, 15, &g), Word("Note", 305, 15, &g);
  for (int k = 0; k < 3; ++k) {
    double y = 35 + 15 * k;
    Word("Procurement", 5, y, &g), Word("of", 65, y, &g), Word("vehicles", 80, y, &g), Word("for", 125, y, &g);
  }
  Word("62,785,105", 160, 35, &g), Word("11,200", 160, 65, &g);
  std::vector<Table> tables = Build(HeaderAndOneBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 2);
  EXPECT_EQ(CellAt(tables[0], 1, 1)->text, "62,785,105 11,200");
}

TEST(TextRulings, CellsWithDifferentLineCountsKeepTheirRow) {
  // Counter-example: a label of one line next to a three-line note.
  std::vector<Glyph> g;
  Word("Age", 5, 15, &g), Word("Head", 155, 15, &g), Word("Control", 305, 15, &g);
  Word("Label", 5, 50, &g);
  Word("one", 155, 35, &g), Word("two", 155, 50, &g), Word("three", 155, 65, &g);
  std::vector<Table> tables = Build(HeaderAndOneBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 2);
}

TEST(TextRulings, TwoColumnsOfValuesInOneRuledCellAreSplit) {
  // us-033: "Male" and "Female" values share the ruled cell of their group;
  // the group's header spans both.
  std::vector<Glyph> g;
  Word("Age", 5, 15, &g), Word("Group", 155, 15, &g), Word("Total", 305, 15, &g);
  const char* ages[] = {"1-2", "3-5", "6-11"};
  for (int k = 0; k < 3; ++k) {
    double y = 35 + 15 * k;
    Word(ages[k], 5, y, &g), Word("1,087", 160, y, &g), Word("1,022", 230, y, &g), Word("3,350", 350, y, &g);
  }
  std::vector<Table> tables = Build(HeaderAndOneBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(t.cols, 4);
  EXPECT_EQ(t.rows, 4);
  ASSERT_NE(CellAt(t, 0, 1), nullptr);
  EXPECT_EQ(CellAt(t, 0, 1)->text, "Group");
  EXPECT_EQ(CellAt(t, 0, 1)->col_span, 2);
  EXPECT_EQ(CellAt(t, 1, 2)->text, "1,022");
  EXPECT_EQ(CellAt(t, 3, 3)->text, "3,350");
}

// A label column (x 0..150) drawn as one tall cell beside a value column
// ruled into `rows` rows of 15 pt from y 20 (us-009).
std::vector<Ruling> LabelColumnWithoutRowRules(int rows) {
  const double bottom = 20 + 15 * rows;
  std::vector<Ruling> r = {H(0, 0, 300), H(20, 0, 300), V(0, 0, bottom), V(150, 0, bottom), V(300, 0, bottom)};
  for (int k = 1; k <= rows; ++k) r.push_back(H(20 + 15 * k, k == rows ? 0 : 150, 300));
  return r;
}

TEST(TextRulings, ALabelColumnWithoutRowRulesIsCutAtItsNeighboursRows) {
  std::vector<Glyph> g;
  Word("Category", 5, 15, &g), Word("Cost", 155, 15, &g);
  const char* labels[] = {"Salaries", "Fringe", "Travel"};
  const char* values[] = {"1,314", "352", "26"};
  for (int k = 0; k < 3; ++k) {
    double y = 32 + 15 * k;
    Word(labels[k], 5, y, &g), Word(values[k], 200, y, &g);
  }
  std::vector<Table> tables = Build(LabelColumnWithoutRowRules(3), g);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows, 4);
  ASSERT_NE(CellAt(tables[0], 2, 0), nullptr);
  EXPECT_EQ(CellAt(tables[0], 2, 0)->text, "Fringe");
  EXPECT_EQ(CellAt(tables[0], 2, 0)->row_span, 1);
  EXPECT_EQ(CellAt(tables[0], 3, 1)->text, "26");
}

TEST(TextRulings, AMergedLabelOffItsNeighboursBaselinesKeepsItsSpan) {
  // Counter-example: a merged label over three rows, its three lines set
  // closer than the rows (centred), off the neighbours' baselines.
  std::vector<Glyph> g;
  Word("Duty", 5, 15, &g), Word("Task", 155, 15, &g);
  for (int k = 0; k < 3; ++k) Word("task", 200, 32 + 15 * k, &g);
  for (int k = 0; k < 3; ++k) Word("label", 5, 37 + 6 * k, &g);
  std::vector<Table> tables = Build(LabelColumnWithoutRowRules(3), g);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_NE(CellAt(tables[0], 1, 0), nullptr);
  EXPECT_EQ(CellAt(tables[0], 1, 0)->row_span, 3);
}

TEST(TextRulings, RunningTextAndLetterSpacedLabelsInACellAreNotColumns) {
  // Counter-examples: lines of words set a normal space apart, and lines of
  // single letters at one pitch (letter-spaced labels), in one cell each.
  std::vector<Glyph> g;
  Word("Age", 5, 15, &g), Word("Head", 155, 15, &g), Word("Control", 305, 15, &g);
  for (int k = 0; k < 3; ++k) {
    double y = 35 + 15 * k;
    Word("word", 5, y, &g), Word("word", 28, y, &g), Word("word", 51, y, &g);
    Word("A", 160, y, &g), Word("B", 180, y, &g), Word("C", 200, y, &g);
  }
  Word("x", 305, 35, &g);
  std::vector<Table> tables = Build(HeaderAndOneBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].cols, 3);
  EXPECT_EQ(tables[0].rows, 2);
}

// A header row (y 0..20) and one ruled body row (y 20..150) over three
// columns (x 0, 150, 300, 450).
std::vector<Ruling> HeaderAndOneTallBodyRow() {
  return {H(0, 0, 450), H(20, 0, 450), H(150, 0, 450), V(0, 0, 150), V(150, 0, 150), V(300, 0, 150), V(450, 0, 150)};
}

TEST(TextRulings, RowsSetApartByBlankLinesInOneRuledRowAreSplit) {
  // us-032: a group label, then "Major" and "Area", each beside a
  // three-line definition and two lines of examples (lines 13 pt apart), a
  // blank line between them, all under one pair of rules.
  std::vector<Glyph> g;
  Word("Source", 5, 15, &g), Word("Definition", 155, 15, &g), Word("Examples", 305, 15, &g);
  Word("Group:", 5, 35, &g);
  Word("Major", 5, 65, &g);
  for (int k = 0; k < 3; ++k) Word("tons", 155, 65 + 13 * k, &g);
  for (int k = 0; k < 2; ++k) Word("plants", 305, 65 + 13 * k, &g);
  Word("Area", 5, 115, &g);
  for (int k = 0; k < 3; ++k) Word("less", 155, 115 + 13 * k, &g);
  for (int k = 0; k < 2; ++k) Word("shops", 305, 115 + 13 * k, &g);
  std::vector<Table> tables = Build(HeaderAndOneTallBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows, 4);
  EXPECT_EQ(tables[0].cols, 3);
  EXPECT_EQ(CellAt(tables[0], 1, 0)->text, "Group:");
  EXPECT_EQ(CellAt(tables[0], 1, 1)->text, "");
  EXPECT_EQ(CellAt(tables[0], 2, 0)->text, "Major");
  EXPECT_EQ(CellAt(tables[0], 2, 1)->text, "tons tons tons");
  EXPECT_EQ(CellAt(tables[0], 3, 0)->text, "Area");
  EXPECT_EQ(CellAt(tables[0], 3, 2)->text, "shops shops");
  EXPECT_EQ(tables[0].ruling, TableRuling::kPartial);
}

TEST(TextRulings, ASecondParagraphBesideAOneLineLabelKeepsItsRow) {
  // Counter-example: two paragraphs in one cell, a blank line between, next
  // to a label of one line: the label's cell has no text beside the second.
  std::vector<Glyph> g;
  Word("Source", 5, 15, &g), Word("Definition", 155, 15, &g), Word("Examples", 305, 15, &g);
  Word("Major", 5, 35, &g);
  for (int k = 0; k < 3; ++k) Word("tons", 155, 35 + 13 * k, &g), Word("plants", 305, 35 + 13 * k, &g);
  for (int k = 0; k < 3; ++k) Word("more", 155, 85 + 13 * k, &g), Word("shops", 305, 85 + 13 * k, &g);
  std::vector<Table> tables = Build(HeaderAndOneTallBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 2);
}

TEST(TextRulings, DoubleSpacedLinesInOneRuledRowAreNotCut) {
  // Counter-example: every line 20 pt from the next (a blank line's worth
  // between all of them), a label wrapped over three lines beside a text:
  // no gap is wider than the others.
  std::vector<Glyph> g;
  Word("Source", 5, 15, &g), Word("Definition", 155, 15, &g), Word("Examples", 305, 15, &g);
  for (int k = 0; k < 3; ++k) Word("label", 5, 35 + 20 * k, &g), Word("text", 155, 35 + 20 * k, &g);
  std::vector<Table> tables = Build(HeaderAndOneTallBodyRow(), g);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 2);
}

}  // namespace
}  // namespace docpipe
