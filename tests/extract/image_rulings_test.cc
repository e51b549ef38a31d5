#include "extract/image_rulings.h"

#include <gtest/gtest.h>

#include "extract/ruling_detector.h"
#include "extract/table_builder.h"

namespace docpipe {
namespace {

// A white page at 300 dpi, 600 x 600 pixels (144 x 144 points).
PageImage WhitePage() {
  PageImage image;
  image.width = image.height = 600;
  image.dpi = 300;
  image.gray.assign(600 * 600, 255);
  return image;
}

void Fill(PageImage* image, int x0, int y0, int x1, int y1, uint8_t level = 0) {
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) image->gray[static_cast<size_t>(y) * image->width + x] = level;
  }
}

// A 2 x 2 grid drawn with 3-pixel rules: x 100..500, y 100..500, middle
// rules at 300.
PageImage Grid() {
  PageImage image = WhitePage();
  for (int p : {100, 300, 500}) {
    Fill(&image, 100, p - 1, 503, p + 2);
    Fill(&image, p - 1, 100, p + 2, 503);
  }
  return image;
}

TEST(ImageRulings, RulesBecomeRulingsAndATable) {
  PageImage image = Grid();
  std::vector<PathSegment> segments = FindAndEraseRules(&image);
  std::vector<Ruling> rulings = DetectRulings(segments);
  int horizontal = 0, vertical = 0;
  for (const Ruling& r : rulings) (r.horizontal ? horizontal : vertical)++;
  EXPECT_EQ(horizontal, 3);
  EXPECT_EQ(vertical, 3);
  // 300 dpi: pixel 100 is 24 points.
  EXPECT_NEAR(rulings.front().pos, 24.0, 0.5);
  EXPECT_NEAR(rulings.front().start, 24.0 - 0.5, 0.5);

  // The existing lattice builder turns them into a 2 x 2 table.
  std::vector<Glyph> glyphs = {Glyph{"甲", BBox{40, 40, 50, 50}}, Glyph{"乙", BBox{90, 90, 100, 100}}};
  std::vector<bool> in_table;
  std::vector<Table> tables = BuildTables(rulings, glyphs, {"OCR"}, 144, 144, &in_table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, 2);
  EXPECT_EQ(tables[0].cols, 2);
}

TEST(ImageRulings, RulesAreErasedAndTextIsKept) {
  PageImage image = Grid();
  // A character-sized blob inside the first cell: 40 x 40 pixels (10 pt).
  Fill(&image, 150, 150, 190, 190);
  FindAndEraseRules(&image);
  EXPECT_EQ(image.at(200, 100), 255);  // rule pixel whitened
  EXPECT_EQ(image.at(300, 400), 255);
  EXPECT_EQ(image.at(170, 170), 0);    // the character stays
}

TEST(ImageRulings, CharacterStrokesAndNoiseAreNotRules) {
  PageImage image = WhitePage();
  Fill(&image, 50, 50, 130, 53);   // 80 px = 19 pt: a wide character's stroke
  Fill(&image, 50, 100, 53, 150);  // 50 px = 12 pt: a vertical stroke
  for (int x = 0; x < 600; x += 4) Fill(&image, x, 300, x + 1, 301);  // dotted noise
  EXPECT_TRUE(FindAndEraseRules(&image).empty());
  EXPECT_EQ(image.at(60, 51), 0);
}

TEST(ImageRulings, SmallGapsInARuleAreBridged) {
  PageImage image = WhitePage();
  Fill(&image, 100, 200, 500, 202);
  Fill(&image, 250, 200, 252, 202, 255);  // a 2-pixel break, as noise leaves
  std::vector<Ruling> rulings = DetectRulings(FindAndEraseRules(&image));
  ASSERT_EQ(rulings.size(), 1u);
  EXPECT_NEAR(rulings[0].end - rulings[0].start, 400 * 72.0 / 300, 1.0);
}

}  // namespace
}  // namespace docpipe
