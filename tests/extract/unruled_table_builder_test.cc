// Tables without rules (extract/unruled_table_builder.h): found on strong
// evidence only.
#include "extract/unruled_table_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docpipe {
namespace {

// The glyphs of one word at (x, baseline y): 10 pt, 6 pt per character (a
// monospace font: a space is 0.6 em).
void Word(const std::string& text, double x, double y, std::vector<Glyph>* glyphs) {
  static int word = 0;
  ++word;
  for (char ch : text) {
    if (ch != ' ') {
      Glyph g;
      g.text = std::string(1, ch);
      g.bbox = {x, y - 8, x + 6, y + 2};
      g.size = 10;
      g.baseline = y;
      g.word = word;
      glyphs->push_back(g);
    }
    x += 6;
  }
}

std::vector<Table> Build(const std::vector<Glyph>& glyphs, std::vector<bool>* in_table) {
  in_table->assign(glyphs.size(), false);
  return BuildUnruledTables(glyphs, {}, in_table);
}

TEST(UnruledTables, AlignedRowsWithAColumnOfNumbersAreATable) {
  // us-033 page 2: "Age Group / Proportion", a blank line, seven rows; the
  // proportions centred under their header.
  std::vector<Glyph> g;
  Word("Age Group", 72, 100, &g), Word("Proportion", 150, 100, &g);
  const char* ages[] = {"20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80 +"};
  const char* values[] = {"0.2650", "0.2046", "0.1477", "0.1514", "0.1225", "0.0752", "0.0336"};
  for (int k = 0; k < 7; ++k) Word(ages[k], 72, 124 + 12 * k, &g), Word(values[k], 162, 124 + 12 * k, &g);
  std::vector<bool> in_table;
  std::vector<Table> tables = Build(g, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 8);
  ASSERT_EQ(tables[0].cols, 2);
  EXPECT_EQ(tables[0].ruling, TableRuling::kNone);
  EXPECT_EQ(tables[0].cells[1].text, "Proportion");
  EXPECT_EQ(tables[0].cells[14].text, "80 +");
  EXPECT_EQ(tables[0].cells[15].text, "0.0336");
  EXPECT_TRUE(in_table.front() && in_table.back());
}

TEST(UnruledTables, ATableOfContentsIsNotATable) {
  // Counter-example: titles left, page numbers flush right, rising.
  std::vector<Glyph> g;
  const char* titles[] = {"Introduction", "Methods", "Results", "Discussion", "References"};
  const int pages[] = {1, 4, 9, 15, 22};
  for (int k = 0; k < 5; ++k) {
    const std::string page = std::to_string(pages[k]);
    Word(titles[k], 72, 100 + 14 * k, &g), Word(page, 400 - 6.0 * static_cast<double>(page.size()), 100 + 14 * k, &g);
  }
  std::vector<bool> in_table;
  EXPECT_TRUE(Build(g, &in_table).empty());
}

TEST(UnruledTables, TwoColumnsOfTextAreNotATable) {
  // Counter-example: a page set in two columns; every line splits at the
  // gutter, aligned, but no column holds numbers.
  std::vector<Glyph> g;
  for (int k = 0; k < 8; ++k) Word("some words of running text", 72, 100 + 12 * k, &g), Word("more running text here", 320, 100 + 12 * k, &g);
  std::vector<bool> in_table;
  EXPECT_TRUE(Build(g, &in_table).empty());
}

TEST(UnruledTables, ThreeLinesAreNotEnough) {
  std::vector<Glyph> g;
  Word("Year", 72, 100, &g), Word("Count", 150, 100, &g);
  Word("2005", 72, 112, &g), Word("28", 150, 112, &g);
  Word("2006", 72, 124, &g), Word("25", 150, 124, &g);
  std::vector<bool> in_table;
  EXPECT_TRUE(Build(g, &in_table).empty());
}

TEST(UnruledTables, NumbersOutOfAlignmentAreNotATable) {
  // Counter-example: a label and a number on each line, but the numbers
  // wander (no left, right or centre edge in common): running text with
  // figures, not a column.
  std::vector<Glyph> g;
  for (int k = 0; k < 6; ++k) Word("item", 72, 100 + 12 * k, &g), Word("1234", 130 + 25 * k, 100 + 12 * k, &g);
  std::vector<bool> in_table;
  EXPECT_TRUE(Build(g, &in_table).empty());
}

}  // namespace
}  // namespace docpipe
