// Chart axes (extract/chart_axes.h): a rule with tick marks tells a chart
// from a table; counter-examples are the short strokes a table does draw.
#include "extract/chart_axes.h"

#include <gtest/gtest.h>

#include <vector>

namespace docpipe {
namespace {

PathSegment H(double y, double x0, double x1) { return {x0, y, x1, y}; }
PathSegment V(double x, double y0, double y1) { return {x, y0, x, y1}; }

// An x axis from x 100 to 500 at y 400 with `ticks` strokes of `length`
// hanging below it every 40 pt from x 110 (ICDAR eu-027 page 2).
std::vector<PathSegment> XAxis(int ticks, double length = 4.5) {
  std::vector<PathSegment> segments{H(400, 100, 500)};
  for (int k = 0; k < ticks; ++k) segments.push_back(V(110 + 40 * k, 400, 400 + length));
  return segments;
}

std::vector<Ruling> Detect(const std::vector<PathSegment>& segments) {
  return FindChartAxes(segments, DetectRulings(segments));
}

TEST(ChartAxes, ARuleWithEvenTicksOnOneSideIsAnAxis) {
  std::vector<Ruling> axes = Detect(XAxis(10));
  ASSERT_EQ(axes.size(), 1u);
  EXPECT_TRUE(axes[0].horizontal);
  EXPECT_DOUBLE_EQ(axes[0].pos, 400);
  // Ticks set left of a plot's frame, shorter than detected rules (ICDAR
  // eu-012 page 3: 2.9 pt strokes every 25.7 pt).
  std::vector<PathSegment> frame{H(120, 111, 495), H(250, 111, 495), V(111, 120, 250), V(495, 120, 250)};
  for (int k = 0; k < 6; ++k) frame.push_back(H(120 + 26 * k, 108.1, 111));
  axes = Detect(frame);
  ASSERT_EQ(axes.size(), 1u);
  EXPECT_FALSE(axes[0].horizontal);
  EXPECT_DOUBLE_EQ(axes[0].pos, 111);
  // Ticks crossing the axis count as well.
  std::vector<PathSegment> crossing{H(400, 100, 500)};
  for (int k = 0; k < 5; ++k) crossing.push_back(V(120 + 50 * k, 397, 403));
  EXPECT_EQ(Detect(crossing).size(), 1u);
}

TEST(ChartAxes, TooFewOrUnevenStrokesAreNoAxis) {
  EXPECT_TRUE(Detect(XAxis(2)).empty());
  std::vector<PathSegment> uneven{H(400, 100, 500), V(110, 400, 404), V(130, 400, 404), V(260, 400, 404),
                                  V(290, 400, 404), V(470, 400, 404)};
  EXPECT_TRUE(Detect(uneven).empty());
  // Strokes longer than a line of text are a table's column rules.
  EXPECT_TRUE(Detect(XAxis(10, 14)).empty());
  // Ticks split between both sides of the rule, two and two.
  std::vector<PathSegment> split{H(400, 100, 500), V(110, 400, 404), V(150, 396, 400), V(190, 400, 404),
                                 V(230, 396, 400)};
  EXPECT_TRUE(Detect(split).empty());
}

// A ruled table whose last row is a thin spacer (5 pt): its column borders
// are short strokes on the rule above, evenly spaced, but each ends on the
// rule below. Not an axis.
TEST(ChartAxes, ColumnBordersOfAThinRowAreNoTicks) {
  std::vector<PathSegment> table{H(100, 100, 500), H(120, 100, 500), H(140, 100, 500), H(145, 100, 500)};
  for (int c = 0; c <= 5; ++c) {
    table.push_back(V(100 + 80 * c, 100, 120));
    table.push_back(V(100 + 80 * c, 120, 140));
    table.push_back(V(100 + 80 * c, 140, 145));
  }
  EXPECT_TRUE(Detect(table).empty());
}

// Dashed column rules drawn dash by dash under a header rule: the first
// dashes meet the rule at even steps, but each goes on in line with the
// next dash. Not an axis.
TEST(ChartAxes, DashedRulesAreNoTicks) {
  std::vector<PathSegment> dashed{H(100, 100, 500)};
  for (int c = 1; c <= 4; ++c) {
    for (double y = 100; y < 200; y += 6) dashed.push_back(V(100 + 80 * c, y, y + 3));
  }
  EXPECT_TRUE(Detect(dashed).empty());
  // The same dashes drawn twice over are still dashes.
  std::vector<PathSegment> twice = dashed;
  twice.insert(twice.end(), dashed.begin() + 1, dashed.end());
  EXPECT_TRUE(Detect(twice).empty());
  // And a tick drawn twice is still a tick.
  std::vector<PathSegment> ticks = XAxis(5);
  std::vector<PathSegment> again = ticks;
  again.insert(again.end(), ticks.begin() + 1, ticks.end());
  EXPECT_EQ(Detect(again).size(), 1u);
}

TEST(ChartAxes, ABoxHoldsAnAxisOnItsEdgeOrInside) {
  const std::vector<Ruling> axes{{true, 400, 100, 500}};
  EXPECT_TRUE(HoldsAxis({100, 400, 500, 480}, axes));   // the axis is the box's top edge
  EXPECT_TRUE(HoldsAxis({90, 300, 510, 480}, axes));    // inside
  EXPECT_TRUE(HoldsAxis({100, 401.5, 500, 480}, axes));  // within two points
  EXPECT_FALSE(HoldsAxis({100, 410, 500, 480}, axes));  // below it
  EXPECT_FALSE(HoldsAxis({100, 300, 250, 480}, axes));  // along less than half of it
}

Table BoxTable(const BBox& box) {
  Table t;
  t.bbox = box;
  t.rows = t.cols = 2;
  return t;
}

Glyph At(double x, double y) {
  Glyph g;
  g.text = "x";
  g.bbox = {x - 2, y - 4, x + 2, y + 4};
  return g;
}

TEST(ChartAxes, ADroppedChartGivesItsGlyphsBackAndKeepsTheOtherTables) {
  const std::vector<Ruling> axes{{true, 400, 100, 500}};
  std::vector<Table> tables{BoxTable({100, 100, 500, 300}), BoxTable({100, 400, 500, 480})};
  const std::vector<Glyph> glyphs{At(200, 200), At(200, 450), At(99, 450), At(50, 50)};
  // Glyph 3 was placed by an earlier builder; 0 in the kept table; 1 and
  // 2 (a mark hanging outside) in the chart.
  const std::vector<bool> before{false, false, false, true};
  std::vector<bool> in_table{true, true, true, true};
  DropChartTables(axes, glyphs, before, &tables, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_DOUBLE_EQ(tables[0].bbox.y0, 100);
  EXPECT_EQ(in_table, (std::vector<bool>{true, false, false, true}));
}

}  // namespace
}  // namespace docpipe
