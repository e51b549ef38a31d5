// The SQLite adapter: the only file that includes <sqlite3.h>.
//
// Writes the catalogue into a temporary file beside `path`, in one
// transaction, with one prepared INSERT per table; Commit() creates the
// indexes and views, sets PRAGMA user_version to kCatalogueSchemaVersion,
// commits and renames the file over `path`. Until then `path` is untouched:
// a failed or abandoned export (the destructor) removes the temporary file
// and leaves the old catalogue in place. Foreign keys are declared but not
// enforced while rows arrive (a bulk load); producers add parents first.
//
//   Result<std::unique_ptr<SqliteWriter>> w = SqliteWriter::Create("out/catalogue.sqlite");
//   (*w)->Add(TableId::kDocuments, row); ...
//   Status s = (*w)->Commit();
#ifndef DOCPIPE_CATALOGUE_SQLITE_WRITER_H_
#define DOCPIPE_CATALOGUE_SQLITE_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "catalogue/row_sink.h"
#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace docpipe::catalogue {

class SqliteWriter : public RowSink {
 public:
  // IoError when the temporary file or the schema cannot be created.
  static Result<std::unique_ptr<SqliteWriter>> Create(const std::string& path);
  ~SqliteWriter() override;
  SqliteWriter(const SqliteWriter&) = delete;
  SqliteWriter& operator=(const SqliteWriter&) = delete;

  // IoError naming the table and SQLite's message (a duplicate key, a
  // missing parent row, a full disk).
  Status Add(TableId table, const Row& row) override;
  Status Commit();

 private:
  SqliteWriter(std::string path, std::string temp_path) : path_(std::move(path)), temp_path_(std::move(temp_path)) {}
  Status Exec(const std::string& sql);
  Status Error(const std::string& what);
  void Close();

  std::string path_, temp_path_;
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> inserts_;  // by TableId
  bool committed_ = false;
};

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_SQLITE_WRITER_H_
