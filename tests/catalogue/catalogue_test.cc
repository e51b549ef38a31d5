// The catalogue against the documents it is built from: row counts equal
// the JSON's item counts for every document of the committed run folder
// out/, files of one standard do not collide, a new version of a standard
// becomes the latest with its changes, and the flat exports hold the same
// rows as the database. The database is read back with SQLite's C API and
// the JSON with nlohmann, independently of the catalogue's own reader.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "batch/batch_runner.h"
#include "catalogue/catalogue_export.h"
#include "catalogue/standard_code.h"
#include "catalogue/table_schema.h"

namespace docpipe::catalogue {
namespace {
namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A read-only connection and a query helper returning rows of text.
class Db {
 public:
  explicit Db(const fs::path& path) {
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK) << path;
  }
  ~Db() { sqlite3_close(db_); }
  std::vector<std::vector<std::string>> Query(const std::string& sql, const std::vector<std::string>& args = {}) {
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
      return rows;
    }
    for (size_t i = 0; i < args.size(); ++i) {
      sqlite3_bind_text(stmt, static_cast<int>(i + 1), args[i].c_str(), -1, SQLITE_TRANSIENT);
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const unsigned char* text = sqlite3_column_text(stmt, c);
        row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return rows;
  }
  int64_t Count(const std::string& table, const std::string& document_id) {
    auto rows = Query("SELECT COUNT(*) FROM \"" + table + "\" WHERE document_id = ?", {document_id});
    return rows.empty() ? -1 : std::stoll(rows[0][0]);
  }

