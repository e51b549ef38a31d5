// Parsing JSON that comes from outside (layout files, documents given to
// diff or validate, rule files): syntax errors and absurd nesting become a
// BadInput Status instead of an exception or a stack overflow further on
// (copying or validating a 100,000-deep value recurses).
//
//   Result<nlohmann::json> doc = ParseUntrustedJson(text);
#ifndef DOCPIPE_COMMON_JSON_PARSE_H_
#define DOCPIPE_COMMON_JSON_PARSE_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"

namespace docpipe {

// No document docpipe reads nests anywhere near this deep.
inline constexpr int kMaxJsonDepth = 64;

// BadInput("not JSON: ... line L, column C ...") or BadInput("JSON nested deeper than 64 levels").
Result<nlohmann::json> ParseUntrustedJson(std::string_view text, int max_depth = kMaxJsonDepth);
Result<nlohmann::ordered_json> ParseUntrustedOrderedJson(std::string_view text, int max_depth = kMaxJsonDepth);

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_JSON_PARSE_H_
