// The committed hostile PDF set (tests/data/hostile/, made by
// scripts/make-hostile-pdfs.py) through `extract` and `normalize` as a user
// runs them: files poppler repairs are read with a warning, PDF syntax is
// never taken for text, unmapped glyphs are U+FFFD, and a document that
// would take unbounded time or memory ends within the limits with one line
// and exit 11.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/run_command.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;
const std::string kHostile = std::string(DOCPIPE_SOURCE_DIR) + "/tests/data/hostile/";
constexpr int kExitLimit = 11;

class HostilePdfTest : public testing::TempDirTest {
 protected:
  std::string Out() { return (dir_ / "out.json").string(); }
  nlohmann::json ReadOut() {
    std::ifstream in(Out());
    return nlohmann::json::parse(in);
  }
  static int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
};

// Every page warning of a layout, joined.
std::string PageWarnings(const nlohmann::json& layout) {
  std::string all;
  for (const auto& page : layout["pages"]) {
    for (const auto& w : page["warnings"]) all += w.get<std::string>() + "\n";
  }
  return all;
}

std::string LayoutText(const nlohmann::json& layout) {
  std::string all;
  for (const auto& page : layout["pages"]) {
    for (const auto& line : page["lines"]) all += line["text"].get<std::string>() + "\n";
  }
  return all;
}

TEST_F(HostilePdfTest, HelpNamesTheLimitsWithTheirDefaults) {
  for (const char* command : {"extract", "normalize"}) {
    testing::CommandResult r = RunCommand(kDocpipe + " " + command + " --help");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    for (const char* option : {"--max-memory-mb", "--timeout", "--page-timeout", "exit 11", "=1024", "=300", "=60"}) {
      EXPECT_NE(r.output.find(option), std::string::npos) << command << " --help lacks " << option << "\n" << r.output;
    }
  }
}

TEST_F(HostilePdfTest, FilesPopplerRepairsAreReadWithAWarning) {
  struct Case {
    const char* file;
    const char* warning;  // "" when nothing needed repair
  };
  const Case cases[] = {
      {"no-eof-marker.pdf", ""},
      {"no-header.pdf", "no %PDF- header"},
      {"broken-xref-offsets.pdf", "cross-reference table is damaged"},
  };
  for (const Case& c : cases) {
    testing::CommandResult r = RunCommand(kDocpipe + " extract " + Quote(kHostile + c.file) + " -o " + Quote(Out()));
    ASSERT_EQ(r.exit_code, 0) << c.file << ": " << r.output;
    nlohmann::json layout = ReadOut();
    EXPECT_NE(LayoutText(layout).find("Hello World"), std::string::npos) << c.file;
    std::string warnings = PageWarnings(layout);
    if (*c.warning) {
      EXPECT_NE(warnings.find(c.warning), std::string::npos) << c.file << ": " << warnings;
      EXPECT_NE(warnings.find("poppler rebuilt it"), std::string::npos) << c.file << ": " << warnings;
    } else {
      EXPECT_EQ(warnings.find("rebuilt"), std::string::npos) << c.file << ": " << warnings;
    }
    // normalize accepts what extract accepts.
    testing::CommandResult n = RunCommand(kDocpipe + " normalize " + Quote(kHostile + c.file) + " -o " + Quote(Out()));
    ASSERT_EQ(n.exit_code, 0) << c.file << ": " << n.output;
    EXPECT_EQ(ReadOut()["source"]["format"], "pdf") << c.file;
  }
}

TEST_F(HostilePdfTest, PdfSyntaxWithoutHeaderIsAPdfNeverText) {
  for (const char* name : {"objects-without-header.pdf", "no-xref-table.pdf"}) {
    // Under a .txt name too: recognition is by content.
    fs::path copy = dir_ / (std::string(name) + ".txt");
    fs::copy_file(kHostile + name, copy);
    for (const std::string& in : {kHostile + name, copy.string()}) {
      testing::CommandResult r = RunCommand(kDocpipe + " normalize " + Quote(in) + " -o " + Quote(Out()));
      if (r.exit_code == 0) {
        EXPECT_EQ(ReadOut()["source"]["format"], "pdf") << in;  // repaired and read as a PDF
      } else {
        EXPECT_EQ(r.exit_code, 4) << in << ": " << r.output;
        EXPECT_NE(r.output.find("PDF"), std::string::npos) << r.output;
        EXPECT_EQ(r.output.find("UTF-8"), std::string::npos) << r.output;
        EXPECT_EQ(Lines(r.output), 1) << r.output;
        EXPECT_FALSE(fs::exists(Out()));
      }
    }
  }
}

