// The extract stage on PDFs generated here (tests/extract/pdf_writer.h), so
// that each case states what its pages hold.
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/file_io.h"
#include "extract/layout_json.h"
#include "extract/page_furniture.h"
#include "tests/extract/pdf_writer.h"

namespace docpipe {
namespace {

using testing::BuildPdf;
using testing::DrawGrid;
using testing::GridSkip;
using testing::PdfPage;

const Cell* CellAt(const Table& table, int row, int col) {
  for (const Cell& cell : table.cells) {
    if (cell.row == row && cell.col == col) return &cell;
  }
  return nullptr;
}

// Two pages: a running header, a "Page N of 2" footer, and a ruled table
// whose duty cell is merged over two task rows and which goes on to page 2,
// repeating its header row there and finishing the row the break cut.
std::string TwoPageTablePdf() {
  const std::vector<double> cols = {50, 150, 300, 550};
  PdfPage p1, p2;
  for (PdfPage* p : {&p1, &p2}) p->Text(50, 40, 9, "FORM-42 rev 3");
  p1.Text(50, 100, 14, "Duty table");
  DrawGrid(&p1, {600, 620, 660, 700}, cols, {GridSkip{false, 2, 0}});  // no rule under T1 in column 0
  p1.Text(55, 615, 10, "Duty").Text(155, 615, 10, "Task").Text(305, 615, 10, "Output");
  p1.Text(55, 635, 10, "T1 Plan").Text(155, 635, 10, "T1.1 Draft").Text(305, 635, 10, "O1.1.1 Plan");
  p1.Text(155, 675, 10, "T1.2 Review").Text(305, 675, 10, "O1.2.1 Review report");
  p1.Text(305, 690, 10, "O1.2.2 Audit");
  p1.Text(280, 770, 9, "Page 1 of 2");
  DrawGrid(&p2, {60, 80, 100, 130}, cols);
  p2.Text(55, 75, 10, "Duty").Text(155, 75, 10, "Task").Text(305, 75, 10, "Output");
  p2.Text(305, 95, 10, "checklist");
  p2.Text(55, 115, 10, "T2 Run").Text(155, 115, 10, "T2.1 Operate").Text(305, 115, 10, "O2.1.1 Log");
  p2.Text(280, 770, 9, "Page 2 of 2");
  return BuildPdf({p1, p2});
}

// Regression: a font named in a code page (the Control Yuan gazettes' Big5
// "標楷體", bytes BC D0 B7 A2 C5 E9) came out as U+FFFD marks, losing the
// name. It is now written in PDF name syntax, every byte kept; a name in
// ASCII (the counter-example, Helvetica on the same page) stays as it is.
TEST(Extractor, FontNamedInACodePageKeepsItsBytesInPdfNameSyntax) {
  PdfPage page;
  page.Text(50, 100, 12, "Big5 font").MappedText(50, 200, 12, "B");
  std::string pdf = BuildPdf({page});
  // The same length as "/Helvetica": the cross-reference offsets still hold.
  const std::string helvetica = "/BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  const size_t at = pdf.find(helvetica);
  ASSERT_NE(at, std::string::npos);
  pdf.replace(at + 10, 10, "/AB+\xBC\xD0\xB7\xA2\xC5\xE9");
  Result<Layout> layout = ExtractLayout(pdf, "big5-font.pdf", {});
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  ASSERT_EQ(layout->pages.size(), 1u);
  std::vector<std::string> fonts;
  for (const TextLine& line : layout->pages[0].lines) fonts.push_back(line.font);
  EXPECT_NE(std::find(fonts.begin(), fonts.end(), "AB+#BC#D0#B7#A2#C5#E9"), fonts.end()) << ::testing::PrintToString(fonts);
  for (const std::string& font : fonts) EXPECT_EQ(font.find("\xEF\xBF\xBD"), std::string::npos) << font;
  EXPECT_EQ(fonts.size(), 2u);
}

TEST(Extractor, FindsMergedCellsContinuedTablesAndPageFurniture) {
  Result<Layout> layout = ExtractLayout(TwoPageTablePdf(), "two.pdf", {});
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  ASSERT_EQ(layout->pages.size(), 2u);
  const Page& p1 = layout->pages[0];
  const Page& p2 = layout->pages[1];

  ASSERT_EQ(p1.lines.size(), 3u);
  EXPECT_EQ(p1.lines[0].text, "FORM-42 rev 3");
  EXPECT_EQ(p1.lines[0].role, LineRole::kHeader);
  EXPECT_EQ(p1.lines[1].text, "Duty table");
  EXPECT_EQ(p1.lines[1].role, LineRole::kContent);
  EXPECT_EQ(p1.lines[2].text, "Page 1 of 2");
  EXPECT_EQ(p1.lines[2].role, LineRole::kFooter);

  ASSERT_EQ(p1.tables.size(), 1u);
  const Table& t1 = p1.tables[0];
  EXPECT_EQ(t1.rows, 3);
  EXPECT_EQ(t1.cols, 3);
  const Cell* duty = CellAt(t1, 1, 0);
  ASSERT_NE(duty, nullptr);
  EXPECT_EQ(duty->text, "T1 Plan");
  EXPECT_EQ(duty->row_span, 2);
  EXPECT_EQ(CellAt(t1, 2, 0), nullptr);
  EXPECT_EQ(CellAt(t1, 2, 2)->text, "O1.2.1 Review report O1.2.2 Audit");
  ASSERT_EQ(CellAt(t1, 2, 2)->lines.size(), 2u);
  EXPECT_TRUE(t1.continues_on_next_page);
  EXPECT_EQ(t1.header_rows, 1);

  ASSERT_EQ(p2.tables.size(), 1u);
  const Table& t2 = p2.tables[0];
  EXPECT_EQ(t2.id, t1.id);
  EXPECT_TRUE(t2.continued_from_previous_page);
  EXPECT_TRUE(t2.repeated_header);
  EXPECT_EQ(t2.header_rows, 1);
  EXPECT_TRUE(t2.first_row_continued);
  EXPECT_EQ(CellAt(t2, 1, 2)->text, "checklist");
  EXPECT_EQ(CellAt(t2, 2, 0)->text, "T2 Run");
}

// Rules drawn as thin bars filled with the even-odd rule (f*), as some
// writers draw table borders, make a table like stroked lines do.
// ExtractPages keeps only skeletons of the pages for the cross-page steps
// and spills the pages of a long document to a file: the layout must be the
// one of pages kept whole in memory, with workers or without.
TEST(Extractor, SpilledPagesGiveTheSameLayoutAsPagesKeptInMemory) {
  std::vector<std::pair<std::string, std::string>> pdfs = {{"two.pdf", TwoPageTablePdf()}};
  for (const char* name : {"samples/pdf/INM2529-002v2.pdf", "samples/pdf/IIS3513-001v4_layout2.pdf",
                           "samples/real/tisa-services-commitments-appendix1.pdf",
                           "samples/real/nuclear-accident-response-directive.pdf"}) {
    Result<std::string> bytes = ReadFile(std::string(DOCPIPE_SOURCE_DIR) + "/" + name);
    ASSERT_TRUE(bytes.ok()) << name;
    pdfs.emplace_back(name, *bytes);
  }
  for (const auto& [name, bytes] : pdfs) {
    ExtractOptions in_memory;
    in_memory.ocr = OcrMode::kNever;
    Result<Layout> expected = ExtractLayout(bytes, name, in_memory);
    ASSERT_TRUE(expected.ok()) << name << ": " << expected.status().ToString();
    for (int jobs : {1, 2}) {
      ExtractOptions spilled = in_memory;
      spilled.max_pages_in_memory = 0;
      spilled.jobs = jobs;
      spilled.min_pages_per_worker = 1;
      Result<Layout> got = ExtractLayout(bytes, name, spilled);
      ASSERT_TRUE(got.ok()) << name << ": " << got.status().ToString();
      EXPECT_TRUE(LayoutJsonText(*got, false) == LayoutJsonText(*expected, false)) << name << " -j " << jobs;
    }
  }
}

// The roles LabelPageFurniture gives a layout of FurnitureSkeletons are those
// it gives the whole pages (the tisa appendix: a part header atop a run of
// pages, page numbers, a table on most pages).
TEST(Extractor, FurnitureOfSkeletonsIsTheFurnitureOfWholePages) {
  Result<std::string> bytes =
      ReadFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/real/tisa-services-commitments-appendix1.pdf");
  ASSERT_TRUE(bytes.ok());
  Result<Layout> layout = ExtractLayout(*bytes, "tisa.pdf", {});
  ASSERT_TRUE(layout.ok());
  Layout whole = *layout;
  Layout skeletons;
  size_t furniture = 0;
  for (Page& page : whole.pages) {
    for (TextLine& line : page.lines) {
      furniture += line.role != LineRole::kContent;
      line.role = LineRole::kContent;
    }
    skeletons.pages.push_back(FurnitureSkeleton(page));
  }
  ASSERT_GT(furniture, 10u);
  LabelPageFurniture(&whole);
  LabelPageFurniture(&skeletons);
  for (size_t p = 0; p < whole.pages.size(); ++p) {
    ASSERT_EQ(whole.pages[p].lines.size(), skeletons.pages[p].lines.size());
    for (size_t l = 0; l < whole.pages[p].lines.size(); ++l) {
      EXPECT_EQ(whole.pages[p].lines[l].role, skeletons.pages[p].lines[l].role) << "page " << p + 1 << " line " << l;
    }
  }
}

TEST(Extractor, FindsATableRuledWithEvenOddFilledBars) {
  PdfPage page;
  std::ostringstream bars;
  for (double y : {100.0, 120.0, 140.0}) bars << "50 " << 792 - y << " 300 0.6 re f*\n";  // top-left y to PDF y
  for (double x : {50.0, 150.0, 350.0}) bars << x << " " << 792 - 140 << " 0.6 40 re f*\n";
  page.Raw(bars.str());
  page.Text(55, 115, 10, "Code").Text(155, 115, 10, "Name");
  page.Text(55, 135, 10, "K01").Text(155, 135, 10, "Networks");
  Result<Layout> layout = ExtractLayout(BuildPdf({page}), "bars.pdf", {});
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  ASSERT_EQ(layout->pages[0].tables.size(), 1u);
  const Table& table = layout->pages[0].tables[0];
  EXPECT_EQ(table.rows, 2);
  EXPECT_EQ(table.cols, 2);
  ASSERT_NE(CellAt(table, 1, 1), nullptr);
  EXPECT_EQ(CellAt(table, 1, 1)->text, "Networks");
}

// A bar chart drawn with gridlines (ICDAR 2013 eu-012 page 3): a ruled
// grid with values in it, and tick marks under its bottom rule. With the
// ticks it is a chart and its values stay text; the same grid without them
// is a table.
TEST(Extractor, AGridWithAxisTicksIsAChartNotATable) {
  auto extract = [](bool ticks) {
    PdfPage page;
    DrawGrid(&page, {100, 120, 140, 160}, {100, 160, 220, 280, 340, 400});
    page.Text(110, 115, 8, "30.5").Text(230, 115, 8, "49.0").Text(350, 115, 8, "20.4");
    page.Text(110, 135, 8, "29.7").Text(230, 135, 8, "48.6").Text(350, 135, 8, "21.7");
    page.Text(110, 155, 8, "28.7").Text(230, 155, 8, "46.3").Text(350, 155, 8, "25.0");
    if (ticks) {
      for (double x = 100; x <= 400; x += 60) page.Line(x, 160, x, 163);
    }
    page.Text(95, 172, 8, "0%").Text(395, 172, 8, "100%");
    Result<Layout> layout = ExtractLayout(BuildPdf({page}), "chart.pdf", {});
    EXPECT_TRUE(layout.ok()) << layout.status().ToString();
    return layout.ok() ? layout->pages[0] : Page{};
  };
  const Page chart = extract(true);
  EXPECT_TRUE(chart.tables.empty());
  std::string text;
  for (const TextLine& line : chart.lines) text += line.text + "|";
  EXPECT_NE(text.find("49.0"), std::string::npos) << text;  // nothing lost
  const Page table = extract(false);
  ASSERT_EQ(table.tables.size(), 1u);
  EXPECT_EQ(table.tables[0].rows, 3);
}

TEST(Extractor, CollapsesFakeBold) {
  PdfPage page;
  for (double dx : {0.0, 0.25, 0.5}) page.Text(100 + dx, 100, 12, "Bold title");
  page.Text(100, 130, 12, "plain");
  Result<Layout> layout = ExtractLayout(BuildPdf({page}), "bold.pdf", {});
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  ASSERT_EQ(layout->pages[0].lines.size(), 2u);
  EXPECT_EQ(layout->pages[0].lines[0].text, "Bold title");
  EXPECT_EQ(layout->pages[0].lines[1].text, "plain");
}

// Regression (issue 14): macOS Quartz maps one glyph to a Kangxi radical,
// the ideograph and a compatibility ideograph (⾏行行), and every text layer
// read "健⾏行行科技⼤大學". Decided per glyph: two glyphs that really
// repeat a character (行行, 謝謝) stay two, a ligature stays "ff".
TEST(Extractor, GlyphMappedToOneCharacterSeveralWaysReadsOnce) {
  PdfPage page;
  page.MappedText(100, 100, 12, "A");
  page.MappedText(100, 130, 12, "AA");
  page.MappedText(100, 160, 12, "BB");
  page.MappedText(100, 190, 12, "C");
  page.MappedText(100, 220, 12, "D");
  Result<Layout> layout = ExtractLayout(BuildPdf({page}), "quartz.pdf", {});
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  std::vector<std::string> texts;
  for (const TextLine& line : layout->pages[0].lines) texts.push_back(line.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"行", "行行", "謝謝", "ff", "民"}));
}

