// `docpipe diff` as a user runs it: exit codes as diff(1) (0 same, 1
// different, 2 trouble), one line on stderr for trouble, outputs written.
#include <gtest/gtest.h>

#include <filesystem>

#include "schema/schema_validator.h"
#include "tests/diff/test_shell.h"
#include "tests/diff/version_pairs.h"

namespace docpipe::diff {
namespace {

using testing::Quote;
using testing::ReadText;
using testing::RunShell;

class DiffCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::MakeTempDir());
    const testing::Json sample = testing::LoadSample("INM3513-001v4");
    testing::WriteText(Path("old.json"), sample.dump(2));
    testing::WriteText(Path("new.json"), testing::ConstructedNextVersion(sample).dump(2));
    testing::WriteText(Path("bad.json"), "{\"document_type\": \"competency_standard\", ");
    testing::Json invalid = sample;
    invalid.erase("duties");
    testing::WriteText(Path("invalid.json"), invalid.dump());
    testing::WriteText(Path("diff.json"), "{\"document_type\": \"diff\"}");
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  static std::string Path(const std::string& name) { return *dir_ + "/" + name; }

  // Runs docpipe diff with `args`; stdout and stderr go to files.
  static int Diff(const std::string& args) {
    return RunShell(Quote(DOCPIPE_BINARY) + " diff " + args + " >" + Quote(Path("stdout")) + " 2>" +
                    Quote(Path("stderr")));
  }
  static std::string Out() { return ReadText(Path("stdout")); }
  static std::string Err() { return ReadText(Path("stderr")); }

  static std::string* dir_;
};

std::string* DiffCommandTest::dir_ = nullptr;

TEST_F(DiffCommandTest, IdenticalInputsExitZeroWithEmptyResult) {
  ASSERT_EQ(Diff(Quote(Path("old.json")) + " " + Quote(Path("old.json"))), 0) << Err();
  nlohmann::json json = nlohmann::json::parse(Out());
  EXPECT_EQ(json["identical"], true);
  EXPECT_TRUE(json["changes"].empty());
  EXPECT_TRUE(ValidateDocument(json, SchemaKind::kDiff).ok());
}

TEST_F(DiffCommandTest, JsonAgainstTheTextItCameFromExitsZero) {
  const std::string text = std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/INM3513-001v4.txt";
  EXPECT_EQ(Diff(Quote(Path("old.json")) + " " + Quote(text)), 0) << Err();
}

TEST_F(DiffCommandTest, DifferentInputsExitOneWithValidJson) {
  ASSERT_EQ(Diff(Quote(Path("old.json")) + " " + Quote(Path("new.json"))), 1) << Err();
  nlohmann::json json = nlohmann::json::parse(Out());
  EXPECT_TRUE(ValidateDocument(json, SchemaKind::kDiff).ok());
  EXPECT_EQ(json["summary"]["total"], 8);
  EXPECT_EQ(Err(), "");
}

TEST_F(DiffCommandTest, WritesMarkdownAndHtmlToTheOutputFile) {
  for (const char* format : {"md", "html"}) {
    const std::string out = Path(std::string("report.") + format);
    ASSERT_EQ(Diff(std::string("--format ") + format + " -o " + Quote(out) + " " + Quote(Path("old.json")) + " " +
                   Quote(Path("new.json"))),
              1)
        << Err();
    EXPECT_EQ(Out(), "");
    EXPECT_NE(ReadText(out).find("T1.2"), std::string::npos) << format;
  }
}

struct TroubleCase {
  const char* name;
  const char* old_file;
  const char* expected_in_message;
  friend void PrintTo(const TroubleCase& c, std::ostream* os) { *os << c.name; }
};

class DiffCommandTroubleTest : public DiffCommandTest, public ::testing::WithParamInterface<TroubleCase> {};

TEST_P(DiffCommandTroubleTest, ExitsTwoWithOneLineNamingTheFile) {
  const TroubleCase& c = GetParam();
  EXPECT_EQ(Diff(Quote(Path(c.old_file)) + " " + Quote(Path("new.json"))), 2);
  const std::string err = Err();
  EXPECT_NE(err.find(Path(c.old_file)), std::string::npos) << err;
  EXPECT_NE(err.find(c.expected_in_message), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_EQ(Out(), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, DiffCommandTroubleTest,
                         ::testing::Values(TroubleCase{"Missing", "missing.json", "no such file"},
                                           TroubleCase{"NotJson", "bad.json", "not JSON"},
                                           TroubleCase{"BreaksTheSchema", "invalid.json", "duties"},
                                           TroubleCase{"OtherDocumentType", "diff.json", "not a competency standard"}),
                         [](const ::testing::TestParamInfo<TroubleCase>& info) { return std::string(info.param.name); });

// Issue 5's acceptance check: two layouts of one standard's PDF (the
// samples' *_layout2.pdf reflow the same content) are the same standard, and
// so is its print by another PDF producer (tests/data/browser-pdf).
class DiffCommandLayoutTest : public DiffCommandTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(DiffCommandLayoutTest, LayoutVariantsOfOnePdfHaveNoDifferences) {
  const std::string pdf = std::string(DOCPIPE_SOURCE_DIR) + "/samples/pdf/" + GetParam();
  EXPECT_EQ(Diff(Quote(pdf + ".pdf") + " " + Quote(pdf + "_layout2.pdf")), 0) << Err() << Out();
  // Nor does the producer matter: the same standard printed by Chromium.
  const std::string print = std::string(DOCPIPE_SOURCE_DIR) + "/tests/data/browser-pdf/" + GetParam() + ".pdf";
  EXPECT_EQ(Diff(Quote(pdf + ".pdf") + " " + Quote(print)), 0) << Err() << Out();
  // Not vacuous: the same PDF against another standard differs.
  const std::string other = std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/INM2529-002v2.txt";
  EXPECT_EQ(Diff(Quote(pdf + "_layout2.pdf") + " " + Quote(other)), GetParam() == std::string("INM2529-002v2") ? 0 : 1)
      << Err();
}

INSTANTIATE_TEST_SUITE_P(Samples, DiffCommandLayoutTest,
                         ::testing::Values("INM3513-001v4", "INM2529-002v2", "IIS3513-001v4"));

TEST_F(DiffCommandTest, UnknownFormatIsTrouble) {
  EXPECT_EQ(Diff("--format pdf " + Quote(Path("old.json")) + " " + Quote(Path("new.json"))), 2);
}

}  // namespace
}  // namespace docpipe::diff
