#include "batch/exporter.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "batch/index_record.h"
#include "common/file_io.h"

namespace docpipe {
namespace fs = std::filesystem;

namespace {

using Json = nlohmann::json;

// A CSV table being built in memory, written in one atomic write.
class CsvTable {
 public:
  explicit CsvTable(const std::vector<std::string>& header) {
    Add(header);
    rows_ = 0;
  }
  void Add(const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) text_ += ',';
      text_ += CsvField(fields[i]);
    }
    text_ += "\r\n";
    ++rows_;
  }
  const std::string& text() const { return text_; }
  int rows() const { return rows_; }

 private:
  std::string text_;
  int rows_ = 0;
};

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

}  // namespace

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Result<ExportSummary> ExportTables(const ExportOptions& options) {
  fs::path out_dir(options.output_dir);
  fs::path export_dir = options.export_dir.empty() ? out_dir / "export" : fs::path(options.export_dir);
  std::string index_path = (out_dir / "index.jsonl").string();
  std::error_code ec;
  if (!fs::exists(index_path, ec)) return Status::NotFound(index_path + ": no index; run `docpipe run` first");
  std::map<std::string, IndexRecord> index = LoadIndex({index_path});

  std::map<std::string, CsvTable> tables;
  auto table = [&](const std::string& name, std::vector<std::string> header) -> CsvTable& {
    auto it = tables.find(name);
    if (it == tables.end()) it = tables.emplace(name, CsvTable(std::move(header))).first;
    return it->second;
  };
  // Every table exists even when no document fills it.
  CsvTable& standards = table("standards", {"standard_code", "name", "name_kind", "title", "category_name",
                                            "category_code", "occupation_name", "occupation_code", "industry_name",
                                            "industry_code", "description", "level", "source_path", "source_sha256",
                                            "warnings", "unparsed"});
  CsvTable& duties = table("duties", {"standard_code", "duty_code", "name"});
  CsvTable& tasks = table("tasks", {"standard_code", "duty_code", "task_code", "name", "level"});
  CsvTable& outputs = table("outputs", {"standard_code", "task_code", "output_code", "text"});
  CsvTable& indicators = table("indicators", {"standard_code", "task_code", "indicator_code", "text"});
  CsvTable& knowledge = table("knowledge", {"standard_code", "knowledge_code", "name"});
  CsvTable& skills = table("skills", {"standard_code", "skill_code", "name"});
  CsvTable& attitudes = table("attitudes", {"standard_code", "attitude_code", "name", "description"});
  CsvTable& task_knowledge = table("task_knowledge", {"standard_code", "task_code", "knowledge_code"});
  CsvTable& task_skills = table("task_skills", {"standard_code", "task_code", "skill_code"});

  ExportSummary summary;
  std::string jsonl;
  for (const auto& [path, record] : index) {
    if (record.status == "failed" || record.output.empty()) continue;
    std::string doc_path = (out_dir / record.output).string();
    Result<std::string> text = ReadFile(doc_path);
    if (!text.ok()) return text.status();
    Json doc = Json::parse(*text, nullptr, false);
    if (!doc.is_object()) return Status::BadInput(doc_path + ": not a JSON document");
    ++summary.documents;
    jsonl += doc.dump() + "\n";
    if (options.format != ExportFormat::kCsv || Str(doc, "document_type") != "competency_standard") continue;
    const std::string code = Str(doc, "code");
    standards.Add({code, Str(doc, "name"), Str(doc, "name_kind"), Str(doc, "title"), Str(doc["category"], "name"),
                   Str(doc["category"], "code"), Str(doc["occupation"], "name"), Str(doc["occupation"], "code"),
                   Str(doc["industry"], "name"), Str(doc["industry"], "code"), Str(doc, "description"),
                   Str(doc, "level"), Str(doc["source"], "path"), Str(doc["source"], "sha256"),
                   std::to_string(doc["warnings"].size()), std::to_string(doc["unparsed"].size())});
    for (const Json& duty : doc["duties"]) {
      duties.Add({code, Str(duty, "code"), Str(duty, "name")});
      for (const Json& task : duty["tasks"]) {
        const std::string task_code = Str(task, "code");
        tasks.Add({code, Str(duty, "code"), task_code, Str(task, "name"), Str(task, "level")});
        for (const Json& o : task["outputs"]) outputs.Add({code, task_code, Str(o, "code"), Str(o, "text")});
        for (const Json& p : task["indicators"]) indicators.Add({code, task_code, Str(p, "code"), Str(p, "text")});
        for (const Json& k : task["knowledge"]) task_knowledge.Add({code, task_code, k.get<std::string>()});
        for (const Json& s : task["skills"]) task_skills.Add({code, task_code, s.get<std::string>()});
      }
    }
    for (const Json& k : doc["knowledge"]) knowledge.Add({code, Str(k, "code"), Str(k, "name")});
    for (const Json& s : doc["skills"]) skills.Add({code, Str(s, "code"), Str(s, "name")});
    for (const Json& a : doc["attitudes"]) attitudes.Add({code, Str(a, "code"), Str(a, "name"), Str(a, "description")});
  }

  if (options.format == ExportFormat::kJsonl) {
    Status s = WriteFileAtomic((export_dir / "documents.jsonl").string(), jsonl);
    if (!s.ok()) return s;
    summary.rows["documents.jsonl"] = summary.documents;
    return summary;
  }
  for (const auto& [name, t] : tables) {
    Status s = WriteFileAtomic((export_dir / (name + ".csv")).string(), t.text());
    if (!s.ok()) return s;
    summary.rows[name + ".csv"] = t.rows();
  }
  return summary;
}

}  // namespace docpipe
