// Renders the HTML report in a real browser (headless Chromium from Debian's
// `chromium` package): the page must load from the file alone, parse into
// the same structure it was written with, and produce a screenshot. Skips
// when chromium is not installed. scripts/check-html-report.sh runs this
// test with DOCPIPE_HTML_REPORT_OUT set, to keep the page and screenshot for
// a person to look at.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "diff/html_report.h"
#include "diff/standard_diff.h"
#include "tests/diff/test_shell.h"
#include "tests/diff/version_pairs.h"

namespace docpipe::diff {
namespace {

using testing::Quote;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlReportInBrowser, RendersSelfContainedPageWithHighlights) {
  if (testing::RunShell("command -v chromium >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "chromium not installed (Debian package: chromium)";
  }
  const char* keep = std::getenv("DOCPIPE_HTML_REPORT_OUT");
  const std::string dir = keep ? keep : testing::MakeTempDir();
  std::filesystem::create_directories(dir);
  const std::string page = std::filesystem::absolute(dir + "/report.html").string();
  const std::string shot = std::filesystem::absolute(dir + "/report.png").string();
  std::filesystem::remove(shot);

  const testing::Json sample = testing::LoadSample("INM3513-001v4");
  DiffResult result;
  result.old_input = {"INM3513-001v4.txt", "INM3513-001v4", "網路資訊安全人員"};
  result.new_input = {"constructed-v5.json", "INM3513-001v5", "網路資訊安全人員"};
  result.old_view = ViewOf(sample);
  result.new_view = ViewOf(testing::ConstructedNextVersion(sample));
  result.changes = DiffStandards(result.old_view, result.new_view, {});
  const std::string html = HtmlReport(result);
  testing::WriteText(page, html);

  // No network, no profile, no background services: the page has to stand
  // on its own.
  const std::string profile = testing::MakeTempDir();
  const std::string chromium = "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic "
                               "--no-first-run --disable-background-networking --disable-component-update "
                               "--disable-sync --user-data-dir=" + Quote(profile);
  ASSERT_EQ(testing::RunShell(chromium + " --screenshot=" + Quote(shot) + " --window-size=1400,2600 " +
                              Quote("file://" + page) + " >/dev/null 2>&1"),
            0);
  const std::string png = testing::ReadText(shot);
  ASSERT_GT(png.size(), 10000u) << "screenshot too small to show the report";
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));

  const std::string dom_file = dir + "/report.dom.html";
  ASSERT_EQ(testing::RunShell(chromium + " --dump-dom " + Quote("file://" + page) + " >" + Quote(dom_file) +
                              " 2>/dev/null"),
            0);
  const std::string dom = testing::ReadText(dom_file);
  // The browser parsed what we wrote: same tables, edits and headings.
  EXPECT_EQ(Count(dom, "<table"), Count(html, "<table"));
  EXPECT_EQ(Count(dom, "<del>"), Count(html, "<del>"));
  EXPECT_EQ(Count(dom, "<ins>"), Count(html, "<ins>"));
  EXPECT_NE(dom.find("<h3>T1.2 評估雲端服務安全風險</h3>"), std::string::npos);
  if (!keep) std::filesystem::remove_all(dir);
  std::filesystem::remove_all(profile);
}

}  // namespace
}  // namespace docpipe::diff
