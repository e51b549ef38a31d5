// Writes the catalogue as JSON Lines: one TABLE.jsonl per table of
// table_schema.h, one object per row with the table's column names as keys
// in column order; NULL is null. Each file is written atomically by
// Commit() (text_table_writer.h).
#ifndef DOCPIPE_CATALOGUE_JSONL_WRITER_H_
#define DOCPIPE_CATALOGUE_JSONL_WRITER_H_

#include <string>
#include <utility>

#include "catalogue/text_table_writer.h"

namespace docpipe::catalogue {

class JsonlWriter : public TextTableWriter {
 public:
  explicit JsonlWriter(std::string directory) : TextTableWriter(std::move(directory), "jsonl") {}

 private:
  void AppendRow(const Table& table, const Row& row, std::string* text) const override;
};

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_JSONL_WRITER_H_
