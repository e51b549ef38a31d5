// The standard's title read from a scan, repaired from its name
// (normalize/standard/standard_checks.cc, RepairTitleFromName): the samples'
// own text with the title as a clean 300 dpi scan read it, and with titles
// that must stay as printed.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "normalize/input/tab_text.h"
#include "normalize/standard/standard_parser.h"

namespace docpipe {
namespace {

std::string Sample(const std::string& name) {
  std::ifstream in(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + name + ".txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The sample with the text `from` (its title line) replaced by `to`.
CompetencyStandard ParseWith(const std::string& name, const std::string& from, const std::string& to) {
  std::string text = Sample(name);
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  Result<std::vector<TabRow>> rows = ParseTabText(text);
  EXPECT_TRUE(rows.ok());
  Result<CompetencyStandard> parsed = ParseCompetencyStandard(*rows, RuleSet::Default());
  EXPECT_TRUE(parsed.ok());
  return parsed.ok() ? *parsed : CompetencyStandard{};
}

int Warnings(const CompetencyStandard& s, const std::string& kind) {
  return static_cast<int>(std::count_if(s.diagnostics.warnings.begin(), s.diagnostics.warnings.end(),
                                        [&](const Warning& w) { return w.kind == kind; }));
}

TEST(TitleFromName, ScannedTitleReadAsLookAlikesIsTheNameAndItsSuffix) {
  // As read from the clean scans (bench/README.md, Wave 5).
  CompetencyStandard iis = ParseWith("IIS3513-001v4", "網站管理維護人員職能基準\n", "經站管理繞護人員垃通基洋\n");
  EXPECT_EQ(iis.title, "網站管理維護人員職能基準");
  EXPECT_EQ(Warnings(iis, "title_repaired"), 1);
  CompetencyStandard inm = ParseWith("INM2529-002v2", "**資安管理人員職能基準**", "**資安管理人員天舵基洋**");
  EXPECT_EQ(inm.title, "資安管理人員職能基準");
}

TEST(TitleFromName, TitleAsPrintedStaysWithoutWarning) {
  CompetencyStandard s = ParseWith("IIS3513-001v4", "網站管理維護人員職能基準\n", "網站管理維護人員職能基準\n");
  EXPECT_EQ(s.title, "網站管理維護人員職能基準");
  EXPECT_EQ(Warnings(s, "title_repaired"), 0);
}

TEST(TitleFromName, TitleOfAnotherLengthOrNamingSomeoneElseStays) {
  // A draft's suffix: another length.
  EXPECT_EQ(ParseWith("INM2529-002v2", "**資安管理人員職能基準**", "**資安管理人員職能基準（草案）**").title,
            "資安管理人員職能基準（草案）");
  // Half of the name differs: another standard's title, not a misreading.
  CompetencyStandard other = ParseWith("INM2529-002v2", "**資安管理人員職能基準**", "**品質管理人員職能基準**");
  EXPECT_EQ(other.title, "品質管理人員職能基準");
  EXPECT_EQ(Warnings(other, "title_repaired"), 0);
}

TEST(TitleFromName, NameTheVersionTableDoesNotConfirmLeavesTheTitle) {
  // The current version's name (V4 row) no longer agrees with the header's:
  // which reading is right is not known.
  std::string text = Sample("IIS3513-001v4");
  const std::string row = "V4\tIIS3513-001v4\t網站管理維護人員\t";
  ASSERT_NE(text.find(row), std::string::npos);
  text.replace(text.find(row), row.size(), "V4\tIIS3513-001v4\t網站管理雜護人員\t");
  text.replace(text.find("網站管理維護人員職能基準\n"), std::string("網站管理維護人員職能基準\n").size(),
               "經站管理繞護人員垃通基洋\n");
  Result<std::vector<TabRow>> rows = ParseTabText(text);
  ASSERT_TRUE(rows.ok());
  Result<CompetencyStandard> s = ParseCompetencyStandard(*rows, RuleSet::Default());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->title, "經站管理繞護人員垃通基洋");
}

}  // namespace
}  // namespace docpipe
