#include "extract/glyph_dedup.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

Glyph At(const std::string& text, double x, double y, double width = 6, bool space_after = false) {
  Glyph g;
  g.text = text;
  g.bbox = {x, y, x + width, y + 10};
  g.size = 10;
  g.space_after = space_after;
  return g;
}

// A glyph of text turned a quarter clockwise: it advances down the page.
Glyph Rotated(const std::string& text, double x, double y, double advance) {
  Glyph g = At(text, x, y);
  g.bbox = {x, y, x + 10, y + advance};
  g.rotation = 1;
  return g;
}

std::string Text(const std::vector<Glyph>& glyphs) {
  std::string out;
  for (const Glyph& g : glyphs) out += g.text;
  return out;
}

struct DedupCase {
  const char* name;
  std::vector<Glyph> glyphs;
  std::string expected;
  int removed;
};

TEST(GlyphDedup, CollapsesCopiesDrawnForBoldnessOnly) {
  const std::vector<DedupCase> cases = {
      {"each glyph twice, interleaved (微微軟軟)",
       {At("微", 0, 0, 10), At("微", 0.3, 0, 10), At("軟", 10, 0, 10), At("軟", 10.3, 0, 10)}, "微軟", 2},
      {"the word drawn again after itself",
       {At("A", 0, 0), At("B", 6, 0), At("A", 0.2, 0.2), At("B", 6.2, 0.2)}, "AB", 2},
      {"four copies", {At("X", 0, 0), At("X", 0.1, 0), At("X", 0.2, 0), At("X", 0.3, 0)}, "X", 3},
      {"a real double letter one advance apart stays (ll)", {At("l", 0, 0, 2.2), At("l", 2.2, 0, 2.2)}, "ll", 0},
      {"regression: a double letter of text running down the page stays (Uttar)",
       {Rotated("t", 0, 0, 2.8), Rotated("t", 0, 2.8, 2.8)}, "tt", 0},
      {"the same letter on the next line stays", {At("A", 0, 0), At("A", 0, 12)}, "AA", 0},
      {"different letters at the same spot stay", {At("A", 0, 0), At("B", 0.2, 0)}, "AB", 0},
  };
  for (const DedupCase& c : cases) {
    std::vector<Glyph> glyphs = c.glyphs;
    EXPECT_EQ(RemoveDuplicateGlyphs(&glyphs), c.removed) << c.name;
    EXPECT_EQ(Text(glyphs), c.expected) << c.name;
  }
}

TEST(GlyphDedup, KeepsTheSpaceAfterAWordWhoseCopyCarriedIt) {
  std::vector<Glyph> glyphs = {At("A", 0, 0), At("A", 0.2, 0, 6, /*space_after=*/true), At("B", 12, 0)};
  RemoveDuplicateGlyphs(&glyphs);
  ASSERT_EQ(glyphs.size(), 2u);
  EXPECT_TRUE(glyphs[0].space_after);
}

// Glyphs sharing a bucket are looked at in the order they were kept, and
// only a glyph of the same text is an original (buckets are keyed by the
// text's hash).
TEST(GlyphDedup, ACopyGoesToTheFirstGlyphItRepeatsAmongThoseOfItsBucket) {
  // Three narrow "l" one advance apart (all kept, one bucket), an "I" in
  // between, then a bold copy of the second "l" carrying the word's space.
  std::vector<Glyph> glyphs = {At("l", 0, 0, 1), At("I", 0.5, 0, 1), At("l", 1, 0, 1), At("l", 2, 0, 1),
                               At("l", 1.2, 0, 1, /*space_after=*/true)};
  EXPECT_EQ(RemoveDuplicateGlyphs(&glyphs), 1);
  ASSERT_EQ(Text(glyphs), "lIll");
  EXPECT_FALSE(glyphs[0].space_after);
  EXPECT_FALSE(glyphs[1].space_after);
  EXPECT_TRUE(glyphs[2].space_after);
  EXPECT_FALSE(glyphs[3].space_after);
}

}  // namespace
}  // namespace docpipe
