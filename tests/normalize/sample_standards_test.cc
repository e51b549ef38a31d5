// The three sample standards, end to end through the text path. Expected
// wordings below were read off the source text by hand (samples/text/*.txt),
// with the damage repaired; completeness is checked against codes found in
// the raw source by an independent scan (std::regex, not the RE2 rules).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "common/unicode.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

std::string SamplePath(const std::string& name) {
  return std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + name + ".txt";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Json Normalize(const std::string& name) {
  Result<Json> doc = ProcessFile(SamplePath(name), {});
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : Json();
}

// Every code of the given shape printed anywhere in the raw source.
std::set<std::string> CodesInSource(const std::string& name, const std::string& pattern) {
  std::string text = Slurp(SamplePath(name));
  std::set<std::string> codes;
  std::regex re("(^|[^A-Za-z0-9.])(" + pattern + ")");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    codes.insert((*it)[2]);
  }
  return codes;
}

std::set<std::string> CodesInOutput(const Json& doc, const std::string& kind) {
  std::set<std::string> codes;
  for (const Json& duty : doc["duties"]) {
    if (kind == "T") codes.insert(duty["code"].get<std::string>());
    for (const Json& task : duty["tasks"]) {
      if (kind == "T") codes.insert(task["code"].get<std::string>());
      if (kind == "O")
        for (const Json& o : task["outputs"]) codes.insert(o["code"].get<std::string>());
      if (kind == "P")
        for (const Json& p : task["indicators"]) codes.insert(p["code"].get<std::string>());
    }
  }
  const char* dict = kind == "K" ? "knowledge" : kind == "S" ? "skills" : kind == "A" ? "attitudes" : nullptr;
  if (dict)
    for (const Json& e : doc[dict]) codes.insert(e["code"].get<std::string>());
  return codes;
}

const Json* Task(const Json& doc, const std::string& code) {
  for (const Json& duty : doc["duties"])
    for (const Json& task : duty["tasks"])
      if (task["code"] == code) return &task;
  return nullptr;
}

std::string ItemText(const Json& doc, const std::string& task, const char* list, const std::string& code) {
  const Json* t = Task(doc, task);
  if (t == nullptr) return "<no task " + task + ">";
  for (const Json& item : (*t)[list])
    if (item["code"] == code) return item["text"].get<std::string>();
  return "<no item " + code + ">";
}

std::string DictName(const Json& doc, const char* dict, const std::string& code) {
  for (const Json& e : doc[dict])
    if (e["code"] == code) return e[dict == std::string("attitudes") ? "name" : "name"].get<std::string>();
  return "<no " + code + ">";
}

// Visits every string value of the document except provenance.
void EachString(const Json& j, const std::function<void(const std::string&)>& f) {
  if (j.is_string()) {
    f(j.get<std::string>());
  } else if (j.is_structured()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (j.is_object() && (it.key() == "source")) continue;
      EachString(*it, f);
    }
  }
}

class SampleStandardTest : public ::testing::TestWithParam<const char*> {};

TEST_P(SampleStandardTest, EveryCodeInTheSourceIsInTheOutput) {
  Json doc = Normalize(GetParam());
  const std::pair<const char*, const char*> kinds[] = {
      {"T", "T[0-9]+(\\.[0-9]+)?"}, {"O", "O[0-9]+\\.[0-9]+\\.[0-9]+"}, {"P", "P[0-9]+\\.[0-9]+\\.[0-9]+"},
      {"K", "K[0-9]{2,}"},         {"S", "S[0-9]{2,}"},               {"A", "A[0-9]{2,}"}};
  for (const auto& [kind, pattern] : kinds) {
    std::set<std::string> source = CodesInSource(GetParam(), pattern);
    std::set<std::string> output = CodesInOutput(doc, kind);
    EXPECT_FALSE(source.empty()) << kind;
    EXPECT_EQ(output, source) << "kind " << kind;
  }
}

TEST_P(SampleStandardTest, NoSpaceInsideCjkAndNoMarkupLeft) {
  Json doc = Normalize(GetParam());
  int strings = 0;
  EachString(doc, [&](const std::string& s) {
    ++strings;
    EXPECT_EQ(s.find('<'), std::string::npos) << s;
    EXPECT_EQ(s.find("**"), std::string::npos) << s;
    EXPECT_EQ(unicode::CollapseSpaces(s), s) << "unrepaired spacing: " << s;
  });
  EXPECT_GT(strings, 100);
}

