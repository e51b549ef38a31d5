#include "extract/ocr_page.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/line_builder.h"

namespace docpipe {
namespace {

OcrWord Word(const std::string& text, double x0, double x1, double confidence,
             const std::vector<std::string>& chars) {
  OcrWord word{text, BBox{x0, 100, x1, 112}, confidence, {}};
  double step = (x1 - x0) / static_cast<double>(chars.size());
  for (size_t i = 0; i < chars.size(); ++i) {
    // Boxes hug the ink: each character a little narrower than its pitch.
    word.symbols.push_back({chars[i], BBox{x0 + step * i, 100, x0 + step * (i + 1) - 3, 112}});
  }
  return word;
}

OcrLine Line(std::vector<OcrWord> words) {
  OcrLine line;
  for (const OcrWord& w : words) line.bbox.Extend(w.bbox);
  line.words = std::move(words);
  line.baseline = 110;
  return line;
}

PageContent BasePage() {
  PageContent page;
  page.number = 1;
  page.width = 595;
  page.height = 842;
  return page;
}

TEST(OcrPage, CjkWordsJoinWithoutSpacesLatinWordsWithOne) {
  std::vector<OcrLine> lines = {
      Line({Word("資安", 100, 124, 0.9, {"資", "安"}), Word("管理", 126, 150, 0.9, {"管", "理"}),
            Word("K01", 170, 190, 0.9, {"K", "0", "1"}), Word("ISO", 200, 220, 0.9, {"I", "S", "O"})})};
  Page page = AnalysePage(OcrLinesToContent(lines, BasePage()));
  ASSERT_EQ(page.lines.size(), 1u);
  EXPECT_EQ(page.lines[0].text, "資安管理 K01 ISO");
  EXPECT_EQ(page.lines[0].font, "OCR");
}

TEST(OcrPage, CharactersKeepTheOrderReadWhateverTheirBoxes) {
  // Tesseract's boxes on a scan of IIS3513-001v4 page 5 ("測尖峰時流量。"):
  // 量 a 3 pt box inside its word, the 。 after it starting before it. A
  // cell orders its glyphs by position, so they read 流。量 unless the
  // characters keep the order read.
  OcrWord flow{"流量", BBox{270.2, 152.6, 296.4, 162.0}, 0.9,
               {{"流", BBox{270.2, 152.6, 289.2, 162.0}}, {"量", BBox{293.3, 155.8, 296.4, 158.9}}}};
  OcrWord stop{"。", BBox{292.3, 151.4, 297.6, 164.9}, 0.9, {{"。", BBox{292.3, 151.4, 297.6, 164.9}}}};
  OcrWord time{"時", BBox{263.0, 152.6, 269.3, 162.0}, 0.9, {{"時", BBox{263.0, 152.6, 269.3, 162.0}}}};
  OcrLine line;
  line.words = {time, flow, stop};
  line.bbox = BBox{263.0, 151.4, 297.6, 164.9};
  line.baseline = 161;
  PageContent content = OcrLinesToContent({line}, BasePage());
  ASSERT_EQ(content.glyphs.size(), 4u);
  for (size_t i = 1; i < content.glyphs.size(); ++i) {
    EXPECT_LT(content.glyphs[i - 1].bbox.cx(), content.glyphs[i].bbox.cx()) << content.glyphs[i].text;
  }
  // Each character inside its word's box.
  EXPECT_GE(content.glyphs[2].bbox.x0, flow.bbox.x0);
  EXPECT_LE(content.glyphs[2].bbox.x1, flow.bbox.x1);
  std::vector<const Glyph*> glyphs;
  for (const Glyph& g : content.glyphs) glyphs.push_back(&g);
  std::vector<TextLine> lines = BuildLinesByPosition(glyphs, content.fonts);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "時流量。");
}

PageImage WhitePage(int width, int height) {
  PageImage image;
  image.width = width;
  image.height = height;
  image.dpi = 300;
  image.gray.assign(static_cast<size_t>(width) * height, 255);
  return image;
}

void Ink(PageImage* image, int x0, int y0, int x1, int y1) {
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) image->gray[static_cast<size_t>(y) * image->width + x] = 0;
  }
}

TEST(OcrPage, InkLinesAreCutToEachLinesInk) {
  // At 300 dpi a 9 pt line is 37.5 px. A line of two strokes 8 px apart
  // (as 二), a second line 30 px below, a speck and a sliver of a rule.
  PageImage image = WhitePage(400, 400);
  Ink(&image, 50, 100, 130, 112);  // first line, upper stroke
  Ink(&image, 50, 120, 130, 135);  // first line, lower stroke
  Ink(&image, 60, 165, 100, 200);  // second line
  Ink(&image, 300, 300, 303, 303);  // a speck: 9 dark pixels
  Ink(&image, 20, 380, 380, 381);  // what is left of a rule: 1 px high
  const double pt = 72.0 / 300;
  std::vector<BBox> lines = InkLines(image, BBox{0, 0, 400 * pt, 400 * pt}, 9);
  ASSERT_EQ(lines.size(), 2u);
  // Cut to the ink with a margin of about a tenth of a line (3 px).
  EXPECT_NEAR(lines[0].x0, 47 * pt, 0.01);
  EXPECT_NEAR(lines[0].y0, 97 * pt, 0.01);
  EXPECT_NEAR(lines[0].x1, 133 * pt, 0.01);
  EXPECT_NEAR(lines[0].y1, 138 * pt, 0.01);
  EXPECT_NEAR(lines[1].y0, 162 * pt, 0.01);
  EXPECT_NEAR(lines[1].y1, 203 * pt, 0.01);
  // Only what is inside the region.
  EXPECT_EQ(InkLines(image, BBox{0, 150 * pt, 400 * pt, 400 * pt}, 9).size(), 1u);
  EXPECT_TRUE(InkLines(WhitePage(100, 100), BBox{0, 0, 100 * pt, 100 * pt}, 9).empty());
}

