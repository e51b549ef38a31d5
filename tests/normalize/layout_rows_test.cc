#include "normalize/input/layout_rows.h"

#include <gtest/gtest.h>

#include "common/file_io.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "normalize/policy/policy_parser.h"
#include "tests/extract/pdf_writer.h"
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

TextLine At(const std::string& text, double x0, double y0, double x1, double size,
            LineRole role = LineRole::kContent) {
  TextLine line = L(text);
  line.size = size;
  line.bbox = {x0, y0, x1, y0 + size};
  line.role = role;
  return line;
}

// Regression (issue 14): a running title, labelled header on every page,
// appeared nowhere; a title set letter-spaced (廉 政 專 刊) came in pieces.
TEST(LayoutRows, TitleFromTheFirstPagesTypographyIsARowOfItsOwn) {
  Layout layout;
  Page first;
  first.number = 1;
  first.width = 595;
  first.height = 842;
  first.lines = {At("國家教育研究院函陳報教育部", 300, 30, 540, 10),  // small print above
                 At("廉", 186, 156, 204, 18, LineRole::kHeader), At("政", 222, 156, 240, 18, LineRole::kHeader),
                 At("專刊第 46 期", 258, 156, 403, 18, LineRole::kHeader),
                 At("政治獻金收支結算表依政治獻金法之規定辦理結算申報", 54, 200, 540, 12),
                 At("公告如下。", 54, 215, 120, 12)};
  Page second = first;
  second.number = 2;
  second.lines = {At("廉政專刊第 46 期", 186, 156, 403, 18, LineRole::kHeader), At("本文。", 54, 200, 120, 12)};
  layout.pages = {first, second};
  std::vector<TabRow> rows = LayoutToRows(layout, RuleSet::Default(RuleInput::kPdf));
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells[0], "國家教育研究院函陳報教育部");
  EXPECT_FALSE(rows[0].title);
  EXPECT_EQ(rows[1].cells[0], "廉政專刊第 46 期");
  EXPECT_TRUE(rows[1].title);
  EXPECT_EQ(rows[2].cells[0], "政治獻金收支結算表依政治獻金法之規定辦理結算申報公告如下。");
  for (size_t i = 3; i < rows.size(); ++i) EXPECT_FALSE(rows[i].title);  // page 2's header stays furniture
}

TEST(LayoutRows, NoTitleWhenNothingIsSetLargerThanTheBody) {
  Layout layout;
  Page page;
  page.number = 1;
  page.width = 595;
  page.height = 842;
  page.lines = {At("選區", 90, 90, 130, 10), At("學經歷", 300, 90, 350, 10)};
  layout.pages = {page};
  for (const TabRow& row : LayoutToRows(layout, RuleSet::Default(RuleInput::kPdf))) EXPECT_FALSE(row.title);
}

// Regression (issue 14): a two-column table of contents was read across
// the columns, one entry of each in turn.
TEST(LayoutRows, ReadsTwoColumnsOneAfterTheOther) {
  Layout layout;
  Page page;
  page.number = 1;
  page.width = 595;
  page.height = 842;
  page.lines.push_back(At("本期目次", 80, 200, 160, 12));
  for (int i = 0; i < 6; ++i) {
    const double y = 250 + 18 * i;
    page.lines.push_back(At("左欄第" + std::to_string(i + 1) + "項 ·········· " + std::to_string(i + 1), 90, y, 269, 12));
    page.lines.push_back(
        At("右欄第" + std::to_string(i + 1) + "項 ·········· " + std::to_string(40 + i), 326, y, 505, 12));
  }
  page.lines.push_back(At("監察院公職人員財產申報處編印，中華民國一百零一年十一月二十六日出版", 100, 700, 500, 12));
  layout.pages = {page};
  std::vector<TabRow> rows = LayoutToRows(layout, RuleSet::Default(RuleInput::kPdf));
  std::vector<std::string> texts;
  for (const TabRow& row : rows) texts.push_back(row.cells[0]);
  ASSERT_EQ(texts.size(), 14u) << ::testing::PrintToString(texts);
  EXPECT_EQ(texts[0], "本期目次");
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(texts[1 + i].substr(0, 9), "左欄第") << i;
    EXPECT_EQ(texts[7 + i].substr(0, 9), "右欄第") << i;
  }
  EXPECT_EQ(texts[13].substr(0, 9), "監察院");
}

