#include "catalogue/run_folder.h"

#include <filesystem>

#include "batch/index_record.h"
#include "batch/shard.h"
#include "common/file_io.h"
#include "model/document_reader.h"

namespace docpipe::catalogue {

Result<std::vector<CatalogueDocument>> LoadRunFolder(const std::string& run_dir) {
  namespace fs = std::filesystem;
  // index.jsonl and the parts of a sharded run (`run --shard K/N`), merged
  // by input path.
  const std::vector<std::string> index_files = IndexFiles(run_dir);
  if (index_files.empty()) {
    return Status::NotFound((fs::path(run_dir) / "index.jsonl").string() + ": no index; run `docpipe run` first");
  }
  std::vector<CatalogueDocument> documents;
  // A line that is not a record is reported, never skipped: the catalogue
  // would otherwise lack a document without a word.
  IndexLoad loaded = LoadIndex(index_files);
  if (!loaded.bad_lines.empty()) return Status::BadInput(loaded.bad_lines.front());
  for (const auto& [path, record] : loaded.records) {
    if (record.status != "ok" || record.output.empty()) continue;
    const std::string file = (fs::path(run_dir) / record.output).string();
    Result<std::string> text = ReadFile(file);
    if (!text.ok()) return text.status();
    // The one reader of our own JSON: every member type-checked, a
    // malformed value a Status naming its JSON path.
    Result<Document> doc = ReadDocumentJson(*text);
    if (!doc.ok()) {
      const std::string why = file + ": " + doc.status().message();
      return doc.status().code() == Status::Code::kUnsupported ? Status::Unsupported(why) : Status::BadInput(why);
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
