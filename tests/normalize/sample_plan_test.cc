// The national cybersecurity plan (samples/text/national-cybersecurity-plan-
// 2013-2016.txt) end to end through the text path. Counts are checked
// against the plan's own statement (第五章: "4 大策略目標，規劃 20 項執行策略
// 及 52 個行動方案") and against an independent scan of the raw text
// (std::regex, not the RE2 rules); spot checks were read off the source by
// hand, the line numbers are given with each.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "common/unicode.h"
#include "normalize/repair/fake_bold.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

const char* kPlan = "/samples/text/national-cybersecurity-plan-2013-2016.txt";

class SamplePlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Json> doc = ProcessFile(std::string(DOCPIPE_SOURCE_DIR) + kPlan, {});
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    doc_ = new Json(*doc);
  }
  static void TearDownTestSuite() { delete doc_; }

  static const Json& Plan(const std::string& code) {
    for (const Json& a : (*doc_)["action_plans"]) {
      if (a["code"] == code) return a;
    }
    static const Json kNone = Json::object();
    ADD_FAILURE() << "no action plan " << code;
    return kNone;
  }

  static bool HasParagraph(const std::string& text) {
    for (const Json& p : (*doc_)["paragraphs"]) {
      if (p["text"] == text) return true;
    }
    return false;
  }

  static Json* doc_;
};

Json* SamplePlanTest::doc_ = nullptr;

TEST_F(SamplePlanTest, IsASchemaValidPolicyDocument) {
  EXPECT_EQ((*doc_)["document_type"], "policy_document");
  EXPECT_TRUE(ValidateOutput(*doc_).ok());
  EXPECT_EQ((*doc_)["title"], "國家資通訊安全發展方案（102年至105年）");  // line 33-35
}

TEST_F(SamplePlanTest, CountsMatchThePlansOwnStatement) {
  const Json& stated = (*doc_)["stated_counts"];
  EXPECT_EQ(stated["goals"], 4);
  EXPECT_EQ(stated["strategies"], 20);
  EXPECT_EQ(stated["action_plans"], 52);
  EXPECT_EQ((*doc_)["goals"].size(), 4u);
  EXPECT_EQ((*doc_)["strategies"].size(), 20u);
  EXPECT_EQ((*doc_)["action_plans"].size(), 52u);
  for (const Json& w : (*doc_)["warnings"]) EXPECT_NE(w["kind"], "count_mismatch") << w["message"];
}

TEST_F(SamplePlanTest, EveryActionCodeInTheSourceIsFound) {
  std::ifstream in(std::string(DOCPIPE_SOURCE_DIR) + kPlan);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::set<std::string> in_source;
  std::regex code(R"((?:^|\n)\s*(\d\.\d\.\d)\.)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it) {
    in_source.insert((*it)[1]);
  }
  std::set<std::string> found;
  for (const Json& a : (*doc_)["action_plans"]) found.insert(a["code"].get<std::string>());
  // 2.2.1 sits mid-line in 表 2 ("2.2.健全資安防護網   2.2.1.加強…"), at a
  // line start in 附錄2, so the scan sees it too.
  EXPECT_EQ(found, in_source);
  EXPECT_EQ(in_source.size(), 52u);
}

TEST_F(SamplePlanTest, EveryActionPlanHasPointsIndicatorsAndALead) {
  for (const Json& a : (*doc_)["action_plans"]) {
    EXPECT_FALSE(a["points"].empty()) << a["code"];
    EXPECT_FALSE(a["kpis"].empty()) << a["code"];
    EXPECT_FALSE(a["lead"].empty()) << a["code"];
    EXPECT_FALSE(a["title"].get<std::string>().empty()) << a["code"];
    EXPECT_EQ(a["sources"], Json::array({"assignment", "detail"})) << a["code"];
  }
}

