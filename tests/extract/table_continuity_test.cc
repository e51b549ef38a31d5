#include "extract/table_continuity.h"

#include <gtest/gtest.h>

#include <algorithm>

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

// Sets the cell (row, col) to lines of 12 pt text at the given left edges.
void SetCell(Table* table, int row, int col, const std::vector<std::pair<std::string, double>>& lines) {
  for (Cell& cell : table->cells) {
    if (cell.row != row || cell.col != col) continue;
    cell.text.clear();
    cell.lines.clear();
    double y = cell.bbox.y0;
    for (const auto& [text, x] : lines) {
      TextLine line;
      line.text = text;
      line.size = 12;
      line.bbox = {x, y, x + 30, y + 12};
      y += 14;
      cell.text += text;
      cell.lines.push_back(line);
    }
  }
}
void SetKey(Table* table, int row, const std::vector<std::pair<std::string, double>>& lines) {
  SetCell(table, row, 0, lines);
}

// Entries of the key column begin at x 52 and wrap to x 64 (a hanging
// indent); the last row of page 1 is "(c)Rental of", cut by the break.
Layout HangingIndentTable(const std::vector<std::pair<std::string, double>>& first_key_of_page_2) {
  Layout layout;
  Table one = MakeTable({{"Sector", "Commitment", "Other"}, {"", "(1)None", ""}, {"", "(1)None", ""}, {"", "(1)None", ""}},
                        600);
  SetKey(&one, 1, {{"(a)Rental of", 52}, {"ships", 64}});
  SetKey(&one, 2, {{"(b)Rental of", 52}, {"aircraft", 64}});
  SetKey(&one, 3, {{"(c)Rental of", 52}});
  Table two = MakeTable({{"Sector", "Commitment", "Other"}, {"", "(2)None", ""}, {"", "(1)None", ""}}, 50);
  SetKey(&two, 1, first_key_of_page_2);
  SetKey(&two, 2, {{"(d)Other", 52}, {"rentals", 64}});
  layout.pages.push_back(MakePage(1, {one}));
  layout.pages.push_back(MakePage(2, {two}));
  return layout;
}

TEST(TableContinuity, AKeyCellStartingAtTheHangingIndentContinuesTheCutRow) {
  Layout layout = HangingIndentTable({{"cars (CPC831)", 64}});
  LinkTablesAcrossPages(&layout);
  ASSERT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_TRUE(layout.pages[1].tables[0].first_row_continued);
}

// The key of the row on page 2 starts where entries start (a sub-item of
// the cut key), but the commitment column goes on mid-sentence: its first
// line stands where that column's wrapped lines stand (x 164, entries at
// 152).
TEST(TableContinuity, ACellOfAnyColumnStartingAtItsHangingIndentContinuesTheCutRow) {
  Layout layout = HangingIndentTable({{"-cars", 52}});
  Table& one = layout.pages[0].tables[0];
  SetCell(&one, 1, 1, {{"(1)None.", 152}, {"(3)Allowed to", 152}, {"set up offices.", 164}});
  SetCell(&one, 2, 1, {{"(1)None.", 152}, {"(3)Allowed to", 152}, {"set up offices.", 164}});
  SetCell(&one, 3, 1, {{"(1)None.", 152}, {"(3)Allowed to", 152}});
  Table& two = layout.pages[1].tables[0];
  SetCell(&two, 1, 1, {{"set up offices.", 164}, {"(4)None.", 152}});
  SetCell(&two, 2, 1, {{"(1)None.", 152}});
  LinkTablesAcrossPages(&layout);
  EXPECT_TRUE(layout.pages[1].tables[0].first_row_continued);
  // The same row starting with its first item, where entries begin, is a
  // fresh row.
  Layout fresh = HangingIndentTable({{"(d)Rental of", 52}});
  SetCell(&fresh.pages[0].tables[0], 1, 1, {{"(1)None.", 152}, {"(3)Allowed to", 152}, {"set up offices.", 164}});
  SetCell(&fresh.pages[0].tables[0], 2, 1, {{"(1)None.", 152}, {"(3)Allowed to", 152}, {"set up offices.", 164}});
  SetCell(&fresh.pages[0].tables[0], 3, 1, {{"(1)None.", 152}});
  SetCell(&fresh.pages[1].tables[0], 1, 1, {{"(1)None.", 152}, {"(4)None.", 152}});
  LinkTablesAcrossPages(&fresh);
  EXPECT_FALSE(fresh.pages[1].tables[0].first_row_continued);
}

