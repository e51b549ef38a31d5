// Rules drawn as fills (extract/fill_rulings.h): the rulings a page's fills
// give, and through BuildTables the grid a user sees.
#include "extract/fill_rulings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/ruling_detector.h"
#include "extract/table_builder.h"
#include "tests/extract/word_glyphs.h"

namespace docpipe {
namespace {

constexpr double kPageWidth = 612, kPageHeight = 792;

FillRect Fill(double x0, double y0, double x1, double y1, unsigned rgb = 0xd3dfee) { return {{x0, y0, x1, y1}, rgb}; }

std::vector<Table> Tables(const std::vector<FillRect>& fills, const std::vector<Glyph>& glyphs) {
  std::vector<Ruling> rulings = WithFillRulings(fills, glyphs, {}, kPageWidth, kPageHeight);
  std::vector<bool> in_table;
  return BuildTables(rulings, glyphs, {}, kPageWidth, kPageHeight, &in_table);
}

const Cell* CellAt(const Table& table, int row, int col) {
  for (const Cell& cell : table.cells) {
    if (cell.row == row && cell.col == col) return &cell;
  }
  return nullptr;
}

bool Same(const std::vector<Ruling>& a, const std::vector<Ruling>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].horizontal != b[i].horizontal || a[i].pos != b[i].pos || a[i].start != b[i].start || a[i].end != b[i].end) {
      return false;
    }
  }
  return true;
}

int Count(const std::vector<Ruling>& rules, bool horizontal) {
  int n = 0;
  for (const Ruling& r : rules) n += r.horizontal == horizontal;
  return n;
}

TEST(FillRulings, ShadedCellsWithWhiteGapsAreAGrid) {
  // us-011a: every cell its own fill (dark label column, light value
  // column, each cell with an inner margin fill of its colour), 2-3 pt of
  // white between them, no drawn rule.
  std::vector<FillRect> fills;
  std::vector<Glyph> g;
  const char* labels[] = {"Program", "Data.gov", "Total"};
  const char* values[] = {"Budget", "$0.9M", "$8M"};
  for (int r = 0; r < 3; ++r) {
    const double y0 = 100 + 29 * r, y1 = y0 + 26;
    fills.push_back(Fill(81, y0, 462.4, y1, 0x4f82bd));
    fills.push_back(Fill(86, y0, 458.6, y1, 0x4f82bd));
    fills.push_back(Fill(464.3, y0, 531, y1, r == 0 ? 0x4f82bd : 0xa7bfde));
    Word(labels[r], 90, y0 + 16, &g);
    Word(values[r], 470, y0 + 16, &g);
  }
  std::vector<Table> tables = Tables(fills, g);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 3);
  ASSERT_EQ(tables[0].cols, 2);
  EXPECT_EQ(CellAt(tables[0], 1, 0)->text, "Data.gov");
  EXPECT_EQ(CellAt(tables[0], 2, 1)->text, "$8M");
}

TEST(FillRulings, ACellDrawnAsOneStripePerLineIsOneBlock) {
  // us-032: a shaded label cell drawn as one stripe per text line, the
  // stripes touching: one block, and alone it is no table.
  std::vector<FillRect> fills;
  for (int k = 0; k < 8; ++k) fills.push_back(Fill(149.4, 238.4 + 11.5 * k, 234.4, 249.9 + 11.5 * k, 0xccffcc));
  std::vector<Glyph> g;
  Word("Major", 190, 270, &g);
  EXPECT_TRUE(WithFillRulings(fills, g, {}, kPageWidth, kPageHeight).empty());
}

TEST(FillRulings, AShadedTextBoxIsNoTable) {
  // Counter-examples: one shaded box behind a paragraph; a coloured title
  // bar on top of a shaded box (two blocks, one gap).
  std::vector<Glyph> g;
  for (int k = 0; k < 4; ++k) Word("some running text of the box", 80, 120 + 13 * k, &g);
  EXPECT_TRUE(WithFillRulings({Fill(72, 100, 540, 180)}, g, {}, kPageWidth, kPageHeight).empty());
  EXPECT_TRUE(WithFillRulings({Fill(72, 80, 540, 98, 0x1f3864), Fill(72, 100, 540, 180)}, g, {}, kPageWidth, kPageHeight)
                  .empty());
}

TEST(FillRulings, APageBackgroundIsNotACell) {
  // Counter-example: a tinted page with two shaded boxes on it: the page's
  // fill is a background, and two boxes are no table.
  std::vector<FillRect> fills = {Fill(0, 0, kPageWidth, kPageHeight, 0xfff8e0), Fill(72, 100, 300, 180),
                                 Fill(302, 100, 540, 180)};
  std::vector<Glyph> g;
  Word("left", 80, 130, &g), Word("right", 310, 130, &g);
  EXPECT_TRUE(WithFillRulings(fills, g, {}, kPageWidth, kPageHeight).empty());
}

TEST(FillRulings, ShadedRowBandsMarkTheRows) {
  // Every other row shaded, white rows between: each band's top and bottom
  // is a row rule; no column rule (the columns are the text's to say).
  std::vector<FillRect> fills;
  std::vector<Glyph> g;
  for (int r = 0; r < 6; ++r) {
    const double y0 = 100 + 16 * r;
    if (r % 2 == 0) fills.push_back(Fill(72, y0, 540, y0 + 16, 0xe0e0e0));
    Word("2005", 80, y0 + 12, &g), Word("5,432", 300, y0 + 12, &g);
  }
  std::vector<Ruling> rules = WithFillRulings(fills, g, {}, kPageWidth, kPageHeight);
  EXPECT_EQ(Count(rules, true), 6);
  EXPECT_EQ(Count(rules, false), 0);
}