// A form's labels and values side by side are read row by row.
TEST(LayoutRows, LabelsAndValuesSideBySideAreNoColumns) {
  Layout layout;
  Page page;
  page.number = 1;
  page.width = 595;
  page.height = 842;
  for (int i = 0; i < 6; ++i) {
    const double y = 250 + 18 * i;
    page.lines.push_back(At("欄位" + std::to_string(i) + "：", 60, y, 110, 12));
    page.lines.push_back(At("值" + std::to_string(i), 330, y, 360, 12));
  }
  layout.pages = {page};
  std::vector<TabRow> rows = LayoutToRows(layout, RuleSet::Default(RuleInput::kPdf));
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(rows[0].cells[0], "欄位0：");
  EXPECT_EQ(rows[1].cells[0], "值0");
}

// The paragraphs of a PDF as the policy parser reads them from its layout.
std::vector<std::string> Paragraphs(const Layout& layout) {
  const RuleSet& rules = RuleSet::Default(RuleInput::kPdf);
  Result<PolicyDocument> doc = ParsePolicyDocument(LayoutToRows(layout, rules), rules);
  std::vector<std::string> texts;
  if (!doc.ok()) return {doc.status().ToString()};
  for (const Paragraph& p : doc->paragraphs) texts.push_back(p.text);
  return texts;
}

Page BlankPage(int number) {
  Page page;
  page.number = number;
  page.width = 595;
  page.height = 842;
  return page;
}

// Regression (issue 14): a declaration's signature ran into the next page's
// form title, and one party's label lines into the next party's statement
// ("…申報人：人民最大黨結算日期：100 年 12 月 31 日申報日期：101 年 05 月 31
// 日上表逕依申報人所載資料公告100 年度政黨…"): lines that stop short of the
// column's edge, or stand flush right, end their paragraphs.
TEST(LayoutRows, SignatureFormTitleAndLabelLinesEndParagraphs) {
  Layout layout;
  Page first = BlankPage(1);
  first.lines = {At("公告事項如下。", 54, 70, 140, 12),
                 At("上表係依政治獻金法之規定辦理結算申報，經會計師查核簽證後併同收支結算表及相關憑證", 54, 100, 540, 12),
                 At("送交本院。此致", 54, 118, 140, 12),
                 At("監察院", 54, 136, 90, 12),
                 At("製表人：蘇暘荃", 54, 170, 140, 12),
                 At("申報人：人民最大黨", 54, 188, 160, 12),
                 At("結算日期：100 年 12 月 31 日", 352, 206, 505, 12),
                 At("申報日期：101 年 05 月 31 日", 352, 224, 505, 12),
                 At("上表逕依申報人所載資料公告", 54, 242, 210, 12)};
  Page second = BlankPage(2);
  second.lines = {At("100 年度政黨", 54, 60, 150, 16), At("大道慈悲濟世黨", 240, 80, 356, 16),
                  At("政治獻金收支結算表", 226, 100, 370, 16),
                  At("上表係依政治獻金法之規定辦理結算申報，經會計師查核簽證後併同收支結算表及相關憑證", 54, 300, 540, 12),
                  At("送交本院。", 54, 318, 120, 12)};
  layout.pages = {first, second};
  EXPECT_EQ(Paragraphs(layout),
            std::vector<std::string>({"公告事項如下。",
                                      "上表係依政治獻金法之規定辦理結算申報，經會計師查核簽證後併同收支結算表及相關憑證送交本院。此致",
                                      "監察院", "製表人：蘇暘荃", "申報人：人民最大黨", "結算日期：100 年 12 月 31 日",
                                      "申報日期：101 年 05 月 31 日", "上表逕依申報人所載資料公告", "100 年度政黨",
                                      "大道慈悲濟世黨", "政治獻金收支結算表",
                                      "上表係依政治獻金法之規定辦理結算申報，經會計師查核簽證後併同收支結算表及相關憑證送交本院。"}));
}

