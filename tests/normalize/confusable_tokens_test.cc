#include "normalize/input/confusable_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docpipe {
namespace {

TextLine LineOf(const std::string& text) {
  TextLine line;
  line.text = text;
  return line;
}

// One page of `source` whose lines are `lines`.
Page PageOf(PageSource source, const std::vector<std::string>& lines) {
  Page page;
  page.source = source;
  for (const std::string& text : lines) page.lines.push_back(LineOf(text));
  return page;
}

std::string RepairedFirstLine(const std::vector<std::string>& ocr_lines, const std::vector<std::string>& text_lines = {}) {
  Layout layout;
  layout.pages.push_back(PageOf(PageSource::kOcr, ocr_lines));
  if (!text_lines.empty()) layout.pages.push_back(PageOf(PageSource::kText, text_lines));
  VoteConfusableTokens(&layout);
  return layout.pages[0].lines[0].text;
}

TEST(ConfusableTokens, CodeReadWithJForIIsTheDocumentsSpelling) {
  // IIS3513-001v4's version table on a clean scan: V1's code read JIS.
  EXPECT_EQ(RepairedFirstLine({"V1 JIS3513-001v1 網站或網路管理人員", "職能基準代碼 IIS3513-001v4",
                               "已被《IIS3513-001v2》取代"}),
            "V1 IIS3513-001v1 網站或網路管理人員");
  EXPECT_EQ(RepairedFirstLine({"JNM2529-002v2"}, {"INM2529-002v1", "INM2529-002v2"}), "INM2529-002v2");
}

TEST(ConfusableTokens, WordReadWithZeroForOIsTheDocumentsSpelling) {
  EXPECT_EQ(RepairedFirstLine({"安裝、設定與測試 0S。", "最佳化 OS", "不同的 OS", "OS 廠商"}), "安裝、設定與測試 OS。");
  EXPECT_EQ(RepairedFirstLine({"K0l 資訊", "K01 甲", "K01 乙", "K01 丙"}), "K01 資訊");
}

TEST(ConfusableTokens, SkillCodeReadWithFiveForSIsTheDocumentsSpelling) {
  // IIS3513-001v4 on a clean scan: S02 and S10 read 502 and 510 in two
  // cells of the skills column, which prints them on every page.
  EXPECT_EQ(RepairedFirstLine({"S01 溝通協調能力502 讀寫能力", "S02 讀寫能力", "S02 讀寫能力", "S02 讀寫能力"}),
            "S01 溝通協調能力S02 讀寫能力");
  EXPECT_EQ(RepairedFirstLine({"S09 網路監控能力510 技術能力"}, {"S10 技術能力", "S10 技術能力", "S10 技術能力"}),
            "S09 網路監控能力S10 技術能力");
}

TEST(ConfusableTokens, FiveBesideAnSIsLeftWithoutEnoughVotesOrAsAWord) {
  // An HTTP status beside a code printed twice: a short token needs three.
  EXPECT_EQ(RepairedFirstLine({"回應 502 錯誤", "S02 讀寫能力", "S02 讀寫能力"}), "回應 502 錯誤");
  // A number beside a letter used as a word: neither mixes letters and digits.
  EXPECT_EQ(RepairedFirstLine({"5 年", "S 級", "S 級", "S 級"}), "5 年");
  // A code ending in 5 beside a word ending in S (IIS3513's output O5.1.1
  // beside OS printed ten times): 5 is a letter's look-alike only before a
  // digit.
  EXPECT_EQ(RepairedFirstLine({"O5.1.1 維護紀錄", "OS 甲", "OS 乙", "OS 丙", "OS 丁", "OS 戊"}), "O5.1.1 維護紀錄");
}

TEST(ConfusableTokens, TwoWordsOrTwoNumbersAreNotVotes) {
  // JIS (a Japanese standard) named beside IIS: both are words.
  EXPECT_EQ(RepairedFirstLine({"依 JIS 規格", "IIS 伺服器", "IIS 設定", "IIS 日誌"}), "依 JIS 規格");
  // IO beside 10: a word and a number.
  EXPECT_EQ(RepairedFirstLine({"IO 效能", "10 台", "10 次", "10 年"}), "IO 效能");
}

TEST(ConfusableTokens, TooFewVotesLeaveTheToken) {
  // A1 beside AI twice: a short token needs three votes.
  EXPECT_EQ(RepairedFirstLine({"A1 級", "AI 技術", "AI 應用"}), "A1 級");
  // Equally often: no majority.
  EXPECT_EQ(RepairedFirstLine({"INM2529-002v2", "JNM2529-002v2"}), "INM2529-002v2");
}

TEST(ConfusableTokens, TextLayerIsNeverChangedButVotes) {
  Layout layout;
  layout.pages.push_back(PageOf(PageSource::kText, {"0S 甲"}));
  layout.pages.push_back(PageOf(PageSource::kOcr, {"0S 乙"}));
  layout.pages.push_back(PageOf(PageSource::kText, {"OS 丙", "OS 丁", "OS 戊", "OS 己"}));
  VoteConfusableTokens(&layout);
  EXPECT_EQ(layout.pages[0].lines[0].text, "0S 甲");
  EXPECT_EQ(layout.pages[1].lines[0].text, "OS 乙");
}

TEST(ConfusableTokens, TableCellsAreRepairedAndCountOnce) {
  Layout layout;
  Page page = PageOf(PageSource::kOcr, {"OS", "OS"});
  Table table;
  Cell cell;
  cell.text = "測試 0S";
  cell.lines.push_back(LineOf("測試 0S"));
  table.cells.push_back(cell);
  page.tables.push_back(table);
  layout.pages.push_back(page);
  // OS twice against 0S once (its cell text and cell line are one reading):
  // a token shorter than four characters needs three votes.
  VoteConfusableTokens(&layout);
  EXPECT_EQ(layout.pages[0].tables[0].cells[0].text, "測試 0S");
  layout.pages[0].lines.push_back(LineOf("OS"));
  VoteConfusableTokens(&layout);
  EXPECT_EQ(layout.pages[0].tables[0].cells[0].text, "測試 OS");
  EXPECT_EQ(layout.pages[0].tables[0].cells[0].lines[0].text, "測試 OS");
}

}  // namespace
}  // namespace docpipe
