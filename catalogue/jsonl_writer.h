// Writes the catalogue as JSON Lines: one TABLE.jsonl per table of
// table_schema.h, one object per row with the table's column names as keys
// in column order; NULL is null. Each file is written atomically by
// Commit().
#ifndef DOCPIPE_CATALOGUE_JSONL_WRITER_H_
#define DOCPIPE_CATALOGUE_JSONL_WRITER_H_

#include <map>
#include <string>
#include <vector>

#include "catalogue/row_sink.h"
#include "common/status.h"

namespace docpipe::catalogue {

class JsonlWriter : public RowSink {
 public:
  explicit JsonlWriter(std::string directory);
  Status Add(TableId table, const Row& row) override;
  Status Commit();
  // Data rows per file name ("duties.jsonl"), after Commit().
  const std::map<std::string, int64_t>& rows() const { return counts_; }

 private:
  std::string directory_;
  std::vector<std::string> text_;  // by TableId
  std::vector<int64_t> rows_;
  std::map<std::string, int64_t> counts_;
};

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_JSONL_WRITER_H_