// Regression (issue 14): the directive's filing note, a block set at the
// right of page 1 and broken where its writer chose, came out line by line.
// Its lines carry one note per block (a blank line between the blocks);
// flush-right label lines (結算日期：, 申報日期：) stay apart, as above, and
// so do a line at another left edge and a centred title's two lines of one
// width (gazette 046's form titles).
TEST(LayoutRows, AFilingNoteSetAtTheRightIsOneParagraphPerBlock) {
  Layout layout;
  Page page = BlankPage(1);
  page.lines = {At("境外核災處理作業要點", 85, 60, 285, 16), At("中華民國103年5月21日行政院原子能委員會", 271, 108, 499, 10),
                At("會技字第1030008776號函訂定", 271, 123, 427, 10), At("並自即日生效", 271, 139, 343, 10),
                At("中華民國112年12月26日核能安全委員會", 271, 167, 481, 10),
                At("核應字第1120019836號函修正第2、3、4、5點", 271, 182, 511, 10), At("並自即日生效", 271, 198, 343, 10),
                At("當境外發生核子事故或核彈爆炸事故時，為提供國內相關機關啟動應變之作業程序。", 85, 260, 524, 10),
                At("院長", 300, 290, 330, 10), At("中華民國113年1月1日", 380, 305, 480, 10),
                At("福爾摩沙法理建國黨", 300, 340, 444, 16), At("政治獻金收支結算表", 300, 358, 444, 16)};
  layout.pages = {page};
  const std::vector<std::string> paragraphs = Paragraphs(layout);
  EXPECT_EQ(paragraphs, std::vector<std::string>(
                            {"中華民國103年5月21日行政院原子能委員會會技字第1030008776號函訂定並自即日生效",
                             "中華民國112年12月26日核能安全委員會核應字第1120019836號函修正第2、3、4、5點並自即日生效",
                             "當境外發生核子事故或核彈爆炸事故時，為提供國內相關機關啟動應變之作業程序。", "院長",
                             "中華民國113年1月1日", "福爾摩沙法理建國黨", "政治獻金收支結算表"}))
      << ::testing::PrintToString(paragraphs);
}

// Counter-examples: a paragraph that wraps (its first line indented by two
// characters, or an item's lines standing under its text), runs across a
// page break, or continues on its printed line after a piece the text
// layer gave apart, stays one paragraph.
TEST(LayoutRows, WrappedParagraphsStayWholeAcrossLinesAndPages) {
  Layout layout;
  Page first = BlankPage(1);
  first.lines = {At("當境外發生核子事故或核彈爆炸事故時，為提供國內相關機關啟動應", 82, 100, 540, 12),
                 At("變之作業程序，特訂定本要點。", 54, 118, 230, 12),
                 At("1. 開設時機：事故國或大陸地區發生國際核能事件第五級事故或核", 70, 150, 540, 12),
                 At("彈爆炸事故，經核安會研判有開設必要者。", 94, 168, 330, 12),
                 At("2. 參與機關（單位、團體）", 70, 200, 230, 12), At("：由核安會通知行政院災害防救辦公室", 222, 200, 440, 12),
                 At("本小組任務如下，事故國或大陸地區發生國際核能事件第五級事故或核彈爆炸", 54, 800, 540, 12)};
  Page second = BlankPage(2);
  second.lines = {At("事故時，由核安會研判有開設必要者。", 54, 60, 270, 12), At("另見附件。", 54, 80, 120, 12)};
  layout.pages = {first, second};
  const std::vector<std::string> paragraphs = Paragraphs(layout);
  EXPECT_EQ(paragraphs, std::vector<std::string>(
                            {"當境外發生核子事故或核彈爆炸事故時，為提供國內相關機關啟動應變之作業程序，特訂定本要點。",
                             "開設時機：事故國或大陸地區發生國際核能事件第五級事故或核彈爆炸事故，經核安會研判有開設必要者。",
                             "本小組任務如下，事故國或大陸地區發生國際核能事件第五級事故或核彈爆炸事故時，由核安會研判有開設必要者。",
                             "另見附件。"}))
      << ::testing::PrintToString(paragraphs);
}

