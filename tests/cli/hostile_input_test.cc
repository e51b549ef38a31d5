// Hostile inputs (issue 7): each must give a clear error or a clean result,
// within bounded time and memory. Every command runs under `timeout`; its
// peak memory is read from the children's rusage.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli/run_command.h"
#include "tests/extract/pdf_writer.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;
using testing::Quote;

const std::string kDocpipe = DOCPIPE_BINARY;
constexpr int kTimeLimitSeconds = 120;  // a guard against hangs, not a speed target
constexpr long kMemoryLimitKb = 2L * 1024 * 1024;

class HostileInputTest : public testing::TempDirTest {
 protected:
  // Runs docpipe with `args`; fails the test on a timeout or a crash.
  testing::CommandResult Docpipe(const std::string& args) {
    testing::CommandResult r =
        testing::RunCommand("timeout " + std::to_string(kTimeLimitSeconds) + " " + kDocpipe + " " + args);
    EXPECT_NE(r.exit_code, 124) << "timed out: " << args;
    EXPECT_LT(r.exit_code, 64) << "crashed or killed: " << args << "\n" << r.output.substr(0, 500);
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    EXPECT_LT(usage.ru_maxrss, kMemoryLimitKb) << args;
    return r;
  }
  // A clear error: the documented code, one line naming the file, no output.
  void ExpectClearError(const testing::CommandResult& r, int code, const std::string& file, const std::string& out) {
    EXPECT_EQ(r.exit_code, code) << r.output;
    EXPECT_NE(r.output.find(file), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
    EXPECT_FALSE(fs::exists(out));
  }
};

TEST_F(HostileInputTest, HundredMegabyteSingleLineIsRefusedQuickly) {
  std::string line(100u << 20, 'a');
  for (size_t i = 0; i + 3 <= line.size(); i += 997) line.replace(i, 3, "資");  // some CJK in it
  std::string in = Write("line.txt", line + "\n");
  std::string out = (dir_ / "line.json").string();
  testing::CommandResult r = Docpipe("normalize " + Quote(in) + " -o " + Quote(out));
  ExpectClearError(r, 4, in, out);
  EXPECT_NE(r.output.find("exceeds the limit"), std::string::npos) << r.output;
}

TEST_F(HostileInputTest, LongSingleLineUnderTheLimitGivesACleanResult) {
  std::string unit = "資料 abc，";
  std::string line;
  while (line.size() < (4u << 20)) line += unit;
  std::string in = Write("line.txt", line + "\n");
  std::string out = (dir_ / "line.json").string();
  testing::CommandResult r = Docpipe("normalize " + Quote(in) + " -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream f(out);
  nlohmann::json doc = nlohmann::json::parse(f);
  EXPECT_EQ(doc["document_type"], "generic_document");
}

TEST_F(HostileInputTest, ZeroBytesInEveryFormat) {
  for (const char* name : {"zero.txt", "zero.pdf", "zero.json"}) {
    std::string in = Write(name, "");
    std::string out = (dir_ / "out.json").string();
    ExpectClearError(Docpipe("normalize " + Quote(in) + " -o " + Quote(out)), 4, in, out);
  }
}

TEST_F(HostileInputTest, DeeplyNestedJsonEverywhereJsonIsRead) {
  std::string deep_array = std::string(100000, '[') + std::string(100000, ']');
  std::string deep_layout = "{\"document_type\":\"layout\",\"pages\":" + deep_array + "}";
  std::string deep_standard = "{\"document_type\":\"competency_standard\",\"duties\":" + deep_array + "}";
  std::string layout = Write("layout.json", deep_layout);
  std::string standard = Write("standard.json", deep_standard);
  std::string out = (dir_ / "out.json").string();
  // validate: refused before anything walks the value.
  testing::CommandResult v = Docpipe("validate " + Quote(layout));
  EXPECT_EQ(v.exit_code, 4) << v.output;
  EXPECT_NE(v.output.find("nested deeper"), std::string::npos) << v.output;
  // normalize reading layout JSON: bad input.
  ExpectClearError(Docpipe("normalize " + Quote(layout) + " -o " + Quote(out)), 4, layout, out);
  // diff reading a standard: trouble (2).
  testing::CommandResult d = Docpipe("diff " + Quote(standard) + " " + Quote(standard) + " -o " + Quote(out));
  EXPECT_EQ(d.exit_code, 2) << d.output;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(HostileInputTest, LayoutWithAbsurdSpansAndCoordinates) {
  nlohmann::json cell = {{"row", 0}, {"col", 0}, {"row_span", 2000000000}, {"col_span", -5},
                         {"bbox", {-1e308, 1e308, 0, 0}}, {"text", "T1 x"}, {"lines", nlohmann::json::array()}};
  nlohmann::json table = {{"id", 1},
                          {"bbox", {0, 0, 1e300, 1e300}},
                          {"rows", 2000000000},
                          {"cols", 2000000000},
                          {"header_rows", 99},
                          {"continued_from_previous_page", false},
                          {"repeated_header", false},
                          {"first_row_continued", false},
                          {"continues_on_next_page", false},
                          {"cells", {cell}}};
  nlohmann::json page = {{"number", 1},
                         {"width", 1e300},
                         {"height", -3},
                         {"failed", false},
                         {"warnings", nlohmann::json::array()},
                         {"removed_duplicate_glyphs", 0},
                         {"lines", nlohmann::json::array()},
                         {"tables", {table}}};
  nlohmann::json layout = {{"document_type", "layout"},
                           {"schema_version", "1.0.0"},
                           {"source", {{"path", "x.pdf"}, {"sha256", std::string(64, '0')}, {"format", "pdf"}, {"pages", 1}}},
                           {"producer", "hostile"},
                           {"pages", {page}}};
  std::string in = Write("absurd.json", layout.dump());
  std::string out = (dir_ / "out.json").string();
  // The layout schema bounds spans and coordinates: the input breaks it.
  testing::CommandResult r = Docpipe("normalize " + Quote(in) + " -o " + Quote(out));
  ExpectClearError(r, 7, in, out);
  EXPECT_NE(r.output.find("layout.schema.json"), std::string::npos) << r.output;
}

TEST_F(HostileInputTest, TenThousandEmptyPages) {
  std::vector<testing::PdfPage> pages(10000);
  std::string in = Write("empty-pages.pdf", testing::BuildPdf(pages));
  std::string out = (dir_ / "out.json").string();
  // No text anywhere: the documented "no text layer" error, for both commands.
  ExpectClearError(Docpipe("extract " + Quote(in) + " -o " + Quote(out)), 5, in, out);
  ExpectClearError(Docpipe("normalize " + Quote(in) + " -o " + Quote(out)), 5, in, out);
}

TEST_F(HostileInputTest, PdfWhoseTextIsAllInImages) {
  testing::PdfPage page;
  // An inline 2x2 grey image scaled over the page: pixels, no text layer.
  page.Raw(std::string("q 400 0 0 400 100 200 cm BI /W 2 /H 2 /CS /G /BPC 8 ID ") +
           std::string("\x00\xff\xff\x00", 4) + " EI Q");
  std::string in = Write("scan.pdf", testing::BuildPdf({page}));
  std::string out = (dir_ / "out.json").string();
  testing::CommandResult r = Docpipe("normalize " + Quote(in) + " -o " + Quote(out));
  ExpectClearError(r, 5, in, out);
  EXPECT_NE(r.output.find("text"), std::string::npos) << r.output;
}

// Many headings and paragraphs: the outline's look-backs and look-aheads
// (table of contents, text leading into a list) must not cost n squared.
TEST_F(HostileInputTest, TwentyThousandItemsAndParagraphs) {
  std::string text = "壹、 測試\n一、 本項目說明如下。\n";
  for (int i = 0; i < 20000; ++i) text += "第" + std::to_string(i) + "段說明文字。\n\n";
  for (int i = 0; i < 20000; ++i) text += "(1) 標題" + std::to_string(i) + "\n";
  std::string in = Write("items.txt", text);
  std::string out = (dir_ / "items.json").string();
  testing::CommandResult r = Docpipe("normalize " + Quote(in) + " -o " + Quote(out));
  EXPECT_EQ(r.exit_code, 0) << r.output.substr(0, 500);
  EXPECT_TRUE(fs::exists(out));
}

// One page of a text PDF is an image (a scanned page): the document comes
// out, and the page whose text is missing is named in its warnings.
TEST_F(HostileInputTest, ScannedPageInsideATextPdfIsAWarning) {
  testing::PdfPage first, scanned, last;
  first.Text(72, 100, 12, "Directive on testing").Text(72, 130, 12, "1. Purpose of this directive.");
  scanned.Raw(std::string("q 400 0 0 400 100 200 cm BI /W 2 /H 2 /CS /G /BPC 8 ID ") + std::string("\x00\xff\xff\x00", 4) +
              " EI Q");
  last.Text(72, 100, 12, "2. Scope of this directive.");
  std::string in = Write("mixed.pdf", testing::BuildPdf({first, scanned, last}));
  std::string out = (dir_ / "mixed.json").string();
  testing::CommandResult r = Docpipe("normalize " + Quote(in) + " -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json doc = nlohmann::json::parse(std::ifstream(out));
  std::vector<std::pair<std::string, int>> warnings;
  for (const nlohmann::json& w : doc["warnings"]) warnings.emplace_back(w["kind"], w["location"]["page"]);
  EXPECT_EQ(warnings, (std::vector<std::pair<std::string, int>>{{"page_without_text", 2}}));
}

TEST_F(HostileInputTest, RunSurvivesAFolderOfHostileFiles) {
  fs::create_directories(dir_ / "in");
  std::ofstream(dir_ / "in" / "zero.pdf") << "";
  std::ofstream(dir_ / "in" / "nul.txt") << std::string("\0\0\0", 3);
  std::ofstream(dir_ / "in" / "fake.pdf") << "%PDF-1.4\n" << std::string(1000, 'x');
  fs::copy_file(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/IIS3513-001v4.txt", dir_ / "in" / "good.txt");
  testing::CommandResult r =
      Docpipe("run -q " + Quote((dir_ / "in").string()) + " -o " + Quote((dir_ / "out").string()));
  EXPECT_EQ(r.exit_code, 10) << r.output;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "good.json"));
  EXPECT_NE(r.output.find("3 failed"), std::string::npos) << r.output;
}

// export reads a run folder, which may have been edited or damaged: a
// document with a wrong-typed member, a malformed index line. Each is one
// line naming the folder and the file, exit 4, and no export written.
TEST_F(HostileInputTest, ExportOfARunFolderWithMalformedJsonAndIndexLines) {
  fs::create_directories(dir_ / "in");
  fs::copy_file(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/IIS3513-001v4.txt", dir_ / "in" / "good.txt");
  const std::string out = (dir_ / "out").string();
  ASSERT_EQ(Docpipe("run -q " + Quote((dir_ / "in").string()) + " -o " + Quote(out)).exit_code, 0);
  const fs::path doc_path = dir_ / "out" / "good.json";
  std::string original;
  {
    std::ifstream in(doc_path);
    std::stringstream ss;
    ss << in.rdbuf();
    original = ss.str();
  }
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(original);
  doc["duties"][0]["tasks"][0]["knowledge"] = nlohmann::ordered_json::array({1});
  std::ofstream(doc_path) << doc.dump();
  testing::CommandResult r = Docpipe("export " + Quote(out));
  ExpectClearError(r, 4, "good.json", (dir_ / "out" / "export").string());
  EXPECT_NE(r.output.find("$.duties[0].tasks[0].knowledge[0]"), std::string::npos) << r.output;

  std::ofstream(doc_path) << std::string(100000, '[') + std::string(100000, ']');
  ExpectClearError(Docpipe("export " + Quote(out)), 4, "good.json", (dir_ / "out" / "export").string());

  std::ofstream(doc_path) << original;
  std::ofstream(dir_ / "out" / "index.jsonl", std::ios::app) << std::string(100000, '[') << "\n";
  r = Docpipe("export " + Quote(out) + " --format jsonl");
  ExpectClearError(r, 4, "index.jsonl: bad input: line 2", (dir_ / "out" / "export").string());
}

// Reproduced (issue 11): an input that exists but cannot be read exited 8
// ("output could not be written") instead of 3. Root ignores file modes, so
// the command runs as nobody.
TEST_F(HostileInputTest, UnreadableInputIsNotFoundExitThree) {
  std::string in = Write("secret.txt", "T1\tx\n");
  fs::permissions(in, fs::perms::none);
  std::string prefix;
  if (::geteuid() == 0) {
    if (testing::RunCommand("command -v setpriv").exit_code != 0) GTEST_SKIP() << "root without setpriv";
    fs::permissions(dir_, fs::perms::all);
    prefix = "setpriv --reuid=nobody --regid=nogroup --clear-groups ";
  }
  const std::string out = "/tmp/docpipe-unreadable-" + std::to_string(::getpid()) + ".json";
  testing::CommandResult r = testing::RunCommand(prefix + kDocpipe + " normalize " + Quote(in) + " -o " + Quote(out));
  if (r.output.find("setpriv:") != std::string::npos) GTEST_SKIP() << r.output;
  ExpectClearError(r, 3, in, out);
  EXPECT_NE(r.output.find("Permission denied"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace docpipe
