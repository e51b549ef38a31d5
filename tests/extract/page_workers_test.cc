// Page workers (extract/page_workers.h) and their wire format
// (extract/page_wire.h): pages come back exactly and in order whatever the
// number of workers, and a worker's failure is the caller's failure.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cmath>
#include <map>
#include <thread>
#include <new>

#include "extract/page_wire.h"
#include "extract/page_workers.h"

namespace docpipe {
namespace {

TextLine Line(const std::string& text, double x) {
  TextLine line;
  line.text = text;
  line.bbox = {x, 0.1 + 0.2, x + 1.0 / 3, 7.000000000000001};
  line.font = "F\xff";  // not UTF-8: carried as bytes
  line.size = 10.5;
  line.role = LineRole::kFooter;
  return line;
}

// A page with every field of layout.h set to a value that is not a default.
Page FullPage(int number) {
  Page page;
  page.number = number;
  page.width = 595.2756;
  page.height = 841.8898;
  page.lines.push_back(Line("第 " + std::to_string(number) + " 頁", 1e-9));
  TextLine ocr_line = Line("讀到", 3);
  ocr_line.role = LineRole::kHeader;
  ocr_line.confidence = 0.123456789;
  ocr_line.low_confidence_words = {"讀", ""};
  page.lines.push_back(ocr_line);
  Table table;
  table.id = 7;
  table.bbox = {1, 2, 3, std::nextafter(4.0, 5.0)};
  table.rows = 2;
  table.cols = 3;
  table.ruling = TableRuling::kPartial;
  table.header_rows = 1;
  table.continued_from_previous_page = true;
  table.repeated_header = true;
  table.first_row_continued = true;
  table.continues_on_next_page = true;
  Cell cell;
  cell.row = 1;
  cell.col = 2;
  cell.row_span = 1;
  cell.col_span = 1;
  cell.bbox = {5, 6, 7, 8};
  cell.text = "cell";
  cell.continued_from_previous_page = true;
  cell.lines.push_back(Line("cell", 5));
  table.cells.push_back(cell);
  page.tables.push_back(table);
  page.warnings = {"PDF error at byte 12: x", ""};
  page.failed = true;
  page.over_limit = true;
  page.removed_duplicate_glyphs = 3;
  page.source = PageSource::kOcr;
  page.ocr = OcrInfo{"tesseract 5.3.0", "chi_tra 4.00", 300, -0.35, 4};
  return page;
}

TEST(PageWire, RoundTripsEveryFieldExactly) {
  const Page page = FullPage(12);
  const std::string frame = EncodePage(page);
  Result<Page> back = DecodePage(frame);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(EncodePage(*back), frame);
  EXPECT_EQ(back->number, 12);
  EXPECT_EQ(back->lines[0].bbox.y0, 0.1 + 0.2);  // not 0.3: no rounding
  EXPECT_EQ(back->lines[0].bbox.x0, 1e-9);
  EXPECT_EQ(back->lines[0].font, "F\xff");
  EXPECT_EQ(back->lines[0].role, LineRole::kFooter);
  EXPECT_FALSE(back->lines[0].confidence.has_value());
  EXPECT_EQ(back->lines[1].confidence, 0.123456789);
  EXPECT_EQ(back->lines[1].low_confidence_words, (std::vector<std::string>{"讀", ""}));
  ASSERT_EQ(back->tables.size(), 1u);
  const Table& t = back->tables[0];
  EXPECT_EQ(t.bbox.y1, std::nextafter(4.0, 5.0));
  EXPECT_EQ(t.ruling, TableRuling::kPartial);
  EXPECT_TRUE(t.continued_from_previous_page && t.repeated_header && t.first_row_continued && t.continues_on_next_page);
  EXPECT_EQ(t.header_rows, 1);
  ASSERT_EQ(t.cells.size(), 1u);
  EXPECT_EQ(t.cells[0].col, 2);
  EXPECT_TRUE(t.cells[0].continued_from_previous_page);
  EXPECT_EQ(t.cells[0].lines[0].text, "cell");
  EXPECT_EQ(back->warnings, page.warnings);
  EXPECT_TRUE(back->failed);
  EXPECT_TRUE(back->over_limit);
  EXPECT_EQ(back->removed_duplicate_glyphs, 3);
  EXPECT_EQ(back->source, PageSource::kOcr);
  ASSERT_TRUE(back->ocr.has_value());
  EXPECT_EQ(back->ocr->skew_degrees, -0.35);
  EXPECT_EQ(back->ocr->low_confidence_words, 4);
}

TEST(PageWire, TruncatedOrLongerFrameIsBadInput) {
  const std::string frame = EncodePage(FullPage(1));
  for (size_t n = 0; n < frame.size(); ++n) {
    EXPECT_FALSE(DecodePage(std::string_view(frame).substr(0, n)).ok()) << n;
  }
  EXPECT_FALSE(DecodePage(frame + "x").ok());
}

TEST(PageWire, HugeCountIsBadInputNotAnAllocation) {
  std::string frame = EncodePage(Page{});
  // The line count follows number (4 bytes), width and height (8 each).
  const uint64_t huge = uint64_t{1} << 60;
  frame.replace(20, 8, std::string(reinterpret_cast<const char*>(&huge), 8));
  EXPECT_FALSE(DecodePage(frame).ok());
}

std::vector<int> Numbers(const std::vector<Page>& pages) {
  std::vector<int> numbers;
  for (const Page& page : pages) numbers.push_back(page.number);
  return numbers;
}

TEST(PageWorkers, PagesComeBackInOrderForAnyNumberOfWorkers) {
  for (int workers : {1, 2, 3, 7, 40}) {
    std::vector<std::string> notes;
    Result<std::vector<Page>> pages = ReadPagesInWorkers(
        {3, 37, workers}, [](int n) { return FullPage(n); }, [] { return std::string("note"); }, &notes);
    ASSERT_TRUE(pages.ok()) << pages.status().ToString();
    std::vector<int> expected;
    for (int n = 3; n <= 37; ++n) expected.push_back(n);
    EXPECT_EQ(Numbers(*pages), expected) << workers;
    for (const Page& page : *pages) EXPECT_EQ(EncodePage(page), EncodePage(FullPage(page.number)));
    EXPECT_EQ(notes.size(), static_cast<size_t>(workers)) << workers;
  }
}

// Each worker is its own process: what one page's reading changes in memory
// is not seen by the parent (the reason a forked worker is safe with
// poppler's global state).
TEST(PageWorkers, WorkersAreSeparateProcesses) {
  const pid_t me = ::getpid();
  int reads_here = 0;
  Result<std::vector<Page>> pages = ReadPagesInWorkers(
      {1, 8, 2},
      [&](int n) {
        ++reads_here;
        Page page;
        page.number = n;
        page.removed_duplicate_glyphs = ::getpid() == me ? 0 : 1;
        return page;
      },
      nullptr, nullptr);
  ASSERT_TRUE(pages.ok());
  EXPECT_EQ(reads_here, 0);
  for (const Page& page : *pages) EXPECT_EQ(page.removed_duplicate_glyphs, 1) << page.number;
}

// A worker claims the next chunk when it is done with one: while one worker
// is held by two slow pages, the other reads the rest (with chunks dealt in
// turn, each would read half the pages whatever their cost).
TEST(PageWorkers, AWorkerHeldBySlowPagesLeavesTheRestToTheOthers) {
  Result<std::vector<Page>> pages = ReadPagesInWorkers(
      {1, 64, 2},
      [](int n) {
        if (n <= 2) std::this_thread::sleep_for(std::chrono::milliseconds(400));
        Page page;
        page.number = n;
        page.removed_duplicate_glyphs = static_cast<int>(::getpid());
        return page;
      },
      nullptr, nullptr);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  std::map<int, int> pages_by_worker;
  for (const Page& page : *pages) ++pages_by_worker[page.removed_duplicate_glyphs];
  const int slow_worker = (*pages)[0].removed_duplicate_glyphs;
  EXPECT_EQ(pages_by_worker.size(), 2u);
  // Pages 1-2 are one chunk (64 pages, 2 workers: chunks of 2); the worker
  // that took it may have taken one more chunk before, no more than a few.
  EXPECT_LE(pages_by_worker[slow_worker], 8) << "the slow worker read " << pages_by_worker[slow_worker] << " of 64";
}

TEST(PageWorkers, OutOfMemoryInAWorkerIsThrownInTheCaller) {
  auto read = [](int n) {
    if (n == 9) throw std::bad_alloc();
    Page page;
    page.number = n;
    return page;
  };
  EXPECT_THROW(ReadPagesInWorkers({1, 12, 3}, read, nullptr, nullptr), std::bad_alloc);
}

TEST(PageWorkers, AWorkerKilledIsAnInternalError) {
  auto read = [](int n) {
    if (n == 5) ::raise(SIGKILL);
    Page page;
    page.number = n;
    return page;
  };
  Result<std::vector<Page>> pages = ReadPagesInWorkers({1, 12, 3}, read, nullptr, nullptr);
  ASSERT_FALSE(pages.ok());
  EXPECT_EQ(pages.status().code(), Status::Code::kInternal);
  EXPECT_NE(pages.status().message().find("signal 9"), std::string::npos) << pages.status().message();
}

TEST(PageWorkers, AnExceptionInAWorkerIsAnInternalErrorWithItsMessage) {
  auto read = [](int n) -> Page {
    if (n == 2) throw std::runtime_error("page two is cursed");
    Page page;
    page.number = n;
    return page;
  };
  Result<std::vector<Page>> pages = ReadPagesInWorkers({1, 12, 2}, read, nullptr, nullptr);
  ASSERT_FALSE(pages.ok());
  EXPECT_NE(pages.status().message().find("page two is cursed"), std::string::npos) << pages.status().message();
}

// A library that aborts in a worker (poppler on an allocation past the
// memory ceiling) aborts the caller, as it would with one process: the
// command's SIGABRT handler then says "limit exceeded".
TEST(PageWorkersDeathTest, AnAbortInAWorkerAbortsTheCaller) {
  auto read = [](int n) {
    if (n == 4) std::abort();
    Page page;
    page.number = n;
    return page;
  };
  EXPECT_DEATH((void)ReadPagesInWorkers({1, 12, 3}, read, nullptr, nullptr), "");
}

TEST(PageWorkers, AvailableCoresIsAtLeastOne) { EXPECT_GE(AvailableCores(), 1); }

}  // namespace
}  // namespace docpipe