// Regression (issue 16, the pdf.js/qpdf "Hello World" files): a PDF of four
// pages, each holding one line "Hello World" at its top, normalized to the
// title "Hello World Hello World Hello World Hello World": each line runs to
// the column's edge (it is the only line), so it seemed to run on to the
// next page. A paragraph crosses a page break only from a filled page; the
// counter-example, a line at the foot of a page running on to the next, is
// WrappedParagraphsStayWholeAcrossLinesAndPages above.
TEST(LayoutRows, OneLineAtTheTopOfEveryPageIsOneParagraphPerPageNotATitleAcrossPages) {
  std::vector<testing::PdfPage> pages(4);
  for (testing::PdfPage& page : pages) page.Text(72, 80, 24, "Hello World");
  Result<nlohmann::ordered_json> doc = ProcessBytes(testing::BuildPdf(pages), "hello.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<std::string> texts;
  if (!(*doc)["title"].is_null()) texts.push_back((*doc)["title"].get<std::string>());
  for (const auto& paragraph : (*doc)["paragraphs"]) texts.push_back(paragraph["text"].get<std::string>());
  EXPECT_EQ(texts, std::vector<std::string>(4, "Hello World")) << doc->dump(1);

  // The same in a layout: a page whose text stops at its top, with a line
  // running to the column's edge and ending no sentence.
  Layout layout;
  Page first = BlankPage(1);
  first.lines = {At("說明如下。", 54, 60, 120, 12),
                 At("本行文字在頁面的上方，是這一頁最後的一行，而且跑到欄的右緣", 54, 80, 540, 12)};
  Page second = BlankPage(2);
  second.lines = {At("下一頁的第一行文字從頁首開始，也跑到欄的右緣而沒有句號", 54, 60, 540, 12)};
  layout.pages = {first, second};
  EXPECT_EQ(Paragraphs(layout), std::vector<std::string>({"說明如下。",
                                                          "本行文字在頁面的上方，是這一頁最後的一行，而且跑到欄的右緣",
                                                          "下一頁的第一行文字從頁首開始，也跑到欄的右緣而沒有句號"}))
      << ::testing::PrintToString(Paragraphs(layout));
}

// Regression (issue 14): a heading cut at a line break ("（十）債權（總金額：
// 新臺幣" / "元）") became a heading and a paragraph "元）".
TEST(LayoutRows, AHeadingWithAnOpenBracketRunsOnToItsNextLine) {
  Layout layout;
  Page page = BlankPage(1);
  page.lines = {At("（十）債權（總金額：新臺幣", 54, 100, 220, 12), At("元）", 80, 118, 104, 12),
                At("債權人為本人，無擔保。", 54, 136, 200, 12),
                At("本段文字只是為了讓頁面的文字區塊有正常的寬度而存在，別無他用", 54, 160, 540, 12)};
  layout.pages = {page};
  const RuleSet& rules = RuleSet::Default(RuleInput::kPdf);
  Result<PolicyDocument> doc = ParsePolicyDocument(LayoutToRows(layout, rules), rules);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->outline.size(), 1u);
  EXPECT_EQ(doc->outline[0].label, "（十）");
  EXPECT_EQ(doc->outline[0].title, "債權（總金額：新臺幣元）");
  ASSERT_GE(doc->paragraphs.size(), 1u);
  EXPECT_EQ(doc->paragraphs[0].text, "債權人為本人，無擔保。");
}

