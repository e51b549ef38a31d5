#include "model/document_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model/policy_json.h"
#include "model/standard_json.h"

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

CompetencyStandard SmallStandard() {
  CompetencyStandard s;
  s.code = "TST1234-001v1";
  s.name = "測試人員";
  s.title = "測試人員職能基準";
  s.category = {"資訊", "1234"};
  s.level = 4;
  Task task;
  task.code = "T1.1";
  task.name = "撰寫測試";
  task.level = 3;
  task.outputs.push_back({"O1.1.1", "測試報告", {{12, 2}}});
  task.knowledge.push_back({"K01", "", {}});
  task.skills.push_back({"S02", "", {}});
  task.where = {{12, 2}, {13, 2}};
  s.duties.push_back({"T1", "測試", {task}, {{11, 2}}});
  s.knowledge.push_back({"K01", "測試理論", {{20, 3}}});
  s.attitudes.push_back({"A01", "細心", "注意細節", {{30, 3}}});
  s.notes = {"附註"};
  s.diagnostics.Warn("undefined_code", "S02 is never named", {13, 2});
  s.diagnostics.Unplaced("孤立文字", {40, 4});
  s.field_pos["code"] = {3, 1};
  return s;
}

SourceInfo Source() { return {"in/x.pdf", "ab12", "pdf", 5}; }

TEST(DocumentReader, ReadsBackWhatTheStandardWriterWrote) {
  Result<Document> doc = ReadDocument(CompetencyStandardToJson(SmallStandard(), Source()));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_TRUE(doc->standard.has_value());
  EXPECT_FALSE(doc->policy.has_value());
  EXPECT_EQ(doc->document_type, "competency_standard");
  EXPECT_EQ(doc->source.path, "in/x.pdf");
  EXPECT_EQ(doc->source.pages, 5);
  const CompetencyStandard& s = *doc->standard;
  EXPECT_EQ(s.code, "TST1234-001v1");
  EXPECT_EQ(s.title, "測試人員職能基準");
  EXPECT_EQ(s.category.code, "1234");
  EXPECT_EQ(s.level, 4);
  ASSERT_EQ(s.duties.size(), 1u);
  ASSERT_EQ(s.duties[0].tasks.size(), 1u);
  const Task& t = s.duties[0].tasks[0];
  EXPECT_EQ(t.level, 3);
  ASSERT_EQ(t.outputs.size(), 1u);
  EXPECT_EQ(t.outputs[0].text, "測試報告");
  ASSERT_EQ(t.knowledge.size(), 1u);
  EXPECT_EQ(t.knowledge[0].code, "K01");
  ASSERT_EQ(t.where.size(), 2u);
  EXPECT_EQ(t.where[1].line, 13);
  ASSERT_EQ(s.attitudes.size(), 1u);
  EXPECT_EQ(s.attitudes[0].description, "注意細節");
  ASSERT_EQ(s.diagnostics.warnings.size(), 1u);
  EXPECT_EQ(s.diagnostics.warnings[0].pos.page, 2);
  ASSERT_EQ(s.diagnostics.unparsed.size(), 1u);
  EXPECT_EQ(s.diagnostics.unparsed[0].text, "孤立文字");
  EXPECT_EQ(s.field_pos.at("code").line, 3);
}

