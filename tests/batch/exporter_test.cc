#include "batch/exporter.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "batch/batch_runner.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;

// RFC 4180 reader, independent of the writer: quoted fields may hold commas,
// doubled quotes and line breaks.
std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("資訊安全"), "資訊安全");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
}

class ExporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("docpipe_export_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "in");
    for (const char* name : {"INM3513-001v4", "INM2529-002v2", "IIS3513-001v4"}) {
      fs::copy_file(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + name + ".txt",
                    root_ / "in" / (std::string(name) + ".txt"));
    }
    BatchOptions options;
    options.input_dir = (root_ / "in").string();
    options.output_dir = (root_ / "out").string();
    options.isolation = Isolation::kThread;
    Result<BatchSummary> summary = RunBatch(options, nullptr);
    ASSERT_TRUE(summary.ok());
    ASSERT_EQ(summary->ok, 3);
    for (const IndexRecord& r : summary->records) {
      std::ifstream in(root_ / "out" / r.output);
      documents_.push_back(nlohmann::json::parse(in));
    }
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
  std::vector<nlohmann::json> documents_;
};

TEST_F(ExporterTest, CsvTablesLoadBackWithTheDocumentsCounts) {
  Result<ExportSummary> summary = ExportTables({(root_ / "out").string(), "", ExportFormat::kCsv});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  std::map<std::string, size_t> expected;
  for (const nlohmann::json& doc : documents_) {
    expected["standards"] += 1;
    expected["duties"] += doc["duties"].size();
    for (const auto& duty : doc["duties"]) {
      for (const auto& task : duty["tasks"]) {
        expected["tasks"] += 1;
        expected["outputs"] += task["outputs"].size();
        expected["indicators"] += task["indicators"].size();
        expected["task_knowledge"] += task["knowledge"].size();
        expected["task_skills"] += task["skills"].size();
      }
    }
    expected["knowledge"] += doc["knowledge"].size();
    expected["skills"] += doc["skills"].size();
    expected["attitudes"] += doc["attitudes"].size();
  }
  for (const auto& [name, count] : expected) {
    std::vector<std::vector<std::string>> rows = ReadCsv((root_ / "out" / "export" / (name + ".csv")).string());
    ASSERT_FALSE(rows.empty()) << name;
    EXPECT_EQ(rows.size() - 1, count) << name;  // minus the header
    for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << name;
    EXPECT_EQ(rows[0][0], "standard_code") << name;
  }
  // Keys: the standard code plus the item code; a text survives quoting.
  std::vector<std::vector<std::string>> indicators = ReadCsv((root_ / "out" / "export" / "indicators.csv").string());
  bool found = false;
  for (const auto& row : indicators) {
    if (row[0] == "INM3513-001v4" && row[2] == "P1.3.2") {
      EXPECT_EQ(row[1], "T1.3");
      EXPECT_EQ(row[3], "配置基本服務安全性與存取控制清單以限制授權使用者、群組或網路的存取。");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ExporterTest, JsonLinesHoldEveryDocument) {
  Result<ExportSummary> summary = ExportTables({(root_ / "out").string(), "", ExportFormat::kJsonl});
  ASSERT_TRUE(summary.ok());
  std::ifstream in(root_ / "out" / "export" / "documents.jsonl");
  std::string line;
  std::set<std::string> codes;
  while (std::getline(in, line)) codes.insert(nlohmann::json::parse(line)["code"].get<std::string>());
  EXPECT_EQ(codes, (std::set<std::string>{"INM3513-001v4", "INM2529-002v2", "IIS3513-001v4"}));
}

// Reproduced crash (issue 11): a task's knowledge [1] aborted export with an
// uncaught nlohmann type_error (exit 134).
TEST_F(ExporterTest, ExportOnWrongTypedKnowledgeIsBadInputNamingFileAndPath) {
  const fs::path doc_path = root_ / "out" / "INM3513-001v4.json";
  nlohmann::ordered_json doc;
  {
    std::ifstream in(doc_path);
    doc = nlohmann::ordered_json::parse(in);
  }
  doc["duties"][0]["tasks"][0]["knowledge"] = nlohmann::ordered_json::array({1});
  std::ofstream(doc_path) << doc.dump(2);
  for (ExportFormat format : {ExportFormat::kCsv, ExportFormat::kJsonl}) {
    Result<ExportSummary> summary = ExportTables({(root_ / "out").string(), "", format});
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.status().code(), Status::Code::kBadInput);
    EXPECT_NE(summary.status().message().find("INM3513-001v4.json: $.duties[0].tasks[0].knowledge[0]: expected a string"),
              std::string::npos)
        << summary.status().message();
  }
  EXPECT_FALSE(fs::exists(root_ / "out" / "export" / "tasks.csv"));
}

// Reproduced (issue 11): a malformed line in index.jsonl was skipped by
// export without a word, so its document was silently left out.
TEST_F(ExporterTest, MalformedIndexLineIsReported) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  for (const std::string& bad : {deep, std::string("{\"path\": 3}"), std::string("not json")}) {
    std::string index;
    {
      std::ifstream in(root_ / "out" / "index.jsonl");
      std::stringstream ss;
      ss << in.rdbuf();
      index = ss.str();
    }
    std::ofstream(root_ / "out" / "index.jsonl") << index << bad << "\n";
    Result<ExportSummary> summary = ExportTables({(root_ / "out").string(), "", ExportFormat::kCsv});
    ASSERT_FALSE(summary.ok()) << bad.substr(0, 20);
    EXPECT_EQ(summary.status().code(), Status::Code::kBadInput);
    EXPECT_NE(summary.status().message().find("index.jsonl line 4"), std::string::npos) << summary.status().message();
    std::ofstream(root_ / "out" / "index.jsonl") << index;
  }
}

TEST(Exporter, MissingIndexIsNotFound) {
  Result<ExportSummary> summary = ExportTables({"/nonexistent/out", "", ExportFormat::kCsv});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace docpipe
