// `extract` and `normalize` with page workers (-j), as a user runs them: the
// same bytes as -j 1, the option in --help, and the limits still hold.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/cli/run_command.h"
#include "tests/extract/pdf_writer.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;
const std::string kSource = DOCPIPE_SOURCE_DIR;
constexpr int kExitLimit = 11;

class PageJobsTest : public testing::TempDirTest {
 protected:
  std::string Read(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

TEST_F(PageJobsTest, HelpNamesTheJobsOption) {
  for (const char* command : {"extract", "normalize"}) {
    testing::CommandResult r = RunCommand(kDocpipe + " " + command + " --help");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("-j,--jobs"), std::string::npos) << command << "\n" << r.output;
    EXPECT_NE(r.output.find("one per core"), std::string::npos) << command << "\n" << r.output;
  }
}

TEST_F(PageJobsTest, NegativeJobsIsAUsageError) {
  const std::string pdf = Quote(kSource + "/samples/pdf/INM2529-002v2.pdf");
  for (const char* command : {"extract", "normalize"}) {
    testing::CommandResult r = RunCommand(kDocpipe + " " + command + " " + pdf + " -j -1");
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.output;
  }
}

// The 181-page gazette: continued tables, running headers and the title are
// found across the pages the workers read apart.
TEST_F(PageJobsTest, GazetteGivesTheSameBytesWithAnyNumberOfWorkers) {
  const std::string gazette = kSource + "/samples/real/control-yuan-gazette-114.pdf";
  for (const char* command : {"extract", "normalize"}) {
    std::string outputs[3];
    int codes[3];
    const char* jobs[3] = {"1", "2", "5"};
    for (int i = 0; i < 3; ++i) {
      const std::string out = (dir_ / (std::string(command) + jobs[i] + ".json")).string();
      testing::CommandResult r =
          RunCommand(kDocpipe + " " + command + " " + Quote(gazette) + " -j " + jobs[i] + " -o " + Quote(out));
      codes[i] = r.exit_code;
      outputs[i] = Read(fs::path(out).filename().string());
    }
    EXPECT_EQ(codes[0], 0) << command;
    EXPECT_GT(outputs[0].size(), 100000u) << command;
    for (int i = 1; i < 3; ++i) {
      EXPECT_EQ(codes[i], codes[0]) << command << " -j " << jobs[i];
      EXPECT_TRUE(outputs[i] == outputs[0]) << command << " -j " << jobs[i] << " differs from -j 1";
    }
  }
}

// A document of many pages, made here: a running header and a page number
// on each page (furniture, decided over all pages) and a table continued
// from page to page (linked across pages). extract writes its
// layout one page at a time; the bytes must be those of -j 1 whatever the
// number of workers, and normalize's too.
TEST_F(PageJobsTest, ManyPageDocumentGivesTheSameBytesWithAnyNumberOfWorkers) {
  std::vector<testing::PdfPage> pages;
  for (int n = 1; n <= 600; ++n) {
    testing::PdfPage page;
    page.Text(72, 40, 9, "Official Gazette of the Test Agency - running header");
    std::vector<double> rows = {70, 230, 400, 590, 760};
    std::vector<double> cols = {72, 200, 400, 540};
    testing::DrawGrid(&page, rows, cols);
    for (size_t r = 0; r + 1 < rows.size(); ++r) {
      for (size_t c = 0; c + 1 < cols.size(); ++c) {
        page.Text(cols[c] + 4, rows[r] + 18, 9, "r" + std::to_string(n) + "." + std::to_string(r) + " c" + std::to_string(c));
      }
    }
    page.Text(290, 780, 9, "- " + std::to_string(n) + " -");
    pages.push_back(page);
  }
  const fs::path pdf = dir_ / "many.pdf";
  {
    std::ofstream out(pdf, std::ios::binary);
    out << testing::BuildPdf(pages);
  }
  for (const char* command : {"extract", "normalize"}) {
    std::string outputs[3];
    int codes[3];
    const char* jobs[3] = {"1", "2", "3"};
    for (int i = 0; i < 3; ++i) {
      const std::string name = std::string("many-") + command + jobs[i] + ".json";
      testing::CommandResult r = RunCommand(kDocpipe + " " + command + " " + Quote(pdf.string()) + " -j " + jobs[i] +
                                            " -o " + Quote((dir_ / name).string()));
      codes[i] = r.exit_code;
      outputs[i] = Read(name);
    }
    EXPECT_EQ(codes[0], 0) << command;
    for (int i = 1; i < 3; ++i) {
      EXPECT_EQ(codes[i], codes[0]) << command << " -j " << jobs[i];
      EXPECT_TRUE(outputs[i] == outputs[0]) << command << " -j " << jobs[i] << " differs from -j 1";
    }
  }
  // The cross-page steps ran: the header is furniture, the tables are linked.
  const std::string layout = Read("many-extract1.json");
  EXPECT_NE(layout.find("\"number\": 600"), std::string::npos);
  EXPECT_NE(layout.find("\"role\": \"header\""), std::string::npos);
  EXPECT_NE(layout.find("\"continued_from_previous_page\": true"), std::string::npos);
}

// Past the time budget the command ends with its one line, and its page
// workers end with it (they would otherwise read the bomb for minutes).
TEST_F(PageJobsTest, TimeBudgetEndsTheWorkersWithTheCommand) {
  const std::string out = (dir_ / "bomb-out.json").string();
  testing::CommandResult r =
      RunCommand("timeout 120 " + kDocpipe + " extract " + Quote(kSource + "/tests/data/hostile/content-stream-bomb.pdf") +
                 " -j 3 -o " + Quote(out) + " --timeout 2 --page-timeout 0");
  EXPECT_EQ(r.exit_code, kExitLimit) << r.output;
  EXPECT_NE(r.output.find("limit exceeded"), std::string::npos) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  EXPECT_FALSE(fs::exists(out));
  // The workers' command line names `out`, unique to this test; "[b]" keeps
  // the pattern from matching the shell that runs pgrep.
  const std::string pattern = (dir_ / "[b]omb-out.json").string();
  bool gone = false;
  for (int i = 0; i < 50 && !gone; ++i) {
    gone = RunCommand("pgrep -f " + Quote(pattern)).exit_code == 1;
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(gone) << "a page worker outlived the command";
}

}  // namespace
}  // namespace docpipe