TEST(Extractor, ExtractsAPageRangeAndRejectsOneOutsideTheDocument) {
  ExtractOptions second;
  second.first_page = 2;
  second.last_page = 2;
  Result<Layout> layout = ExtractLayout(TwoPageTablePdf(), "two.pdf", second);
  ASSERT_TRUE(layout.ok());
  ASSERT_EQ(layout->pages.size(), 1u);
  EXPECT_EQ(layout->pages[0].number, 2);
  EXPECT_EQ(layout->page_count, 2);

  ExtractOptions outside;
  outside.first_page = 2;
  outside.last_page = 5;
  EXPECT_EQ(ExtractLayout(TwoPageTablePdf(), "two.pdf", outside).status().code(), Status::Code::kInvalidArgument);
}

TEST(Extractor, ReportsAPageThatFailsAndExtractsTheOthers) {
  PdfPage good, broken;
  good.Text(100, 100, 12, "still here");
  broken.Raw("BT /F9 12 Tf 100 600 Td (lost) Tj ET\n");  // F9 is no font of the page
  Result<Layout> layout = ExtractLayout(BuildPdf({good, broken}), "broken.pdf", {});
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  ASSERT_EQ(layout->pages.size(), 2u);
  EXPECT_FALSE(layout->pages[0].failed);
  EXPECT_EQ(layout->pages[0].lines[0].text, "still here");
  EXPECT_TRUE(layout->pages[1].failed);
  EXPECT_FALSE(layout->pages[1].warnings.empty());
}

