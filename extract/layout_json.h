// Layout <-> JSON (schema/layout.schema.json).
//
//   nlohmann::ordered_json json = LayoutToJson(layout);
//   Result<Layout> back = ParseLayoutJson(text);   // untrusted input
//
// ParseLayoutJson is a parser of untrusted input: it rejects anything over
// kMaxLayoutJsonBytes or nested deeper than the schema allows before parsing,
// validates the parsed document against the layout schema (which bounds every
// array, string and number), and then checks what a schema cannot say
// (cells inside their table's grid, pages in increasing order). Every
// rejection is BadInput or SchemaViolation with the reason; nothing throws.
#ifndef DOCPIPE_EXTRACT_LAYOUT_JSON_H_
#define DOCPIPE_EXTRACT_LAYOUT_JSON_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"
#include "extract/layout.h"

namespace docpipe {

inline constexpr size_t kMaxLayoutJsonBytes = size_t{512} << 20;

nlohmann::ordered_json LayoutToJson(const Layout& layout);

Result<Layout> ParseLayoutJson(std::string_view text);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_LAYOUT_JSON_H_
