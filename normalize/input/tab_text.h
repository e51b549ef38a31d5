// TabText: the row format other extractors produce and docpipe reads.
//
// One line per table row or paragraph line, cells separated by TAB. A PDF
// goes through the same model: extract's tables and text lines are rendered
// into TabText rows (with their page) so both paths share one parser.
#ifndef DOCPIPE_NORMALIZE_INPUT_TAB_TEXT_H_
#define DOCPIPE_NORMALIZE_INPUT_TAB_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "model/tab_row.h"

namespace docpipe {

// Checks that `bytes` is text (not empty, no NUL byte, valid UTF-8), drops a
// BOM and carriage returns, and splits lines and cells. BadInput otherwise,
// with the reason and the byte offset.
Result<std::vector<TabRow>> ParseTabText(std::string_view bytes);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_TAB_TEXT_H_
