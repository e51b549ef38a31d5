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

// A task lists each knowledge and skill code once, in the order first
// printed, however often and wherever in the row it repeats.
TEST(StandardJson, ATaskListsEachCodeOnceInTheOrderFirstPrinted) {
  CompetencyStandard s = SmallStandard();
  Task& task = s.duties[0].tasks[0];
  task.knowledge = {{"K03", "", {}}, {"K01", "", {}}, {"K03", "x", {}}, {"K02", "", {}}, {"K01", "", {}}};
  task.skills = {{"S02", "", {}}, {"S02", "", {}}};
  const Json j = CompetencyStandardToJson(s, Source());
  const Json& written = j["duties"][0]["tasks"][0];
  EXPECT_EQ(written["knowledge"], Json::parse(R"(["K03", "K01", "K02"])"));
  EXPECT_EQ(written["skills"], Json::parse(R"(["S02"])"));
}

TEST(DocumentReader, ReadsBackThePolicyOutlineTree) {
  PolicyDocument p;
  p.title = "計畫";
  p.outline.push_back({"第一章", "緒論", 1, 1, -1, {1}, {2, 1}});
  p.outline.push_back({"一、", "背景", 3, 2, 0, {}, {3, 1}});
  p.paragraphs.push_back({"內文", 1, {{4, 1}, {5, 1}}});
  p.tables.push_back({"表 1", "經費", {"項目", "金額"}, {{{"人事", "10"}, {{7, 2}}}}, 0, {6, 2}, 0, {}});
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

TEST(DocumentReader, ReadsBackTheTablesPageRange) {
  PolicyDocument p;
  p.tables.push_back({"", "", {"部門", "承諾"}, {{{"旅遊", "不予限制"}, {{3, 1}}}}, -1, {2, 1}, 37, {}});
  p.tables.push_back({"", "", {"A", "B"}, {}, -1, {5}, 0, {}});  // a text input: no pages
  Json j = PolicyDocumentToJson(p, Source(), "generic_document");
  EXPECT_EQ(j["tables"][0]["pages"]["first"], 1);
  EXPECT_EQ(j["tables"][0]["pages"]["last"], 37);
  EXPECT_FALSE(j["tables"][1].contains("pages"));
  Result<Document> doc = ReadDocument(j);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->policy->tables.size(), 2u);
  EXPECT_EQ(doc->policy->tables[0].pos.page, 1);
  EXPECT_EQ(doc->policy->tables[0].last_page, 37);
  EXPECT_EQ(doc->policy->tables[1].last_page, 0);
}

TEST(DocumentReader, TablePagesThatRunBackwardsAreBadInput) {
  PolicyDocument p;
  p.tables.push_back({"", "", {"A", "B"}, {}, -1, {2, 5}, 5, {}});
  Json j = PolicyDocumentToJson(p, Source(), "generic_document");
  j["tables"][0]["pages"]["last"] = 3;
  Result<Document> doc = ReadDocument(j);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kBadInput);
}

// 收支科目 over two columns in the header; 收入 over two body rows.
PolicyDocument GridDocument() {
  PolicyDocument p;
  PolicyTable t;
  t.header = {"收支科目", "", "金額"};
  t.rows = {{{"收入", "個人捐贈收入", "882,000"}, {{4, 3}}}, {{"", "營利事業捐贈收入", ""}, {{5, 3}}}};
  t.pos = {3, 3};
  t.last_page = 3;
  t.grid.rows = 3;
  t.grid.cols = 3;
  t.grid.header_rows = 1;
  t.grid.cells = {{0, 0, 1, 2, "收支科目"}, {0, 2, 1, 1, "金額"},         {1, 0, 2, 1, "收入"},
                  {1, 1, 1, 1, "個人捐贈收入"}, {1, 2, 1, 1, "882,000"}, {2, 1, 1, 1, "營利事業捐贈收入"},
                  {2, 2, 1, 1, ""}};
  p.tables.push_back(t);
  return p;
}

TEST(DocumentReader, ReadsBackTheTableGridWithSpansAndEmptyCells) {
  Json j = PolicyDocumentToJson(GridDocument(), Source(), "generic_document");
  const Json& matrix = j["tables"][0]["grid"]["matrix"];
  EXPECT_EQ(matrix[0], Json::parse(R"(["收支科目", null, "金額"])"));
  EXPECT_EQ(matrix[2], Json::parse(R"([null, "營利事業捐贈收入", ""])"));
  Result<Document> doc = ReadDocument(j);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const TableGrid& grid = doc->policy->tables[0].grid;
  EXPECT_EQ(grid.rows, 3);
  EXPECT_EQ(grid.cols, 3);
  ASSERT_EQ(grid.cells.size(), 7u);
  EXPECT_EQ(grid.cells[0].col_span, 2);
  EXPECT_EQ(grid.cells[2].text, "收入");
  EXPECT_EQ(grid.cells[2].row_span, 2);
  EXPECT_EQ(grid.cells[6].text, "");
}

TEST(DocumentReader, GridCellsThatOverlapAreBadInput) {
  Json j = PolicyDocumentToJson(GridDocument(), Source(), "generic_document");
  j["tables"][0]["grid"]["cells"][1]["col"] = 1;  // 金額 moved under 收支科目's span
  Result<Document> doc = ReadDocument(j);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kBadInput);
}

TEST(DocumentReader, GridWithAnUncoveredSlotIsBadInput) {
  Json j = PolicyDocumentToJson(GridDocument(), Source(), "generic_document");
  j["tables"][0]["grid"]["cells"].erase(6);  // the empty cell dropped
  Result<Document> doc = ReadDocument(j);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("no cell covers row 2, column 2"), std::string::npos)
      << doc.status().ToString();
}

TEST(DocumentReader, GridMatrixThatDisagreesWithItsCellsIsBadInput) {
  Json j = PolicyDocumentToJson(GridDocument(), Source(), "generic_document");
  j["tables"][0]["grid"]["matrix"][2][0] = "收入";  // a covered slot must be null
  EXPECT_FALSE(ReadDocument(j).ok());
  j = PolicyDocumentToJson(GridDocument(), Source(), "generic_document");
  j["tables"][0]["grid"]["matrix"][1].erase(2);
  EXPECT_FALSE(ReadDocument(j).ok());
}

TEST(DocumentReader, ATableWrittenWithoutAGridGetsOneSlotPerCell) {
  Json j = PolicyDocumentToJson(GridDocument(), Source(), "generic_document");
  j["tables"][0].erase("grid");
  Result<Document> doc = ReadDocument(j);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const TableGrid& grid = doc->policy->tables[0].grid;
  EXPECT_TRUE(CheckTableGrid(grid).ok());
  EXPECT_EQ(grid.rows, 3);
  EXPECT_EQ(grid.cells.size(), 9u);
  EXPECT_EQ(grid.cells[3].text, "收入");
}

TEST(DocumentReader, GridThatDoesNotHoldEveryBodyRowIsBadInput) {
  Json j = PolicyDocumentToJson(GridDocument(), Source(), "generic_document");
  j["tables"][0]["rows"].erase(1);
  EXPECT_FALSE(ReadDocument(j).ok());
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
