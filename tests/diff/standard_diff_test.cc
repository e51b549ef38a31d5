// Version pairs constructed from a sample: the new version is the sample's
// JSON with one deliberate edit, and the test states exactly which changes
// that edit must produce (and that nothing else is reported).
#include "diff/standard_diff.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/diff/version_pairs.h"

namespace docpipe::diff {
namespace {

using testing::Duty;
using testing::Json;
using testing::LoadSample;
using testing::NewTask;
using testing::RenameCode;
using testing::Renumber;
using testing::TwoDigitCode;

class StandardDiffTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sample_ = new Json(LoadSample("INM3513-001v4")); }
  static void TearDownTestSuite() { delete sample_; }

  static std::vector<Change> Diff(const Json& old_doc, const Json& new_doc) {
    return DiffStandards(ViewOf(old_doc), ViewOf(new_doc), {});
  }

  // "kind type old_code->new_code", e.g. "task moved T1.2->T1.3".
  static std::vector<std::string> Describe(const std::vector<Change>& changes) {
    std::vector<std::string> out;
    for (const Change& c : changes) {
      out.push_back(std::string(ItemKindName(c.kind)) + " " + ChangeTypeName(c.type) + " " +
                    (c.old_side ? c.old_side->code : "") + "->" + (c.new_side ? c.new_side->code : ""));
    }
    return out;
  }

  static Json* sample_;
};

Json* StandardDiffTest::sample_ = nullptr;

TEST_F(StandardDiffTest, IdenticalInputsGiveNoChanges) {
  EXPECT_TRUE(Diff(*sample_, *sample_).empty());
}

TEST_F(StandardDiffTest, ProvenanceNeverCounts) {
  Json moved = *sample_;
  moved["source"] = {{"path", "elsewhere/other.pdf"}, {"sha256", std::string(64, 'a')}, {"format", "pdf"}, {"pages", 9}};
  moved["field_lines"]["code"] = 99;
  moved["warnings"] = Json::array();
  moved["unparsed"].push_back({{"text", "頁 3"}, {"location", {{"line", 7}}}});
  for (Json& d : moved["duties"]) {
    d["source_lines"] = Json::array({500});
    for (Json& t : d["tasks"]) {
      t["source_lines"] = Json::array({501, 502});
      for (Json& p : t["indicators"]) p["source_lines"] = Json::array({503});
    }
  }
  for (Json& k : moved["knowledge"]) k["source_lines"] = Json::array({504});
  EXPECT_EQ(Describe(Diff(*sample_, moved)), std::vector<std::string>{});
}

TEST_F(StandardDiffTest, WidthAndSpacingAreNotContent) {
  Json reflowed = *sample_;
  Json& task = Duty(reflowed, "T2")["tasks"][2];
  ASSERT_EQ(task["name"], "配置虛擬私有網路 (VPN)");
  task["name"] = "配置虛擬私有網路（ＶＰＮ）";
  EXPECT_EQ(Describe(Diff(*sample_, reflowed)), std::vector<std::string>{});
}

TEST_F(StandardDiffTest, TaskInsertedInTheMiddleIsOneAdditionAndRenumberings) {
  Json next = *sample_;
  Json& tasks = Duty(next, "T1")["tasks"];
  ASSERT_EQ(tasks.size(), 4u);
  tasks.insert(tasks.begin() + 1, NewTask("1.2"));
  for (size_t i = 2; i < tasks.size(); ++i) Renumber(tasks[i], "1." + std::to_string(i + 1));

  std::vector<Change> changes = Diff(*sample_, next);
  EXPECT_EQ(Describe(changes), (std::vector<std::string>{"task added ->T1.2", "task moved T1.2->T1.3",
                                                         "task moved T1.3->T1.4", "task moved T1.4->T1.5"}));
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0].new_side->text, "評估雲端服務安全風險");
  std::vector<std::string> content;
  for (const ContentItem& item : changes[0].content) content.push_back(std::string(ItemKindName(item.kind)) + " " + item.code);
  EXPECT_EQ(content, (std::vector<std::string>{"output O1.2.1", "indicator P1.2.1", "indicator P1.2.2",
                                               "knowledge_ref K01", "skill_ref S01"}));
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(changes[i].old_side->text, changes[i].new_side->text);
    EXPECT_TRUE(changes[i].edits.empty());
    EXPECT_EQ(changes[i].duty, "T1");
  }
}

TEST_F(StandardDiffTest, TaskInsertedUnderAFreshCodeIsOneAddition) {
  Json next = *sample_;
  Json& tasks = Duty(next, "T1")["tasks"];
  tasks.insert(tasks.begin() + 2, NewTask("1.5"));
  EXPECT_EQ(Describe(Diff(*sample_, next)), (std::vector<std::string>{"task added ->T1.5"}));
}

