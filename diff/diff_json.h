// Serialises a DiffResult to the JSON of schema/diff.schema.json.
#ifndef DOCPIPE_DIFF_DIFF_JSON_H_
#define DOCPIPE_DIFF_DIFF_JSON_H_

#include <nlohmann/json.hpp>

#include "diff/change.h"

namespace docpipe::diff {

inline constexpr char kDiffSchemaVersion[] = "1.0.0";

// Keys in the schema's order; optional members only when they carry
// something (no empty edits, references_updated or content arrays).
nlohmann::ordered_json DiffToJson(const DiffResult& result);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_DIFF_JSON_H_