TEST(TableContinuity, AKeyCellStartingWhereEntriesBeginIsAFreshRow) {
  Layout layout = HangingIndentTable({{"(d)Rental of", 52}, {"cars", 64}});
  LinkTablesAcrossPages(&layout);
  ASSERT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_FALSE(layout.pages[1].tables[0].first_row_continued);
}

TEST(TableContinuity, AKeyColumnWithoutHangingIndentGivesNoEvidenceOfACut) {
  // Every line of the key column starts at one x: an entry's first line and
  // a wrapped line look the same, so the row is taken as printed.
  Layout layout = HangingIndentTable({{"cars (CPC831)", 52}});
  for (Page& page : layout.pages) {
    for (Cell& cell : page.tables[0].cells) {
      for (TextLine& line : cell.lines) line.bbox.x0 = 52;
    }
  }
  LinkTablesAcrossPages(&layout);
  ASSERT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_FALSE(layout.pages[1].tables[0].first_row_continued);
}

TEST(TableContinuity, CentredKeyCellsGiveNoEvidenceOfACut) {
  Layout layout = HangingIndentTable({{"cars (CPC831)", 64}});
  double x = 52;
  for (Page& page : layout.pages) {
    for (Cell& cell : page.tables[0].cells) {
      if (cell.col == 0 && cell.row > 0 && !cell.lines.empty() && cell.text != "cars (CPC831)") {
        cell.lines.front().bbox.x0 = (x += 7);
      }
    }
  }
  LinkTablesAcrossPages(&layout);
  EXPECT_FALSE(layout.pages[1].tables[0].first_row_continued);
}

// A statement's items start at x 70 and wrap back to x 52 (a first-line
// indent). Page 2 opens with a key at the wrap x: the rest of the cut item.
// When a heading of the column also starts at x 52, that x says nothing.
TEST(TableContinuity, FirstLineIndentedColumnsGoOnWhereTheirLinesWrap) {
  auto statement = [](const std::string& heading_x52) {
    Layout layout;
    Table one = MakeTable({{"Item", "2018", "2017"}, {"", "1", "2"}, {"", "3", "4"}, {"", "5", "6"}}, 600);
    SetKey(&one, 1, {{heading_x52.empty() ? "Cash received" : heading_x52, heading_x52.empty() ? 70 : 52}});
    SetKey(&one, 2, {{"Cash received from", 70}, {"sales", 52}});
    SetKey(&one, 3, {{"1. Remeasurement of", 70}});
    Table two = MakeTable({{"Item", "2018", "2017"}, {"", "", ""}, {"", "7", "8"}, {"", "9", "10"}}, 50);
    SetKey(&two, 1, {{"defined benefit plans", 52}});
    SetKey(&two, 2, {{"Interest received", 70}, {"in cash", 52}});
    SetKey(&two, 3, {{"Taxes refunded", 70}});
    layout.pages.push_back(MakePage(1, {one}));
    layout.pages.push_back(MakePage(2, {two}));
    LinkTablesAcrossPages(&layout);
    return layout.pages[1].tables[0].first_row_continued;
  };
  EXPECT_TRUE(statement(""));
  EXPECT_FALSE(statement("VII. Earnings per share"));
}

