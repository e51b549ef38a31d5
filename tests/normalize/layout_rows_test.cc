#include "normalize/input/layout_rows.h"

#include <gtest/gtest.h>

#include "common/file_io.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

TextLine L(const std::string& text, const std::string& font = "Serif-Regular") {
  TextLine line;
  line.text = text;
  line.font = font;
  line.size = 10;
  return line;
}

TEST(LayoutRows, JoinsCellLinesByScriptButKeepsItemAndParagraphBoundaries) {
  struct Case {
    const char* name;
    std::vector<TextLine> lines;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"wrapped CJK", {L("O1.1.1 資訊安全制"), L("度導入計畫")}, "O1.1.1 資訊安全制度導入計畫"},
      {"a new item", {L("O1.1.1 資訊安全制度"), L("O1.1.2 適用性聲明書")}, "O1.1.1 資訊安全制度\nO1.1.2 適用性聲明書"},
      {"knowledge codes", {L("K01 資訊安全管理系"), L("統"), L("K02 網路安全架構")}, "K01 資訊安全管理系統\nK02 網路安全架構"},
      {"wrapped Latin", {L("Information Security"), L("Management System")}, "Information Security Management System"},
      {"a bold label after a sentence", {L("條件：大專以上。", "Serif-Bold"), L("其他補充說明：資訊", "Serif-Bold")},
       "條件：大專以上。\n其他補充說明：資訊"},
      {"a regular line after a sentence", {L("等。"), L("VPN 概念的功能")}, "等。VPN 概念的功能"},
  };
  for (const Case& c : cases) EXPECT_EQ(JoinCellLines(c.lines, RuleSet::Default()), c.expected) << c.name;
}

TEST(LayoutRows, EmitsTableRowsAndContentInPageOrderWithoutFurniture) {
  Layout layout;
  Page page;
  page.number = 3;
  page.height = 800;
  TextLine header = L("INM2529-002v2");
  header.role = LineRole::kHeader;
  header.bbox = {400, 30, 500, 40};
  TextLine title = L("資安管理人員職能基準");
  title.bbox = {200, 50, 380, 70};
  page.lines = {header, title};
  Table table;
  table.rows = 2;
  table.cols = 2;
  table.bbox = {50, 100, 500, 200};
  table.cells = {Cell{0, 0, 2, 1, {}, "T1", {L("T1 資訊")}}, Cell{0, 1, 1, 1, {}, "T1.1", {L("T1.1 擬定")}},
                 Cell{1, 1, 1, 1, {}, "T1.2", {L("T1.2 風險")}}};
  page.tables = {table};
  layout.pages = {page};
  std::vector<TabRow> rows = LayoutToRows(layout, RuleSet::Default());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells, std::vector<std::string>({"資安管理人員職能基準"}));
  EXPECT_EQ(rows[1].cells, std::vector<std::string>({"T1 資訊", "T1.1 擬定"}));
  EXPECT_EQ(rows[2].cells, std::vector<std::string>({"", "T1.2 風險"}));  // under the merged duty cell
  EXPECT_EQ(rows[2].pos.page, 3);
  EXPECT_EQ(rows[2].pos.line, 3);
}

TEST(LayoutRows, APageExtractCouldNotReadBecomesAWarningOfTheDocument) {
  Result<std::string> pdf = ReadFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/pdf/INM2529-002v2.pdf");
  ASSERT_TRUE(pdf.ok());
  Result<Layout> layout = ExtractLayout(*pdf, "INM2529-002v2.pdf", {});
  ASSERT_TRUE(layout.ok());
  Page& lost = layout->pages[2];
  lost.failed = true;
  lost.warnings = {"PDF error: damaged content stream"};
  lost.lines.clear();
  lost.tables.clear();
  Result<nlohmann::ordered_json> doc = ProcessBytes(LayoutToJson(*layout).dump(), "layout.json", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ((*doc)["source"]["format"], "layout");
  bool reported = false;
  for (const auto& warning : (*doc)["warnings"]) {
    if (warning["kind"] == "unreadable_page") {
      reported = warning["location"]["page"] == 3 &&
                 warning["message"].get<std::string>().find("damaged content stream") != std::string::npos;
    }
  }
  EXPECT_TRUE(reported) << (*doc)["warnings"].dump();
}

}  // namespace
}  // namespace docpipe
