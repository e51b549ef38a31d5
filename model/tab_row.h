// TabRow: one row of the TabText model (normalize/input/tab_text.h), the form
// every input reaches the family parsers in: a table row with its cells, or a
// paragraph line as one cell, and where it was read.
#ifndef DOCPIPE_MODEL_TAB_ROW_H_
#define DOCPIPE_MODEL_TAB_ROW_H_

#include <string>
#include <vector>

#include "model/diagnostics.h"

namespace docpipe {

struct TabRow {
  SourcePos pos;
  std::vector<std::string> cells;  // raw, as read
  bool IsBlank() const;
};

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_TAB_ROW_H_