// A label column that centres its entries, as Word sets a table with
// vertically centred labels: rows of the given heights from y0, three
// columns 100 pt wide; cells hold 12 pt lines 14 pt apart, placed from the
// given y (a label's text at its cell's middle, an item's at its top).
Table HeightsTable(const std::vector<double>& heights, double y0) {
  Table t;
  t.rows = static_cast<int>(heights.size());
  t.cols = 3;
  double y = y0;
  for (int r = 0; r < t.rows; ++r) {
    for (int c = 0; c < 3; ++c) {
      Cell cell;
      cell.row = r;
      cell.col = c;
      cell.bbox = {50.0 + 100 * c, y, 150.0 + 100 * c, y + heights[static_cast<size_t>(r)]};
      t.cells.push_back(cell);
    }
    y += heights[static_cast<size_t>(r)];
  }
  t.bbox = {50, y0, 350, y};
  return t;
}

enum class Place { kTop, kMiddle };

void Fill(Table* table, int row, int col, const std::vector<std::string>& lines, Place place) {
  for (Cell& cell : table->cells) {
    if (cell.row != row || cell.col != col) continue;
    const double height = 14.0 * static_cast<double>(lines.size()) - 2;
    double y = place == Place::kTop ? cell.bbox.y0 + 1
                                    : (cell.bbox.y0 + cell.bbox.y1) / 2 - height / 2;
    cell.text.clear();
    cell.lines.clear();
    for (const std::string& text : lines) {
      TextLine line;
      line.text = text;
      line.size = 12;
      line.bbox = {cell.bbox.x0 + 5, y, cell.bbox.x0 + 60, y + 12};
      y += 14;
      cell.text += text;
      cell.lines.push_back(line);
    }
  }
}

// Curriculum draft 10229, pages 15-16: the label "科技知識(k)" is cut by the
// break; page 16 carries "(k)" at the top of its cell, where the labels of
// the column stand midway. `second_key` is the first key of page 2, placed
// at `key_place`; `centred_labels` false sets every label at its top.
Layout CentredLabelTable(const std::string& second_key, Place key_place, bool centred_labels = true) {
  const Place label = centred_labels ? Place::kMiddle : Place::kTop;
  Layout layout;
  Table one = HeightsTable({16, 60, 16}, 700);
  Fill(&one, 0, 0, {"Kind"}, Place::kTop);
  Fill(&one, 0, 1, {"Items"}, Place::kTop);
  Fill(&one, 1, 0, {"Design (P)"}, label);
  Fill(&one, 1, 1, {"P-1 sketch", "P-2 draw", "P-3 build"}, Place::kTop);
  Fill(&one, 2, 0, {"Knowledge"}, Place::kTop);
  Fill(&one, 2, 1, {"k-1 know systems"}, Place::kTop);
  Table two = HeightsTable({16, 40, 60, 60}, 50);
  Fill(&two, 0, 0, {"Kind"}, Place::kTop);
  Fill(&two, 0, 1, {"Items"}, Place::kTop);
  Fill(&two, 1, 0, {second_key}, key_place);
  Fill(&two, 1, 1, {"k-3 choose tools", "k-4 use them"}, Place::kTop);
  Fill(&two, 2, 0, {"Attitude (a)"}, label);
  Fill(&two, 2, 1, {"a-1 take part", "a-2 value", "a-3 care"}, Place::kTop);
  Fill(&two, 3, 0, {"Skills (s)"}, label);
  Fill(&two, 3, 1, {"s-1 draw", "s-2 use", "s-3 build"}, Place::kTop);
  layout.pages.push_back(MakePage(1, {one}));
  layout.pages.push_back(MakePage(2, {two}));
  return layout;
}

TEST(TableContinuity, AKeyCarriedToTheTopOfACentredColumnContinuesTheCutRow) {
  Layout layout = CentredLabelTable("(k)", Place::kTop);
  LinkTablesAcrossPages(&layout);
  ASSERT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_TRUE(layout.pages[1].tables[0].first_row_continued);
}

TEST(TableContinuity, AKeyCentredAsItsColumnCentresEntriesIsAFreshRow) {
  Layout layout = CentredLabelTable("Tools (t)", Place::kMiddle);
  LinkTablesAcrossPages(&layout);
  ASSERT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_FALSE(layout.pages[1].tables[0].first_row_continued);
}

