#include "normalize/standard/clean_row.h"

#include "common/unicode.h"

namespace docpipe {

std::string CleanRow::FirstNonEmpty() const {
  for (const auto& c : cells) {
    if (!c.empty()) return c;
  }
  return {};
}

std::string CleanRow::AsRead() const {
  std::string out;
  for (const auto& c : cells) {
    if (c.empty()) continue;
    out += out.empty() ? c : "\t" + c;
  }
  return out;
}

std::string CleanRow::Joined() const {
  std::string out;
  for (const auto& c : cells) unicode::AppendWrapped(&out, c);  // empty cells add nothing
  return out;
}

size_t FirstNonEmptyIndex(const CleanRow& row) {
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (!row.cells[i].empty()) return i;
  }
  return row.cells.size();
}

}  // namespace docpipe