// Regression (issue 14): normalize of a gazette and normalize of its own
// layout JSON differed ("297陳唐山…………………… 262" against "陳唐山……
// …………… 262 297"): a page number drawn out of reading order, a few
// thousandths of a point above a dot-leader line, sorted before that line
// in the PDF's layout and after it once the JSON had rounded both to
// hundredths.
TEST(LayoutRows, APdfAndItsLayoutJsonGiveOneDocumentThoughANumberIsDrawnOutOfOrder) {
  for (const char* number_y : {"692.003", "691.997", "692.002"}) {
    testing::PdfPage page;
    page.Text(72, 60, 12, "Contents");
    page.Raw(std::string("BT /F1 12 Tf 296 ") + number_y + " Td (297) Tj ET\n");  // drawn first
    page.Text(72, 100, 12, "Chen Tangshan ................................ 262");
    page.Text(72, 120, 12, "Lin Yifu ..................................... 263");
    page.Text(72, 140, 12, "Body text of the gazette.");
    const std::string pdf = testing::BuildPdf({page});
    Result<Layout> layout = ExtractLayout(pdf, "contents.pdf", {});
    ASSERT_TRUE(layout.ok()) << layout.status().ToString();
    Result<nlohmann::ordered_json> from_pdf = ProcessBytes(pdf, "contents.pdf", {});
    Result<nlohmann::ordered_json> from_json = ProcessBytes(LayoutToJson(*layout).dump(), "contents.json", {});
    ASSERT_TRUE(from_pdf.ok() && from_json.ok());
    from_pdf->erase("source");
    from_json->erase("source");
    EXPECT_EQ(from_pdf->dump(1), from_json->dump(1)) << number_y;
  }
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

// NormalizeLayout copies the layout for the OCR repairs only when a page was
// read by OCR; such a page must still be repaired ("Pl.1.1" is OCR's reading
// of P1.1.1), and the same text on a text-layer page must not be.
TEST(LayoutRows, AnOcrPageIsStillRepairedAndATextLayerPageIsNot) {
  Result<std::string> pdf = ReadFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/pdf/INM2529-002v2.pdf");
  ASSERT_TRUE(pdf.ok());
  Result<Layout> layout = ExtractLayout(*pdf, "INM2529-002v2.pdf", {});
  ASSERT_TRUE(layout.ok());
  auto misread = [](std::string& text) {
    for (size_t at = text.find("P1.1.1"); at != std::string::npos; at = text.find("P1.1.1", at)) text[at + 1] = 'l';
  };
  int misread_lines = 0;
  for (Page& page : layout->pages) {
    for (TextLine& line : page.lines) misread(line.text);
    for (Table& table : page.tables) {
      for (Cell& cell : table.cells) {
        misread(cell.text);
        for (TextLine& line : cell.lines) {
          const std::string before = line.text;
          misread(line.text);
          misread_lines += line.text != before;
        }
      }
    }
  }
  ASSERT_GT(misread_lines, 0);
  auto indicator_codes = [](const nlohmann::ordered_json& doc) {
    std::string codes;
    for (const auto& duty : doc["duties"]) {
      for (const auto& task : duty["tasks"]) {
        for (const auto& indicator : task["indicators"]) codes += indicator["code"].get<std::string>() + " ";
      }
    }
    return codes;
  };
  Result<nlohmann::ordered_json> as_text = ProcessBytes(LayoutToJson(*layout).dump(), "text.json", {});
  ASSERT_TRUE(as_text.ok()) << as_text.status().ToString();
  EXPECT_EQ(indicator_codes(*as_text).find("P1.1.1 "), std::string::npos) << indicator_codes(*as_text);
  for (Page& page : layout->pages) {
    page.source = PageSource::kOcr;
    page.ocr = OcrInfo{"tesseract 5.3.0", "chi_tra 4.00.00alpha", 300, 0, 0};
  }
  Result<nlohmann::ordered_json> as_ocr = ProcessBytes(LayoutToJson(*layout).dump(), "ocr.json", {});
  ASSERT_TRUE(as_ocr.ok()) << as_ocr.status().ToString();
  EXPECT_NE(indicator_codes(*as_ocr).find("P1.1.1 "), std::string::npos) << indicator_codes(*as_ocr);
}

}  // namespace
}  // namespace docpipe
