// Where catalogue rows go: the SQLite database, CSV files or JSON Lines
// files. Producers (document_rows.h, version_changes.h) add rows in the
// column order of table_schema.h; a sink never reorders or drops them.
#ifndef DOCPIPE_CATALOGUE_ROW_SINK_H_
#define DOCPIPE_CATALOGUE_ROW_SINK_H_

#include "catalogue/table_schema.h"
#include "common/status.h"

namespace docpipe::catalogue {

class RowSink {
 public:
  virtual ~RowSink() = default;
  // `row` has exactly TableOf(table).columns.size() values. A failure (a
  // duplicate key, a full disk) is final: the sink's output is abandoned.
  virtual Status Add(TableId table, const Row& row) = 0;
};

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_ROW_SINK_H_
