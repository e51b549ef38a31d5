#include <gtest/gtest.h>

#include "extract/layout_json.h"

namespace docpipe {
namespace {

Layout OcrLayout() {
  Layout layout;
  layout.source_path = "scan.pdf";
  layout.source_sha256 = std::string(64, 'a');
  layout.page_count = 2;
  Page text_page;
  text_page.number = 1;
  text_page.width = text_page.height = 100;
  text_page.lines.push_back(TextLine{"text layer", BBox{1, 1, 50, 10}, "F", 10, LineRole::kContent, std::nullopt, {}});
  Page scanned = text_page;
  scanned.number = 2;
  scanned.source = PageSource::kOcr;
  scanned.ocr = OcrInfo{"tesseract 5.3.0", "chi_tra 4.00.00alpha", 300, -0.8, 1};
  scanned.lines[0].text = "資安潤";
  scanned.lines[0].confidence = 0.7;
  scanned.lines[0].low_confidence_words = {"潤"};
  layout.pages = {text_page, scanned};
  return layout;
}

TEST(OcrLayoutJson, OcrFieldsSurviveARoundTrip) {
  nlohmann::ordered_json json = LayoutToJson(OcrLayout());
  EXPECT_EQ(json["pages"][0]["source"], "text");
  EXPECT_FALSE(json["pages"][0].contains("ocr"));
  EXPECT_FALSE(json["pages"][0]["lines"][0].contains("confidence"));
  EXPECT_EQ(json["pages"][1]["source"], "ocr");
  EXPECT_EQ(json["pages"][1]["ocr"]["engine"], "tesseract 5.3.0");
  Result<Layout> back = ParseLayoutJson(json.dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  const Page& page = back->pages[1];
  EXPECT_EQ(page.source, PageSource::kOcr);
  ASSERT_TRUE(page.ocr.has_value());
  EXPECT_EQ(page.ocr->language_data, "chi_tra 4.00.00alpha");
  EXPECT_DOUBLE_EQ(page.ocr->skew_degrees, -0.8);
  EXPECT_EQ(page.ocr->low_confidence_words, 1);
  EXPECT_DOUBLE_EQ(page.lines[0].confidence.value_or(-1), 0.7);
  EXPECT_EQ(page.lines[0].low_confidence_words, std::vector<std::string>{"潤"});
  EXPECT_EQ(back->pages[0].source, PageSource::kText);
}

TEST(OcrLayoutJson, OlderLayoutsWithoutSourceReadAsText) {
  nlohmann::ordered_json json = LayoutToJson(OcrLayout());
  json["pages"][0].erase("source");
  Result<Layout> back = ParseLayoutJson(json.dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->pages[0].source, PageSource::kText);
}

TEST(OcrLayoutJson, ConfidenceOutOfRangeIsRejected) {
  nlohmann::ordered_json json = LayoutToJson(OcrLayout());
  json["pages"][1]["lines"][0]["confidence"] = 7;
  EXPECT_FALSE(ParseLayoutJson(json.dump()).ok());
}

}  // namespace
}  // namespace docpipe
