// Parser tests on a constructed standard of the same family with the
// variations the samples do not show: a name given as a job category
// (職類), the header word 工作職責, no version table, attitudes printed as
// "A01：名稱" without description, markdown list notes, levels 5-7, and
// planted anomalies that must come out as warnings.
#include "normalize/standard/standard_parser.h"

#include "common/unicode.h"
#include "normalize/input/tab_text.h"
#include "normalize/standard/row_stitcher.h"
#include "normalize/standard/standard_labels.h"
#include "tests/sample_texts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace docpipe {
namespace {

// The duty table's header row as the samples print it.
const char kDutyTableHeader[] =
    "主要職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵（K=knowledge 知識）\t職能內涵（S=skills 技能）\n";

// `text` read as TAB text, then parsed as a standard (the reader's error
// when it refuses the text).
Result<CompetencyStandard> ParseText(std::string_view text) {
  Result<std::vector<TabRow>> rows = ParseTabText(text);
  if (!rows.ok()) return rows.status();
  return ParseCompetencyStandard(*rows, RuleSet::Default());
}

const char kVariant[] =
    "**餐飲服務職類職能基準**\n"
    "\n"
    "職能基準代碼\t\tHFB5120-001v1\t\t\t\n"
    "職能基準名稱（擇一填寫）\t\t職類\t餐飲服務\t\t\n"
    "\t\t職業\t\t\t\n"
    "所屬類別\t職類別\t餐旅 / 餐飲管理\t\t職類別代碼\tHFB\n"
    "\t職業別\t餐廳服務員\t\t職業別代碼\t5120\n"
    "\t行業別\t住宿及餐飲業 / 餐館業\t\t行業別代碼\tI5611\n"
    "工作描述\t\t提供顧客餐飲服務，維護用餐\t\t\t\n"
    "\t\t環境整潔與安全。\t\t\t\n"
    "基準級別\t\t5\t\t\t\n"
    "\n"
    "工作職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵（K=knowledge 知識）\t職能內涵（S=skills 技能）\n"
    "T1 接待顧客\tT1.1 引導入座\tO1.1.1 訂位紀錄\tP1.1.1 確認訂位資訊。 P1.1.2 引導顧客入座。\t5\t"
    "K01 餐飲禮儀 K02 訂位系統\tS01 溝通能力 S02\n"
    "\tT1.2 介紹菜單\t\tP1.2.1 說明菜色與過敏原。\t6\tK01 用餐禮儀 K03 食材知識\tS01 溝通能力\n"
    "T2 餐後服務\tT2.1 結帳\tO2.1.1 帳單\tP2.1.1 核對帳單。 P2.1.1 收取款項。\t7\tK04 支付系統操作\tS03 收銀技能\n"
    "\tT1.3 清潔桌面\t\tP1.3.1 收拾餐具。\t5\tK05 清潔衛生\tS04 清潔技能\n"
    "\n"
    "職能內涵（A=attitude 態度）\n"
    "A01：親和力\n"
    "A02：細心\n"
    "\n"
    "說明與補充事項\n"
    "- 建議具備餐飲相關工作經驗1年以上。\n"
    "- 本職能基準適用於中式與西式餐廳。\n";

class StandardParserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::vector<TabRow>> rows = ParseTabText(kVariant);
    ASSERT_TRUE(rows.ok());
    Result<CompetencyStandard> parsed = ParseCompetencyStandard(*rows, RuleSet::Default());
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    s_ = std::move(*parsed);
  }
  int Count(const std::string& kind, const std::string& needle = "") const {
    return static_cast<int>(std::count_if(s_.diagnostics.warnings.begin(), s_.diagnostics.warnings.end(),
                                          [&](const Warning& w) {
                                            return w.kind == kind && w.message.find(needle) != std::string::npos;
                                          }));
  }
  CompetencyStandard s_;
};

TEST_F(StandardParserTest, HeaderFieldsOfAJobCategoryStandard) {
  EXPECT_EQ(s_.title, "餐飲服務職類職能基準");
  EXPECT_EQ(s_.code, "HFB5120-001v1");
  EXPECT_EQ(s_.name, "餐飲服務");
  EXPECT_EQ(s_.name_kind, "job_category");
  EXPECT_EQ(s_.category.name, "餐旅 / 餐飲管理");
  EXPECT_EQ(s_.category.code, "HFB");
  EXPECT_EQ(s_.occupation.name, "餐廳服務員");
  EXPECT_EQ(s_.occupation.code, "5120");
  EXPECT_EQ(s_.industry.name, "住宿及餐飲業 / 餐館業");
  EXPECT_EQ(s_.industry.code, "I5611");
  EXPECT_EQ(s_.description, "提供顧客餐飲服務，維護用餐環境整潔與安全。");  // wrapped value joined
  ASSERT_TRUE(s_.level.has_value());
  EXPECT_EQ(*s_.level, 5);
  EXPECT_TRUE(s_.versions.empty());
  EXPECT_EQ(s_.field_pos.at("code").line, 3);
  EXPECT_EQ(s_.field_pos.at("description").line, 9);
}

