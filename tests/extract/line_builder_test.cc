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

// A writer that declares a large ascent and descent (Chromium's PDFs) gives
// glyph boxes 2.6 em tall on lines 1.1 em apart, and reports twice the font
// size: the lines are still told apart, by their baselines.
TEST(LineBuilder, SeparatesLinesWhoseTallBoxesOverlap) {
  std::vector<Glyph> glyphs;
  const std::vector<std::vector<std::string>> text = {{"職", "能"}, {"(", "K", "=", "k"}, {"知", "識"}};
  for (size_t row = 0; row < text.size(); ++row) {
    const double baseline = 289 + 11.25 * static_cast<double>(row);
    double x = 430;
    for (const std::string& c : text[row]) {
      Glyph g;
      g.text = c;
      const double advance = c.size() > 1 ? 10 : 5;
      g.bbox = {x, baseline - 18, x + advance, baseline + 8};
      g.size = 20;
      g.baseline = baseline;
      glyphs.push_back(g);
      x += advance;
    }
  }
  std::vector<TextLine> lines = BuildLinesByPosition(Pointers(glyphs), {});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "職能");
  EXPECT_EQ(lines[1].text, "(K=k");
  EXPECT_EQ(lines[2].text, "知識");
}

// "23rd": a raised, smaller "rd" stays on its line.
TEST(LineBuilder, KeepsASuperscriptOnItsLine) {
  std::vector<Glyph> glyphs = GlyphRun({"2", "3"}, 0, 0, 4.4);
  for (Glyph& g : glyphs) g.baseline = 8;
  std::vector<Glyph> raised = GlyphRun({"r", "d"}, 8.8, 0.8, 2.4);
  for (Glyph& g : raised) {
    g.bbox.y1 = g.bbox.y0 + 5.9;
    g.size = 5;
    g.baseline = 5.5;
  }
  glyphs.insert(glyphs.end(), raised.begin(), raised.end());
  std::vector<Glyph> next = GlyphRun({"J", "u", "l", "y"}, 0, 11, 4.4);
  for (Glyph& g : next) g.baseline = 19;
  glyphs.insert(glyphs.end(), next.begin(), next.end());
  std::vector<TextLine> lines = BuildLinesByPosition(Pointers(glyphs), {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "23rd");
  EXPECT_EQ(lines[1].text, "July");
}

// "• cPoamtiepnlets": a bullet whose glyph box (30 pt for 12 pt text) spans
// the first two lines of its item must not take both into one line.
TEST(LineBuilder, ATallBulletDoesNotInterleaveTheLinesBesideIt) {
  std::vector<Glyph> glyphs;
  Glyph bullet;
  bullet.text = "\u2022";
  bullet.bbox = {108, 72, 114, 102};
  bullet.size = 12;
  glyphs.push_back(bullet);
  std::vector<Glyph> first = GlyphRun({"C", "o", "m", "p", "l", "e", "t", "e"}, 126, 75, 6);
  std::vector<Glyph> second = GlyphRun({"p", "a", "t", "i", "e", "n", "t", "s"}, 126, 89, 6);
  for (Glyph& g : first) g.size = 12, g.bbox.y1 = g.bbox.y0 + 12, g.baseline = 86;
  for (Glyph& g : second) g.size = 12, g.bbox.y1 = g.bbox.y0 + 12, g.baseline = 100;
  glyphs.insert(glyphs.end(), first.begin(), first.end());
  glyphs.insert(glyphs.end(), second.begin(), second.end());
  std::vector<TextLine> lines = BuildLinesByPosition(Pointers(glyphs), {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "\u2022 Complete");
  EXPECT_EQ(lines[1].text, "patients");
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

// Glyphs one em (10) wide, each starting at its x.
std::vector<Glyph> GlyphsAt(const std::vector<std::string>& chars, const std::vector<double>& xs) {
  std::vector<Glyph> out;
  for (size_t i = 0; i < chars.size(); ++i) {
    Glyph g;
    g.text = chars[i];
    g.bbox = {xs[i], 0, xs[i] + 10, 10};
    g.size = 10;
    g.space_after = true;  // poppler marks a word end at each wide gap; only the gap decides between CJK
    out.push_back(g);
  }
  return out;
}

// Regression (issue 14): tisa's title "附件一 服務貿易特定承諾表" lost its
// space, while letter-spaced labels (收 支 科 目, 廉 政 專 刊) kept theirs.
// Between CJK characters a space is a gap wider than the letter spacing
// around it, as a reader sees it.
TEST(LineBuilder, SpacesBetweenCjkCharactersAreGapsWiderThanTheLinesLetterSpacing) {
  struct Case {
    const char* name;
    std::vector<std::string> chars;
    std::vector<double> xs;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"a title's two words", {"附", "件", "一", "服", "務", "表"}, {0, 10, 20, 40, 50, 60}, "附件一 服務表"},
      {"set solid", {"服", "務", "貿", "易"}, {0, 10, 20, 30}, "服務貿易"},
      {"letter-spaced label", {"收", "支", "科", "目"}, {0, 18, 36, 54}, "收支科目"},
      {"two letters spread over a cell", {"印", "刷"}, {0, 40}, "印刷"},
      {"justified line", {"臺", "灣", "研", "發", "的", "網", "絡"}, {0, 14.4, 28.8, 43.2, 57.6, 72, 86.4}, "臺灣研發的網絡"},
      {"letter-spaced words", {"臺", "北", "市", "新", "北", "市"}, {0, 14, 28, 56, 70, 84}, "臺北市 新北市"},
      {"a number between words keeps Latin spacing", {"第", "1", "章"}, {0, 13, 26}, "第 1 章"},
      {"letter-spaced after a solid run", {"公", "報", "廉", "政", "專", "刊"}, {0, 10, 20, 38, 56, 74}, "公報廉政專刊"},
      // Regression (issue 14): the gazette covers' "日出 版", the last gap of a
      // spread line next to a pair set solid.
      {"spread line with a solid pair at its end", {"中", "華", "民", "國", "日", "出", "版"},
       {0, 15, 30, 45, 60, 70, 85}, "中華民國日出版"},
      {"a solid pair and a word space", {"日", "出", "版", "社", "報"}, {0, 10, 20, 40, 50}, "日出版 社報"},
  };
  for (const Case& c : cases) {
    std::vector<Glyph> glyphs = GlyphsAt(c.chars, c.xs);
    std::vector<TextLine> lines = BuildLinesByPosition(Pointers(glyphs), {});
    ASSERT_EQ(lines.size(), 1u) << c.name;
    EXPECT_EQ(lines[0].text, c.expected) << c.name;
  }
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
    for (const std::string& text : c.lines) lines.push_back(TextLine{text, {}, "", 10, LineRole::kContent, std::nullopt, {}});
    EXPECT_EQ(JoinLines(lines), c.expected);
  }
}

}  // namespace
}  // namespace docpipe
