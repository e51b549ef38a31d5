#include "normalize/repair/cut_row.h"

#include "common/unicode.h"

namespace docpipe {

bool IsRestOfCutRow(const RowAfterBreak& row) {
  // The extractor's mark stands on its own: it saw the break and the cells.
  if (row.marked_cut) return true;
  return row.after_break && !row.key_opens_entry;
}

void JoinCutRow(const std::vector<std::string>& rest, std::vector<std::string>* cut) {
  if (cut->size() < rest.size()) cut->resize(rest.size());
  for (size_t c = 0; c < rest.size(); ++c) {
    if (rest[c].empty()) continue;
    std::string& cell = (*cut)[c];
    cell = cell.empty() ? rest[c] : unicode::JoinWrapped(cell, rest[c]);
  }
}

}  // namespace docpipe