TEST_F(StandardParserTest, DutyTableWithWorkDutyHeader) {
  ASSERT_EQ(s_.duties.size(), 2u);
  EXPECT_EQ(s_.duties[0].name, "接待顧客");
  ASSERT_EQ(s_.duties[0].tasks.size(), 2u);
  const Task& t11 = s_.duties[0].tasks[0];
  EXPECT_EQ(t11.name, "引導入座");
  EXPECT_EQ(t11.level, 5);
  ASSERT_EQ(t11.indicators.size(), 2u);
  EXPECT_EQ(t11.indicators[1].code, "P1.1.2");
  EXPECT_EQ(t11.indicators[1].text, "引導顧客入座。");
  EXPECT_EQ(s_.duties[0].tasks[1].level, 6);
  ASSERT_EQ(s_.duties[1].tasks.size(), 2u);
  EXPECT_EQ(s_.duties[1].tasks[1].code, "T1.3");
}

TEST_F(StandardParserTest, AttitudesWithoutDescription) {
  ASSERT_EQ(s_.attitudes.size(), 2u);
  EXPECT_EQ(s_.attitudes[0].code, "A01");
  EXPECT_EQ(s_.attitudes[0].name, "親和力");
  EXPECT_EQ(s_.attitudes[0].description, "");
  EXPECT_EQ(s_.attitudes[1].name, "細心");
}

TEST_F(StandardParserTest, MarkdownListNotes) {
  ASSERT_EQ(s_.notes.size(), 2u);
  EXPECT_EQ(s_.notes[0], "建議具備餐飲相關工作經驗1年以上。");
  EXPECT_EQ(s_.notes[1], "本職能基準適用於中式與西式餐廳。");
}

TEST_F(StandardParserTest, DictionariesFromTaskRows) {
  ASSERT_EQ(s_.knowledge.size(), 5u);
  EXPECT_EQ(s_.knowledge[0].code, "K01");
  EXPECT_EQ(s_.knowledge[0].name, "餐飲禮儀");  // first of two equally frequent wordings
  ASSERT_EQ(s_.skills.size(), 4u);
  EXPECT_EQ(s_.skills[1].code, "S02");
  EXPECT_EQ(s_.skills[1].name, "");
}

TEST_F(StandardParserTest, PlantedAnomaliesBecomeWarnings) {
  EXPECT_EQ(Count("level_out_of_range", "T2.1"), 1);
  EXPECT_EQ(Count("duplicate_code", "P2.1.1"), 1);
  EXPECT_EQ(Count("misnumbered_code", "task T1.3 stands under duty T2"), 1);
  EXPECT_EQ(Count("inconsistent_name", "K01"), 1);
  EXPECT_EQ(Count("undefined_code", "S02"), 1);
  EXPECT_EQ(Count("missing_field"), 0);
  EXPECT_TRUE(s_.diagnostics.unparsed.empty());
}

TEST(StandardParser, TextThatIsNotAStandardIsUnsupported) {
  Result<std::vector<TabRow>> rows = ParseTabText("第一章 前言\n\n本方案說明。\n");
  ASSERT_TRUE(rows.ok());
  EXPECT_FALSE(LooksLikeCompetencyStandard(*rows));
  Result<CompetencyStandard> parsed = ParseCompetencyStandard(*rows, RuleSet::Default());
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Status::Code::kUnsupported);
}

// LooksLikeCompetencyStandard folds only the cells whose key may hold one
// of 職工行 and one of 基務標產 (FoldedCharacters): three rows of one cell
// are evidence exactly when the cell's FoldKey is, over every line and cell
// of the text samples and counter-examples whose evidence only the folding
// shows (a Kangxi radical, fullwidth or spaced forms, case).
TEST(StandardParser, LooksLikeAStandardByTheCellsFoldKeys) {
  std::vector<std::string> texts = {"⼯作任務", "⾏為指標", "工 作 產 出", "（職能基準）", "ＫＡ職能基準",
                                    "職能基準代碼", "工作任務", "行為指標：", "工作產出\u3000", "行為",
                                    "職能", "基準", "工作", "\uFA00"};
  AppendSampleLinesAndCells(&texts);
  int standards = 0;
  for (const std::string& text : texts) {
    const std::string key = unicode::FoldKey(text);
    const bool evidence = text.size() <= kMaxLabelBytes && (key.find("職能基準") != std::string::npos ||
                                                            key == "工作任務" || key == "行為指標" || key == "工作產出");
    std::vector<TabRow> three(3);
    for (TabRow& row : three) row.cells = {text};
    ASSERT_EQ(LooksLikeCompetencyStandard(three), evidence) << text;
    standards += evidence;
  }
  EXPECT_GT(standards, 10);
}