TEST(OcrPage, LineConfidenceIsWeightedAndLowWordsAreKept) {
  std::vector<OcrLine> lines = {
      Line({Word("資安", 100, 124, 0.9, {"資", "安"}), Word("潤", 126, 138, 0.3, {"潤"})})};
  Page page = AnalysePage(OcrLinesToContent(lines, BasePage()));
  MarkOcrConfidence(lines, 0.6, &page);
  ASSERT_EQ(page.lines.size(), 1u);
  EXPECT_EQ(page.lines[0].text, "資安潤");  // kept, not dropped
  ASSERT_TRUE(page.lines[0].confidence.has_value());
  EXPECT_NEAR(*page.lines[0].confidence, (0.9 * 2 + 0.3) / 3, 0.001);
  EXPECT_EQ(page.lines[0].low_confidence_words, std::vector<std::string>{"潤"});
}


OcrLine BlockLine(const std::string& text, int block, double x0, double y0, double x1, double y1) {
  OcrLine line;
  line.words.push_back(OcrWord{text, BBox{x0, y0, x1, y1}, 0.9, {{text, BBox{x0, y0, x1, y1}}}});
  line.bbox = BBox{x0, y0, x1, y1};
  line.block = block;
  return line;
}

std::vector<std::string> Texts(const std::vector<OcrLine>& lines) {
  std::vector<std::string> out;
  for (const OcrLine& line : lines) out.push_back(line.words[0].text);
  return out;
}

TEST(OcrPage, BlocksAreReadTopToBottomColumnsInTesseractsOrder) {
  // Tesseract gave the footer first, then the title, then the running
  // header above it, then two columns side by side.
  std::vector<OcrLine> lines = {
      BlockLine("footer", 0, 260, 800, 330, 808),  BlockLine("title", 1, 150, 60, 450, 80),
      BlockLine("header", 2, 450, 30, 540, 40),    BlockLine("left 1", 3, 60, 100, 280, 110),
      BlockLine("left 2", 3, 60, 112, 280, 122),   BlockLine("right 1", 4, 300, 101, 540, 111),
  };
  OrderBlocksInBands(&lines);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"header", "title", "left 1", "left 2", "right 1", "footer"}));
}

TEST(OcrPage, BlocksAlreadyInOrderStayInOrder) {
  std::vector<OcrLine> lines = {BlockLine("a", 0, 60, 100, 500, 110), BlockLine("b", 1, 60, 120, 500, 130),
                                BlockLine("c", 2, 60, 140, 500, 150)};
  OrderBlocksInBands(&lines);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"a", "b", "c"}));
}

// A 2 x 2 grid of rules from (100, 100) to (300, 200), as FindAndEraseRules
// gives them.
std::vector<PathSegment> GridRules() {
  std::vector<PathSegment> rules;
  for (double y : {100.0, 150.0, 200.0}) rules.push_back({100, y, 300, y});
  for (double x : {100.0, 200.0, 300.0}) rules.push_back({x, 100, x, 200});
  return rules;
}

TEST(OcrPage, CellRegionsLieInsideTheRulesOfATableWithText) {
  std::vector<BBox> tables;
  std::vector<BBox> cells = TableCellRegions(GridRules(), {BBox{110, 110, 140, 120}}, 595, 842, &tables);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(cells.size(), 4u);  // the empty cells too: a lone digit there is read
  for (const BBox& cell : cells) {
    EXPECT_GT(cell.x0, 100);
    EXPECT_LT(cell.x1, 300);
    EXPECT_GT(cell.y0, 100);
    EXPECT_LT(cell.y1, 200);
    EXPECT_NEAR(cell.width(), 100 - 2 * 1.5, 0.01);
  }
}

TEST(OcrPage, RulesWithoutTextGiveNoCellRegions) {
  std::vector<BBox> tables;
  // A frame with no words in it (a chart's box, an empty form grid) is no
  // table: its area is left to the page's layout analysis.
  EXPECT_TRUE(TableCellRegions(GridRules(), {BBox{400, 400, 420, 410}}, 595, 842, &tables).empty());
  EXPECT_TRUE(tables.empty());
}

TEST(OcrPage, SmoothingSoftensEdgesAndKeepsFlatAreas) {
  PageImage image;
  image.width = 20;
  image.height = 10;
  image.dpi = 300;
  image.gray.assign(200, 255);
  for (int y = 0; y < 10; ++y) {
    for (int x = 10; x < 20; ++x) image.gray[y * 20 + x] = 0;
  }
  ASSERT_TRUE(SmoothForOcr(&image));
  EXPECT_EQ(image.at(2, 5), 255);   // far from the edge: still white
  EXPECT_EQ(image.at(17, 5), 0);    // still black
  EXPECT_GT(image.at(10, 5), 0);    // the edge is softened
  EXPECT_LT(image.at(10, 5), 255);
  EXPECT_LT(image.at(9, 5), 255);

  PageImage tiny;
  tiny.width = 3;
  tiny.height = 3;
  tiny.gray.assign(9, 0);
  EXPECT_FALSE(SmoothForOcr(&tiny));
}

}  // namespace
}  // namespace docpipe