// A page stopped by a resource bound (here its time budget) is not a bad
// page: when no page could be read and one of them was stopped so, the
// document fails as a limit exceeded (exit 11), naming that page, even when
// another page is damaged; a document whose pages are only damaged stays bad
// input.
TEST(Extractor, NoPageReadBecauseOfAPageBoundIsALimitExceededNotBadInput) {
  PdfPage broken, slow;
  broken.Raw("BT /F9 12 Tf 100 600 Td (lost) Tj ET\n");  // F9 is no font of the page
  std::string strokes;
  for (int i = 0; i < 400000; ++i) strokes += "10 10 m 20 20 l S\n";
  slow.Raw(strokes);
  ExtractOptions options;
  options.page_seconds = 0.05;  // the strokes take several times that
  Result<Layout> both = ExtractLayout(BuildPdf({broken, slow}), "slow.pdf", options);
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.status().code(), Status::Code::kLimitExceeded) << both.status().ToString();
  EXPECT_NE(both.status().message().find("no page could be read (page 2: the page was not read within its time budget"),
            std::string::npos)
      << both.status().ToString();

  Result<Layout> damaged = ExtractLayout(BuildPdf({broken}), "broken.pdf", {});
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().code(), Status::Code::kBadInput) << damaged.status().ToString();
  EXPECT_NE(damaged.status().message().find("no page could be read (page 1"), std::string::npos)
      << damaged.status().ToString();
}