TEST_F(HostilePdfTest, UnmappedGlyphsBecomeReplacementCharacterWithAWarning) {
  testing::CommandResult r =
      RunCommand(kDocpipe + " extract " + Quote(kHostile + "unmapped-glyphs.pdf") + " -o " + Quote(Out()));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json layout = ReadOut();
  std::string text = LayoutText(layout);
  for (unsigned char c : text) EXPECT_FALSE(c < 0x20 && c != '\n') << "control character " << int(c) << " in " << text;
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos) << text;
  EXPECT_NE(PageWarnings(layout).find("2 glyphs have no Unicode mapping"), std::string::npos) << PageWarnings(layout);
}

TEST_F(HostilePdfTest, FormFieldLoopEnds) {
  testing::CommandResult r = RunCommand("timeout 60 " + kDocpipe + " normalize " + Quote(kHostile + "form-field-loop.pdf") +
                                        " -o " + Quote(Out()));
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

// The decompression bomb: 40 pages of 60 MB content each. Past the time
// budget: one line naming the file and the budget, exit 11, no output.
TEST_F(HostilePdfTest, TimeBudgetStopsABombWithOneLine) {
  for (const char* command : {"extract", "normalize"}) {
    const auto start = std::chrono::steady_clock::now();
    testing::CommandResult r =
        RunCommand("timeout 120 " + kDocpipe + " " + command + " " + Quote(kHostile + "content-stream-bomb.pdf") +
                   " -o " + Quote(Out()) + " --timeout 2 --page-timeout 0");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, kExitLimit) << command << ": " << r.output;
    EXPECT_NE(r.output.find("content-stream-bomb.pdf: limit exceeded"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("--timeout"), std::string::npos) << r.output;
    EXPECT_EQ(Lines(r.output), 1) << r.output;
    EXPECT_LT(seconds, 30) << command;
    EXPECT_FALSE(fs::exists(Out())) << command;
  }
}

// Under a small memory ceiling an allocation fails (here: parsing 40 MB of
// layout JSON, about ten times that in memory), and the command says so in
// one line with exit 11 instead of taking the machine's memory.
TEST_F(HostilePdfTest, MemoryCeilingStopsWithOneLine) {
  std::string numbers;
  numbers.reserve(41u << 20);
  while (numbers.size() < (40u << 20)) numbers += "[1.5,2.5,3.5,4.5],";
  std::string in = Write("huge.json", "{\"document_type\":\"layout\",\"pages\":[" + numbers + "[]]}");
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "no memory ceiling under AddressSanitizer (it reserves terabytes of address space)";
#endif
  testing::CommandResult r = RunCommand("timeout 120 " + kDocpipe + " normalize " + Quote(in) + " -o " + Quote(Out()) +
                                        " --max-memory-mb 250");
  EXPECT_EQ(r.exit_code, kExitLimit) << r.output;
  EXPECT_NE(r.output.find("huge.json: limit exceeded"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--max-memory-mb"), std::string::npos) << r.output;
  EXPECT_EQ(Lines(r.output), 1) << r.output;
  EXPECT_FALSE(fs::exists(Out()));
}

// A page past its own budget fails alone: reported, the document goes on.
TEST_F(HostilePdfTest, PageTimeBudgetFailsThePageNotTheCommand) {
  testing::CommandResult r =
      RunCommand("timeout 120 " + kDocpipe + " extract " + Quote(kHostile + "content-stream-bomb.pdf") +
                 " --pages 1-2 -o " + Quote(Out()) + " --timeout 100 --page-timeout 0.5");
  // Every page stopped by its budget: a limit exceeded (exit 11), saying
  // why, not "a scan" and not bad input.
  EXPECT_EQ(r.exit_code, kExitLimit) << r.output;
  EXPECT_NE(r.output.find("limit exceeded: no page could be read (page 1: the page was not read within its time "
                          "budget of 0.5 s)"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(Lines(r.output), 1) << r.output;
}

// The two kinds of file that hang poppler itself (issue 16), made small by
// scripts/make-hostile-pdfs.py. Images that declare 100000 x 100000 pixels
// (JBIG2, whose decoder allocates a 1.25 GB page bitmap, and Flate), drawn
// on a page without text so that OCR renders it, are refused before they are
// decoded (PdfReader::RenderRefusal): the page fails, and with no other page
// the command fails with the reason as a limit exceeded (exit 11, as the
// memory ceiling and the time budget; issue 16 wants every resource bound to
// end so), not as bad input. The time budget is set far above what the refusal takes:
// it used to be the only thing that ended them, after the whole budget.
TEST_F(HostilePdfTest, ImageBombsAreRefusedAtOnceNotAfterTheTimeBudget) {
  struct Case {
    const char* file;
    const char* reason;
  };
  const Case cases[] = {
      {"image-bomb-jbig2.pdf", "it draws an image of 100000x100000 pixels"},
      {"image-bomb-flate.pdf", "it draws an image of 100000x100000 pixels"},
      // A 100 x 100 image whose JBIG2 data declares the 100000 x 100000
      // page that poppler's decoder allocates: counted at the page's size.
      {"image-bomb-jbig2-page-info.pdf", "it draws a JBIG2 image whose data declares a page of 100000x100000 pixels"},
      // The same page after 1 MB of another segment: the walk skips it.
      {"image-bomb-jbig2-page-info-late.pdf",
       "it draws a JBIG2 image whose data declares a page of 100000x100000 pixels"},
      // Regression (issue 16): behind an immediate generic region of unknown
      // length, the page was not seen, and the run decoded for 28 s.
      {"image-bomb-jbig2-unknown-length.pdf",
       "it draws a JBIG2 image whose data declares a page of 100000x100000 pixels"},
  };
  for (const Case& c : cases) {
    const char* file = c.file;
    for (const char* command : {"extract", "normalize"}) {
      testing::CommandResult r = RunCommand("timeout 300 " + kDocpipe + " " + command + " " + Quote(kHostile + file) +
                                            " -o " + Quote(Out()) + " --timeout 60");
      EXPECT_EQ(r.exit_code, kExitLimit) << file << " " << command << ": " << r.output;
      EXPECT_NE(r.output.find(std::string(file) + ": limit exceeded: no page could be read (page 1: not rendered for OCR: " +
                              c.reason + ", over the limit of 400000000 pixels per page)"),
                std::string::npos)
          << r.output;
      EXPECT_EQ(Lines(r.output), 1) << r.output;
      EXPECT_FALSE(fs::exists(Out())) << file << " " << command;
    }
  }
}

// A standalone form field whose kids are each other's parents: poppler
// walks every simple path through them (pdftotext never ends), from the
// page's /Annots, outside the content loop the page budget watches. The
// process's time budget ends it: one line naming the file and the budget,
// exit 11, no output.
TEST_F(HostilePdfTest, FormFieldCyclesEndWithinTheTimeBudget) {
  for (const char* command : {"extract", "normalize"}) {
    const auto start = std::chrono::steady_clock::now();
    testing::CommandResult r = RunCommand("timeout 120 " + kDocpipe + " " + command + " " +
                                          Quote(kHostile + "form-field-cycles.pdf") + " -o " + Quote(Out()) +
                                          " --timeout 3");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, kExitLimit) << command << ": " << r.output;
    EXPECT_NE(r.output.find("form-field-cycles.pdf: limit exceeded"), std::string::npos) << r.output;
    EXPECT_EQ(Lines(r.output), 1) << r.output;
    EXPECT_LT(seconds, 60) << command;
    EXPECT_FALSE(fs::exists(Out())) << command;
  }
}

TEST_F(HostilePdfTest, RunRecordsABombAsFailedWithTheReason) {
  fs::path in = dir_ / "in";
  fs::create_directories(in);
  const std::vector<std::string> bombs = {"content-stream-bomb.pdf", "image-bomb-jbig2.pdf", "image-bomb-flate.pdf",
                                          "form-field-cycles.pdf"};
  for (const std::string& bomb : bombs) fs::copy_file(kHostile + bomb, in / bomb);
  fs::copy_file(kHostile + "no-header.pdf", in / "fine.pdf");
  fs::path out = dir_ / "out";
  testing::CommandResult r =
      RunCommand(kDocpipe + " run -q -j 2 --timeout 2 " + Quote(in.string()) + " -o " + Quote(out.string()));
  EXPECT_EQ(r.exit_code, 10) << r.output;
  std::ifstream index(out / "index.jsonl");
  std::string line;
  int failed = 0, ok = 0;
  while (std::getline(index, line)) {
    nlohmann::json record = nlohmann::json::parse(line);
    if (record["path"] == "fine.pdf") {
      ok += record["status"] == "ok";
    } else {
      ++failed;
      EXPECT_EQ(record["status"], "failed") << line;
      // The image bombs are refused for their size, the others stopped by
      // the time budget.
      const std::string error = record["error"].get<std::string>();
      const bool image = record["path"].get<std::string>().rfind("image-bomb", 0) == 0;
      EXPECT_NE(error.find(image ? "limit exceeded: no page could be read (page 1: not rendered for OCR" : "limit exceeded"),
                std::string::npos)
          << line;
      EXPECT_NE(error.find(image ? "100000x100000 pixels" : "time"), std::string::npos) << line;
      EXPECT_NE(r.output.find("failed: " + record["path"].get<std::string>() + ": " + error), std::string::npos)
          << r.output;
    }
  }
  EXPECT_EQ(failed, 4);
  EXPECT_EQ(ok, 1);
}

}  // namespace
}  // namespace docpipe