TEST(TableContinuity, AKeyAtTheTopOfATopAlignedColumnIsAFreshRow) {
  Layout layout = CentredLabelTable("Tools (t)", Place::kTop, /*centred_labels=*/false);
  LinkTablesAcrossPages(&layout);
  ASSERT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_FALSE(layout.pages[1].tables[0].first_row_continued);
}

// Curriculum draft 10229, pages 10-11: the key "普通型…部定必" is merged over
// two rows and the break falls between them; page 11 carries "修課程" to the
// top of its cell, but the row beside it opens a fresh entry ("學習內容",
// centred as that column centres its entries). Joining the rows would merge
// two entries: the row stays apart.
TEST(TableContinuity, AKeyCarriedOverBesideAFreshCentredEntryIsNotACutRow) {
  Layout layout = CentredLabelTable("(k)", Place::kTop);
  for (Page& page : layout.pages) {
    Table& table = page.tables[0];
    for (int row = 1; row < table.rows; ++row) Fill(&table, row, 2, {"V"}, Place::kMiddle);
  }
  Fill(&layout.pages[0].tables[0], 2, 2, {"V"}, Place::kTop);  // the cut row, one line tall
  EXPECT_FALSE([&] {
    Layout l = layout;
    LinkTablesAcrossPages(&l);
    return l.pages[1].tables[0].first_row_continued;
  }());
  // The same table with the cut entry of that column going on at the top.
  Fill(&layout.pages[1].tables[0], 1, 2, {"V"}, Place::kTop);
  LinkTablesAcrossPages(&layout);
  EXPECT_TRUE(layout.pages[1].tables[0].first_row_continued);
}

// Curriculum draft 10229, pages 47-48: the cut key "資料表示、" stops on an
// enumeration comma; page 48's "處理及分析(D)" fills its cell, so where it
// stands says nothing. A numbering label ends on its mark and is whole.
TEST(TableContinuity, ACutKeyStoppingOnACommaContinuesTheCutRow) {
  auto joined = [](const std::string& cut_key) {
    Layout layout = CentredLabelTable("處理及分析(D)", Place::kMiddle);
    Fill(&layout.pages[0].tables[0], 2, 0, {cut_key}, Place::kTop);
    LinkTablesAcrossPages(&layout);
    return layout.pages[1].tables[0].first_row_continued;
  };
  EXPECT_TRUE(joined("資料表示、"));
  EXPECT_TRUE(joined("Data,"));
  EXPECT_TRUE(joined("資料(表示"));
  EXPECT_FALSE(joined("資料表示"));
  EXPECT_FALSE(joined("資料表示。"));
  EXPECT_FALSE(joined("一、"));
  EXPECT_FALSE(joined("(2)"));
}

// The columns of the cells of page 2's first body row marked as going on
// from the cell above them (Cell::continued_from_previous_page).
std::vector<int> CellsGoingOn(const Layout& layout) {
  std::vector<int> cols;
  const Table& two = layout.pages[1].tables[0];
  const int body = two.repeated_header ? two.header_rows : 0;
  for (const Cell& cell : two.cells) {
    if (cell.continued_from_previous_page) {
      EXPECT_EQ(cell.row, body);
      cols.push_back(cell.col);
    }
  }
  return cols;
}

// CentredLabelTable with a third column whose entries stand midway ("V"):
// page 2's first row opens a fresh entry there, centred.
Layout CentredLabelTableWithFreshThirdColumn(const std::string& second_key, Place key_place,
                                             bool centred_labels = true) {
  Layout layout = CentredLabelTable(second_key, key_place, centred_labels);
  for (Page& page : layout.pages) {
    Table& table = page.tables[0];
    for (int row = 1; row < table.rows; ++row) Fill(&table, row, 2, {"V"}, Place::kMiddle);
  }
  Fill(&layout.pages[0].tables[0], 2, 2, {"V"}, Place::kTop);  // the cut row, one line tall
  return layout;
}

