#include "extract/ocr_mode.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

PageContent PageWith(std::vector<std::string> texts, bool images, int invisible = 0) {
  PageContent page;
  for (std::string& t : texts) {
    Glyph glyph;
    glyph.text = t;
    page.glyphs.push_back(glyph);
  }
  page.has_images = images;
  page.invisible_glyphs = invisible;
  return page;
}

TEST(OcrMode, ParsesTheThreeNamesOnly) {
  EXPECT_EQ(ParseOcrMode("auto"), OcrMode::kAuto);
  EXPECT_EQ(ParseOcrMode("never"), OcrMode::kNever);
  EXPECT_EQ(ParseOcrMode("always"), OcrMode::kAlways);
  EXPECT_EQ(ParseOcrMode("Auto"), std::nullopt);
  EXPECT_EQ(ParseOcrMode(""), std::nullopt);
  EXPECT_STREQ(OcrModeName(OcrMode::kNever), "never");
}

TEST(OcrMode, AutoDecidesByTextLayerAndImages) {
  struct Case {
    const char* name;
    PageContent page;
    bool expected;
  } cases[] = {
      {"scan: an image, no text", PageWith({}, true), true},
      {"blank page: no image, no text", PageWith({}, false), false},
      {"text page with a logo", PageWith({"職", "能"}, true), false},
      {"text page without images", PageWith({"職", "能"}, false), false},
      {"hidden OCR layer over a scan", PageWith({"職", "能"}, true, 2), true},
      {"some invisible text among visible", PageWith({"職", "能"}, true, 1), false},
      {"garbage text over an image", PageWith({"\xEE\x80\x81", "\xEE\x80\x82", "a"}, true), true},
      {"a few private-use bullets", PageWith({"\xEE\x80\x81", "a", "b"}, true), false},
      {"replacement characters", PageWith({"\xEF\xBF\xBD", "\xEF\xBF\xBD"}, true), true},
  };
  for (const Case& c : cases) EXPECT_EQ(PageNeedsOcr(c.page, OcrMode::kAuto), c.expected) << c.name;
}

TEST(OcrMode, NeverAndAlwaysOverrideTheTextLayer) {
  EXPECT_FALSE(PageNeedsOcr(PageWith({}, true), OcrMode::kNever));
  EXPECT_TRUE(PageNeedsOcr(PageWith({"職"}, false), OcrMode::kAlways));
  PageContent failed = PageWith({}, true);
  failed.failed = true;
  EXPECT_FALSE(PageNeedsOcr(failed, OcrMode::kAlways));
}

}  // namespace
}  // namespace docpipe
