#include "extract/line_builder.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

// Glyphs of a string laid out left to right from (x, y), `advance` apart.
std::vector<Glyph> GlyphRun(const std::vector<std::string>& chars, double x, double y, double advance, int line = 0) {
  std::vector<Glyph> out;
  for (const std::string& c : chars) {
    Glyph g;
    g.text = c;
    g.bbox = {x, y, x + advance, y + 10};
    g.size = 10;
    g.line = line;
    out.push_back(g);
    x += advance;
  }
  return out;
}

std::vector<const Glyph*> Pointers(const std::vector<Glyph>& glyphs) {
  std::vector<const Glyph*> out;
  for (const Glyph& g : glyphs) out.push_back(&g);
  return out;
}

TEST(LineBuilder, GroupsGlyphsIntoLinesByPositionTopToBottom) {
  std::vector<Glyph> glyphs = GlyphRun({"C", "D"}, 0, 20, 6);
  std::vector<Glyph> first = GlyphRun({"A", "B"}, 0, 0, 6);
  glyphs.insert(glyphs.end(), first.begin(), first.end());
  std::vector<TextLine> lines = BuildLinesByPosition(Pointers(glyphs), {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "AB");
  EXPECT_EQ(lines[1].text, "CD");
  EXPECT_DOUBLE_EQ(lines[1].bbox.y0, 20);
}

TEST(LineBuilder, WritesASpaceWhereTheTextLayerHadOneOrAGapIsWide) {
  std::vector<Glyph> glyphs = GlyphRun({"a", "b"}, 0, 0, 6);
  glyphs[0].space_after = true;
  std::vector<Glyph> far = GlyphRun({"c"}, 30, 0, 6);
  glyphs.insert(glyphs.end(), far.begin(), far.end());
  std::vector<TextLine> lines = BuildLinesByPosition(Pointers(glyphs), {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "a b c");
}

TEST(LineBuilder, ReadsTextRotatedClockwiseTopDown) {
  std::vector<Glyph> glyphs;
  for (int i = 0; i < 3; ++i) {
    Glyph g;
    g.text = std::string(1, static_cast<char>('x' + i));
    g.bbox = {100, 10.0 * i, 110, 10.0 * i + 10};
    g.size = 10;
    g.rotation = 1;
    glyphs.push_back(g);
  }
  std::vector<TextLine> lines = BuildLinesByPosition(Pointers(glyphs), {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "xyz");
}

TEST(LineBuilder, KeepsTheTextLayersLinesAndOrder) {
  std::vector<Glyph> glyphs = GlyphRun({"2"}, 0, 0, 6, /*line=*/7);
  std::vector<Glyph> other = GlyphRun({"1"}, 0, 40, 6, /*line=*/3);
  glyphs.insert(glyphs.end(), other.begin(), other.end());
  std::vector<TextLine> lines = BuildLinesByTextLayer(Pointers(glyphs), {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "2");  // order of appearance, not position
}

struct JoinCase {
  std::vector<std::string> lines;
  std::string expected;
};

TEST(CjkJoin, JoinsLinesByScript) {
  const std::vector<JoinCase> cases = {
      {{"資訊安全管理系", "統制度建立"}, "資訊安全管理系統制度建立"},  // no space inside CJK
      {{"Information Security", "Management System"}, "Information Security Management System"},
      {{"資訊安全管理系統 ( Information Security", "Management System，簡稱"},
       "資訊安全管理系統 ( Information Security Management System，簡稱"},
      {{"現今 ISO 標準是", "ISO/IEC27000 系列"}, "現今 ISO 標準是ISO/IEC27000 系列"},
  };
  for (const JoinCase& c : cases) {
    std::vector<TextLine> lines;
    for (const std::string& text : c.lines) lines.push_back(TextLine{text, {}, "", 10, LineRole::kContent});
    EXPECT_EQ(JoinLines(lines), c.expected);
  }
}

}  // namespace
}  // namespace docpipe
