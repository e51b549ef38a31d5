// `docpipe export`: the catalogue of a `docpipe run` folder, as one SQLite
// database or as CSV / JSON Lines files with the same tables and keys
// (table_schema.h; documented in docs/catalogue.md).
//
//   Result<CatalogueSummary> s = ExportCatalogue({"out", "", CatalogueFormat::kSqlite});
//   // out/catalogue.sqlite, replaced atomically
#ifndef DOCPIPE_CATALOGUE_CATALOGUE_EXPORT_H_
#define DOCPIPE_CATALOGUE_CATALOGUE_EXPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "catalogue/catalogue_document.h"
#include "catalogue/row_sink.h"
#include "common/status.h"

namespace docpipe::catalogue {

enum class CatalogueFormat { kSqlite, kCsv, kJsonl };

struct CatalogueOptions {
  std::string run_dir = "out";  // a `docpipe run` output folder
  // The database file (sqlite; default RUN_DIR/catalogue.sqlite) or the
  // folder of the files (csv, jsonl; default RUN_DIR/export).
  std::string output;
  CatalogueFormat format = CatalogueFormat::kSqlite;
};

struct CatalogueSummary {
  int documents = 0;
  std::map<std::string, int64_t> rows;  // table name -> rows written
};

// Every row of the catalogue for these documents (ordered by id), into one
// sink: catalogue_info, each document's rows (document_rows.h), then the
// changes between consecutive versions (version_changes.h). The first
// document of each (standard_id, version) in id order is the preferred one.
Status WriteCatalogue(const std::vector<CatalogueDocument>& documents, RowSink* sink);

// Loads RUN_DIR (run_folder.h) and writes the catalogue in the chosen
// format. On failure nothing of an older catalogue is replaced (sqlite) or
// no file is half-written (csv, jsonl: each file is replaced atomically).
Result<CatalogueSummary> ExportCatalogue(const CatalogueOptions& options);

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_CATALOGUE_EXPORT_H_
