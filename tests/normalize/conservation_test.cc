// The conservation check (pipeline/conservation.h): what it catches, what
// it lets through by construction, and that it holds — zero characters
// unaccounted — over every PDF of the samples and of the producer prints,
// read directly and as layout JSON.
#include "pipeline/conservation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "common/file_io.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

namespace fs = std::filesystem;

TabRow Row(int page, int line, std::vector<std::string> cells) {
  TabRow row;
  row.pos = {line, page};
  row.cells = std::move(cells);
  return row;
}

const RuleSet& Pdf() { return RuleSet::Default(RuleInput::kPdf); }

TEST(Conservation, NamesACharacterTheDocumentDroppedWithItsPageAndLine) {
  const std::vector<TabRow> rows = {Row(1, 1, {"K01 稽核技術"}), Row(2, 3, {"K02 備份與還原"})};
  nlohmann::ordered_json document = {{"knowledge", {{{"code", "K01"}, {"name", "稽核技術"}},
                                                    {{"code", "K02"}, {"name", "備份還原"}}}}};
  std::vector<Warning> lost = UnaccountedCharacters(rows, document, {}, Pdf());
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].kind, "characters_unaccounted");
  EXPECT_EQ(lost[0].pos.page, 2);
  EXPECT_EQ(lost[0].pos.line, 3);
  EXPECT_NE(lost[0].message.find(": 與 ("), std::string::npos) << lost[0].message;
}

// The account is a multiset: a character held twice in the input and once
// in the document loses one; a surplus of another on the document's side
// makes up for nothing.
TEST(Conservation, ACharacterHeldTwiceAndWrittenOnceLosesOneDespiteASurplusOfOthers) {
  const std::vector<TabRow> rows = {Row(1, 1, {"安全與安全"})};
  nlohmann::ordered_json document = {{"name", "安全與安"}, {"note", "與與與安安"}};
  std::vector<Warning> lost = UnaccountedCharacters(rows, document, {}, Pdf());
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_NE(lost[0].message.find("1 characters in no field, unparsed text or warning: 全 ("), std::string::npos)
      << lost[0].message;
}

TEST(Conservation, RepairsAndWhiteSpaceCancelByConstruction) {
  // A radical for an ideograph, U+2011 in a code, letter-spacing, a
  // fullwidth digit, a line break: the document holds the repaired text.
  const std::vector<TabRow> rows = {Row(1, 1, {"執⾏ 與 ⻑期", "INM3513‐001v4"}), Row(1, 2, {"網 路 安 全\n管理", "４"})};
  nlohmann::ordered_json document = {
      {"name", "執行與長期"}, {"code", "INM3513-001v4"}, {"description", "網路安全管理"}, {"level", 4}};
  EXPECT_TRUE(UnaccountedCharacters(rows, document, {}, Pdf()).empty());
}

TEST(Conservation, ConsumedTextIsAccountedAndOnlyThat) {
  const std::vector<TabRow> rows = {Row(1, 1, {"職能基準代碼", "INM3513-001v4"})};
  nlohmann::ordered_json document = {{"code", "INM3513-001v4"}};
  EXPECT_TRUE(UnaccountedCharacters(rows, document, {"職能基準代碼"}, Pdf()).empty());
  std::vector<Warning> lost = UnaccountedCharacters(rows, document, {}, Pdf());
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_NE(lost[0].message.find("6 characters"), std::string::npos) << lost[0].message;
}

TEST(Conservation, BookkeepingOfTheDocumentIsNotText) {
  // The source path and positions hold digits and letters; they must not
  // stand in for a lost "2".
  const std::vector<TabRow> rows = {Row(1, 1, {"第2條"})};
  nlohmann::ordered_json document = {{"source", {{"path", "2.pdf"}, {"pages", 2}}},
                                     {"paragraphs", {{{"text", "第條"}, {"location", {{"page", 2}, {"line", 2}}}}}}};
  std::vector<Warning> lost = UnaccountedCharacters(rows, document, {}, Pdf());
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_NE(lost[0].message.find(": 2 ("), std::string::npos) << lost[0].message;
}

TextLine Line(const std::string& text, double y) {
  TextLine line;
  line.text = text;
  line.size = 10;
  line.bbox = {50, y, 300, y + 10};
  return line;
}

