// The policy parser on small constructed inputs in the shape another
// extractor leaves a plan in (fake bold, end marks, page breaks, flattened
// tables). The real plan is covered by sample_plan_test.cc.
#include "normalize/policy/policy_parser.h"

#include <gtest/gtest.h>

#include "tests/normalize/test_rows.h"
#include "tests/sample_texts.h"
#include "normalize/policy/contents_entries.h"
#include "normalize/repair/heading_label.h"

#include <algorithm>
#include <map>

#include "common/unicode.h"

namespace docpipe {
namespace {

PolicyDocument Parse(const std::vector<std::string>& lines) {
  Result<PolicyDocument> doc = ParsePolicyDocument(RowsOf(lines), RuleSet::Default());
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : PolicyDocument{};
}

const char* kAssignmentHeader =
    "目標目標目標目標 執行策略執行策略執行策略執行策略 行動方案行動方案行動方案行動方案 主辦單位主辦單位主辦單位主辦單位 "
    "協辦單位協辦單位協辦單位協辦單位 ";
const char* kDetailHeader =
    "行動方案行動方案行動方案行動方案 執行要點執行要點執行要點執行要點 績效指標績效指標績效指標績效指標 "
    "主主主主（（（（協協協協））））辦單位辦單位辦單位辦單位 ";

// A plan with both tables. 1.1.2's row is cut by page breaks in both tables
// (its title in 表 2; an indicator and the glued agency cell in 附錄2).
std::vector<std::string> MiniPlan(const std::string& counts_sentence, const std::string& agencies_111) {
  return {
      " 第一章第一章第一章第一章        前言前言前言前言 ",
      "本會報特研提「測試發展方案（102年至105年）」(以下簡稱本方",
      "",
      "案)，" + counts_sentence + " ",
      "壹、 現況 ",
      "一、 威脅增加 ",
      "駭客透過電子郵件社交工程，在受害電腦植入惡意程式，",
      "",
      " 並與犯罪集團合作。 ",
      "圖1、全球面臨的資安威脅 ",
      "(一) 標準規範組：由經濟部主辦，負責發展資安產品。 ",
      " 第二章第二章第二章第二章        行動方案行動方案行動方案行動方案 ",
      "表 2 重要執行策略與行動方案（分工） ",
      kAssignmentHeader,
      "目標一： ",
      "強化國家",
      "資安政策。 ",
      "1.1.研訂資",
      "安相關準據  ",
      "1.1.1.研訂資安政策  " + agencies_111 + "  ",
      "1.1.2.增修資安規範及 資通安全辦公室、經濟部 ",
      std::string(" ") + kAssignmentHeader,
      "手冊 ",
      "目標二：完備資安防護。 ",
      "2.1.健全防護網  2.1.1.加強各機關防護縱深  ",
      "資通安全辦公",
      "室、各機關 ",
      "國安局 ",
      "附錄2. 行動方案執行要點與績效指標說明 ",
      kDetailHeader,
      "1.1.1.研訂資安",
      "政策  ",
      "1. 比較研析各國資安重大政策計",
      "畫。 ",
      "2. 擬訂資安政策白皮書。 ",
      "1. 每年召開資安策略研討會。 ",
      "2. 104 年完成資安政策白皮書。 ",
      "資通安全辦公室",
      "(研考會)  ",
      "1.1.2.增修資安",
      "規範及手冊  ",
      "研析國際資安規範。 1. 102 年完成盤點。 ",
      "經濟部： ",
      "每年檢討更新國家標",
      "資通安全辦公室、經濟部 ",
      std::string(" ") + kDetailHeader,
      "準。 ",
      "2.1.1.加強各機",
      "關防護縱深  ",
      "1. 檢討監控系統部署情形。 ",
      "1. 每年至少完成 10 個滲透測試。 ",
      "資通安全辦公室、各機關",
      "(國安局)  ",
  };
}

const ActionPlan& Plan(const PolicyDocument& doc, const std::string& code) {
  auto it = std::find_if(doc.action_plans.begin(), doc.action_plans.end(),
                         [&](const ActionPlan& a) { return a.code == code; });
  EXPECT_NE(it, doc.action_plans.end()) << code;
  static const ActionPlan kNone;
  return it == doc.action_plans.end() ? kNone : *it;
}

bool HasWarning(const PolicyDocument& doc, const std::string& kind, const std::string& fragment) {
  return std::any_of(doc.diagnostics.warnings.begin(), doc.diagnostics.warnings.end(), [&](const Warning& w) {
    return w.kind == kind && w.message.find(fragment) != std::string::npos;
  });
}

const std::string kCounts = "依據 2 大策略目標，規劃 2 項執行策略及 3 個行動方案。";

TEST(PolicyParser, BuildsOutlineFromHeadingLabels) {
  PolicyDocument doc = Parse(MiniPlan(kCounts, "資通安全辦公室 研考會"));
  ASSERT_GE(doc.outline.size(), 5u);
  EXPECT_EQ(doc.outline[0].label, "第一章");
  EXPECT_EQ(doc.outline[0].title, "前言");  // fake bold collapsed
  EXPECT_EQ(doc.outline[1].label, "壹、");
  EXPECT_EQ(doc.outline[1].parent, 0);
  EXPECT_EQ(doc.outline[2].label, "一、");
  EXPECT_EQ(doc.outline[2].title, "威脅增加");
  EXPECT_EQ(doc.outline[2].level, 3);
  EXPECT_EQ(doc.outline[3].label, "(一)");
  EXPECT_EQ(doc.outline[3].title, "標準規範組");  // lead-in of a sentence item
  EXPECT_EQ(doc.outline[4].label, "第二章");
  EXPECT_EQ(doc.outline[4].title, "行動方案");
  EXPECT_EQ(doc.outline[4].parent, -1);
}

TEST(PolicyParser, JoinsParagraphsAcrossWrapsBlankLinesAndPageBreaks) {
  PolicyDocument doc = Parse(MiniPlan(kCounts, "資通安全辦公室 研考會"));
  auto it = std::find_if(doc.paragraphs.begin(), doc.paragraphs.end(),
                         [](const Paragraph& p) { return p.text.rfind("駭客", 0) == 0; });
  ASSERT_NE(it, doc.paragraphs.end());
  EXPECT_EQ(it->text, "駭客透過電子郵件社交工程，在受害電腦植入惡意程式，並與犯罪集團合作。");
  EXPECT_EQ(it->node, 2);
  EXPECT_EQ(it->where.size(), 2u);
}

TEST(PolicyParser, TitleFromTheNameTheDocumentGivesItself) {
  EXPECT_EQ(Parse(MiniPlan(kCounts, "資通安全辦公室 研考會")).title, "測試發展方案（102年至105年）");
  EXPECT_EQ(Parse({"境外核災處理作業要點", "一、目的", "為提供國內相關機關作業程序，特訂定本要點。"}).title,
            "境外核災處理作業要點");
}

TEST(PolicyParser, RecordsCaptions) {
  PolicyDocument doc = Parse(MiniPlan(kCounts, "資通安全辦公室 研考會"));
  ASSERT_EQ(doc.captions.size(), 2u);
  EXPECT_EQ(doc.captions[0].kind, "figure");
  EXPECT_EQ(doc.captions[0].label, "圖1");
  EXPECT_EQ(doc.captions[0].title, "全球面臨的資安威脅");
  EXPECT_EQ(doc.captions[1].label, "表 2");
}

TEST(PolicyParser, MergesBothActionPlanTables) {
  PolicyDocument doc = Parse(MiniPlan(kCounts, "資通安全辦公室 研考會"));
  ASSERT_EQ(doc.action_plans.size(), 3u);
  ASSERT_EQ(doc.goals.size(), 2u);
  EXPECT_EQ(doc.goals[0].title, "強化國家資安政策。");
  EXPECT_EQ(doc.strategies.size(), 2u);

  const ActionPlan& a = Plan(doc, "1.1.1");
  EXPECT_EQ(a.title, "研訂資安政策");
  EXPECT_EQ(a.goal.code, "目標一");
  EXPECT_EQ(a.strategy.title, "研訂資安相關準據");
  EXPECT_EQ(a.points, (std::vector<std::string>{"比較研析各國資安重大政策計畫。", "擬訂資安政策白皮書。"}));
  ASSERT_EQ(a.kpis.size(), 2u);
  EXPECT_EQ(a.kpis[1].text, "104 年完成資安政策白皮書。");
  EXPECT_EQ(a.lead, std::vector<std::string>{"資通安全辦公室"});
  EXPECT_EQ(a.co, std::vector<std::string>{"研考會"});

  // Cut by page breaks: title tail after 表 2's header, the indicator's
  // tail after 附錄2's header, the agency cell glued to the indicator.
  const ActionPlan& b = Plan(doc, "1.1.2");
  EXPECT_EQ(b.title, "增修資安規範及手冊");
  EXPECT_EQ(b.points, std::vector<std::string>{"研析國際資安規範。"});
  ASSERT_EQ(b.kpis.size(), 2u);
  EXPECT_EQ(b.kpis[0].agency, "");
  EXPECT_EQ(b.kpis[0].text, "102 年完成盤點。");
  EXPECT_EQ(b.kpis[1].agency, "經濟部");
  EXPECT_EQ(b.kpis[1].text, "每年檢討更新國家標準。");
  EXPECT_EQ(b.lead, (std::vector<std::string>{"資通安全辦公室", "經濟部"}));
  EXPECT_TRUE(b.co.empty());

  const ActionPlan& c = Plan(doc, "2.1.1");
  EXPECT_EQ(c.strategy.code, "2.1");
  EXPECT_EQ(c.lead, (std::vector<std::string>{"資通安全辦公室", "各機關"}));
  EXPECT_EQ(c.co, std::vector<std::string>{"國安局"});

  EXPECT_TRUE(doc.diagnostics.warnings.empty()) << doc.diagnostics.warnings.front().message;
  ASSERT_TRUE(doc.stated_counts.has_value());
  EXPECT_EQ(doc.stated_counts->action_plans, 3);
}

TEST(PolicyParser, WarnsWhenTablesDisagree) {
  PolicyDocument doc = Parse(MiniPlan(kCounts, "資通安全辦公室 教育部"));
  EXPECT_TRUE(HasWarning(doc, "tables_disagree", "1.1.1"));
  EXPECT_EQ(Plan(doc, "1.1.1").co, std::vector<std::string>{"研考會"});  // the detail table wins
}

TEST(PolicyParser, WarnsWhenCountsDifferFromTheStatedOnes) {
  PolicyDocument doc = Parse(MiniPlan("依據 2 大策略目標，規劃 3 項執行策略及 4 個行動方案。", "資通安全辦公室 研考會"));
  EXPECT_TRUE(HasWarning(doc, "count_mismatch", "3 strategies, found 2"));
  EXPECT_TRUE(HasWarning(doc, "count_mismatch", "4 action plans, found 3"));
  EXPECT_FALSE(HasWarning(doc, "count_mismatch", "goals"));
}

TEST(PolicyParser, ReadsATableFlattenedIntoNumberedLists) {
  PolicyDocument doc = Parse({"肆、分析 ", "表1、SWOT分析 ", "優勢（Strengths; S） 劣勢（Weaknesses; W） ",
                              "1. 人才優秀。 ", "2. 接受度高。 ", "1. 認知不足。 ",
                              "機會（Opportunities; O） 威脅（Threats; T） ", "1. 市場成長。 ", "1. 駭客增加。 ",
                              "在當前情況下，環境實不容樂觀。 "});
  ASSERT_EQ(doc.tables.size(), 1u);
  const PolicyTable& t = doc.tables[0];
  EXPECT_EQ(t.caption, "表1");
  EXPECT_EQ(t.header, (std::vector<std::string>{"優勢（Strengths; S）", "劣勢（Weaknesses; W）"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].cells, (std::vector<std::string>{"1. 人才優秀。\n2. 接受度高。", "1. 認知不足。"}));
  EXPECT_EQ(t.rows[1].cells, (std::vector<std::string>{"機會（Opportunities; O）", "威脅（Threats; T）"}));
  EXPECT_EQ(doc.outline.size(), 1u);  // the list items are not outline nodes
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  EXPECT_EQ(doc.paragraphs[0].text, "在當前情況下，環境實不容樂觀。");
}

// Text between two lists of sentence items introduces the second list: it
// belongs to the section, not to the last item of the first list.
TEST(PolicyParser, ParagraphLeadingIntoANewListBelongsToTheSection) {
  PolicyDocument doc = Parse({"壹、 組織架構 ", "辦公室主要任務如下： ", "一、 研擬資安政策。 ", "二、 管考重大計畫。 ",
                              "各組任務如下： ", "一、 網際防護體系：負責整合防護資源。 ", "二、 犯罪偵防體系：負責偵辦犯罪。 ",
                              "三、 推動認知教育。 ", "上述工作每年檢討。 ", "貳、 資源需求 "});
  ASSERT_EQ(doc.outline.size(), 7u);
  auto node_of = [&](const std::string& text) {
    for (const Paragraph& p : doc.paragraphs) {
      if (p.text == text) return p.node;
    }
    ADD_FAILURE() << text;
    return -2;
  };
  EXPECT_EQ(node_of("辦公室主要任務如下："), 0);
  EXPECT_EQ(node_of("各組任務如下："), 0);  // not item 二、 of the first list
  EXPECT_EQ(doc.outline[3].label, "一、");
  EXPECT_EQ(doc.outline[3].title, "網際防護體系");
  EXPECT_EQ(doc.outline[3].parent, 0);
  // After the last item nothing restarts: the text stays with that item.
  EXPECT_EQ(node_of("上述工作每年檢討。"), 5);
  // An item that is a heading keeps the paragraphs after it, whatever follows.
  PolicyDocument headed = Parse({"壹、 現況 ", "一、 威脅增加 ", "駭客增加。 ", "一、 另一清單 "});
  ASSERT_EQ(headed.paragraphs.size(), 1u);
  EXPECT_EQ(headed.paragraphs[0].node, 1);
}

// A table of contents repeats the headings of the sections that follow; its
// entries are text of the section that holds them, not sections of their own.
TEST(PolicyParser, TableOfContentsEntriesAreNotSections) {
  PolicyDocument doc = Parse({"附錄 ", "附錄1. 會報設置要點 ........ 40", "附錄2. 績效指標說明表 ........ 45",
                              "附錄1. 會報設置要點 ", "一、 本會報負責政策審議。 ", "附錄2. 績效指標說明 ",
                              "二、 每年檢討一次。 "});
  std::vector<std::string> labels;
  for (const OutlineNode& node : doc.outline) labels.push_back(node.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"附錄", "附錄1", "一、", "附錄2", "二、"}));
  // With dot leaders and page numbers they are the document's contents.
  ASSERT_EQ(doc.contents.size(), 2u);
  EXPECT_EQ(doc.contents[0].text, "附錄1. 會報設置要點");
  EXPECT_EQ(doc.contents[0].page, 40);
  EXPECT_EQ(doc.contents[1].text, "附錄2. 績效指標說明表");
  EXPECT_EQ(doc.contents[1].page, 45);
  EXPECT_EQ(doc.contents[1].where.front().line, 3);
  // Without, they are text of the section that lists them.
  PolicyDocument plain = Parse({"附錄 ", "附錄1. 會報設置要點 ", "附錄2. 績效指標說明表 ", "附錄1. 會報設置要點 ",
                                "一、 本會報負責政策審議。 ", "附錄2. 績效指標說明 ", "二、 每年檢討一次。 "});
  ASSERT_GE(plain.paragraphs.size(), 2u);
  EXPECT_EQ(plain.paragraphs[0].text, "附錄1. 會報設置要點");
  EXPECT_EQ(plain.paragraphs[0].node, 0);
  EXPECT_TRUE(plain.contents.empty());
  // One heading repeated later is not a table of contents.
  PolicyDocument single = Parse({"一、 目的 ", "說明目的。 ", "二、 範圍 ", "一、 目的 "});
  EXPECT_EQ(single.outline.size(), 3u);
}

// Regression (issue 14): in a gazette of 117 declarations "（二）不動產" and
// "1.土地", printed together in each, stayed paragraphs (taken for a table of
// contents, since the document repeats them later) while their siblings
// "2.建物" and "（三）存款" became outline nodes.
TEST(PolicyParser, HeadingsARecurringFormPrintsTogetherAreSectionsNotContents) {
  std::vector<std::string> lines;
  for (const char* who : {"甲", "乙", "丙"}) {
    for (const char* line : {"（一）申報人 ", "（二）不動產 ", "1.土地 ", "地號一筆。 ", "2.建物 ", "建號一筆。 ",
                             "（三）存款 ", "新臺幣一元。 "}) {
      lines.push_back(line);
    }
    lines.push_back(std::string("申報人") + who + "。 ");
  }
  PolicyDocument doc = Parse(lines);
  std::map<std::string, int> nodes;
  for (const OutlineNode& node : doc.outline) ++nodes[node.label];
  EXPECT_EQ(nodes["（二）"], 3);
  EXPECT_EQ(nodes["1."], 3);
  EXPECT_EQ(nodes["2."], 3);
  EXPECT_EQ(nodes["（三）"], 3);
  for (const OutlineNode& node : doc.outline) {
    if (node.label == "1.") {
      EXPECT_EQ(doc.outline[node.parent].label, "（二）");
    }
  }
  for (const Paragraph& p : doc.paragraphs) EXPECT_EQ(p.text.find("土地"), std::string::npos) << p.text;
}

// Regression (issue 14): an outline skipped 五、 and 七、 without a word.
TEST(PolicyParser, WarnsWhenALabelSequenceSkips) {
  PolicyDocument doc = Parse({"一、 目的 ", "說明目的。 ", "二、 範圍 ", "四、 附則 ", "(一) 生效 ", "(三) 廢止 "});
  std::vector<std::string> gaps;
  for (const Warning& w : doc.diagnostics.warnings) {
    if (w.kind == "outline_gap") gaps.push_back(w.message);
  }
  ASSERT_EQ(gaps.size(), 2u);
  EXPECT_NE(gaps[0].find("四、 follows 二、: 1 item is missing"), std::string::npos) << gaps[0];
  EXPECT_NE(gaps[1].find("(三) follows (一)"), std::string::npos) << gaps[1];
  EXPECT_EQ(doc.diagnostics.warnings[0].pos.line, 4);
}

TEST(PolicyParser, RestartedAndUnbrokenSequencesAreNoGap) {
  std::vector<std::string> lines = {"一、 目的 ", "(一) 甲 ", "(二) 乙 ", "二、 範圍 ", "(一) 丙 "};
  for (const char* label : {"三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、"}) {
    lines.push_back(std::string(label) + " 其他 ");
  }
  PolicyDocument doc = Parse(lines);
  EXPECT_EQ(doc.outline.size(), 14u);
  for (const Warning& w : doc.diagnostics.warnings) EXPECT_NE(w.kind, "outline_gap") << w.message;
  PolicyDocument skip = Parse({"一、 目的 ", "二、 範圍 ", "九、 其他 "});
  ASSERT_EQ(skip.diagnostics.warnings.size(), 1u);
  EXPECT_NE(skip.diagnostics.warnings[0].message.find("6 items"), std::string::npos);
}

// Regression (issue 14): "（ㄧ）" with Bopomofo ㄧ (U+3127) typed for 一 was no
// label, so its list began at （二）.
TEST(PolicyParser, BopomofoYiIsTheNumeralOneInALabel) {
  PolicyDocument doc = Parse({"一、 學習重點 ", "（ㄧ） 資訊科技 ", "（二） 生活科技 ", "ㄧ般民眾皆可參與。 "});
  std::vector<std::string> labels;
  for (const OutlineNode& node : doc.outline) labels.push_back(node.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"一、", "（一）", "（二）"}));
  EXPECT_EQ(doc.outline[1].title, "資訊科技");
  EXPECT_EQ(doc.outline[1].parent, 0);
  EXPECT_TRUE(doc.diagnostics.warnings.empty());
  ASSERT_FALSE(doc.paragraphs.empty());
  EXPECT_EQ(doc.paragraphs.back().text, "ㄧ般民眾皆可參與。");  // not a label: left as written
}