TEST_F(SamplePlanTest, ChaptersAreWhole) {
  // Lines 1, 38, 268, 759, 943, 1370: headings printed four times.
  const char* expected[][2] = {{"第一章", "前言"},
                               {"第二章", "全球資安發展趨勢"},
                               {"第三章", "資安現況分析"},
                               {"第四章", "願景與策略目標及發展藍圖"},
                               {"第五章", "重要執行策略與行動方案"},
                               {"第六章", "推動組織、資源需求與計畫管理"}};
  const Json& outline = (*doc_)["outline"];
  ASSERT_GE(outline.size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(outline[i]["label"], expected[i][0]);
    EXPECT_EQ(outline[i]["title"], expected[i][1]);
  }
  // 第二章 has 壹 (5 items) and 貳 (5 items): lines 40-267.
  ASSERT_EQ(outline[1]["children"].size(), 2u);
  EXPECT_EQ(outline[1]["children"][0]["title"], "全球資安威脅情勢");
  EXPECT_EQ(outline[1]["children"][0]["children"].size(), 5u);
  EXPECT_EQ(outline[1]["children"][1]["children"].size(), 5u);
  EXPECT_EQ(outline[1]["children"][1]["children"][4]["title"], "重視國際合作防護與交流議題");
}

TEST_F(SamplePlanTest, NoFakeBoldLeft) {
  std::function<void(const Json&)> check = [&](const Json& node) {
    EXPECT_EQ(CollapseFakeBold(node["title"].get<std::string>()), node["title"]);
    for (const Json& child : node["children"]) check(child);
  };
  for (const Json& node : (*doc_)["outline"]) check(node);
  EXPECT_EQ((*doc_)["tables"][1]["header"],
            Json::array({"目標", "執行策略", "行動方案", "主辦單位", "協辦單位"}));  // line 955
}