// A layout in which text falls outside every place: two cells claim one
// grid slot, and only one of them can become the row's cell.
Layout TwoCellsOnOneSlot() {
  Layout layout;
  layout.page_count = 1;
  Page page;
  page.number = 1;
  page.width = 600;
  page.height = 800;
  page.lines = {Line("臺灣方面非金融服務部門的開放承諾", 50)};
  Table table;
  table.id = 1;
  table.rows = 1;
  table.cols = 2;
  table.bbox = {50, 100, 500, 200};
  Cell a{0, 0, 1, 1, {50, 100, 200, 200}, "商業服務業", {Line("商業服務業", 110)}};
  Cell b{0, 1, 1, 1, {200, 100, 500, 200}, "沒有限制。", {Line("沒有限制。", 110)}};
  Cell c{0, 1, 1, 1, {200, 100, 500, 200}, "不予承諾", {Line("不予承諾", 130)}};
  table.cells = {a, b, c};
  page.tables = {table};
  layout.pages = {page};
  return layout;
}

TEST(Conservation, LayoutTextInNoRowIsNamed) {
  const Layout layout = TwoCellsOnOneSlot();
  const std::vector<TabRow> rows = {Row(1, 1, {"臺灣方面非金融服務部門的開放承諾"}),
                                    Row(1, 2, {"商業服務業", "沒有限制。"})};
  std::vector<Warning> lost = UnaccountedLayoutCharacters(layout, rows);
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].pos.page, 1);
  EXPECT_NE(lost[0].message.find("不予承諾"), std::string::npos) << lost[0].message;
  EXPECT_TRUE(UnaccountedLayoutCharacters(layout, {Row(1, 1, {"臺灣方面非金融服務部門的開放承諾"}),
                                                   Row(1, 2, {"商業服務業", "沒有限制。不予承諾"})})
                  .empty());
}

TEST(Conservation, FurnitureIsNotCounted) {
  Layout layout;
  Page page;
  page.number = 1;
  TextLine footer = Line("第 3 頁，共 5 頁", 780);
  footer.role = LineRole::kFooter;
  page.lines = {Line("本文", 50), footer};
  layout.pages = {page};
  EXPECT_TRUE(UnaccountedLayoutCharacters(layout, {Row(1, 1, {"本文"})}).empty());
}

std::vector<std::string> PdfsUnder(const std::vector<const char*>& folders) {
  std::vector<std::string> pdfs;
  for (const char* folder : folders) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(DOCPIPE_SOURCE_DIR) / folder)) {
      if (entry.is_regular_file() && entry.path().extension() == ".pdf") pdfs.push_back(entry.path().string());
    }
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

std::vector<std::string> Unaccounted(const nlohmann::ordered_json& document) {
  std::vector<std::string> messages;
  for (const auto& w : document["warnings"]) {
    if (w["kind"] == "characters_unaccounted") messages.push_back(w["message"].get<std::string>());
  }
  return messages;
}

void ExpectConservation(const std::vector<std::string>& pdfs) {
  for (const std::string& path : pdfs) {
    SCOPED_TRACE(path);
    Result<std::string> bytes = ReadFile(path);
    ASSERT_TRUE(bytes.ok()) << bytes.status().message();
    Result<nlohmann::ordered_json> direct = ProcessBytes(*bytes, path, {});
    ASSERT_TRUE(direct.ok()) << direct.status().message();
    EXPECT_EQ(Unaccounted(*direct), std::vector<std::string>{});
    Result<Layout> layout = ExtractLayout(*bytes, path, {});
    ASSERT_TRUE(layout.ok()) << layout.status().message();
    Result<nlohmann::ordered_json> via_layout = ProcessBytes(LayoutToJson(*layout).dump(), path + ".json", {});
    ASSERT_TRUE(via_layout.ok()) << via_layout.status().message();
    EXPECT_EQ(Unaccounted(*via_layout), std::vector<std::string>{});
  }
}

TEST(Conservation, HoldsForEverySampleStandardPdf) {
  std::vector<std::string> pdfs = PdfsUnder({"samples/pdf"});
  ASSERT_EQ(pdfs.size(), 6u);
  ExpectConservation(pdfs);
}

TEST(Conservation, HoldsForEveryRealSamplePdf) {
  std::vector<std::string> pdfs = PdfsUnder({"samples/real"});
  ASSERT_EQ(pdfs.size(), 6u);
  ExpectConservation(pdfs);
}

TEST(Conservation, HoldsForEveryProducerPrint) {
  std::vector<std::string> pdfs = PdfsUnder({"tests/data/producers", "tests/data/browser-pdf"});
  ASSERT_GE(pdfs.size(), 27u);
  ExpectConservation(pdfs);
}

}  // namespace
}  // namespace docpipe