TEST_F(StandardDiffTest, IndicatorRewordedByTwoCharactersIsOneChangeWithItsEdits) {
  Json next = *sample_;
  Json& indicator = Duty(next, "T1")["tasks"][0]["indicators"][1];
  ASSERT_EQ(indicator["code"], "P1.1.2");
  ASSERT_EQ(indicator["text"], "分析與檢討使用者的安全性文件並預測網路服務弱點。");
  indicator["text"] = "分析與審查使用者的安全性文件並預測網路服務弱點。";

  std::vector<Change> changes = Diff(*sample_, next);
  ASSERT_EQ(Describe(changes), (std::vector<std::string>{"indicator changed P1.1.2->P1.1.2"}));
  const Change& c = changes[0];
  EXPECT_EQ(c.field, "text");
  EXPECT_EQ(c.old_side->text, "分析與檢討使用者的安全性文件並預測網路服務弱點。");
  EXPECT_EQ(c.new_side->text, "分析與審查使用者的安全性文件並預測網路服務弱點。");
  EXPECT_EQ(c.new_side->path, (std::vector<std::string>{"T1", "T1.1"}));
  EXPECT_EQ(c.edits, (std::vector<EditRun>{{EditOp::kEqual, "分析與"},
                                           {EditOp::kDelete, "檢討"},
                                           {EditOp::kInsert, "審查"},
                                           {EditOp::kEqual, "使用者的安全性文件並預測網路服務弱點。"}}));
  EXPECT_DOUBLE_EQ(c.similarity, 44.0 / 48.0);  // 22 of 24 code points in common
}

TEST_F(StandardDiffTest, KnowledgeItemRenumberedEverywhereIsOneRenumbering) {
  Json next = *sample_;
  std::vector<std::string> referencing;  // tasks that cite K05, from the input itself
  for (const Json& d : sample_->at("duties")) {
    for (const Json& t : d["tasks"]) {
      const Json& refs = t["knowledge"];
      if (std::find(refs.begin(), refs.end(), "K05") != refs.end()) referencing.push_back(t["code"]);
    }
  }
  ASSERT_FALSE(referencing.empty());
  RenameCode(next, "knowledge", "K05", "K32");

  std::vector<Change> changes = Diff(*sample_, next);
  ASSERT_EQ(Describe(changes), (std::vector<std::string>{"knowledge moved K05->K32"}));
  EXPECT_EQ(changes[0].old_side->text, "入侵偵測與修復程序");
  EXPECT_EQ(changes[0].new_side->text, "入侵偵測與修復程序");
  EXPECT_EQ(changes[0].references_updated, referencing);
}

TEST_F(StandardDiffTest, SwappedKnowledgeCodesAreTwoRenumberingsAndNoReferenceChanges) {
  Json next = *sample_;
  RenameCode(next, "knowledge", "K05", "swap");
  RenameCode(next, "knowledge", "K06", "K05");
  RenameCode(next, "knowledge", "swap", "K06");
  EXPECT_EQ(Describe(Diff(*sample_, next)),
            (std::vector<std::string>{"knowledge moved K06->K05", "knowledge moved K05->K06"}));
}

TEST_F(StandardDiffTest, DroppedKnowledgeItemWithClosedGapIsOneRemovalPlusRenumberings) {
  Json next = *sample_;
  auto shifted = [](const std::string& code) {  // K05 -> K04 ... K31 -> K30
    return TwoDigitCode('K', std::stoi(code.substr(1)) - 1);
  };
  Json kept = Json::array();
  for (Json& k : next["knowledge"]) {
    if (k["code"] == "K04") continue;
    if (k["code"] > "K04") k["code"] = shifted(k["code"]);
    kept.push_back(k);
  }
  next["knowledge"] = kept;
  std::vector<std::string> expected = {};
  for (Json& d : next["duties"]) {
    for (Json& t : d["tasks"]) {
      Json refs = Json::array();
      for (const Json& r : t["knowledge"]) {
        if (r == "K04") {
          expected.push_back("knowledge_ref removed K04->");
        } else {
          refs.push_back(r > "K04" ? shifted(r) : r.get<std::string>());
        }
      }
      t["knowledge"] = refs;
    }
  }
  expected.push_back("knowledge removed K04->");
  for (int n = 5; n <= 31; ++n) expected.push_back("knowledge moved " + TwoDigitCode('K', n) + "->" + TwoDigitCode('K', n - 1));
  std::vector<Change> changes = Diff(*sample_, next);
  // Sorted by code within a section: K04 (removed) first, then K05->K04...
  EXPECT_EQ(Describe(changes), expected);
  for (const Change& c : changes) {
    if (c.type == ChangeType::kMoved) {
      EXPECT_EQ(c.old_side->text, c.new_side->text);
    }
  }
}

