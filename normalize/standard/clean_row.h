// CleanRow: one non-blank TabText row of a competency standard with its
// markup removed, and the folded keys its cells are compared by.
#ifndef DOCPIPE_NORMALIZE_STANDARD_CLEAN_ROW_H_
#define DOCPIPE_NORMALIZE_STANDARD_CLEAN_ROW_H_

#include <cstddef>
#include <string>
#include <vector>

#include "model/diagnostics.h"

namespace docpipe {

struct CleanRow {
  SourcePos pos;
  std::vector<std::string> cells;  // markup removed, trimmed
  std::vector<std::string> keys;   // FoldKey of each short cell ("" for long ones)
  size_t non_empty = 0;
  bool continues_row = false;      // TabRow's: extract saw it go on from a row a page break cut

  std::string FirstNonEmpty() const;
  // Cells as read, TAB-separated: for unparsed text, where the cell
  // boundaries are part of what the reader needs to see.
  std::string AsRead() const;
  // The non-empty cells joined as wrapped text (unicode::JoinWrapped).
  std::string Joined() const;
};

// The index of the first non-empty cell; cells.size() when there is none.
size_t FirstNonEmptyIndex(const CleanRow& row);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_CLEAN_ROW_H_
