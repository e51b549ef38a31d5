// Writes the catalogue as CSV: one TABLE.csv per table of table_schema.h
// (UTF-8, a header row of the column names, CRLF line ends, RFC 4180
// quoting), plus load_postgres.sql (postgres_script.h) that loads them.
// NULL is an empty field; an empty text is "" (quoted), so PostgreSQL's
// COPY ... CSV tells them apart. Files are built in memory and each is
// written atomically by Commit().
//
//   CsvWriter w("out/export");
//   w.Add(TableId::kDocuments, row); ...
//   Status s = w.Commit();
#ifndef DOCPIPE_CATALOGUE_CSV_WRITER_H_
#define DOCPIPE_CATALOGUE_CSV_WRITER_H_

#include <map>
#include <string>
#include <vector>

#include "catalogue/row_sink.h"
#include "common/status.h"

namespace docpipe::catalogue {

// One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
std::string CsvField(const std::string& value);

class CsvWriter : public RowSink {
 public:
  explicit CsvWriter(std::string directory);
  Status Add(TableId table, const Row& row) override;
  Status Commit();
  // Data rows per file name ("duties.csv"), after Commit().
  const std::map<std::string, int64_t>& rows() const { return counts_; }

 private:
  std::string directory_;
  std::vector<std::string> text_;  // by TableId
  std::vector<int64_t> rows_;
  std::map<std::string, int64_t> counts_;
};

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_CSV_WRITER_H_