TEST_F(StandardDiffTest, RenamedDutyIsOneChangeOfItsName) {
  Json next = *sample_;
  Json& duty = Duty(next, "T2");
  ASSERT_EQ(duty["name"], "配置安全網路環境");
  duty["name"] = "建置並強化網路防護架構";
  std::vector<Change> changes = Diff(*sample_, next);
  ASSERT_EQ(Describe(changes), (std::vector<std::string>{"duty changed T2->T2"}));
  EXPECT_EQ(changes[0].field, "name");
  EXPECT_EQ(changes[0].old_side->text, "配置安全網路環境");
  EXPECT_EQ(changes[0].new_side->text, "建置並強化網路防護架構");
}

TEST_F(StandardDiffTest, RemovedNoteIsOneRemoval) {
  Json next = *sample_;
  ASSERT_GE(next["notes"].size(), 2u);
  const std::string removed = next["notes"][0];
  next["notes"].erase(0);
  std::vector<Change> changes = Diff(*sample_, next);
  ASSERT_EQ(Describe(changes), (std::vector<std::string>{"note removed 1->"}));
  EXPECT_EQ(changes[0].old_side->text, removed);
}

TEST_F(StandardDiffTest, TaskMovedToAnotherDutyIsOneMove) {
  Json next = *sample_;
  Json task = Duty(next, "T1")["tasks"][3];
  Duty(next, "T1")["tasks"].erase(3);
  Renumber(task, "2.4");
  Duty(next, "T2")["tasks"].push_back(task);
  std::vector<Change> changes = Diff(*sample_, next);
  ASSERT_EQ(Describe(changes), (std::vector<std::string>{"task moved T1.4->T2.4"}));
  EXPECT_EQ(changes[0].old_side->path, std::vector<std::string>{"T1"});
  EXPECT_EQ(changes[0].new_side->path, std::vector<std::string>{"T2"});
}

TEST_F(StandardDiffTest, ReferenceAddedToATaskIsOneReferenceChange) {
  Json next = *sample_;
  Json& task = Duty(next, "T3")["tasks"][3];
  ASSERT_EQ(task["code"], "T3.4");  // sample line 48: S01 S02 S04 S10 S11 S13 S14
  ASSERT_EQ(std::count(task["skills"].begin(), task["skills"].end(), "S03"), 0);
  task["skills"].push_back("S03");
  std::vector<Change> changes = Diff(*sample_, next);
  ASSERT_EQ(Describe(changes), (std::vector<std::string>{"skill_ref added ->S03"}));
  EXPECT_EQ(changes[0].task, "T3.4");
  EXPECT_EQ(changes[0].new_side->text, "規劃與組織能力");
}

TEST_F(StandardDiffTest, TaskLevelChangeIsReportedAsItsField) {
  Json next = *sample_;
  Json& task = Duty(next, "T4")["tasks"][0];
  ASSERT_EQ(task["level"], 3);  // sample line 51
  task["level"] = 4;
  std::vector<Change> changes = Diff(*sample_, next);
  ASSERT_EQ(Describe(changes), (std::vector<std::string>{"task changed T4.1->T4.1"}));
  EXPECT_EQ(changes[0].field, "level");
  EXPECT_EQ(changes[0].old_side->text, "3");
  EXPECT_EQ(changes[0].new_side->text, "4");
}

TEST_F(StandardDiffTest, HeaderFieldChangeNamesTheField) {
  Json next = *sample_;
  next["occupation"]["code"] = "3514";
  EXPECT_EQ(Describe(Diff(*sample_, next)), (std::vector<std::string>{"header changed ->"}));
  EXPECT_EQ(Diff(*sample_, next)[0].field, "occupation.code");
}

TEST_F(StandardDiffTest, CombinedEditsAreEachReportedOnce) {
  std::vector<Change> changes = Diff(*sample_, testing::ConstructedNextVersion(*sample_));
  EXPECT_EQ(Describe(changes),
            (std::vector<std::string>{"indicator changed P1.1.2->P1.1.2", "task added ->T1.2", "task moved T1.2->T1.3",
                                      "task moved T1.3->T1.4", "task moved T1.4->T1.5", "duty changed T2->T2",
                                      "knowledge moved K05->K32", "note removed 1->"}));
  ASSERT_EQ(changes.size(), 8u);
  // K05 is cited by all four old tasks of T1, now numbered T1.1, T1.3-T1.5.
  EXPECT_EQ(changes[6].references_updated, (std::vector<std::string>{"T1.1", "T1.3", "T1.4", "T1.5"}));
}

}  // namespace
}  // namespace docpipe::diff