// Regression (issue 14): a PDF's title, known from its typography, was glued
// to the paragraph after it ("附件一服務貿易特定承諾表臺灣方面…"), and lost the
// space the page shows between its two words.
TEST(PolicyParser, TitleRowIsTheTitleAndNoParagraph) {
  std::vector<TabRow> rows = RowsOf({"附件一 服務貿易特定承諾表", "臺灣方面非金融服務部門的開放承諾", "一、 商業服務 "});
  rows[0].title = true;
  Result<PolicyDocument> doc = ParsePolicyDocument(rows, RuleSet::Default(RuleInput::kPdf));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "附件一 服務貿易特定承諾表");
  ASSERT_FALSE(doc->paragraphs.empty());
  EXPECT_EQ(doc->paragraphs[0].text, "臺灣方面非金融服務部門的開放承諾");
}

// Regression (issue 14): a contents line "陸、實施要點 ……23" became outline
// node 0, placing 陸 before 壹; entries without end marks (a PDF) ran into
// one paragraph.
TEST(PolicyParser, DotLeaderContentsAreAContentsListNotOutline) {
  std::vector<TabRow> rows = RowsOf({"目次", "壹、基本理念 ........................ 1", "陸、實施要點 ........................ 23",
                                     "第 16 屆彰化縣花壇鄉鄉長補選(第 2 次)", "······························· 51",
                                     "壹、基本理念", "科技的發展帶動社會的變遷。"});
  Result<PolicyDocument> doc = ParsePolicyDocument(rows, RuleSet::Default(RuleInput::kPdf));
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->contents.size(), 3u);
  EXPECT_EQ(doc->contents[0].text, "壹、基本理念");
  EXPECT_EQ(doc->contents[1].text, "陸、實施要點");
  EXPECT_EQ(doc->contents[1].page, 23);
  EXPECT_EQ(doc->contents[2].text, "第 16 屆彰化縣花壇鄉鄉長補選(第 2 次)");
  EXPECT_EQ(doc->contents[2].page, 51);
  EXPECT_EQ(doc->contents[2].where.size(), 2u);
  ASSERT_EQ(doc->outline.size(), 1u);
  EXPECT_EQ(doc->outline[0].label, "壹、");
}