 private:
  sqlite3* db_ = nullptr;
};

int64_t CountOutline(const Json& nodes) {
  int64_t n = 0;
  for (const Json& node : nodes) n += 1 + CountOutline(node["children"]);
  return n;
}

// Rows each table should hold for one document, counted from its JSON.
std::map<std::string, int64_t> ExpectedRows(const Json& doc) {
  std::map<std::string, int64_t> n;
  n["documents"] = 1;
  n["warnings"] = doc["warnings"].size();
  n["unparsed"] = doc["unparsed"].size();
  if (doc["document_type"] == "competency_standard") {
    n["standards"] = 1;
    n["version_history"] = doc["versions"].size();
    n["duties"] = doc["duties"].size();
    for (const Json& duty : doc["duties"]) {
      for (const Json& task : duty["tasks"]) {
        n["tasks"] += 1;
        n["outputs"] += task["outputs"].size();
        n["indicators"] += task["indicators"].size();
        n["task_knowledge"] += task["knowledge"].size();
        n["task_skills"] += task["skills"].size();
      }
    }
    n["knowledge"] = doc["knowledge"].size();
    n["skills"] = doc["skills"].size();
    n["attitudes"] = doc["attitudes"].size();
    n["notes"] = doc["notes"].size();
    return n;
  }
  n["policy_documents"] = 1;
  n["outline_nodes"] = CountOutline(doc["outline"]);
  n["paragraphs"] = doc["paragraphs"].size();
  n["captions"] = doc["captions"].size();
  n["document_tables"] = doc["tables"].size();
  // One row per cell of the grid, a merged cell once.
  for (const Json& table : doc["tables"]) n["table_cells"] += table["grid"]["cells"].size();
  n["goals"] = doc["goals"].size();
  n["strategies"] = doc["strategies"].size();
  n["action_plans"] = doc["action_plans"].size();
  for (const Json& plan : doc["action_plans"]) {
    n["action_plan_points"] += plan["points"].size();
    n["action_plan_kpis"] += plan["kpis"].size();
    n["action_plan_agencies"] += plan["lead"].size() + plan["co"].size();
  }
  return n;
}

class CatalogueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("docpipe_catalogue_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  // A copy of the committed run folder out/ (the main job's output).
  fs::path CopyOfOut() {
    fs::path run = root_ / "out";
    fs::copy(fs::path(DOCPIPE_SOURCE_DIR) / "out", run, fs::copy_options::recursive);
    fs::remove(run / "catalogue.sqlite");
    fs::remove_all(run / "export");
    return run;
  }
  fs::path root_;
};

TEST(SplitStandardCode, SplitsTheVersionSuffixOnly) {
  struct Case {
    std::string code, id;
    std::optional<int64_t> version;
  } cases[] = {{"INM3513-001v4", "INM3513-001", 4}, {"IIS3513-001V12", "IIS3513-001", 12},
               {"INM3513-001", "INM3513-001", std::nullopt}, {"v4", "v4", std::nullopt},
               {"INM3513-001v", "INM3513-001v", std::nullopt}, {"ABCv1234567890", "ABCv1234567890", std::nullopt},
               {"", "", std::nullopt}};
  for (const Case& c : cases) {
    StandardCode split = SplitStandardCode(c.code);
    EXPECT_EQ(split.standard_id, c.id) << c.code;
    EXPECT_EQ(split.version, c.version) << c.code;
  }
}

TEST_F(CatalogueTest, RowCountsEqualTheJsonForEverySampleDocument) {
  fs::path run = CopyOfOut();
  Result<CatalogueSummary> summary = ExportCatalogue({run.string(), "", CatalogueFormat::kSqlite});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  Db db(run / "catalogue.sqlite");
  std::map<std::string, int64_t> totals;
  int documents = 0, inputs = 0;
  std::ifstream index(run / "index.jsonl");
  std::string line;
  while (std::getline(index, line)) {
    Json record = Json::parse(line);
    ++inputs;
    if (record["status"] != "ok") continue;
    ++documents;
    const std::string id = record["path"];
    std::map<std::string, int64_t> expected = ExpectedRows(Json::parse(ReadText(run / record["output"].get<std::string>())));
    for (const Table& table : CatalogueTables()) {
      if (table.name == "catalogue_info" || table.name == "changes") continue;
      EXPECT_EQ(db.Count(table.name, id), expected[table.name]) << id << " " << table.name;
      totals[table.name] += expected[table.name];
    }
  }
  EXPECT_GT(documents, 0);
  EXPECT_EQ(documents, inputs);  // every input of samples/ is ok in out/
  EXPECT_EQ(summary->documents, documents);
  for (const auto& [table, n] : totals) EXPECT_EQ(summary->rows[table], n) << table;
  EXPECT_EQ(db.Query("PRAGMA user_version")[0][0], std::to_string(kCatalogueSchemaVersion));
  EXPECT_TRUE(db.Query("PRAGMA foreign_key_check").empty());
  // A task's K references join the K dictionary of the same document.
  EXPECT_EQ(db.Query("SELECT k.name FROM task_knowledge r JOIN knowledge k ON k.document_id = r.document_id "
                     "AND k.code = r.knowledge_code WHERE r.document_id = 'text/INM3513-001v4.txt' "
                     "AND r.task_code = 'T1.4' ORDER BY r.position LIMIT 1")[0][0],
            "稽核與滲透測試技術");
}

TEST_F(CatalogueTest, TextAndPdfOfOneStandardDoNotCollide) {
  fs::path run = CopyOfOut();
  ASSERT_TRUE(ExportCatalogue({run.string(), "", CatalogueFormat::kSqlite}).ok());
  Db db(run / "catalogue.sqlite");
  // Three files (two PDF layouts and the text) hold IIS3513-001v4: three
  // documents with five duties each, one preferred, one version row.
  auto files = db.Query("SELECT document_id, preferred FROM standards WHERE code = 'IIS3513-001v4' ORDER BY document_id");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], (std::vector<std::string>{"pdf/IIS3513-001v4.pdf", "1"}));
  EXPECT_EQ(files[1], (std::vector<std::string>{"pdf/IIS3513-001v4_layout2.pdf", "0"}));
  EXPECT_EQ(files[2], (std::vector<std::string>{"text/IIS3513-001v4.txt", "0"}));
  EXPECT_EQ(db.Query("SELECT COUNT(*), COUNT(DISTINCT document_id || '/' || code) FROM duties WHERE document_id IN "
                     "(SELECT document_id FROM standards WHERE code = 'IIS3513-001v4')")[0],
            (std::vector<std::string>{"15", "15"}));
  EXPECT_EQ(db.Query("SELECT version, documents, document_id FROM standard_versions WHERE standard_id = 'IIS3513-001'"),
            (std::vector<std::vector<std::string>>{{"4", "3", "pdf/IIS3513-001v4.pdf"}}));
  // One version of each standard: no pairs, no changes.
  EXPECT_EQ(db.Query("SELECT COUNT(*) FROM changes")[0][0], "0");
}

