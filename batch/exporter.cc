#include "batch/exporter.h"

#include <filesystem>
#include <optional>
#include <nlohmann/json.hpp>

#include "batch/index_record.h"
#include "common/file_io.h"
#include "common/json_parse.h"
#include "model/document_reader.h"

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

std::string Level(const std::optional<int>& level) { return level ? std::to_string(*level) : ""; }

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
  if (!fs::exists(index_path, ec)) return Status::NotFound("index.jsonl: no index; run `docpipe run` first");
  IndexLoad loaded = LoadIndex({index_path});
  if (!loaded.bad_lines.empty()) return Status::BadInput(loaded.bad_lines.front());

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
  for (const auto& [path, record] : loaded.records) {
    if (record.status == "failed" || record.output.empty()) continue;
    // Messages name the document relative to OUT_DIR; the caller names OUT_DIR.
    const std::string& name = record.output;
    Result<std::string> text = ReadFile((out_dir / name).string());
    if (!text.ok()) return text.status().WithContext(name);
    Result<Document> doc = ReadDocumentJson(*text);
    if (!doc.ok()) return doc.status().WithContext(name);
    ++summary.documents;
    if (options.format == ExportFormat::kJsonl) {
      // As read (keys sorted, one line), after the reader has checked it.
      Result<Json> json = ParseUntrustedJson(*text);
      if (!json.ok()) return json.status().WithContext(name);
      jsonl += json->dump() + "\n";
      continue;
    }
    if (!doc->standard) continue;
    const CompetencyStandard& s = *doc->standard;
    const std::string& code = s.code;
    standards.Add({code, s.name, s.name_kind, s.title, s.category.name, s.category.code, s.occupation.name,
                   s.occupation.code, s.industry.name, s.industry.code, s.description, Level(s.level),
                   doc->source.path, doc->source.sha256, std::to_string(s.diagnostics.warnings.size()),
                   std::to_string(s.diagnostics.unparsed.size())});
    for (const Duty& duty : s.duties) {
      duties.Add({code, duty.code, duty.name});
      for (const Task& task : duty.tasks) {
        tasks.Add({code, duty.code, task.code, task.name, Level(task.level)});
        for (const CodedItem& o : task.outputs) outputs.Add({code, task.code, o.code, o.text});
        for (const CodedItem& p : task.indicators) indicators.Add({code, task.code, p.code, p.text});
        for (const CodedItem& k : task.knowledge) task_knowledge.Add({code, task.code, k.code});
        for (const CodedItem& k : task.skills) task_skills.Add({code, task.code, k.code});
      }
    }
    for (const DictionaryEntry& k : s.knowledge) knowledge.Add({code, k.code, k.name});
    for (const DictionaryEntry& k : s.skills) skills.Add({code, k.code, k.name});
    for (const Attitude& a : s.attitudes) attitudes.Add({code, a.code, a.name, a.description});
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
