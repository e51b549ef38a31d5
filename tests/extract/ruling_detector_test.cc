#include "extract/ruling_detector.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

PathSegment H(double x0, double x1, double y) { return {x0, y, x1, y}; }
PathSegment V(double x, double y0, double y1) { return {x, y0, x, y1}; }

TEST(RulingDetector, JoinsTheSidesOfNeighbouringCellsIntoOneRule) {
  std::vector<Ruling> rulings = DetectRulings({H(0, 50, 10), H(50, 100, 10), H(101, 150, 10.4)});
  ASSERT_EQ(rulings.size(), 1u);
  EXPECT_TRUE(rulings[0].horizontal);
  EXPECT_DOUBLE_EQ(rulings[0].start, 0);
  EXPECT_DOUBLE_EQ(rulings[0].end, 150);
}

TEST(RulingDetector, SnapsHairlinesDrawnTwiceAndDropsTicks) {
  std::vector<Ruling> rulings = DetectRulings({V(20, 0, 100), V(20.6, 0, 100), V(60, 0, 2), H(0, 3, 50)});
  ASSERT_EQ(rulings.size(), 1u);
  EXPECT_FALSE(rulings[0].horizontal);
  EXPECT_NEAR(rulings[0].pos, 20.3, 0.01);
}

TEST(RulingDetector, KeepsRulesApartWhenTheGapIsReal) {
  std::vector<Ruling> rulings = DetectRulings({H(0, 50, 10), H(80, 150, 10), H(0, 150, 30)});
  EXPECT_EQ(rulings.size(), 3u);
}

}  // namespace
}  // namespace docpipe
