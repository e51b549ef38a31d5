#include "catalogue/run_folder.h"

#include <filesystem>

#include "batch/index_record.h"
#include "common/file_io.h"
#include "model/document_reader.h"

namespace docpipe::catalogue {

Result<std::vector<CatalogueDocument>> LoadRunFolder(const std::string& run_dir) {
  namespace fs = std::filesystem;
  const std::string index_path = (fs::path(run_dir) / "index.jsonl").string();
  std::error_code ec;
  if (!fs::exists(index_path, ec)) return Status::NotFound("no index; run `docpipe run` first").WithFile(index_path);
  std::vector<CatalogueDocument> documents;
  // A line that is not a record is reported, never skipped: the catalogue
  // would otherwise lack a document without a word.
  IndexLoad loaded = LoadIndex({index_path});
  if (!loaded.bad_lines.empty()) {
    // "index.jsonl line N: why": the file goes first in the failure line,
    // named once.
    std::string why = loaded.bad_lines.front();
    const std::string name = fs::path(index_path).filename().string() + " ";
    if (why.rfind(name, 0) == 0) why.erase(0, name.size());
    return Status::BadInput(why).WithFile(index_path);
  }
  for (const auto& [path, record] : loaded.records) {
    if (record.status != "ok" || record.output.empty()) continue;
    const std::string file = (fs::path(run_dir) / record.output).string();
    Result<std::string> text = ReadFile(file);
    if (!text.ok()) return text.status().WithFile(file);
    // The one reader of our own JSON: every member type-checked, a
    // malformed value a Status naming its JSON path.
    Result<Document> doc = ReadDocumentJson(*text);
    if (!doc.ok()) {
      const std::string& why = doc.status().message();
      return (doc.status().code() == Status::Code::kUnsupported ? Status::Unsupported(why) : Status::BadInput(why))
          .WithFile(file);
    }
    CatalogueDocument entry;
    entry.id = record.path;
    entry.output_path = record.output;
    entry.tool_version = record.tool_version;
    entry.document_type = doc->document_type;
    entry.source = std::move(doc->source);
    if (doc->standard) {
      entry.content = std::move(*doc->standard);
    } else {
      entry.content = std::move(*doc->policy);
    }
    documents.push_back(std::move(entry));
  }
  return documents;
}

}  // namespace docpipe::catalogue
