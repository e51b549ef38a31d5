#include "catalogue/catalogue_export.h"

#include <filesystem>
#include <map>
#include <optional>
#include <utility>

#include "catalogue/csv_writer.h"
#include "catalogue/document_rows.h"
#include "catalogue/jsonl_writer.h"
#include "catalogue/run_folder.h"
#include "catalogue/sqlite_writer.h"
#include "catalogue/standard_code.h"
#include "catalogue/version_changes.h"
#include "common/version.h"

namespace docpipe::catalogue {

namespace {

// Passes rows on and counts them per table, for the summary.
class CountingSink : public RowSink {
 public:
  explicit CountingSink(RowSink* next) : next_(next) {}
  Status Add(TableId table, const Row& row) override {
    ++counts_[TableOf(table).name];
    return next_->Add(table, row);
  }
  std::map<std::string, int64_t> counts() const {
    std::map<std::string, int64_t> all;
    for (const Table& t : CatalogueTables()) all[t.name] = 0;
    for (const auto& [name, n] : counts_) all[name] = n;
    return all;
  }

 private:
  RowSink* next_;
  std::map<std::string, int64_t> counts_;
};

std::vector<bool> PreferredDocuments(const std::vector<CatalogueDocument>& documents) {
  std::vector<bool> preferred(documents.size(), false);
  std::map<std::pair<std::string, std::optional<int64_t>>, size_t> first;
  for (size_t i = 0; i < documents.size(); ++i) {
    const auto* standard = std::get_if<CompetencyStandard>(&documents[i].content);
    if (!standard) continue;
    StandardCode code = SplitStandardCode(standard->code);
    preferred[i] = first.emplace(std::pair{code.standard_id, code.version}, i).second;
  }
  return preferred;
}

}  // namespace

Status WriteCatalogue(const std::vector<CatalogueDocument>& documents, RowSink* sink) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"schema_version", std::to_string(kCatalogueSchemaVersion)}, {"tool_version", kVersion}}) {
    Status s = sink->Add(TableId::kCatalogueInfo, {key, value});
    if (!s.ok()) return s;
  }
  const std::vector<bool> preferred = PreferredDocuments(documents);
  for (size_t i = 0; i < documents.size(); ++i) {
    Status s = AddDocumentRows(documents[i], preferred[i], sink);
    if (!s.ok()) return s;
  }
  return AddVersionChanges(documents, preferred, sink);
}

Result<CatalogueSummary> ExportCatalogue(const CatalogueOptions& options) {
  namespace fs = std::filesystem;
  Result<std::vector<CatalogueDocument>> documents = LoadRunFolder(options.run_dir);
  if (!documents.ok()) return documents.status();
  CatalogueSummary summary;
  summary.documents = static_cast<int>(documents->size());
  std::string output = options.output;
  if (output.empty()) {
    output = (fs::path(options.run_dir) / (options.format == CatalogueFormat::kSqlite ? "catalogue.sqlite" : "export"))
                 .string();
  }
  Status s;
  if (options.format == CatalogueFormat::kSqlite) {
    Result<std::unique_ptr<SqliteWriter>> writer = SqliteWriter::Create(output);
    if (!writer.ok()) return writer.status();
    CountingSink counting(writer->get());
    s = WriteCatalogue(*documents, &counting);
    if (s.ok()) s = (*writer)->Commit();
    summary.rows = counting.counts();
  } else if (options.format == CatalogueFormat::kCsv) {
    CsvWriter writer(output);
    CountingSink counting(&writer);
    s = WriteCatalogue(*documents, &counting);
    if (s.ok()) s = writer.Commit();
    summary.rows = counting.counts();
  } else {
    JsonlWriter writer(output);
    CountingSink counting(&writer);
    s = WriteCatalogue(*documents, &counting);
    if (s.ok()) s = writer.Commit();
    summary.rows = counting.counts();
  }
  if (!s.ok()) return s;
  return summary;
}

}  // namespace docpipe::catalogue
