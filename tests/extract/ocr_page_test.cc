#include "extract/ocr_page.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"

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

}  // namespace
}  // namespace docpipe
