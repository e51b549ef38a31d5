// The text-layer repairs of the cell stage counted per document: radicals
// that stand for ideographs (rule unify_radicals) and non-ASCII hyphens in
// codes (rule ascii_hyphens_in_codes). The rules repair each cell; this
// tells the reader of the output that the text was repaired, and how much,
// in one warning of kind text_layer_repaired:
//
//   std::optional<Warning> w = TextLayerRepairWarning(rows);
//
// Counting on the raw rows, before the parsers, makes the count the same
// for a PDF and for its layout JSON.
#ifndef DOCPIPE_NORMALIZE_REPAIR_TEXT_LAYER_REPAIR_H_
#define DOCPIPE_NORMALIZE_REPAIR_TEXT_LAYER_REPAIR_H_

#include <optional>
#include <vector>

#include "model/diagnostics.h"
#include "model/tab_row.h"

namespace docpipe {

struct TextLayerRepairs {
  int radicals = 0;
  int hyphens = 0;
  SourcePos first;  // the first row that needed a repair
};

TextLayerRepairs CountTextLayerRepairs(const std::vector<TabRow>& rows);

// The warning, or nullopt when nothing needed repair.
std::optional<Warning> TextLayerRepairWarning(const std::vector<TabRow>& rows);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_TEXT_LAYER_REPAIR_H_
