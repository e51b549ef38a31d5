// The page budget (--page-timeout) on pages read by OCR, as a user runs
// extract: a budget of CPU time (extract/extractor.h, OcrPageSeconds), so
// that a scanned page is read under the default budget however loaded the
// machine, and a page past its budget fails alone.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/cli/run_command.h"

namespace docpipe {
namespace {
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;
const std::string kSource = DOCPIPE_SOURCE_DIR;
const std::string kScan = kSource + "/tests/data/scans/INM2529-002v2_scan.pdf";    // pages 1-2, scanned
const std::string kMixed = kSource + "/tests/data/scans/INM2529-002v2_mixed.pdf";  // page 2 scanned

class OcrBudgetTest : public testing::TempDirTest {
 protected:
  nlohmann::json Layout(const std::string& name) {
    std::ifstream in(dir_ / name);
    return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  }
};

TEST_F(OcrBudgetTest, AScannedPageIsReadUnderTheDefaultBudget) {
  // No --page-timeout, --timeout: the defaults (60 s a page, 300 s the
  // command). A page takes 6-9 s of CPU to read, and several times that in
  // wall time on a loaded machine; the budget counts CPU time.
  const std::string out = (dir_ / "scan.json").string();
  testing::CommandResult r = RunCommand(kDocpipe + " extract " + Quote(kScan) + " --pages 1-1 -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json layout = Layout("scan.json");
  ASSERT_EQ(layout["pages"].size(), 1u);
  const nlohmann::json& page = layout["pages"][0];
  EXPECT_EQ(page["source"], "ocr");
  EXPECT_FALSE(page.value("failed", false)) << page.dump();
  EXPECT_FALSE(page["tables"].empty());
}

TEST_F(OcrBudgetTest, AnOcrPagePastItsBudgetFailsAlone) {
  // 2 s of CPU cannot read a scanned page; the text pages around it (each
  // read in milliseconds) are read.
  const std::string out = (dir_ / "mixed.json").string();
  testing::CommandResult r =
      RunCommand(kDocpipe + " extract " + Quote(kMixed) + " --page-timeout 2 -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json layout = Layout("mixed.json");
  ASSERT_GE(layout["pages"].size(), 3u);
  const nlohmann::json& scanned = layout["pages"][1];
  EXPECT_TRUE(scanned.value("failed", false)) << scanned.dump();
  ASSERT_FALSE(scanned["warnings"].empty());
  EXPECT_EQ(scanned["warnings"][0], "the page was not read by OCR within its budget of 2 s of CPU time");
  EXPECT_FALSE(layout["pages"][0].value("failed", false));
  EXPECT_FALSE(layout["pages"][0]["tables"].empty());
  EXPECT_FALSE(layout["pages"][2].value("failed", false));
}

}  // namespace
}  // namespace docpipe