// Curriculum draft 10229, pages 10-11: the key "普通型高級中等學校部定必" |
// "修課程" is one cell merged over two rows that the break cut; the row of
// page 11 is fresh ("學習內容" centred). The row stays apart; the key's rest
// is marked as going on from the cut key, and nothing else is.
TEST(TableContinuity, AKeyMergedOverRowsAcrossTheBreakGoesOnWhileItsRowIsFresh) {
  Layout layout = CentredLabelTableWithFreshThirdColumn("(k)", Place::kTop);
  LinkTablesAcrossPages(&layout);
  ASSERT_TRUE(layout.pages[1].tables[0].continued_from_previous_page);
  EXPECT_FALSE(layout.pages[1].tables[0].first_row_continued);
  EXPECT_EQ(CellsGoingOn(layout), std::vector<int>{0});
  // Cut on a comma, the key's rest goes on wherever it stands.
  Layout comma = CentredLabelTableWithFreshThirdColumn("處理及分析(D)", Place::kMiddle);
  Fill(&comma.pages[0].tables[0], 2, 0, {"資料表示、"}, Place::kTop);
  LinkTablesAcrossPages(&comma);
  EXPECT_FALSE(comma.pages[1].tables[0].first_row_continued);
  EXPECT_EQ(CellsGoingOn(comma), std::vector<int>{0});
}

// Counter-examples: page 2 opens a new key of its own, centred as its column
// centres them, or at the top of a column that sets every key at the top;
// the key above ends as text ends. No cell goes on.
TEST(TableContinuity, AFreshKeyAfterTheBreakDoesNotGoOnFromTheCutKey) {
  Layout centred = CentredLabelTableWithFreshThirdColumn("Tools (t)", Place::kMiddle);
  LinkTablesAcrossPages(&centred);
  EXPECT_FALSE(centred.pages[1].tables[0].first_row_continued);
  EXPECT_TRUE(CellsGoingOn(centred).empty());
  Layout top = CentredLabelTableWithFreshThirdColumn("Tools (t)", Place::kTop, /*centred_labels=*/false);
  LinkTablesAcrossPages(&top);
  EXPECT_FALSE(top.pages[1].tables[0].first_row_continued);
  EXPECT_TRUE(CellsGoingOn(top).empty());
  // A cut row joined whole marks no single cell.
  Layout joined = CentredLabelTable("(k)", Place::kTop);
  LinkTablesAcrossPages(&joined);
  EXPECT_TRUE(joined.pages[1].tables[0].first_row_continued);
  EXPECT_TRUE(CellsGoingOn(joined).empty());
}

// Merges the cells of column `col` from `row` over `rows` rows into the
// first one.
void Merge(Table* table, int row, int col, int rows) {
  double bottom = 0;
  for (const Cell& cell : table->cells) {
    if (cell.col == col && cell.row >= row && cell.row < row + rows) bottom = std::max(bottom, cell.bbox.y1);
  }
  table->cells.erase(std::remove_if(table->cells.begin(), table->cells.end(),
                                    [&](const Cell& cell) {
                                      return cell.col == col && cell.row > row && cell.row < row + rows;
                                    }),
                     table->cells.end());
  for (Cell& cell : table->cells) {
    if (cell.col == col && cell.row == row) {
      cell.row_span = rows;
      cell.bbox.y1 = bottom;
    }
  }
}

// Page 2's first column opens with a cell merged over two rows, left of the
// row's key. Its text at the top of a column that centres its entries goes
// on from the cut key; a fresh merged entry, centred, does not.
TEST(TableContinuity, AMergedCellOpeningThePartGoesOnOnlyFromTheTop) {
  auto going_on = [](const std::string& first, Place place) {
    Layout layout = CentredLabelTable("", Place::kTop);
    Table& two = layout.pages[1].tables[0];
    Merge(&two, 1, 0, 2);
    Fill(&two, 1, 0, {first}, place);
    LinkTablesAcrossPages(&layout);
    EXPECT_FALSE(layout.pages[1].tables[0].first_row_continued) << first;
    return CellsGoingOn(layout);
  };
  EXPECT_EQ(going_on("(k)", Place::kTop), std::vector<int>{0});
  EXPECT_TRUE(going_on("Tools (t)", Place::kMiddle).empty());
}

}  // namespace
}  // namespace docpipe
