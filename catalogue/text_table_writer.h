// A RowSink that writes one text file per catalogue table (TABLE.EXT in one
// directory). The formats differ only in how a table starts and how a row
// is written, so those two are the subclass's; buffering, row counts and
// the atomic write of every file (and any extra file, such as CSV's
// load_postgres.sql) are here, once.
//
//   CsvWriter w("out/export");      // a TextTableWriter
//   w.Add(TableId::kDocuments, row); ...
//   Status s = w.Commit();          // every file written atomically
#ifndef DOCPIPE_CATALOGUE_TEXT_TABLE_WRITER_H_
#define DOCPIPE_CATALOGUE_TEXT_TABLE_WRITER_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "catalogue/row_sink.h"
#include "common/status.h"

namespace docpipe::catalogue {

class TextTableWriter : public RowSink {
 public:
  Status Add(TableId table, const Row& row) final;
  // Writes every table's file, then ExtraFiles(). Nothing is written before.
  Status Commit();
  // Data rows per file name ("duties.csv"), after Commit().
  const std::map<std::string, int64_t>& rows() const { return counts_; }

 protected:
  // `extension` without the dot ("csv").
  TextTableWriter(std::string directory, std::string extension);
  // The start of a table's file (CSV's header line); empty by default.
  virtual std::string Header(const Table& table) const;
  // Appends one row, with its line end, to `text`.
  virtual void AppendRow(const Table& table, const Row& row, std::string* text) const = 0;
  // Files written after the tables: (file name, content) pairs.
  virtual std::vector<std::pair<std::string, std::string>> ExtraFiles() const;

 private:
  std::string directory_;
  std::string extension_;
  std::vector<std::string> text_;  // by TableId; the header is added at Commit
  std::vector<int64_t> rows_;
  std::map<std::string, int64_t> counts_;
};

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_TEXT_TABLE_WRITER_H_
