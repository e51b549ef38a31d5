#include "extract/table_continuity.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

// A table of `texts` (rows x 3 columns, 100 pt wide each) from y0 down.
Table MakeTable(const std::vector<std::vector<std::string>>& texts, double y0, double x0 = 50) {
  Table t;
  t.rows = static_cast<int>(texts.size());
  t.cols = 3;
  for (int r = 0; r < t.rows; ++r) {
    for (int c = 0; c < 3; ++c) {
      Cell cell;
      cell.row = r;
      cell.col = c;
      cell.bbox = {x0 + 100 * c, y0 + 20 * r, x0 + 100 * (c + 1), y0 + 20 * (r + 1)};
      cell.text = texts[static_cast<size_t>(r)][static_cast<size_t>(c)];
      t.cells.push_back(cell);
    }
  }
  t.bbox = {x0, y0, x0 + 300, y0 + 20 * t.rows};
  return t;
}

Page MakePage(int number, std::vector<Table> tables, std::vector<TextLine> lines = {}) {
  Page p;
  p.number = number;
  p.width = 600;
  p.height = 800;
  p.tables = std::move(tables);
  p.lines = std::move(lines);
  return p;
}

TextLine Content(double y) {
  TextLine line;
  line.text = "paragraph";
  line.bbox = {50, y, 300, y + 10};
  return line;
}

TEST(TableContinuity, LinksTheTableContinuedOnTheNextPage) {
  Layout layout;
  layout.pages.push_back(MakePage(1, {MakeTable({{"Duty", "Task", "Output"}, {"T1", "T1.1", "O1.1.1 first"}}, 600)}));
  layout.pages.push_back(
      MakePage(2, {MakeTable({{"Duty", "Task", "Output"}, {"", "", "half"}, {"", "T1.2", "O1.2.1"}}, 50)}));
  LinkTablesAcrossPages(&layout);
  const Table& first = layout.pages[0].tables[0];
  const Table& next = layout.pages[1].tables[0];
  EXPECT_EQ(first.id, 1);
  EXPECT_EQ(next.id, 1);
  EXPECT_TRUE(first.continues_on_next_page);
  EXPECT_TRUE(next.continued_from_previous_page);
  EXPECT_TRUE(next.repeated_header);
  EXPECT_EQ(next.header_rows, 1);
  EXPECT_EQ(first.header_rows, 1);
  EXPECT_TRUE(next.first_row_continued);
}

TEST(TableContinuity, AFreshRowAfterTheRepeatedHeaderIsNotContinued) {
  Layout layout;
  layout.pages.push_back(MakePage(1, {MakeTable({{"A", "B", "C"}, {"1", "2", "3"}}, 600)}));
  layout.pages.push_back(MakePage(2, {MakeTable({{"A", "B", "C"}, {"4", "5", "6"}}, 50)}));
  LinkTablesAcrossPages(&layout);
  EXPECT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_FALSE(layout.pages[1].tables[0].first_row_continued);
}

TEST(TableContinuity, DoesNotLinkAcrossTextOrDifferentColumns) {
  struct Case {
    const char* name;
    Layout layout;
  };
  std::vector<Case> cases;
  {
    Layout l;  // a paragraph after the table on page 1
    l.pages.push_back(MakePage(1, {MakeTable({{"A", "B", "C"}}, 500)}, {Content(700)}));
    l.pages.push_back(MakePage(2, {MakeTable({{"A", "B", "C"}}, 50)}));
    cases.push_back({"text below the table", l});
  }
  {
    Layout l;  // a heading before the table on page 2
    l.pages.push_back(MakePage(1, {MakeTable({{"A", "B", "C"}}, 600)}));
    l.pages.push_back(MakePage(2, {MakeTable({{"A", "B", "C"}}, 80)}, {Content(50)}));
    cases.push_back({"text above the next table", l});
  }
  {
    Layout l;  // the next table sits elsewhere
    l.pages.push_back(MakePage(1, {MakeTable({{"A", "B", "C"}}, 600)}));
    l.pages.push_back(MakePage(2, {MakeTable({{"A", "B", "C"}}, 50, 150)}));
    cases.push_back({"other columns", l});
  }
  for (Case& c : cases) {
    LinkTablesAcrossPages(&c.layout);
    EXPECT_EQ(c.layout.pages[1].tables[0].id, 2) << c.name;
    EXPECT_FALSE(c.layout.pages[1].tables[0].continued_from_previous_page) << c.name;
  }
}

// Every cell of `table` set in `size` points.
Table WithTextSize(Table table, double size) {
  for (Cell& cell : table.cells) {
    TextLine line;
    line.text = cell.text;
    line.bbox = cell.bbox;
    line.size = size;
    cell.lines.push_back(line);
  }
  return table;
}

TextLine Line(const std::string& text, double y, double size) {
  TextLine line = Content(y);
  line.text = text;
  line.size = size;
  return line;
}

TEST(TableContinuity, FootnotesUnderTheTableDoNotStopIt) {
  Layout layout;
  layout.pages.push_back(MakePage(1, {WithTextSize(MakeTable({{"A", "B", "C"}, {"1", "2", "3"}}, 500), 14)},
                                  {Line("1 note on a cell", 700, 10)}));
  layout.pages.push_back(MakePage(2, {WithTextSize(MakeTable({{"A", "B", "C"}, {"4", "5", "6"}}, 50), 14)}));
  LinkTablesAcrossPages(&layout);
  EXPECT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_EQ(layout.pages[1].tables[0].id, 1);
}

TEST(TableContinuity, TextAsLargeAsTheTableUnderItStopsIt) {
  Layout layout;
  layout.pages.push_back(MakePage(1, {WithTextSize(MakeTable({{"A", "B", "C"}, {"1", "2", "3"}}, 500), 14)},
                                  {Line("A paragraph after the table.", 700, 14)}));
  layout.pages.push_back(MakePage(2, {WithTextSize(MakeTable({{"A", "B", "C"}, {"4", "5", "6"}}, 50), 14)}));
  LinkTablesAcrossPages(&layout);
  EXPECT_FALSE(layout.pages[1].tables[0].continued_from_previous_page);
}

TEST(TableContinuity, RunningCaptionRepeatedOverEachPartDoesNotStopIt) {
  Layout layout;
  layout.pages.push_back(MakePage(1, {MakeTable({{"A", "B", "C"}, {"1", "2", "3"}}, 600)},
                                  {Line("Modes: (1) cross-border (2) abroad", 580, 14)}));
  layout.pages.push_back(MakePage(2, {MakeTable({{"A", "B", "C"}, {"4", "5", "6"}}, 80)},
                                  {Line("Modes: (1) cross-border (2) abroad", 50, 14)}));
  LinkTablesAcrossPages(&layout);
  EXPECT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_TRUE(layout.pages[1].tables[0].repeated_header);
}

TEST(TableContinuity, ADifferentCaptionOverTheNextTableStopsIt) {
  Layout layout;
  layout.pages.push_back(MakePage(1, {MakeTable({{"A", "B", "C"}, {"1", "2", "3"}}, 600)},
                                  {Line("Commitments of side one", 580, 14)}));
  layout.pages.push_back(MakePage(2, {MakeTable({{"A", "B", "C"}, {"4", "5", "6"}}, 80)},
                                  {Line("Commitments of side two", 50, 14)}));
  LinkTablesAcrossPages(&layout);
  EXPECT_FALSE(layout.pages[1].tables[0].continued_from_previous_page);
}

}  // namespace
}  // namespace docpipe
