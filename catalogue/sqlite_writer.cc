#include "catalogue/sqlite_writer.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "catalogue/ddl.h"

namespace docpipe::catalogue {

Result<std::unique_ptr<SqliteWriter>> SqliteWriter::Create(const std::string& path) {
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  // mkstemp reserves a unique name beside the destination (same file
  // system, so the final rename is atomic); SQLite opens the empty file as
  // an empty database.
  std::string temp = path + ".tmp.XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) return Status::IoError(std::string("cannot create temporary file: ") + std::strerror(errno)).WithFile(path);
  ::fchmod(fd, 0644);  // mkstemp creates 0600; the catalogue is an ordinary file
  ::close(fd);
  std::unique_ptr<SqliteWriter> w(new SqliteWriter(path, temp));
  if (sqlite3_open_v2(temp.c_str(), &w->db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    return w->Error("cannot open");
  }
  // The rename, not a journal, makes the export atomic: no journal, no
  // syncs until the end. Large pages and an exclusive lock: a bulk load by
  // one writer. Foreign keys are declared, not enforced per insert (it
  // costs a fifth of the insert time); the rows come from one producer that
  // writes parents first, and the tests run PRAGMA foreign_key_check.
  for (const char* pragma :
       {"PRAGMA page_size = 65536", "PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF",
        "PRAGMA foreign_keys = OFF", "PRAGMA encoding = 'UTF-8'", "PRAGMA locking_mode = EXCLUSIVE",
        "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -65536"}) {
    Status s = w->Exec(pragma);
    if (!s.ok()) return s;
  }
  Status s = w->Exec("BEGIN");
  for (const Table& table : CatalogueTables()) {
    if (s.ok()) s = w->Exec(CreateTableSql(table, SqlDialect::kSqlite));
    if (!s.ok()) return s;
    std::string sql = "INSERT INTO " + QuoteIdentifier(table.name) + " VALUES (";
    for (size_t i = 0; i < table.columns.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(w->db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return w->Error(table.name);
    w->inserts_.push_back(stmt);
  }
  return w;
}

SqliteWriter::~SqliteWriter() {
  Close();
  if (!committed_) ::unlink(temp_path_.c_str());
}

void SqliteWriter::Close() {
  for (sqlite3_stmt* stmt : inserts_) sqlite3_finalize(stmt);
  inserts_.clear();
  if (db_) sqlite3_close(db_);
  db_ = nullptr;
}

Status SqliteWriter::Error(const std::string& what) {
  return Status::IoError(std::string("SQLite: ") + what + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory")).WithFile(path_);
}

Status SqliteWriter::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
  std::string text = message ? message : "unknown error";
  sqlite3_free(message);
  return Status::IoError(std::string("SQLite: ") + text + " (in: " + sql.substr(0, sql.find('\n')) + ")").WithFile(path_);
}

Status SqliteWriter::Add(TableId table, const Row& row) {
  sqlite3_stmt* stmt = inserts_[static_cast<size_t>(table)];
  for (size_t i = 0; i < row.size(); ++i) {
    const int column = static_cast<int>(i) + 1;
    if (const auto* text = std::get_if<std::string>(&row[i])) {
      sqlite3_bind_text(stmt, column, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
    } else if (const auto* number = std::get_if<int64_t>(&row[i])) {
      sqlite3_bind_int64(stmt, column, *number);
    } else {
      sqlite3_bind_null(stmt, column);
    }
  }
  int rc = sqlite3_step(stmt);
  sqlite3_reset(stmt);
  if (rc != SQLITE_DONE) return Error("insert into " + TableOf(table).name);
  return Status::Ok();
}

Status SqliteWriter::Commit() {
  Status s;
  for (const Table& table : CatalogueTables()) {
    for (const std::string& sql : CreateIndexSql(table)) {
      if (s.ok()) s = Exec(sql);
    }
  }
  for (const View& view : CatalogueViews()) {
    if (s.ok()) s = Exec(CreateViewSql(view));
  }
  if (s.ok()) s = Exec("PRAGMA user_version = " + std::to_string(kCatalogueSchemaVersion));
  if (s.ok()) s = Exec("COMMIT");
  if (!s.ok()) return s;
  Close();
  // synchronous = OFF skipped SQLite's syncs: flush once before the rename.
  int fd = ::open(temp_path_.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    return Status::IoError(std::string("flush failed: ") + std::strerror(errno)).WithFile(path_);
  }
  ::close(fd);
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return Status::IoError(std::string("rename failed: ") + std::strerror(errno)).WithFile(path_);
  }
  committed_ = true;
  return Status::Ok();
}

}  // namespace docpipe::catalogue
