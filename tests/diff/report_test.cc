#include <gtest/gtest.h>

#include "diff/diff_json.h"
#include "diff/html_report.h"
#include "diff/markdown_report.h"
#include "diff/standard_diff.h"
#include "schema/schema_validator.h"
#include "tests/diff/version_pairs.h"

namespace docpipe::diff {

// True when `first` and `then` both occur in `text`, `first` before `then`
// (find's npos would otherwise compare as "after everything").
static ::testing::AssertionResult Precedes(const std::string& text, const std::string& first, const std::string& then) {
  size_t a = text.find(first), b = text.find(then);
  if (a == std::string::npos) return ::testing::AssertionFailure() << "missing: " << first;
  if (b == std::string::npos) return ::testing::AssertionFailure() << "missing: " << then;
  if (a >= b) return ::testing::AssertionFailure() << first << " comes after " << then;
  return ::testing::AssertionSuccess();
}
namespace {

class ReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const testing::Json sample = testing::LoadSample("INM3513-001v4");
    const testing::Json next = testing::ConstructedNextVersion(sample);
    result_ = new DiffResult;
    result_->old_input = {"old.json", "INM3513-001v4", "網路資訊安全人員"};
    result_->new_input = {"new.json", "INM3513-001v5", "網路資訊安全人員"};
    result_->old_view = ViewOf(sample);
    result_->new_view = ViewOf(next);
    result_->changes = DiffStandards(result_->old_view, result_->new_view, {});
  }
  static void TearDownTestSuite() { delete result_; }
  static DiffResult* result_;
};

DiffResult* ReportTest::result_ = nullptr;

TEST_F(ReportTest, JsonSatisfiesTheDiffSchema) {
  nlohmann::ordered_json json = DiffToJson(*result_);
  Status valid = ValidateDocument(nlohmann::json(json), SchemaKind::kDiff);
  EXPECT_TRUE(valid.ok()) << valid.ToString();
  EXPECT_EQ(json["identical"], false);
  EXPECT_EQ(json["summary"]["total"], 8);
  EXPECT_EQ(json["summary"]["by_kind"]["task"]["moved"], 3);
  EXPECT_EQ(json["summary"]["by_kind"]["task"]["added"], 1);
  EXPECT_EQ(json["summary"]["by_kind"]["indicator"]["changed"], 1);
}

TEST_F(ReportTest, JsonOfNoChangesIsIdenticalAndValid) {
  DiffResult same = *result_;
  same.changes.clear();
  nlohmann::ordered_json json = DiffToJson(same);
  EXPECT_TRUE(ValidateDocument(nlohmann::json(json), SchemaKind::kDiff).ok());
  EXPECT_EQ(json["identical"], true);
  EXPECT_EQ(json["changes"], nlohmann::ordered_json::array());
  EXPECT_EQ(json["summary"]["total"], 0);
}

TEST_F(ReportTest, SchemaRejectsAnAddedChangeWithoutNewSide) {
  nlohmann::json json = DiffToJson(*result_);
  for (auto& c : json["changes"]) {
    if (c["change"] == "added") c.erase("new");
  }
  EXPECT_FALSE(ValidateDocument(json, SchemaKind::kDiff).ok());
}

TEST_F(ReportTest, MarkdownGroupsByDutyAndTaskWithInlineEdits) {
  const std::string md = MarkdownReport(*result_);
  EXPECT_NE(md.find("## Summary"), std::string::npos);
  EXPECT_NE(md.find("## T1 規劃、配置與測試網路伺服器安全"), std::string::npos);
  EXPECT_NE(md.find("### T1.2 評估雲端服務安全風險"), std::string::npos);
  EXPECT_NE(md.find("分析與<del>檢討</del><ins>審查</ins>使用者"), std::string::npos);
  EXPECT_NE(md.find("**renumbered** task `T1.2 → T1.3`"), std::string::npos);
  // The summary comes before the first group.
  EXPECT_TRUE(Precedes(md, "## Summary", "## T1 "));
}

TEST_F(ReportTest, HtmlIsSelfContainedAndHighlightsEdits) {
  const std::string html = HtmlReport(*result_);
  for (const char* external : {"http://", "https://", "<script", "<link", "src=", "@import", "url("}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("分析與<del>檢討</del>使用者"), std::string::npos);  // old column
  EXPECT_NE(html.find("分析與<ins>審查</ins>使用者"), std::string::npos);  // new column
  EXPECT_TRUE(Precedes(html, "Summary", "<h2>T1 "));
  EXPECT_TRUE(Precedes(html, "<h2>T1 ", "<h3>T1.2 "));
}

TEST_F(ReportTest, DocumentTextIsEscapedInBothReports) {
  DiffResult hostile = *result_;
  hostile.new_input.name = "<script>alert(1)</script> & *bold*";
  for (Change& c : hostile.changes) {
    if (c.new_side) c.new_side->text = "<b>x</b>";
    c.edits.clear();
  }
  const std::string html = HtmlReport(hostile);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<b>x</b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;x&lt;/b&gt;"), std::string::npos);
  const std::string md = MarkdownReport(hostile);
  EXPECT_EQ(md.find("<b>x</b>"), std::string::npos);
  EXPECT_NE(md.find("\\*bold\\*"), std::string::npos);
}

}  // namespace
}  // namespace docpipe::diff
