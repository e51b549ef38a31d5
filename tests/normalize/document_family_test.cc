#include "pipeline/document_family.h"

#include <gtest/gtest.h>

#include "tests/normalize/test_rows.h"

#include "common/file_io.h"

namespace docpipe {
namespace {

std::vector<TabRow> Sample(const std::string& relative) {
  Result<std::string> bytes = ReadFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + relative);
  EXPECT_TRUE(bytes.ok());
  Result<std::vector<TabRow>> rows = ParseTabText(bytes.ok() ? *bytes : "x");
  return rows.ok() ? *rows : std::vector<TabRow>{};
}

TEST(DocumentFamily, DecidesByContent) {
  const RuleSet& rules = RuleSet::Default();
  EXPECT_EQ(DetectFamily(Sample("INM3513-001v4.txt"), rules), DocumentFamily::kCompetencyStandard);
  EXPECT_EQ(DetectFamily(Sample("national-cybersecurity-plan-2013-2016.txt"), rules),
            DocumentFamily::kPolicyDocument);
  // A directive: its title names it.
  EXPECT_EQ(DetectFamily(RowsOf({"境外核災處理作業要點", "一、目的", "為提供作業程序，特訂定本要點。"}), rules),
            DocumentFamily::kPolicyDocument);
  // A plan naming itself in its text.
  EXPECT_EQ(DetectFamily(RowsOf({"一、前言", "特研提「測試發展方案」(以下簡稱本方案)，供各機關參考。"}), rules),
            DocumentFamily::kPolicyDocument);
  EXPECT_EQ(DetectFamily(RowsOf({"會議紀錄", "一、 出席人員", "王小明"}), rules), DocumentFamily::kUnknown);
}

TEST(DocumentFamily, DocumentTypes) {
  EXPECT_STREQ(DocumentTypeOf(DocumentFamily::kPolicyDocument), "policy_document");
  EXPECT_STREQ(DocumentTypeOf(DocumentFamily::kUnknown), "generic_document");
  EXPECT_STREQ(DocumentTypeOf(DocumentFamily::kCompetencyStandard), "competency_standard");
}

}  // namespace
}  // namespace docpipe