// Regression (issue 14): a heading cut at a line break inside its bracket,
// "（十）債權（總金額：新臺幣" / "元）", became a heading and a paragraph "元）".
TEST(PolicyParser, HeadingWithAnOpenBracketRunsOnToTheNextLine) {
  std::vector<TabRow> rows = RowsOf({"（十）債權（總金額：新臺幣", "元）", "（十一）債務", "無。"});
  for (TabRow& row : rows) row.pos.page = 1;
  Result<PolicyDocument> doc = ParsePolicyDocument(rows, RuleSet::Default(RuleInput::kPdf));
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->outline.size(), 2u);
  EXPECT_EQ(doc->outline[0].title, "債權（總金額：新臺幣元）");
  EXPECT_EQ(doc->outline[1].title, "債務");
  for (const Paragraph& p : doc->paragraphs) EXPECT_NE(p.text, "元）");
}

TEST(PolicyParser, EmptyInputIsBadInput) {
  EXPECT_FALSE(ParsePolicyDocument(RowsOf({"", "  "}), RuleSet::Default()).ok());
}

// A table a page break cut, as LayoutToRows gives it with extract's marks:
// footnotes and a running caption between the parts, the header repeated,
// the first body row of page 2 the rest of page 1's last row.
std::vector<TabRow> CutTableRows(bool marked) {
  std::vector<TabRow> rows;
  auto add = [&](int page, int line, std::vector<std::string> cells, bool header = false, bool cut = false) {
    TabRow row;
    row.pos = {line, page};
    row.cells = std::move(cells);
    row.continues_table = marked && page == 2 && row.cells.size() > 1;
    row.repeated_header = marked && header;
    row.continues_row = marked && cut;
    rows.push_back(std::move(row));
  };
  add(1, 1, {"Modes of supply: (1) cross-border (2) abroad"});
  add(1, 2, {"Sector", "Limits", "Notes"});
  add(1, 3, {"(a) Legal services", "None", ""});
  add(1, 4, {"(c)自用小客車租", "Unbound", "see 1"});
  add(1, 5, {"1 A footnote on the car rent row."});
  add(2, 1, {"Modes of supply: (1) cross-border (2) abroad"});
  add(2, 2, {"Sector", "Limits", "Notes"}, true);
  add(2, 3, {"賃(CPC83101)", "", ""}, false, true);
  add(2, 4, {"(d) Courier services", "None", ""});
  return rows;
}

