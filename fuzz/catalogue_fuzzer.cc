// libFuzzer target: the catalogue path of `docpipe export` after its
// readers. Arbitrary bytes, cut at NUL bytes into up to four document JSONs
// (versions of one standard, say), are read as LoadRunFolder reads an
// output folder's files, then turned into every catalogue row
// (WriteCatalogue: document rows and the changes between versions). No
// input may crash; every row must have as many values as its table has
// columns (what the SQLite, CSV and JSON Lines writers rely on).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue/catalogue_export.h"
#include "catalogue/table_schema.h"
#include "model/document_reader.h"

namespace {

class CheckingSink : public docpipe::catalogue::RowSink {
 public:
  docpipe::Status Add(docpipe::catalogue::TableId table, const docpipe::catalogue::Row& row) override {
    if (row.size() != docpipe::catalogue::TableOf(table).columns.size()) __builtin_trap();
    return docpipe::Status::Ok();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<docpipe::catalogue::CatalogueDocument> documents;
  for (int n = 0; n < 4 && !bytes.empty(); ++n) {
    const size_t cut = bytes.find('\0');
    std::string_view text = bytes.substr(0, cut);
    bytes = cut == std::string_view::npos ? std::string_view() : bytes.substr(cut + 1);
    docpipe::Result<docpipe::Document> doc = docpipe::ReadDocumentJson(text);
    if (!doc.ok()) continue;
    docpipe::catalogue::CatalogueDocument entry;
    entry.id = "doc" + std::to_string(n) + ".txt";
    entry.output_path = "doc" + std::to_string(n) + ".json";
    entry.tool_version = "fuzz";
    entry.document_type = doc->document_type;
    entry.source = std::move(doc->source);
    if (doc->standard) {
      entry.content = std::move(*doc->standard);
    } else if (doc->policy) {
      entry.content = std::move(*doc->policy);
    } else {
      continue;
    }
    documents.push_back(std::move(entry));
  }
  CheckingSink sink;
  (void)docpipe::catalogue::WriteCatalogue(documents, &sink);
  return 0;
}
