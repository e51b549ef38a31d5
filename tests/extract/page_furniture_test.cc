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
    page.lines.push_back(LineAt(std::string("Body text ") + headings[n - 1], 400 + 20 * n));  // not repeated
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

Page PageWith(int number, std::vector<TextLine> lines, bool table = false) {
  Page page;
  page.number = number;
  page.width = 600;
  page.height = 800;
  page.lines = std::move(lines);
  if (table) page.tables.push_back(Table{});
  return page;
}

// Issue 12: a running header printed 4 mm above a continued table, below the
// top band, was glued into the duty cells.
TEST(PageFurniture, RunningHeaderBelowTheTopBandIsFurnitureByRepetition) {
  Layout layout;
  for (int n = 1; n <= 4; ++n) layout.pages.push_back(PageWith(n, {LineAt("INM3513-001v4", 91)}, /*table=*/true));
  LabelPageFurniture(&layout);
  for (const Page& page : layout.pages) EXPECT_EQ(page.lines[0].role, LineRole::kHeader) << page.number;
}

// Issue 14: a line repeated under the table header of every page, mid-page.
TEST(PageFurniture, LineRepeatedAtTheSameHeightMidPageIsFurniture) {
  Layout layout;
  for (int n = 1; n <= 5; ++n) {
    layout.pages.push_back(PageWith(n, {LineAt("服務提供模式：(1)跨境提供服務(4)自然人呈現", 150),
                                        LineAt("承諾 " + std::to_string(n) + " 項", 300 + 10 * n)}));
  }
  LabelPageFurniture(&layout);
  for (const Page& page : layout.pages) {
    EXPECT_EQ(page.lines[0].role, LineRole::kHeader) << page.number;
    EXPECT_EQ(page.lines[1].role, LineRole::kContent) << page.number;  // same key, a different height each page
  }
}

TEST(PageFurniture, RepeatedLineOnFewPagesOrAtOtherHeightsStaysContent) {
  Layout layout;
  // "小計" at the same height on 2 of 6 pages only, and "1.土地" on every
  // page but each time at another height.
  for (int n = 1; n <= 6; ++n) {
    std::vector<TextLine> lines = {LineAt("1.土地", 200 + 37 * n), LineAt("申報人 " + std::string(n % 2 ? "甲" : "乙"), 600)};
    if (n <= 2) lines.push_back(LineAt("小計", 500));
    layout.pages.push_back(PageWith(n, lines));
  }
  LabelPageFurniture(&layout);
  for (const Page& page : layout.pages) {
    for (const TextLine& line : page.lines) EXPECT_EQ(line.role, LineRole::kContent) << line.text;
  }
}

// A gazette's forms each state their own period at the same height: the
// lines share a wording but differ in more than a page number.
TEST(PageFurniture, LinesDifferingInMoreThanOneNumberStayContent) {
  Layout layout;
  const char* periods[] = {"101 年 03 月 22 日至 101 年 05 月 21 日", "100 年 11 月 28 日至 101 年 02 月 10 日",
                           "099 年 11 月 28 日至 100 年 12 月 31 日", "099 年 11 月 28 日至 100 年 12 月 31 日"};
  for (int n = 1; n <= 4; ++n) {
    layout.pages.push_back(PageWith(n, {LineAt(periods[n - 1], 138), LineAt("第 " + std::to_string(n) + " 頁", 138 + 0.5)},
                                    /*table=*/true));
  }
  LabelPageFurniture(&layout);
  for (const Page& page : layout.pages) {
    EXPECT_EQ(page.lines[0].role, LineRole::kContent) << page.number;
    EXPECT_EQ(page.lines[1].role, LineRole::kHeader) << page.number;  // differs in one number only
  }
}

// Issue 14: test PDFs with one line per page ("Potato 0", "Potato 1"...) were
// refused as "no text": every line had been taken for furniture.
TEST(PageFurniture, OneLinePerPageIsContentNotFurniture) {
  Layout layout;
  for (int n = 0; n < 6; ++n) layout.pages.push_back(PageWith(n + 1, {LineAt("Potato " + std::to_string(n), 30)}));
  LabelPageFurniture(&layout);
  for (const Page& page : layout.pages) EXPECT_EQ(page.lines[0].role, LineRole::kContent) << page.number;
}

TEST(PageFurniture, NeverTakesTheWholeDocument) {
  Layout layout;
  // Page numbers and a repeated header beside them: furniture by every rule,
  // but then nothing would be left.
  for (int n = 1; n <= 3; ++n) {
    layout.pages.push_back(PageWith(n, {LineAt("Report", 30), LineAt("- " + std::to_string(n) + " -", 770)}));
  }
  LabelPageFurniture(&layout);
  for (const Page& page : layout.pages) {
    for (const TextLine& line : page.lines) EXPECT_EQ(line.role, LineRole::kContent) << line.text;
  }
}

}  // namespace
}  // namespace docpipe
