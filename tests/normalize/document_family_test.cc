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

// The lines the detection prepares are the ones the policy parser reads, so
// that the pipeline prepares them once; a standard's parser reads the rows.
TEST(DocumentFamily, DecideFamilyHandsOnThePreparedLines) {
  const RuleSet& rules = RuleSet::Default();
  const std::vector<TabRow> plan = Sample("national-cybersecurity-plan-2013-2016.txt");
  FamilyDecision decision = DecideFamily(plan, rules);
  EXPECT_EQ(decision.family, DocumentFamily::kPolicyDocument);
  std::vector<SourceLine> prepared = PrepareLines(plan, rules);
  ASSERT_EQ(decision.lines.size(), prepared.size());
  for (size_t i = 0; i < prepared.size(); ++i) {
    EXPECT_EQ(decision.lines[i].text, prepared[i].text) << "line " << i;
    EXPECT_EQ(decision.lines[i].cells, prepared[i].cells) << "line " << i;
  }
  FamilyDecision unknown = DecideFamily(RowsOf({"會議紀錄", "一、 出席人員", "王小明"}), rules);
  EXPECT_EQ(unknown.family, DocumentFamily::kUnknown);
  EXPECT_EQ(unknown.lines.size(), 3u);
  FamilyDecision standard = DecideFamily(Sample("INM3513-001v4.txt"), rules);
  EXPECT_EQ(standard.family, DocumentFamily::kCompetencyStandard);
  EXPECT_TRUE(standard.lines.empty());
}

// ParseTabText checks every byte, so its rows say their cells are
// well-formed (TabRow::utf8), and the family decision and the prepared lines
// (the cell stage's scans, LooksLikeCompetencyStandard's filters) are the
// same as for the same rows not so marked, which every walk checks.
TEST(DocumentFamily, RowsKnownValidDecideAndPrepareAsUnchecked) {
  const RuleSet& rules = RuleSet::Default();
  for (const char* name : {"INM3513-001v4.txt", "INM2529-002v2.txt", "IIS3513-001v4.txt",
                           "national-cybersecurity-plan-2013-2016.txt"}) {
    const std::vector<TabRow> known = Sample(name);
    ASSERT_FALSE(known.empty());
    std::vector<TabRow> unchecked = known;
    for (TabRow& row : unchecked) {
      ASSERT_EQ(row.utf8, unicode::Utf8::kValid) << name;
      row.utf8 = unicode::Utf8::kUnchecked;
    }
    const FamilyDecision a = DecideFamily(known, rules);
    const FamilyDecision b = DecideFamily(unchecked, rules);
    EXPECT_EQ(a.family, b.family) << name;
    const std::vector<SourceLine> lines_a = PrepareLines(known, rules);
    const std::vector<SourceLine> lines_b = PrepareLines(unchecked, rules);
    ASSERT_EQ(lines_a.size(), lines_b.size()) << name;
    for (size_t i = 0; i < lines_a.size(); ++i) {
      ASSERT_EQ(lines_a[i].text, lines_b[i].text) << name << " line " << i;
      ASSERT_EQ(lines_a[i].cells, lines_b[i].cells) << name << " line " << i;
      ASSERT_EQ(lines_a[i].indented, lines_b[i].indented) << name << " line " << i;
      ASSERT_EQ(lines_a[i].end_mark, lines_b[i].end_mark) << name << " line " << i;
    }
  }
  EXPECT_EQ(TabRow().utf8, unicode::Utf8::kUnchecked);  // other readers' rows are checked by every walk
}

// Chapters decide as soon as two and a 壹 section are seen; a document with
// one chapter and no self-naming phrase stays generic.
TEST(DocumentFamily, ChaptersWithASectionMakeAPlan) {
  const RuleSet& rules = RuleSet::Default();
  EXPECT_EQ(DetectFamily(RowsOf({"前言", "第一章 總則", "壹、目的", "第二章 作法", "說明。"}), rules),
            DocumentFamily::kPolicyDocument);
  EXPECT_EQ(DetectFamily(RowsOf({"前言", "第一章 總則", "壹、目的", "說明。"}), rules), DocumentFamily::kUnknown);
  EXPECT_EQ(DetectFamily(RowsOf({"前言", "第一章 總則", "第二章 作法", "說明。"}), rules), DocumentFamily::kUnknown);
}

TEST(DocumentFamily, DocumentTypes) {
  EXPECT_STREQ(DocumentTypeOf(DocumentFamily::kPolicyDocument), "policy_document");
  EXPECT_STREQ(DocumentTypeOf(DocumentFamily::kUnknown), "generic_document");
  EXPECT_STREQ(DocumentTypeOf(DocumentFamily::kCompetencyStandard), "competency_standard");
}

}  // namespace
}  // namespace docpipe
