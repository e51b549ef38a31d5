#include "extract/layout_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

namespace docpipe {
namespace {

Layout SampleLayout() {
  Layout layout;
  layout.source_path = "in.pdf";
  layout.source_sha256 = std::string(64, 'a');
  layout.page_count = 3;
  Page page;
  page.number = 2;
  page.width = 595.3;
  page.height = 841.89;
  page.warnings = {"PDF error: something"};
  page.removed_duplicate_glyphs = 4;
  page.lines.push_back({"第 2 頁，共 3 頁", {260, 796.75, 330, 808.45}, "Noto", 10.5, LineRole::kFooter, std::nullopt, {}});
  page.lines.push_back({"資安管理人員職能基準", {217.8, 57.2, 377.8, 78}, "Noto-Bold", 16, LineRole::kContent, std::nullopt, {}});
  Table table;
  table.id = 3;
  table.bbox = {56.7, 54.25, 538.6, 780.25};
  table.rows = 2;
  table.cols = 2;
  table.header_rows = 1;
  table.continued_from_previous_page = true;
  table.repeated_header = true;
  table.first_row_continued = true;
  Cell header{0, 0, 1, 2, {56.7, 54.25, 538.6, 70}, "主要職責", {}};
  header.lines.push_back({"主要職責", {60, 56, 100, 68}, "Noto-Bold", 10.5, LineRole::kContent, std::nullopt, {}});
  table.cells = {header, Cell{1, 0, 1, 1, {56.7, 70, 300, 780.25}, "", {}},
                 Cell{1, 1, 1, 1, {300, 70, 538.6, 780.25}, "程。", {}}};
  table.cells[2].continued_from_previous_page = true;
  page.tables.push_back(table);
  layout.pages.push_back(page);
  return layout;
}

TEST(LayoutJson, RoundTripsEveryField) {
  Layout layout = SampleLayout();
  nlohmann::ordered_json json = LayoutToJson(layout);
  Result<Layout> back = ParseLayoutJson(json.dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(LayoutToJson(*back), json);
  EXPECT_EQ(back->pages[0].lines[0].role, LineRole::kFooter);
  EXPECT_EQ(back->pages[0].tables[0].cells[0].col_span, 2);
  EXPECT_EQ(back->pages[0].tables[0].cells[2].text, "程。");
  EXPECT_TRUE(back->pages[0].tables[0].first_row_continued);
  EXPECT_TRUE(back->pages[0].tables[0].cells[2].continued_from_previous_page);
  EXPECT_FALSE(back->pages[0].tables[0].cells[1].continued_from_previous_page);
  // The mark is written only where it is set: other cells read as before.
  EXPECT_FALSE(json["pages"][0]["tables"][0]["cells"][1].contains("continued_from_previous_page"));
  EXPECT_EQ(json["pages"][0]["tables"][0]["cells"][2]["continued_from_previous_page"], true);
}

TEST(LayoutJson, TextWrittenPageByPageEqualsTheWholeTreeDumped) {
  // Oracle: nlohmann's own dump of the whole tree, with JsonText's settings.
  auto dumped = [](const Layout& layout, bool compact) {
    return LayoutToJson(layout).dump(compact ? -1 : 2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
           "\n";
  };
  Layout layout = SampleLayout();
  Page third = layout.pages[0];
  third.number = 3;
  third.tables.clear();
  third.lines[1].text = "bad \xFF utf-8 \"quoted\"\n";
  layout.pages.push_back(third);
  // An OCR page (its fields, a line's confidence and low-confidence words),
  // a page with nothing on it (empty arrays), numbers whose shortest form
  // is long or odd, and one that is no number.
  Page ocr = layout.pages[0];
  ocr.number = 1;
  ocr.source = PageSource::kOcr;
  ocr.ocr = OcrInfo{"tesseract 5.3.0", "chi_tra 4.1.0", 300, -0.37, 2};
  ocr.lines[0].confidence = 0.91234;
  ocr.lines[0].low_confidence_words = {"職能", "x\"y"};
  ocr.tables[0].cells[1].lines.push_back(ocr.lines[0]);
  ocr.tables[0].ruling = TableRuling::kPartial;
  ocr.tables[0].continues_on_next_page = true;
  ocr.width = 612.0000000001;
  ocr.height = -0.0;
  ocr.lines[1].bbox = {1e-7, 123456789.125, 0.1 + 0.2, std::nan("")};
  ocr.lines[1].size = 1e300;
  layout.pages.insert(layout.pages.begin(), ocr);
  Page blank;
  blank.number = 4;
  layout.pages.push_back(blank);
  layout.page_count = 4;
  Layout none = layout;
  none.pages.clear();
  for (const Layout* l : {&layout, &none}) {
    for (bool compact : {false, true}) EXPECT_EQ(LayoutJsonText(*l, compact), dumped(*l, compact)) << compact;
  }
}

TEST(LayoutJson, RejectsMalformedLayouts) {
  struct Case {
    const char* name;
    std::function<void(nlohmann::json*)> damage;
    Status::Code code;
  };
  const std::vector<Case> cases = {
      {"another document type", [](nlohmann::json* j) { (*j)["document_type"] = "diff"; },
       Status::Code::kSchemaViolation},
      {"a missing page field", [](nlohmann::json* j) { (*j)["pages"][0].erase("lines"); },
       Status::Code::kSchemaViolation},
      {"an unknown field", [](nlohmann::json* j) { (*j)["pages"][0]["extra"] = 1; }, Status::Code::kSchemaViolation},
      {"a bbox of three numbers", [](nlohmann::json* j) { (*j)["pages"][0]["lines"][0]["bbox"] = {1, 2, 3}; },
       Status::Code::kSchemaViolation},
      {"a negative span", [](nlohmann::json* j) { (*j)["pages"][0]["tables"][0]["cells"][0]["row_span"] = -1; },
       Status::Code::kSchemaViolation},
      {"a cell outside the grid", [](nlohmann::json* j) { (*j)["pages"][0]["tables"][0]["cells"][2]["col"] = 5; },
       Status::Code::kBadInput},
      {"two cells on one slot", [](nlohmann::json* j) { (*j)["pages"][0]["tables"][0]["cells"][1]["col"] = 1; },
       Status::Code::kBadInput},
      {"a page beyond the page count", [](nlohmann::json* j) { (*j)["pages"][0]["number"] = 9; },
       Status::Code::kBadInput},
  };
  nlohmann::json good = LayoutToJson(SampleLayout());
  for (const Case& c : cases) {
    nlohmann::json bad = good;
    c.damage(&bad);
    Result<Layout> parsed = ParseLayoutJson(bad.dump());
    ASSERT_FALSE(parsed.ok()) << c.name;
    EXPECT_EQ(parsed.status().code(), c.code) << c.name << ": " << parsed.status().ToString();
  }
}

TEST(LayoutJson, RejectsTextThatIsNotALayoutWithoutThrowing) {
  const std::vector<std::string> inputs = {
      "", "{", "[]", "{\"document_type\": \"layout\"}", std::string(100000, '[') + std::string(100000, ']'),
      "{\"a\": \"\xff\"}",
  };
  for (const std::string& input : inputs) {
    Result<Layout> parsed = ParseLayoutJson(input);
    EXPECT_FALSE(parsed.ok()) << input.substr(0, 20);
  }
}

}  // namespace
}  // namespace docpipe