TEST_F(SamplePlanTest, ParagraphsReadAsWritten) {
  // Lines 19-27: starts after a page break (leading space), new paragraph.
  EXPECT_TRUE(HasParagraph(
      "94年至101年，行政院賡續推動「建立我國通資訊基礎設施安全機制計畫（94年至97年）」（以下簡稱第二期機制計畫）"
      "及「國家資通訊安全發展方案（98年至101年）」（以下簡稱第三期發展方案），在中央各部會、直轄市及縣市政府共同"
      "努力之下，已逐步達成「建立整體資安防護體系、健全資安防護能力」之階段性目標。"));
  // Lines 65-73: Latin words keep their spaces across the wrap at "Sony ".
  EXPECT_TRUE(HasParagraph(
      "駭客透過電子郵件社交工程或利用網站應用程式漏洞、網頁掛馬等方式，在受害電腦植入惡意程式，以竊取個人隱私資料，"
      "並與犯罪集團合作，進行金融詐騙。例如 2011 年 4 月日本 Sony PSN (Play Station Network)遭駭客入侵，導致近 "
      "8,000 萬筆個資外洩。"));
  // Lines 378-396: the line ending "體系。" (382) has no end mark: one paragraph.
  bool found = false;
  for (const Json& p : (*doc_)["paragraphs"]) {
    const std::string text = p["text"];
    if (text.rfind("為統籌並加速我國資通安全基礎設施", 0) == 0) {
      found = true;
      EXPECT_NE(text.find("建立整體資安防護體系。在實務作業上，將政府機關區分為國防"), std::string::npos);
      EXPECT_EQ(p["source_lines"].front(), 378);
      EXPECT_EQ(p["source_lines"].back(), 396);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(SamplePlanTest, ParagraphCutByAPageBreakIsJoined) {
  // Lines 144-163: line 155 starts after a page break (" 並應用於…").
  bool found = false;
  for (const Json& p : (*doc_)["paragraphs"]) {
    std::string text = p["text"];
    if (text.find("更多可調適性的網路服務，並應用於銀行業、教育業及健康照護等。") != std::string::npos) {
      found = true;
      EXPECT_EQ(text.rfind("美國 2011 年發布「國家身分識別策略", 0), 0u) << text;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(SamplePlanTest, ActionPlansSpotChecks) {
  // 表 2 lines 1280-1289: title cut by a page break ("…個資保" / "護");
  // 附錄2 lines 3031-3041: the whole title and one unnumbered point.
  const Json& a412 = Plan("4.1.2");
  EXPECT_EQ(a412["title"], "推廣全民資安認知及個資保護");
  EXPECT_EQ(a412["points"], Json::array({"加強宣導，提升民眾對資安認知及個資保護程度。"}));
  // 表 2 lines 1263-1287: 目標四 cut by the page break, tail after the header.
  EXPECT_EQ(a412["goal"]["title"], "擴大資安人才培育，加強國際資安交流。");
  EXPECT_EQ(a412["strategy"]["title"], "強化全民資安認知");

  // 附錄2 lines 1668-1700: agencies "資通安全辦公室" / "經濟部(行政院資訊處、法務部、各機關)".
  const Json& a122 = Plan("1.2.2");
  EXPECT_EQ(a122["lead"], Json::array({"資通安全辦公室", "經濟部"}));
  EXPECT_EQ(a122["co"], Json::array({"行政院資訊處", "法務部", "各機關"}));
  ASSERT_EQ(a122["kpis"].size(), 2u);
  EXPECT_EQ(a122["kpis"][1]["agency"], "經濟部");

  // 附錄2 lines 1833-1847: one unnumbered point printed beside the first indicator.
  const Json& a142 = Plan("1.4.2");
  EXPECT_EQ(a142["points"], Json::array({"建構資安警示等級及燈號。"}));
  EXPECT_EQ(a142["kpis"].size(), 2u);

  // 附錄2 lines 2006-2042: the agency cell glued to an indicator cut by the
  // page break, the indicator's tail after the next page's header.
  const Json& a221 = Plan("2.2.1");
  EXPECT_EQ(a221["lead"], Json::array({"資通安全辦公室", "各機關"}));
  EXPECT_EQ(a221["co"], Json::array({"國安局"}));
  EXPECT_EQ(a221["kpis"].back()["agency"], "各機關");
  EXPECT_EQ(a221["kpis"].back()["text"],
            "每年檢討政府機關保密裝備之部署，應使用或加裝密碼主管機關核發獲認可之通資訊保密裝備。");

  // 附錄2 lines 2165-2225: the fifth point and the end of the fifth
  // indicator come after the agency cell, on the next page.
  const Json& a225 = Plan("2.2.5");
  ASSERT_EQ(a225["points"].size(), 5u);
  EXPECT_EQ(a225["points"][4], "配合資安事件通報及應變處理作業，督促業者加強管理垃圾郵件，維護民眾網路使用環境。");
  ASSERT_EQ(a225["kpis"].size(), 5u);
  EXPECT_EQ(unicode::FoldKey(a225["kpis"][4]["text"].get<std::string>()),
            unicode::FoldKey("我國與合作國家間垃圾郵件濫發源資料之年度交換筆數達 30 萬筆以上。"));
  EXPECT_EQ(a225["lead"], Json::array({"通傳會"}));
  EXPECT_EQ(a225["co"].size(), 6u);

  // 附錄2 lines 3300-3328: point 3 and indicator 2 cut, point 4 after the cut.
  const Json& a451 = Plan("4.5.1");
  ASSERT_EQ(a451["points"].size(), 4u);
  EXPECT_EQ(a451["points"][2], "鼓勵國內資安組織積極參與國際會議或活動。");
  EXPECT_EQ(a451["kpis"][1]["text"], "維護 APCERT、APWG、AVAR、FIRST 等組織會員身分，每年爭取於會議中分享我國資安推動經驗。");

  // 附錄2 lines 2561-2631: three agencies each with their indicators.
  const Json& a311 = Plan("3.1.1");
  EXPECT_EQ(a311["points"].size(), 5u);
  EXPECT_EQ(a311["kpis"].size(), 8u);
  EXPECT_EQ(a311["kpis"][7]["agency"], "國防部");
  EXPECT_EQ(a311["lead"], Json::array({"國科會", "經濟部", "國防部"}));
  EXPECT_EQ(a311["co"], Json::array({"資通安全辦公室"}));
}

TEST_F(SamplePlanTest, GenuineDisagreementIsAWarning) {
  // 4.2.1: 表 2 (lines 1296-1303) puts 教育部、內政部、法務部 in the
  // co-organiser column; 附錄2 (lines 3083-3086) prints them without the
  // parentheses that mark co-organisers.
  bool found = false;
  for (const Json& w : (*doc_)["warnings"]) {
    if (w["kind"] == "tables_disagree" && w["message"].get<std::string>().find("4.2.1") != std::string::npos) {
      found = true;
    }
    EXPECT_NE(w["kind"], "incomplete_action_plan") << w["message"];
    EXPECT_NE(w["kind"], "missing_agency") << w["message"];
  }
  EXPECT_TRUE(found);
  EXPECT_TRUE((*doc_)["unparsed"].empty());
}

}  // namespace
}  // namespace docpipe