TEST(StandardParser, StrayRowsAreKeptAsUnparsedWithTheirLine) {
  Result<std::vector<TabRow>> rows2 = ParseTabText(std::string("前言\t雜訊\n") + kVariant);
  Result<CompetencyStandard> parsed2 = ParseCompetencyStandard(*rows2, RuleSet::Default());
  ASSERT_TRUE(parsed2.ok());
  ASSERT_FALSE(parsed2->diagnostics.unparsed.empty());
  EXPECT_EQ(parsed2->diagnostics.unparsed[0].text, "前言\t雜訊");
  EXPECT_EQ(parsed2->diagnostics.unparsed[0].pos.line, 1);
}

TEST(StandardParser, SectionTitleWithContentInTheSameRow) {
  std::string text = kVariant;
  size_t at = text.find("職能內涵（A=attitude 態度）\nA01：親和力\n");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("職能內涵（A=attitude 態度）\nA01：親和力\n").size(),
               "職能內涵（A=attitude 態度）\tA01：親和力\n");
  Result<CompetencyStandard> parsed = ParseText(text);
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->attitudes.size(), 2u);
  EXPECT_EQ(parsed->attitudes[0].name, "親和力");
  EXPECT_EQ(parsed->duties[1].name, "餐後服務");  // the title did not leak into the duty table
}

// A header of two rows, 職能內涵 spanning 知識 | 技能 below it: the second
// row names the K and S columns.
TEST(StandardParser, TwoRowDutyHeaderNamesTheKnowledgeAndSkillColumns) {
  std::string text = kVariant;
  const std::string one_row =
      "工作職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵（K=knowledge 知識）\t職能內涵（S=skills 技能）\n";
  size_t at = text.find(one_row);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, one_row.size(),
               "工作職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵\t\n"
               "\t\t\t\t\t知識 (K=knowledge)\t技能 (S=skills)\n");
  Result<CompetencyStandard> parsed = ParseText(text);
  ASSERT_TRUE(parsed.ok());
  ASSERT_GE(parsed->duties.size(), 1u);
  ASSERT_GE(parsed->duties[0].tasks.size(), 1u);
  const Task& task = parsed->duties[0].tasks[0];
  ASSERT_EQ(task.knowledge.size(), 2u);
  EXPECT_EQ(task.knowledge[0].code, "K01");
  ASSERT_EQ(task.skills.size(), 2u);
  EXPECT_EQ(task.skills[0].code, "S01");
  EXPECT_TRUE(parsed->diagnostics.unparsed.empty());
  // A row after the header that names no column is data, not a header.
  EXPECT_TRUE(ColumnsFromSubHeader({"", "t1.1引導入座", "知識"}).empty());
  EXPECT_TRUE(ColumnsFromSubHeader({"", ""}).empty());
}

// Issue 12: a ReportLab print cut T4.1's row after its first page; after the
// repeated header the row went on in the indicator and knowledge columns
// only ("P4.1.4 制定風險監控指標…", K29-K31). The indicator's 指標 made the
// row pass for a second header row, and it was dropped without a word.
TEST(StandardParser, RowCutAfterItsFirstPageContinuesInIndicatorAndKnowledgeColumns) {
  const std::string header = kDutyTableHeader;
  const std::string text = "職能基準代碼\t\tHFB5120-001v1\t\t\t\n" + header +
                           "T4 管理網路安全\tT4.1 分析資訊安全風險\tO4.1.1 資產清冊\tP4.1.1 識別威脅來源。 P4.1.2 "
                           "建立資產清冊。\t3\tK01 稽核技術 K28 風險管理計畫\tS01 溝通協調能力\n" +
                           header +
                           "\t\t\tP4.1.4 制定風險監控指標與報告機制。\t\tK29 外部資訊安全情資 K30 ISO31000風險管理原理 "
                           "K31 ISO27001資訊安全管理系統制度與相關指引\t\n"
                           "\tT4.2 規劃風險處理\tO4.2.1 處理計畫\tP4.2.1 選擇處理方式。\t3\tK29 外部資訊安全情資\tS01 溝通協調能力\n";
  Result<CompetencyStandard> parsed = ParseText(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->duties.size(), 1u);
  ASSERT_EQ(parsed->duties[0].tasks.size(), 2u);
  const Task& task = parsed->duties[0].tasks[0];
  ASSERT_EQ(task.indicators.size(), 3u);
  EXPECT_EQ(task.indicators[2].code, "P4.1.4");
  ASSERT_EQ(task.knowledge.size(), 5u);
  EXPECT_EQ(task.knowledge[4].code, "K31");
  EXPECT_TRUE(parsed->diagnostics.unparsed.empty());
  // Counter-example: a real second header row under a spanning 職能內涵 is
  // still read as one (the columns the first row left open).
  EXPECT_EQ(ColumnsFromSubHeader({"", "", "", "", "", "知識(k=knowledge)", "技能(s=skills)"}).size(), 7u);
}