TEST_P(SampleStandardTest, HeaderAndCountsAreComplete) {
  Json doc = Normalize(GetParam());
  EXPECT_EQ(doc["code"], GetParam());
  EXPECT_FALSE(doc["name"].get<std::string>().empty());
  EXPECT_FALSE(doc["description"].get<std::string>().empty());
  EXPECT_FALSE(doc["category"]["code"].get<std::string>().empty());
  EXPECT_FALSE(doc["occupation"]["code"].get<std::string>().empty());
  EXPECT_FALSE(doc["industry"]["code"].get<std::string>().empty());
  EXPECT_TRUE(doc["level"].is_number_integer());
  EXPECT_FALSE(doc["versions"].empty());
  EXPECT_TRUE(doc["unparsed"].empty()) << doc["unparsed"].dump();
  for (const Json& duty : doc["duties"]) {
    for (const Json& task : duty["tasks"]) {
      EXPECT_TRUE(task["level"].is_number_integer()) << task["code"];
      EXPECT_FALSE(task["indicators"].empty()) << task["code"];
      EXPECT_FALSE(task["knowledge"].empty()) << task["code"];
      EXPECT_FALSE(task["skills"].empty()) << task["code"];
      EXPECT_FALSE(task["source_lines"].empty()) << task["code"];
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleStandardTest,
                         ::testing::Values("INM3513-001v4", "INM2529-002v2", "IIS3513-001v4"));

TEST(SampleInm3513, RepairedWordings) {
  Json doc = Normalize("INM3513-001v4");
  EXPECT_EQ(doc["name"], "網路資訊安全人員");
  EXPECT_EQ(doc["industry"]["name"], "出版、影音製作、傳播及資通訊服務業 / 電腦程式設計、諮詢及相關服務業");
  EXPECT_EQ(doc["duties"][0]["name"], "規劃、配置與測試網路伺服器安全");
  EXPECT_EQ((*Task(doc, "T1.1"))["name"], "依照業務需求規劃網路伺服器安全");
  EXPECT_EQ((*Task(doc, "T1.4"))["name"], "監控與測試網路伺服器安全");  // cut by the page break
  EXPECT_EQ(ItemText(doc, "T1.1", "outputs", "O1.1.2"), "網路伺服器安全設計文件");  // idem
  EXPECT_EQ(ItemText(doc, "T1.3", "indicators", "P1.3.1"), "配置網路驗證授權與帳號服務以便登錄並防止未授權存取網路伺服器。");
  EXPECT_EQ(ItemText(doc, "T2.1", "indicators", "P2.1.1"), "規劃、配置與測試以 IPv4或 IPv6為基礎之網路路由通訊協定解決方案。");
  EXPECT_EQ(ItemText(doc, "T1.4", "indicators", "P1.4.6"), "評估監控結果與報告以執行並測試維持網路服務安全性所需的改善動作。");
  EXPECT_EQ(DictName(doc, "knowledge", "K08"), "規劃、配置、監控與疑難排除技術");
  EXPECT_EQ(DictName(doc, "knowledge", "K18"), "OSI 通訊網路架構應用");
  EXPECT_EQ(DictName(doc, "skills", "S04"), "軟硬體網路安全技術問題解決能力");
  EXPECT_EQ(doc["versions"].size(), 4u);
  EXPECT_EQ(doc["versions"][3]["name"], "資訊安全人員");
  EXPECT_EQ(doc["versions"][3]["date"], "2016-12-31");
  EXPECT_EQ(doc["attitudes"].size(), 5u);  // A05 is on the next page
  EXPECT_EQ(doc["attitudes"][4]["name"], "應對不確定性");
  // The document prints O4.1.1 under T4.3 as well as under T4.1.
  int duplicate = 0, misnumbered = 0;
  for (const Json& w : doc["warnings"]) {
    if (w["kind"] == "duplicate_code" && w["message"].get<std::string>().find("O4.1.1") != std::string::npos) ++duplicate;
    if (w["kind"] == "misnumbered_code" && w["message"].get<std::string>().find("T4.3") != std::string::npos) ++misnumbered;
  }
  EXPECT_EQ(duplicate, 1);
  EXPECT_EQ(misnumbered, 1);
  EXPECT_EQ(doc["warnings"].size(), 2u) << doc["warnings"].dump(1);
}

TEST(SampleInm2529, RepairedWordings) {
  Json doc = Normalize("INM2529-002v2");
  EXPECT_EQ(doc["title"], "資安管理人員職能基準");  // markdown ** removed
  EXPECT_EQ(doc["duties"][0]["name"], "資訊安全管理系統 ( ISMS ) 制度建立");
  EXPECT_EQ(doc["duties"][3]["name"], "法規遵循");
  EXPECT_EQ((*Task(doc, "T1.2"))["name"], "風險識別、分析與評估");
  EXPECT_EQ((*Task(doc, "T4.2"))["name"], "個人資料與智慧財產權保護");
  EXPECT_EQ(ItemText(doc, "T2.2", "outputs", "O2.2.3"), "稽核報告");
  EXPECT_EQ(ItemText(doc, "T4.2", "outputs", "O4.2.1"), "個資保護作業相關紀錄");
  EXPECT_EQ(ItemText(doc, "T1.1", "outputs", "O1.1.3"), "資訊安全制度各階文件 ( 含資訊資產清冊 )");
  EXPECT_EQ(ItemText(doc, "T1.3", "outputs", "O1.3.2"), "剩餘風險評鑑計畫表");
  EXPECT_EQ(ItemText(doc, "T2.2", "indicators", "P2.2.4"), "確保所有內部稽核中發現的缺失或弱點，均有相應的矯正預防措施，並完整填寫相關表單。");
  EXPECT_EQ(DictName(doc, "skills", "S15"), "資料蒐集、處理、利用");
  EXPECT_EQ(doc["attitudes"].size(), 9u);
  EXPECT_EQ(doc["attitudes"][0]["name"], "主動積極");
  EXPECT_EQ(doc["attitudes"][0]["description"], "不需他人指示或要求能自動自發做事，面臨問題立即採取行動加以解決，且為達目標願意主動承擔額外責任。");
  ASSERT_EQ(doc["notes"].size(), 2u);
  EXPECT_EQ(doc["notes"][0], "建議擔任此職類 / 職業之學歷 / 經驗 / 或能力條件：大專以上畢業且具有2年以上資訊安全相關工作經驗。");
  EXPECT_NE(doc["notes"][1].get<std::string>().find("有系統分析和管理資訊系統的方法"), std::string::npos);
  EXPECT_TRUE(doc["warnings"].empty()) << doc["warnings"].dump(1);
}

TEST(SampleIis3513, RepairedWordings) {
  Json doc = Normalize("IIS3513-001v4");
  EXPECT_EQ(doc["duties"][0]["name"], "作業系統 (OS) 軟體的配置與疑難排解");  // cut by the page break
  EXPECT_EQ((*Task(doc, "T2.3"))["name"], "測試系統並完成各項文件");
  EXPECT_EQ(ItemText(doc, "T1.1", "indicators", "P1.1.1"), "確認使用者需求，決定合法軟體、硬體與安全要求，並提供建議給適當人員。");
  EXPECT_EQ(ItemText(doc, "T1.1", "indicators", "P1.1.3"), "安裝與設定 OS 相關元件，如網際網路資訊服務 (IIS)。");
  EXPECT_EQ(ItemText(doc, "T2.3", "outputs", "O2.3.1"), "系統測試紀錄");
  EXPECT_EQ(ItemText(doc, "T5.2", "outputs", "O5.2.1"), "異常維修提報單");
  EXPECT_EQ(ItemText(doc, "T4.2", "outputs", "O4.2.2"), "伺服器與網站效能改善報告");
  EXPECT_EQ(DictName(doc, "knowledge", "K38"), "安全軟體設計生命週期 (SSDLC)");
  EXPECT_EQ(DictName(doc, "knowledge", "K36"), "有關係統績效概念，並定義服務水準 (SLA)");
  EXPECT_TRUE((*Task(doc, "T1.1"))["outputs"].empty());
  ASSERT_EQ(doc["notes"].size(), 1u);
  EXPECT_TRUE(doc["warnings"].empty()) << doc["warnings"].dump(1);
}

}  // namespace
}  // namespace docpipe
