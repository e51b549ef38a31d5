#include "extract/page_store.h"

#include <gtest/gtest.h>

#include "extract/page_wire.h"

namespace docpipe {
namespace {

Page PageNumbered(int number) {
  Page page;
  page.number = number;
  page.width = 595.276;
  page.height = 841.89;
  TextLine line;
  line.text = "第 " + std::to_string(number) + " 頁";
  line.bbox = {10.125, 20.5, 100.0625, 30};
  line.font = "DFKai-SB";
  line.size = 10.5;
  page.lines.push_back(line);
  Table table;
  table.rows = table.cols = 1;
  Cell cell;
  cell.text = "cell " + std::to_string(number);
  cell.lines.push_back(line);
  table.cells.push_back(cell);
  page.tables.push_back(table);
  page.warnings.push_back("warned");
  return page;
}

TEST(PageStore, PagesReadBackEqualInMemoryAndSpilled) {
  for (bool spill : {false, true}) {
    PageStore store(3, 7, spill);
    EXPECT_EQ(store.spills(), spill);
    // Out of order, as workers send them; one with its wire bytes.
    for (int number : {5, 3, 7, 4}) ASSERT_TRUE(store.Add(PageNumbered(number)).ok()) << number;
    ASSERT_TRUE(store.Add(PageNumbered(6), EncodePage(PageNumbered(6))).ok());
    for (size_t i = 0; i < store.size(); ++i) {
      const std::string expected = EncodePage(PageNumbered(3 + static_cast<int>(i)));
      Result<Page> loaded = store.Load(i);
      ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
      EXPECT_EQ(EncodePage(*loaded), expected) << "spill " << spill << " page " << 3 + i;
      Result<Page> taken = store.Take(i);
      ASSERT_TRUE(taken.ok());
      EXPECT_EQ(EncodePage(*taken), expected);
    }
  }
}

TEST(PageStore, RejectsAPageOutOfRangeOrTwice) {
  for (bool spill : {false, true}) {
    PageStore store(1, 2, spill);
    EXPECT_FALSE(store.Add(PageNumbered(3)).ok());
    EXPECT_FALSE(store.Add(PageNumbered(0)).ok());
    ASSERT_TRUE(store.Add(PageNumbered(2)).ok());
    EXPECT_FALSE(store.Add(PageNumbered(2)).ok());
    EXPECT_FALSE(store.Load(0).ok());  // page 1 never came
  }
}

}  // namespace
}  // namespace docpipe