TEST(PolicyParser, ATableCutByAPageBreakIsOneTableWithItsPages) {
  Result<PolicyDocument> doc = ParsePolicyDocument(CutTableRows(true), RuleSet::Default());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->tables.size(), 1u);
  const PolicyTable& table = doc->tables[0];
  EXPECT_EQ(table.header, (std::vector<std::string>{"Sector", "Limits", "Notes"}));
  EXPECT_EQ(table.pos.page, 1);
  EXPECT_EQ(table.last_page, 2);
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1].cells[0], "(c)自用小客車租賃(CPC83101)");
  EXPECT_EQ(table.rows[1].cells[1], "Unbound");
  EXPECT_EQ(table.rows[2].cells[0], "(d) Courier services");
}

// Curriculum draft 10229, pages 10-11, as LayoutToRows gives them: the key
// "普通型高級中等學校部定必" | "修課程" merged over two rows that the break
// cut, page 11's row a row of its own whose key extract marked as going on
// (TabRow::continued_cells). `marked` false: the same rows without it.
PolicyDocument KeyCutAcrossTheBreak(bool marked) {
  std::vector<TabRow> rows;
  auto add = [&](int page, int line, std::vector<std::string> cells, std::vector<CellSpan> spans,
                 bool header = false, std::vector<int> continued = {}) {
    TabRow row;
    row.pos = {line, page};
    row.cells = std::move(cells);
    row.spans = std::move(spans);
    row.continued_cells = std::move(continued);
    row.table = 1;
    row.continues_table = page == 2;
    row.repeated_header = header;
    rows.push_back(std::move(row));
  };
  const std::vector<CellSpan> plain{{1, 1}, {1, 1}, {1, 1}};
  add(1, 1, {"", "學習重點", "第 2碼"}, plain);
  add(1, 2, {"國民中學課程", "學習表現", "IV"}, {{2, 1}, {1, 1}, {1, 1}});
  add(1, 3, {"", "學習內容", "IV"}, {{0, 0}, {1, 1}, {1, 1}});
  add(1, 4, {"普通型高級中等學校部定必", "學習表現", "V"}, plain);
  add(2, 1, {"", "學習重點", "第 2碼"}, plain, /*header=*/true);
  add(2, 2, {"修課程", "學習內容", "V"}, plain, false, marked ? std::vector<int>{0} : std::vector<int>{});
  add(2, 3, {"普通型高級中等學校加深加廣選修課程", "學習表現", "V"}, plain);
  Result<PolicyDocument> doc = ParsePolicyDocument(rows, RuleSet::Default());
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : PolicyDocument{};
}

