// Writes the catalogue as CSV: one TABLE.csv per table of table_schema.h
// (UTF-8, a header row of the column names, CRLF line ends, RFC 4180
// quoting), plus load_postgres.sql (postgres_script.h) that loads them.
// NULL is an empty field; an empty text is "" (quoted), so PostgreSQL's
// COPY ... CSV tells them apart. Files are built in memory and each is
// written atomically by Commit() (text_table_writer.h).
#ifndef DOCPIPE_CATALOGUE_CSV_WRITER_H_
#define DOCPIPE_CATALOGUE_CSV_WRITER_H_

#include <string>
#include <utility>
#include <vector>

#include "catalogue/text_table_writer.h"

namespace docpipe::catalogue {

// One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
std::string CsvField(const std::string& value);

class CsvWriter : public TextTableWriter {
 public:
  explicit CsvWriter(std::string directory) : TextTableWriter(std::move(directory), "csv") {}

 private:
  std::string Header(const Table& table) const override;
  void AppendRow(const Table& table, const Row& row, std::string* text) const override;
  std::vector<std::pair<std::string, std::string>> ExtraFiles() const override;
};

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_CSV_WRITER_H_
