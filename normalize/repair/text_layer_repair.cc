#include "normalize/repair/text_layer_repair.h"

#include <string>

#include "common/unicode.h"

namespace docpipe {

TextLayerRepairs CountTextLayerRepairs(const std::vector<TabRow>& rows) {
  TextLayerRepairs repairs;
  for (const TabRow& row : rows) {
    const int before = repairs.radicals + repairs.hyphens;
    for (const std::string& cell : row.cells) {
      // The hyphen rule runs after fold_width in the cell stage; fullwidth
      // letters and digits around a hyphen count as ASCII here as well.
      unicode::CountRadicalsAndCodeHyphens(cell, &repairs.radicals, &repairs.hyphens);
    }
    if (before == 0 && repairs.radicals + repairs.hyphens > 0) repairs.first = row.pos;
  }
  return repairs;
}

std::optional<Warning> TextLayerRepairWarning(const std::vector<TabRow>& rows) {
  TextLayerRepairs repairs = CountTextLayerRepairs(rows);
  if (repairs.radicals == 0 && repairs.hyphens == 0) return std::nullopt;
  return Warning{"text_layer_repaired",
                 std::to_string(repairs.radicals) + " CJK radicals read as the ideographs they stand for (U+2F8F as 行), " +
                     std::to_string(repairs.hyphens) + " non-ASCII hyphens in codes read as '-'",
                 repairs.first};
}

}  // namespace docpipe