// INM3513-001v4 as its publisher might revise it into v5: a version row
// added, indicator P1.1.2 reworded (檢討 -> 審查), the level of T4.2 raised
// from 3 to 4, K06 removed everywhere, and a task T4.5 added after T4.4.
std::string RevisedStandardText(std::string text) {
  auto replace = [&text](const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("V4\tINM3513-001v4\t網路資訊安全人員\t最新版本\t略\t2025/12/15",
          "V5\tINM3513-001v5\t網路資訊安全人員\t最新版本\t新增雲端任務\t2026/11/01\n"
          "V4\tINM3513-001v4\t網路資訊安全人員\t歷史版本\t已被《INM3513-001v5》取代\t2025/12/15");
  replace("職能基準代碼\t\tINM3513-001v4", "職能基準代碼\t\tINM3513-001v5");
  replace("P1.1.2分析與檢討使用者", "P1.1.2分析與審查使用者");
  const size_t t42 = text.find("\tT4.2識別網路安全的威脅");
  const size_t level = text.find("\t3\tK01", t42);
  EXPECT_LT(level, text.find('\n', t42));
  text.replace(level, 3, "\t4\t");
  // K06 is printed in four task rows, as a plain item or a <p> paragraph.
  for (const std::string k06 : {" <p>K06網路服務安全概論</p>", " K06網路服務安全概論"}) {
    for (size_t at; (at = text.find(k06)) != std::string::npos;) text.erase(at, k06.size());
  }
  const size_t t44 = text.find("\tT4.4");
  const size_t end = text.find('\n', t44);
  text.insert(end + 1,
              "\tT4.5評估雲端服務安全風險\tO4.5.1雲端風險評估報告\tP4.5.1盤點組織使用之雲端服務。 "
              "P4.5.2評估雲端服務供應商之安全控制。\t3\tK01稽核與滲透測試技術\tS01溝通協調能力\n");
  return text;
}

TEST_F(CatalogueTest, NewVersionIsLatestAndItsChangesAreRows) {
  fs::create_directories(root_ / "in");
  const std::string v4 = ReadText(fs::path(DOCPIPE_SOURCE_DIR) / "samples/text/INM3513-001v4.txt");
  std::ofstream(root_ / "in" / "INM3513-001v4.txt", std::ios::binary) << v4;
  std::ofstream(root_ / "in" / "INM3513-001v5.txt", std::ios::binary) << RevisedStandardText(v4);
  BatchOptions batch;
  batch.input_dir = (root_ / "in").string();
  batch.output_dir = (root_ / "out").string();
  batch.isolation = Isolation::kThread;
  Result<BatchSummary> ran = RunBatch(batch, nullptr);
  ASSERT_TRUE(ran.ok());
  ASSERT_EQ(ran->ok, 2);
  ASSERT_TRUE(ExportCatalogue({(root_ / "out").string(), "", CatalogueFormat::kSqlite}).ok());
  Db db(root_ / "out" / "catalogue.sqlite");

  EXPECT_EQ(db.Query("SELECT version, code, document_id, is_latest FROM standard_versions "
                     "WHERE standard_id = 'INM3513-001' ORDER BY version"),
            (std::vector<std::vector<std::string>>{{"4", "INM3513-001v4", "INM3513-001v4.txt", "0"},
                                                   {"5", "INM3513-001v5", "INM3513-001v5.txt", "1"}}));
  EXPECT_EQ(db.Query("SELECT version, document_id FROM latest_standards WHERE standard_id = 'INM3513-001'"),
            (std::vector<std::vector<std::string>>{{"5", "INM3513-001v5.txt"}}));

  auto change = [&db](const std::string& where) {
    return db.Query("SELECT change_type, item_kind, field, code, old_code, old_text, new_text FROM changes "
                    "WHERE standard_id = 'INM3513-001' AND old_version = 4 AND new_version = 5 AND " + where);
  };
  EXPECT_EQ(change("item_kind = 'indicator'"),
            (std::vector<std::vector<std::string>>{
                {"changed", "indicator", "text", "P1.1.2", "P1.1.2", "分析與檢討使用者的安全性文件並預測網路服務弱點。",
                 "分析與審查使用者的安全性文件並預測網路服務弱點。"}}));
  EXPECT_EQ(change("item_kind = 'task' AND field = 'level'"),
            (std::vector<std::vector<std::string>>{{"changed", "task", "level", "T4.2", "T4.2", "3", "4"}}));
  EXPECT_EQ(change("item_kind = 'task' AND change_type = 'added'"),
            (std::vector<std::vector<std::string>>{
                {"added", "task", "name", "T4.5", "NULL", "NULL", "評估雲端服務安全風險"}}));
  EXPECT_EQ(change("item_kind = 'knowledge'"),
            (std::vector<std::vector<std::string>>{
                {"removed", "knowledge", "name", "NULL", "K06", "網路服務安全概論", "NULL"}}));
  EXPECT_TRUE(db.Query("PRAGMA foreign_key_check").empty());
  // Every change row names both documents, and its keys are unique.
  EXPECT_EQ(db.Query("SELECT COUNT(*) FROM changes WHERE old_document_id <> 'INM3513-001v4.txt' "
                     "OR new_document_id <> 'INM3513-001v5.txt'")[0][0],
            "0");
}

// CSV and JSON Lines hold the same tables with the same row counts as the
// database, and the PostgreSQL load script names every table.
TEST_F(CatalogueTest, FlatExportsHoldTheDatabaseRows) {
  fs::path run = CopyOfOut();
  Result<CatalogueSummary> sqlite = ExportCatalogue({run.string(), "", CatalogueFormat::kSqlite});
  Result<CatalogueSummary> csv = ExportCatalogue({run.string(), (root_ / "csv").string(), CatalogueFormat::kCsv});
  Result<CatalogueSummary> jsonl = ExportCatalogue({run.string(), (root_ / "jsonl").string(), CatalogueFormat::kJsonl});
  ASSERT_TRUE(sqlite.ok() && csv.ok() && jsonl.ok());
  Db db(run / "catalogue.sqlite");
  const std::string script = ReadText(root_ / "csv" / "load_postgres.sql");
  for (const Table& table : CatalogueTables()) {
    const int64_t rows = std::stoll(db.Query("SELECT COUNT(*) FROM \"" + table.name + "\"")[0][0]);
    // CSV: header + one CRLF-terminated line per row; no sample text holds
    // a line break inside a field of these counts' tables except where
    // quoted, so count records by parsing quotes.
    const std::string text = ReadText(root_ / "csv" / (table.name + ".csv"));
    int64_t records = 0;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '"') quoted = !quoted;
      if (!quoted && text[i] == '\n') ++records;
    }
    EXPECT_EQ(records - 1, rows) << table.name << ".csv";
    std::ifstream in(root_ / "jsonl" / (table.name + ".jsonl"));
    int64_t lines = 0;
    for (std::string line; std::getline(in, line); ++lines) {
      Json row = Json::parse(line);
      ASSERT_EQ(row.size(), table.columns.size()) << table.name;
    }
    EXPECT_EQ(lines, rows) << table.name << ".jsonl";
    EXPECT_NE(script.find("\\copy \"" + table.name + "\" FROM '" + table.name + ".csv'"), std::string::npos);
  }
}