TEST(FillRulings, AFillAlongADrawnRuleAddsNothing) {
  // Shaded cells filled up to their drawn rules (the competency standards'
  // grey header cells): the drawn rules stay where they are, alone.
  std::vector<FillRect> fills;
  std::vector<Glyph> g;
  std::vector<Ruling> drawn;
  for (int c = 0; c < 3; ++c) {
    fills.push_back(Fill(72 + 100 * c + 0.5, 100.03, 172 + 100 * c - 0.5, 120.02, 0xd9d9d9));
    drawn.push_back({false, 72.0 + 100 * c, 100, 140});
  }
  drawn.push_back({false, 372, 100, 140});
  drawn.push_back({true, 100, 72, 372});
  drawn.push_back({true, 120, 72, 372});
  drawn.push_back({true, 140, 72, 372});
  EXPECT_TRUE(Same(WithFillRulings(fills, g, drawn, kPageWidth, kPageHeight), drawn));
}

TEST(FillRulings, AShadingEdgeAcrossADrawnGridsOpenSideIsNoRule) {
  // Counter-example (curriculum page 8): a grey header filled up to its
  // rules (three header cells on the left, touching: one block; over the
  // three on the right, one across them: two blocks). Under the first column the drawn grid has
  // no rule (that column is one merged cell down the page): the grey just
  // stops there, and the grid's own rules stay as they are.
  std::vector<FillRect> fills = {Fill(51.4, 56.9, 99.2, 117.9, 0xe6e6e6), Fill(99.4, 56.9, 163, 117.9, 0xe6e6e6),
                                 Fill(163.3, 56.9, 262.2, 117.9, 0xe6e6e6), Fill(262.4, 56.9, 544, 72.5, 0xe6e6e6),
                                 Fill(262.4, 72.7, 347.4, 117.9, 0xe6e6e6), Fill(347.7, 72.7, 439.6, 117.9, 0xe6e6e6),
                                 Fill(439.6, 72.7, 544, 117.9, 0xe6e6e6)};
  std::vector<Ruling> drawn = {{true, 56.8, 51.1, 544},    {true, 72.6, 262.2, 544},  {true, 118, 99.2, 544},
                               {true, 645.8, 51.1, 544},   {false, 51, 56.7, 645.8},  {false, 99, 56.7, 645.8},
                               {false, 162.9, 56.7, 645.8}, {false, 262.1, 56.7, 645.8}, {false, 543.9, 56.7, 645.8}};
  std::vector<Glyph> g;
  EXPECT_TRUE(Same(WithFillRulings(fills, g, drawn, kPageWidth, kPageHeight), drawn));
  // Without the drawn grid the same fills are a shaded header, ruled by
  // their edges.
  EXPECT_FALSE(WithFillRulings(fills, g, {}, kPageWidth, kPageHeight).empty());
}

TEST(FillRulings, ADrawnRuleStoppingShortOfAShadedCellReachesItsEdge) {
  // us-011a: row rules drawn in two pieces, the second starting a point
  // right of its shaded cell's edge; the fill's edge lengthens the piece to
  // the cell, at the drawn rule's position.
  std::vector<FillRect> fills;
  std::vector<Ruling> drawn;
  for (int r = 0; r < 3; ++r) {
    const double y0 = 100 + 29 * r, y1 = y0 + 26;
    fills.push_back(Fill(81, y0, 462.4, y1, 0x4f82bd));
    fills.push_back(Fill(464.3, y0, 531, y1, 0xa7bfde));
    drawn.push_back({true, y0 - 0.1, 81, 462.5});
    drawn.push_back({true, y0 - 0.1, 465.5, 531});
  }
  std::vector<Glyph> g;
  std::vector<Ruling> rulings = WithFillRulings(fills, g, drawn, kPageWidth, kPageHeight);
  ASSERT_GE(rulings.size(), drawn.size());
  EXPECT_DOUBLE_EQ(rulings[1].pos, drawn[1].pos);
  EXPECT_LE(rulings[1].start, 464.3);
  EXPECT_DOUBLE_EQ(rulings[1].end, 531);
}

TEST(FillRulings, TwoShadedBlocksWithWhiteBetweenAreNotBands) {
  // Counter-example: two shaded boxes of one width with a paragraph
  // between them: two are not an alternation.
  std::vector<Glyph> g;
  EXPECT_TRUE(WithFillRulings({Fill(72, 100, 540, 130), Fill(72, 160, 540, 190)}, g, {}, kPageWidth, kPageHeight).empty());
}

TEST(FillRulings, AGapUnderTextIsNoRule) {
  // A word set across the white gap between two shaded cells: the gap
  // there is no cell boundary; the other gaps are.
  std::vector<FillRect> fills = {Fill(72, 100, 300, 130), Fill(302, 100, 540, 130), Fill(72, 132, 300, 162),
                                 Fill(302, 132, 540, 162)};
  std::vector<Glyph> g;
  Word("across", 288, 120, &g);
  std::vector<Ruling> rules = WithFillRulings(fills, g, {}, kPageWidth, kPageHeight);
  bool under_text = false, below_text = false;
  for (const Ruling& r : rules) {
    if (r.horizontal || r.pos <= 300 || r.pos >= 302) continue;
    under_text = under_text || r.start < 120;
    below_text = below_text || r.start > 131;
  }
  EXPECT_FALSE(under_text);
  EXPECT_TRUE(below_text);
  EXPECT_EQ(Count(rules, true), 3);  // top, gap, bottom
}

}  // namespace
}  // namespace docpipe
