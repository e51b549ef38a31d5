// `docpipe extract` as a user runs it: exit codes of common/exit_codes.h, one
// line on stderr naming the file and the reason, and no output file unless
// the whole extraction succeeded.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/exit_codes.h"
#include "tests/extract/pdf_writer.h"

namespace docpipe {
namespace {

class ExtractCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "docpipe_extract_cli_" + std::to_string(::getpid()) + "/";
    std::system(("mkdir -p " + dir_).c_str());
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }

  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream out(dir_ + name, std::ios::binary);
    out << bytes;
    return dir_ + name;
  }
  // Runs docpipe with `args`; returns its exit code, stderr in *error.
  int Run(const std::string& args, std::string* error) {
    std::string err_file = dir_ + "stderr.txt";
    int status = std::system((std::string(DOCPIPE_BINARY) + " " + args + " 2> " + err_file).c_str());
    std::ifstream in(err_file);
    std::stringstream text;
    text << in.rdbuf();
    *error = text.str();
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  bool Exists(const std::string& path) { return std::ifstream(path).good(); }

  std::string dir_;
};

std::string OnePagePdf() {
  testing::PdfPage page;
  page.Text(100, 100, 12, "hello");
  return testing::BuildPdf({page});
}

TEST_F(ExtractCliTest, BadInputsExitWithTheirCodeAndLeaveNoOutput) {
  std::string pdf = OnePagePdf();
  struct Case {
    const char* name;
    std::string input;
    std::string extra;
    int code;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"not a PDF", Write("text.pdf", "just text\n"), "", kExitBadInput, "not a PDF"},
      {"truncated", Write("cut.pdf", pdf.substr(0, pdf.size() / 2)), "", kExitBadInput, "damaged PDF"},
      {"missing", dir_ + "nothing.pdf", "", kExitNotFound, "nothing.pdf"},
      {"bad page range", Write("one.pdf", pdf), "--pages 3-4", kExitUsage, "outside"},
  };
  for (const Case& c : cases) {
    std::string out = dir_ + "out.json";
    std::string error;
    EXPECT_EQ(Run("extract " + c.input + " " + c.extra + " -o " + out, &error), c.code) << c.name;
    EXPECT_NE(error.find(c.reason), std::string::npos) << c.name << ": " << error;
    EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << c.name << ": " << error;
    EXPECT_FALSE(Exists(out)) << c.name;
  }
}

TEST_F(ExtractCliTest, WritesSchemaValidLayoutJson) {
  std::string input = Write("one.pdf", OnePagePdf());
  std::string out = dir_ + "layout.json";
  std::string error;
  ASSERT_EQ(Run("extract " + input + " -o " + out, &error), kExitOk) << error;
  EXPECT_EQ(Run("validate " + out, &error), kExitOk) << error;
}

}  // namespace
}  // namespace docpipe
