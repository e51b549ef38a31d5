// JSON Schema validation of every document the tools write or read.
//
// The schemas in schema/*.schema.json are compiled into the binary; this is
// the only place that knows the validator library (valijson).
//
//   Status s = ValidateDocument(json, SchemaKind::kCompetencyStandard);
//   if (!s.ok()) ...  // SchemaViolation listing the first failing paths
#ifndef DOCPIPE_SCHEMA_SCHEMA_VALIDATOR_H_
#define DOCPIPE_SCHEMA_SCHEMA_VALIDATOR_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/status.h"

namespace docpipe {

enum class SchemaKind { kCompetencyStandard, kPolicyDocument, kLayout, kDiff };

// Text of the embedded schema.
const char* SchemaText(SchemaKind kind);
// File name of the schema, e.g. "competency-standard.schema.json".
const char* SchemaFileName(SchemaKind kind);

// Which schema a document claims: by "document_type" (competency_standard,
// policy_document, generic_document), "layout" or "diff". nullopt if none.
std::optional<SchemaKind> SchemaKindOf(const nlohmann::json& document);
std::optional<SchemaKind> SchemaKindOf(const nlohmann::ordered_json& document);

// OK, or SchemaViolation whose message names up to five failing JSON paths.
// Either kind of tree is validated as it is, without a copy.
Status ValidateDocument(const nlohmann::json& document, SchemaKind kind);
Status ValidateDocument(const nlohmann::ordered_json& document, SchemaKind kind);

}  // namespace docpipe

#endif  // DOCPIPE_SCHEMA_SCHEMA_VALIDATOR_H_