const TableCell* GridCellAt(const TableGrid& grid, int row, int col) {
  for (const TableCell& cell : grid.cells) {
    if (cell.row == row && cell.col == col) return &cell;
  }
  return nullptr;
}

TEST(PolicyParser, AKeyCutByThePageBreakIsOneCellOverItsRows) {
  PolicyDocument doc = KeyCutAcrossTheBreak(true);
  ASSERT_EQ(doc.tables.size(), 1u);
  const PolicyTable& table = doc.tables[0];
  ASSERT_EQ(table.rows.size(), 5u);  // the rows stay rows
  EXPECT_EQ(table.rows[2].cells[0], "普通型高級中等學校部定必修課程");
  EXPECT_EQ(table.rows[3].cells, (std::vector<std::string>{"", "學習內容", "V"}));
  ASSERT_TRUE(CheckTableGrid(table.grid).ok()) << CheckTableGrid(table.grid).ToString();
  const TableCell* key = GridCellAt(table.grid, 3, 0);
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->text, "普通型高級中等學校部定必修課程");
  EXPECT_EQ(key->row_span, 2);
  EXPECT_EQ(GridCellAt(table.grid, 4, 0), nullptr);
  EXPECT_EQ(GridCellAt(table.grid, 5, 0)->text, "普通型高級中等學校加深加廣選修課程");
}

