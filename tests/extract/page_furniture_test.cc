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

Table TableAt(double y0, double y1) {
  Table table;
  table.bbox = {50, y0, 550, y1};
  return table;
}

// Issue 12 (tisa): "服務提供模式：(1)跨境提供服務…(4)自然人呈現" atop pages
// 2–14 of 37, above the continued table, stayed body text 13 times. It is
// the running header of that part of the document; its first printing,
// under the title on page 1, stays in the body.
TEST(PageFurniture, RunningHeaderOfOnePartAtopARunOfPagesIsFurniture) {
  const std::string mode = "服務提供模式：(1)跨境提供服務(2)境外消費(3)商業據點呈現(4)自然人呈現";
  Layout layout;
  Page first = PageWith(1, {LineAt("臺灣方面非金融服務部門的開放承諾", 100), LineAt(mode, 139)});
  first.tables.push_back(TableAt(160, 700));
  layout.pages.push_back(first);
  for (int n = 2; n <= 8; ++n) {
    Page page = PageWith(n, {LineAt(mode, 61)});
    page.tables.push_back(TableAt(80, 700));
    layout.pages.push_back(page);
  }
  for (int n = 9; n <= 20; ++n) {
    Page page = PageWith(n, {LineAt("第 " + std::to_string(n) + " 條 其他規定", 61 + 40 * (n % 3))});
    page.tables.push_back(TableAt(200, 700));
    layout.pages.push_back(page);
  }
  LabelPageFurniture(&layout);
  EXPECT_EQ(layout.pages[0].lines[1].role, LineRole::kContent);
  for (int n = 2; n <= 8; ++n) EXPECT_EQ(layout.pages[n - 1].lines[0].role, LineRole::kHeader) << n;
  for (int n = 9; n <= 20; ++n) EXPECT_EQ(layout.pages[n - 1].lines[0].role, LineRole::kContent) << n;
}

// Counter-examples: a heading atop two pages of a long document, a line
// atop both pages of a two-page document, a form title repeated on a run of
// pages below other lines, and a line atop a run of pages that differs in
// more than a page number are content.
TEST(PageFurniture, LinesAtopTooShortARunOrBelowOtherLinesStayContent) {
  // 30 pages: forms on pages 1–12 (their titles repeat below the filer's
  // name, the last line of each), a heading atop pages 13 and 14, then
  // pages that each begin differently.
  const char* filers[] = {"王大明", "李小華", "陳建國", "林志玲", "張三", "黃四", "吳五", "劉六", "蔡七", "鄭八", "謝九", "許十"};
  Layout layout;
  for (int n = 1; n <= 30; ++n) {
    std::vector<TextLine> lines;
    if (n <= 12) {
      lines = {LineAt(std::string("申報人：") + filers[n - 1], 100), LineAt("臺北市", 180),
               LineAt("第 1 次賸餘政治獻金收支結算表", 200)};
    } else if (n <= 14) {
      lines = {LineAt("第二章 承諾表", 61), LineAt(std::string("承諾 ") + filers[n - 13], 300)};
    } else {
      const std::string name = std::string(filers[n % 12]) + filers[(n / 12) % 12];
      lines = {LineAt("說明 " + name, 61 + n), LineAt("本文 " + name, 300)};
    }
    layout.pages.push_back(PageWith(n, lines));
  }
  LabelPageFurniture(&layout);
  for (const Page& page : layout.pages) {
    for (const TextLine& line : page.lines) EXPECT_EQ(line.role, LineRole::kContent) << page.number << " " << line.text;
  }

  Layout two_pages;
  for (int n = 1; n <= 2; ++n) {
    Page page = PageWith(n, {LineAt("服務提供模式：(1)跨境交付", 150)});
    page.tables.push_back(TableAt(200, 700));
    two_pages.pages.push_back(page);
  }
  LabelPageFurniture(&two_pages);
  for (const Page& page : two_pages.pages) EXPECT_EQ(page.lines[0].role, LineRole::kContent) << page.number;

  Layout periods;
  for (int n = 1; n <= 8; ++n) {
    Page page = PageWith(n, {LineAt(std::to_string(90 + n) + " 年 01 月 01 日至 " + std::to_string(90 + n) + " 年 12 月 " +
                                         std::to_string(10 + n) + " 日",
                                     150)});
    page.tables.push_back(TableAt(200, 700));
    periods.pages.push_back(page);
  }
  LabelPageFurniture(&periods);
  for (const Page& page : periods.pages) EXPECT_EQ(page.lines[0].role, LineRole::kContent) << page.number;
}

TEST(PageFurniture, PartRunningHeaderPrintedNowhereElseKeepsItsFirstPrinting) {
  const char* filers[] = {"王大明", "李小華", "陳建國", "林志玲", "張三", "黃四", "吳五", "劉六", "蔡七", "鄭八", "謝九", "許十"};
  // A run whose line is printed nowhere else keeps its first printing (6
  // pages of 20: not enough for the band or the position rule).
  Layout alone;
  for (int n = 1; n <= 20; ++n) {
    const std::string name = std::string(filers[n % 12]) + filers[(n / 12) % 12];
    Page page = PageWith(n, {LineAt(n <= 6 ? "服務提供模式：(1)跨境交付" : "說明 " + name, 61), LineAt("附表 " + name, 300)});
    alone.pages.push_back(page);
  }
  LabelPageFurniture(&alone);
  EXPECT_EQ(alone.pages[0].lines[0].role, LineRole::kContent);
  for (int n = 2; n <= 6; ++n) EXPECT_EQ(alone.pages[n - 1].lines[0].role, LineRole::kHeader) << n;
  for (int n = 7; n <= 20; ++n) EXPECT_EQ(alone.pages[n - 1].lines[0].role, LineRole::kContent) << n;

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
