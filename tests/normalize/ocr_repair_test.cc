#include "normalize/input/ocr_repair.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

TextLine LineOf(const std::string& text) {
  TextLine line;
  line.text = text;
  return line;
}

Page PageOf(PageSource source, const std::string& line, const std::string& cell) {
  Page page;
  page.source = source;
  page.lines.push_back(LineOf(line));
  Table table;
  Cell c;
  c.text = cell;
  c.lines.push_back(LineOf(cell));
  table.cells.push_back(c);
  page.tables.push_back(table);
  return page;
}

TEST(OcrRepair, RepairsOcrPagesOnly) {
  Layout layout;
  layout.pages.push_back(PageOf(PageSource::kOcr, "職能基準代碼 : INM2529", "KO1資訊安全 , Pl.2.1"));
  layout.pages.push_back(PageOf(PageSource::kText, "職能基準代碼 : INM2529", "KO1資訊安全 , Pl.2.1"));
  Layout repaired = RepairOcrText(layout, RuleSet::Default());
  EXPECT_EQ(repaired.pages[0].lines[0].text, "職能基準代碼：INM2529");
  EXPECT_EQ(repaired.pages[0].tables[0].cells[0].text, "K01資訊安全，P1.2.1");
  EXPECT_EQ(repaired.pages[0].tables[0].cells[0].lines[0].text, "K01資訊安全，P1.2.1");
  // A text layer is what the author typed: left alone.
  EXPECT_EQ(repaired.pages[1].lines[0].text, "職能基準代碼 : INM2529");
  EXPECT_EQ(repaired.pages[1].tables[0].cells[0].text, "KO1資訊安全 , Pl.2.1");
}

TEST(OcrRepair, HasOcrPagesOnlyWhenAPageWasReadByOcr) {
  Layout layout;
  EXPECT_FALSE(HasOcrPages(layout));
  layout.pages.push_back(PageOf(PageSource::kText, "a", "b"));
  layout.pages.push_back(PageOf(PageSource::kText, "c", "d"));
  EXPECT_FALSE(HasOcrPages(layout));
  layout.pages.push_back(PageOf(PageSource::kOcr, "e", "f"));
  EXPECT_TRUE(HasOcrPages(layout));
}

}  // namespace
}  // namespace docpipe