// The parser cleans each distinct cell once (the "cell" repairs and its
// folded key) and reuses that for every later printing of it: a header
// repeated after a page break and a marked-up knowledge cell printed under
// two tasks read as they did the first time.
TEST(StandardParser, ACellPrintedAgainIsReadAsTheFirstTime) {
  const std::string header = kDutyTableHeader;
  const std::string text = "職能基準代碼\t\tHFB5120-001v1\t\t\t\n" + header +
                           "T1 接待顧客\tT1.1 引導入座\tO1.1.1 訂位紀錄\tP1.1.1 確認訂位資訊。\t5\t**K01 餐飲禮儀**\t"
                           "<p>S01 溝通能力</p>\n" +
                           header +
                           "\tT1.2 介紹菜單\tO1.2.1 菜單\tP1.2.1 說明菜色。\t5\t**K01 餐飲禮儀**\t<p>S01 溝通能力</p>\n";
  Result<CompetencyStandard> parsed = ParseText(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->duties.size(), 1u);
  ASSERT_EQ(parsed->duties[0].tasks.size(), 2u);
  for (const Task& task : parsed->duties[0].tasks) {
    ASSERT_EQ(task.knowledge.size(), 1u) << task.code;
    EXPECT_EQ(task.knowledge[0].code, "K01");
    EXPECT_EQ(task.knowledge[0].text, "餐飲禮儀");
    ASSERT_EQ(task.skills.size(), 1u) << task.code;
    EXPECT_EQ(task.skills[0].text, "溝通能力");
  }
  const std::vector<std::string>& consumed = parsed->diagnostics.consumed;
  const std::string header_as_read = header.substr(0, header.size() - 1);
  EXPECT_EQ(std::count(consumed.begin(), consumed.end(), header_as_read), 2);
  EXPECT_TRUE(parsed->diagnostics.unparsed.empty());
}

TEST(StandardParser, NonVersionRowInVersionTableIsUnparsed) {
  const char* text =
      "某職能基準\n版本\t職能基準代碼\t職能基準名稱\t狀態\t更新說明\t發展更新日期\n"
      "V1\tABC1234-001v1\t某\t最新版本\t略\t114/03/01\n備註\t請參考附件\n"
      "職能基準代碼\t\tABC1234-001v1\n";
  Result<CompetencyStandard> parsed = ParseText(text);
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->versions.size(), 1u);
  EXPECT_EQ(parsed->versions[0].date, "2025-03-01");  // ROC year 114
  ASSERT_EQ(parsed->diagnostics.unparsed.size(), 1u);
  EXPECT_EQ(parsed->diagnostics.unparsed[0].text, "備註\t請參考附件");
  EXPECT_EQ(parsed->diagnostics.unparsed[0].pos.line, 4);
}

struct BadText {
  std::string bytes;
  const char* reason;
};

TEST(TabText, RejectsEmptyBinaryAndInvalidUtf8) {
  const BadText cases[] = {
      {"", "empty"},
      {std::string("abc\0def", 7), "NUL byte at offset 3"},
      {"職能\xff", "invalid byte at offset 6"},
  };
  for (const BadText& c : cases) {
    Result<std::vector<TabRow>> rows = ParseTabText(c.bytes);
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.status().code(), Status::Code::kBadInput);
    EXPECT_NE(rows.status().message().find(c.reason), std::string::npos) << rows.status().message();
  }
}

TEST(TabText, SplitsCellsDropsBomAndCarriageReturns) {
  Result<std::vector<TabRow>> rows = ParseTabText("\xEF\xBB\xBF" "a\tb\r\n\tc\nd\re\r\tf\n");
  ASSERT_TRUE(rows.ok());
  ASSERT_GE(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].cells, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ((*rows)[1].cells, (std::vector<std::string>{"", "c"}));
  EXPECT_EQ((*rows)[1].pos.line, 2);
  EXPECT_EQ((*rows)[2].cells, (std::vector<std::string>{"de", "f"}));  // every carriage return, not only a line's last
}

}  // namespace
}  // namespace docpipe