struct BadInputCase {
  const char* name;
  std::string bytes;
  Status::Code code;
  const char* message_part;
};

TEST(Extractor, RejectsBadInputWithAClearReason) {
  std::string pdf = TwoPageTablePdf();
  PdfPage drawing_only;
  DrawGrid(&drawing_only, {100, 200}, {100, 200});
  const std::vector<BadInputCase> cases = {
      {"empty", "", Status::Code::kBadInput, "empty"},
      {"text, not a PDF", "hello, world\n", Status::Code::kBadInput, "not a PDF"},
      {"PNG bytes", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\0'), Status::Code::kBadInput, "not a PDF"},
      // Cut in half: poppler cannot rebuild a page catalog from what is left.
      {"truncated", pdf.substr(0, pdf.size() / 2), Status::Code::kBadInput, "damaged PDF"},
      {"no text layer", BuildPdf({drawing_only}), Status::Code::kUnsupported, "no text layer"},
  };
  for (const BadInputCase& c : cases) {
    Result<Layout> layout = ExtractLayout(c.bytes, "in.pdf", {});
    ASSERT_FALSE(layout.ok()) << c.name;
    EXPECT_EQ(layout.status().code(), c.code) << c.name;
    EXPECT_NE(layout.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << layout.status().ToString();
  }
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(Extractor, OpensAnEncryptedPdfOnlyWithItsPassword) {
  if (std::system("qpdf --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "qpdf is not installed";
  const std::string plain = ::testing::TempDir() + "docpipe_plain.pdf";
  const std::string locked = ::testing::TempDir() + "docpipe_locked.pdf";
  {
    std::ofstream out(plain, std::ios::binary);
    out << TwoPageTablePdf();
  }
  std::string command = "qpdf --encrypt secret owner-pw 256 -- " + plain + " " + locked;
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::string bytes = ReadAll(locked);

  Result<Layout> none = ExtractLayout(bytes, locked, {});
  EXPECT_EQ(none.status().code(), Status::Code::kEncrypted);
  EXPECT_NE(none.status().message().find("password is needed"), std::string::npos);

  ExtractOptions wrong;
  wrong.password = "guess";
  Result<Layout> guessed = ExtractLayout(bytes, locked, wrong);
  EXPECT_EQ(guessed.status().code(), Status::Code::kEncrypted);
  EXPECT_NE(guessed.status().message().find("does not open"), std::string::npos);

  ExtractOptions right;
  right.password = "secret";
  Result<Layout> opened = ExtractLayout(bytes, locked, right);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->pages[0].tables.size(), 1u);
  std::remove(plain.c_str());
  std::remove(locked.c_str());
}

}  // namespace
}  // namespace docpipe