TEST_F(CatalogueTest, FailedExportLeavesTheOldCatalogue) {
  fs::path run = CopyOfOut();
  ASSERT_TRUE(ExportCatalogue({run.string(), "", CatalogueFormat::kSqlite}).ok());
  const std::string before = ReadText(run / "catalogue.sqlite");
  // A task's K references holding a number instead of a code.
  Json doc = Json::parse(ReadText(run / "text" / "INM2529-002v2.json"));
  doc["duties"][0]["tasks"][0]["knowledge"] = Json::array({1});
  std::ofstream(run / "text" / "INM2529-002v2.json") << doc.dump();
  Result<CatalogueSummary> summary = ExportCatalogue({run.string(), "", CatalogueFormat::kSqlite});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), Status::Code::kBadInput);
  EXPECT_NE(summary.status().file().find("INM2529-002v2.json"), std::string::npos) << summary.status().ToString();
  EXPECT_EQ(ReadText(run / "catalogue.sqlite"), before);
  for (const auto& e : fs::directory_iterator(run)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos) << e.path();
  }
}

TEST(Catalogue, MissingIndexIsNotFound) {
  Result<CatalogueSummary> summary = ExportCatalogue({"/nonexistent/out", "", CatalogueFormat::kCsv});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace docpipe::catalogue