TEST(DocumentReader, ReadsBackThePolicyOutlineTree) {
  PolicyDocument p;
  p.title = "計畫";
  p.outline.push_back({"第一章", "緒論", 1, 1, -1, {1}, {2, 1}});
  p.outline.push_back({"一、", "背景", 3, 2, 0, {}, {3, 1}});
  p.paragraphs.push_back({"內文", 1, {{4, 1}, {5, 1}}});
  p.tables.push_back({"表 1", "經費", {"項目", "金額"}, {{{"人事", "10"}, {{7, 2}}}}, 0, {6, 2}});
  p.stated_counts = PlanCounts{2, std::nullopt, 5, {9, 1}};
  Result<Document> doc = ReadDocument(PolicyDocumentToJson(p, Source(), "policy_document"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_TRUE(doc->policy.has_value());
  const PolicyDocument& q = *doc->policy;
  EXPECT_EQ(q.title, "計畫");
  ASSERT_EQ(q.outline.size(), 2u);
  EXPECT_EQ(q.outline[1].parent, 0);
  EXPECT_EQ(q.outline[0].children, std::vector<int>{1});
  EXPECT_EQ(q.outline[1].title, "背景");
  ASSERT_EQ(q.paragraphs.size(), 1u);
  EXPECT_EQ(q.paragraphs[0].node, 1);
  ASSERT_EQ(q.tables.size(), 1u);
  ASSERT_EQ(q.tables[0].rows.size(), 1u);
  EXPECT_EQ(q.tables[0].rows[0].cells[1], "10");
  ASSERT_TRUE(q.stated_counts.has_value());
  EXPECT_EQ(q.stated_counts->goals, 2);
  EXPECT_FALSE(q.stated_counts->strategies.has_value());
}

// The reproduced export crash: a task's knowledge [1] instead of codes.
TEST(DocumentReader, WrongTypedKnowledgeIsBadInputNamingItsPath) {
  Json j = CompetencyStandardToJson(SmallStandard(), Source());
  j["duties"][0]["tasks"][0]["knowledge"] = Json::array({1});
  Result<Document> doc = ReadDocument(j);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kBadInput);
  EXPECT_NE(doc.status().message().find("$.duties[0].tasks[0].knowledge[0]: expected a string, found number"),
            std::string::npos)
      << doc.status().message();
}

TEST(DocumentReader, MissingRequiredMemberIsNamed) {
  Json j = CompetencyStandardToJson(SmallStandard(), Source());
  j["duties"][0].erase("tasks");
  Result<Document> doc = ReadDocument(j);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("$.duties[0]: missing member \"tasks\""), std::string::npos)
      << doc.status().message();
}

TEST(DocumentReader, WrongTypesAtEveryLevelAreErrorsNotExceptions) {
  const Json base = CompetencyStandardToJson(SmallStandard(), Source());
  struct Case {
    const char* pointer;
    Json value;
    const char* path;
  } cases[] = {
      {"/duties", Json::object(), "$.duties: expected an array"},
      {"/level", "4", "$.level: expected an integer"},
      {"/level", 1e10, "$.level: expected an integer"},
      {"/source/path", 3, "$.source.path: expected a string"},
      {"/duties/0/tasks/0/source_lines/0", "12", "$.duties[0].tasks[0].source_lines[0]: expected an integer"},
      {"/warnings/0/location", Json::array(), "$.warnings[0].location: expected an object"},
      {"/field_lines/code", "3", "$.field_lines.code: expected an integer"},
      {"/notes", "附註", "$.notes: expected an array"},
  };
  for (const Case& c : cases) {
    Json j = base;
    j[Json::json_pointer(c.pointer)] = c.value;
    Result<Document> doc = ReadDocument(j);
    ASSERT_FALSE(doc.ok()) << c.pointer;
    EXPECT_NE(doc.status().message().find(c.path), std::string::npos) << doc.status().message();
  }
}

TEST(DocumentReader, NotAnObjectAndForeignTypesAreRefused) {
  EXPECT_EQ(ReadDocumentJson("[1,2]").status().code(), Status::Code::kBadInput);
  EXPECT_EQ(ReadDocumentJson("{\"document_type\":\"layout\"}").status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(ReadDocumentJson("{").status().code(), Status::Code::kBadInput);
}

TEST(DocumentReader, DeeplyNestedBytesAreBadInputNotACrash) {
  std::string deep = "{\"document_type\":\"competency_standard\",\"notes\":" + std::string(100000, '[') +
                     std::string(100000, ']') + "}";
  Result<Document> doc = ReadDocumentJson(deep);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kBadInput);
}

// Every document of the committed golden output reads without error, and
// the counts agree with the JSON's own arrays.
TEST(DocumentReader, ReadsEveryGoldenDocument) {
  namespace fs = std::filesystem;
  int read = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(DOCPIPE_SOURCE_DIR) / "out")) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    Result<Document> doc = ReadDocumentJson(bytes.str());
    if (!doc.ok() && doc.status().code() == Status::Code::kUnsupported) continue;  // a layout JSON
    ASSERT_TRUE(doc.ok()) << entry.path() << ": " << doc.status().ToString();
    Json j = Json::parse(bytes.str());
    if (doc->standard) {
      EXPECT_EQ(doc->standard->duties.size(), j["duties"].size()) << entry.path();
    } else {
      EXPECT_EQ(doc->policy->paragraphs.size(), j["paragraphs"].size()) << entry.path();
      EXPECT_EQ(doc->policy->tables.size(), j["tables"].size()) << entry.path();
    }
    ++read;
  }
  EXPECT_GE(read, 10);
}

}  // namespace
}  // namespace docpipe
