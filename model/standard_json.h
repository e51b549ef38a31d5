// Serialises a CompetencyStandard to the JSON of
// schema/competency-standard.schema.json (keys in the schema's order).
#ifndef DOCPIPE_MODEL_STANDARD_JSON_H_
#define DOCPIPE_MODEL_STANDARD_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/competency_standard.h"
#include "model/source_info.h"

namespace docpipe {

// Takes the standard by value: its strings are moved into the tree (pass
// std::move(standard) when it is not needed afterwards).
nlohmann::ordered_json CompetencyStandardToJson(CompetencyStandard standard, const SourceInfo& source);

// Shared by every document family: `source`, a location, and the
// warnings/unparsed lists.
nlohmann::ordered_json SourceToJson(const SourceInfo& source);
nlohmann::ordered_json PosToJson(SourcePos pos);
nlohmann::ordered_json LinesToJson(const std::vector<SourcePos>& where);
// Moves the warnings' and unparsed texts' strings into `out`.
void AddDiagnostics(Diagnostics* diagnostics, nlohmann::ordered_json* out);

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_STANDARD_JSON_H_
