#include "extract/page_furniture.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

TEST(PageFurniture, KeyBlanksNumbersAndSpaces) {
  EXPECT_EQ(FurnitureKey("第 3 頁，共 5 頁"), FurnitureKey("第 12 頁，共 15 頁"));
  EXPECT_NE(FurnitureKey("第 3 頁，共 5 頁"), FurnitureKey("第 3 章"));
}

TEST(PageFurniture, RecognisesPageNumbersOfManyWordings) {
  struct Case {
    const char* text;
    bool page_number;
  };
  const Case cases[] = {
      {"第 1 頁，共 5 頁", true}, {"第1頁/共7頁", true}, {"- 12 -", true}, {"12", true},
      {"Page 3 of 9", true},      {"3 / 9", true},      {"第 114 期", false}, {"表 3", false},
      {"INM2529-002v2", false},   {"頁", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsPageNumberKey(FurnitureKey(c.text)), c.page_number) << c.text;
}

TextLine LineAt(const std::string& text, double y) {
  TextLine line;
  line.text = text;
  line.bbox = {100, y, 200, y + 10};
  line.size = 10;
  return line;
}

TEST(PageFurniture, LabelsLinesRepeatedInTheMarginsOfEveryPage) {
  Layout layout;
  for (int n = 1; n <= 3; ++n) {
    Page page;
    page.number = n;
    page.width = 600;
    page.height = 800;
    page.lines.push_back(LineAt("INM2529-002v2", 30));                       // running header
    const char* headings[] = {"Title", "Overview", "Details"};
    page.lines.push_back(LineAt(headings[n - 1], 40));                      // top band, not repeated
    page.lines.push_back(LineAt("Body text", 400));                          // repeated, but not in a band
    page.lines.push_back(LineAt("第 " + std::to_string(n) + " 頁，共 3 頁", 770));
    layout.pages.push_back(page);
  }
  LabelPageFurniture(&layout);
  for (const Page& page : layout.pages) {
    EXPECT_EQ(page.lines[0].role, LineRole::kHeader);
    EXPECT_EQ(page.lines[1].role, LineRole::kContent);
    EXPECT_EQ(page.lines[2].role, LineRole::kContent);
    EXPECT_EQ(page.lines[3].role, LineRole::kFooter);
  }
}

TEST(PageFurniture, LabelsAPageNumberOfASinglePageDocument) {
  Layout layout;
  Page page;
  page.number = 1;
  page.width = 600;
  page.height = 800;
  page.lines = {LineAt("Heading", 30), LineAt("第1頁/共1頁", 780)};
  layout.pages.push_back(page);
  LabelPageFurniture(&layout);
  EXPECT_EQ(layout.pages[0].lines[0].role, LineRole::kContent);
  EXPECT_EQ(layout.pages[0].lines[1].role, LineRole::kFooter);
}

}  // namespace
}  // namespace docpipe