TEST(PolicyParser, AKeyNotMarkedAsGoingOnStaysACellOfItsRow) {
  PolicyDocument doc = KeyCutAcrossTheBreak(false);
  ASSERT_EQ(doc.tables.size(), 1u);
  const PolicyTable& table = doc.tables[0];
  ASSERT_EQ(table.rows.size(), 5u);
  EXPECT_EQ(table.rows[2].cells[0], "普通型高級中等學校部定必");
  EXPECT_EQ(table.rows[3].cells[0], "修課程");
  ASSERT_NE(GridCellAt(table.grid, 4, 0), nullptr);
  EXPECT_EQ(GridCellAt(table.grid, 4, 0)->text, "修課程");
  EXPECT_EQ(GridCellAt(table.grid, 3, 0)->row_span, 1);
}

TEST(PolicyParser, TablesNotMarkedContinuedStaySeparate) {
  Result<PolicyDocument> doc = ParsePolicyDocument(CutTableRows(false), RuleSet::Default());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  // Page 2's header opens a new table; its lone cut-row tail reads as text.
  ASSERT_GE(doc->tables.size(), 2u);
  EXPECT_EQ(doc->tables[0].last_page, 1);
  EXPECT_EQ(doc->tables[1].pos.page, 2);
}

// TocTitle finds toc_title's group with RE2's DFAs (toc_title_tail) when
// the text opens with no white space: over every line and cell of the text
// samples, every heading's title among them and texts that must not take
// the fast path's answer (white space first, a newline, ill-formed UTF-8),
// it answers as toc_title's own group.
TEST(PolicyParser, TocTitleAnswersAsTheTocTitleGroup) {
  std::vector<std::string> texts = {"前言 ........ 1", "全球資安發展趨勢 ⋯⋯⋯ 12", "願景與策略目標 5", "附錄 1234", "1.5",
                                    "  12", " 前言 .. 3", "\t前言", "前言\n 12", "前言 12\n", "前 \n言", "\xff 12",
                                    "前言\xff ..3", "", "   ", "目 .. 3 4", "a  ..  7  "};
  AppendSampleLinesAndCells(&texts);
  const RuleSet& rules = RuleSet::Default();
  const size_t lines = texts.size();
  for (size_t i = 0; i < lines; ++i) {
    if (std::optional<HeadingLabel> h = MatchHeading(rules, texts[i])) texts.push_back(h->rest);
  }
  int titles = 0, cut = 0;
  for (const std::string& text : texts) {
    std::vector<std::string_view> groups;
    const bool matches = rules.Pattern("toc_title").FullMatch(text, &groups);
    const std::optional<std::string_view> title = TocTitle(rules, text);
    ASSERT_EQ(title.has_value(), matches) << text;
    if (!matches) continue;
    EXPECT_EQ(*title, groups[1]) << text;
    ++titles;
    cut += groups[1].size() < text.size();
  }
  EXPECT_GT(titles, 100);
  EXPECT_GT(cut, 10);
  EXPECT_EQ(TocTitle(rules, "前言 ........ 1"), "前言");
  EXPECT_EQ(TocTitle(rules, "  12"), "12");
  EXPECT_EQ(TocTitle(rules, "前言\n 12"), "前言");  // \s takes the newline
  EXPECT_FALSE(TocTitle(rules, "前 \n言"));  // . does not
}

}  // namespace
}  // namespace docpipe
