// Serialises a PolicyDocument to the JSON of schema/policy-document.schema.json
// (keys in the schema's order). `document_type` is "policy_document" for a
// plan or directive, "generic_document" for a document of unknown family
// read the same way. Takes the document by value: its strings are moved
// into the tree (pass std::move(doc) when it is not needed afterwards).
#ifndef DOCPIPE_MODEL_POLICY_JSON_H_
#define DOCPIPE_MODEL_POLICY_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "model/policy_document.h"
#include "model/standard_json.h"

namespace docpipe {

nlohmann::ordered_json PolicyDocumentToJson(PolicyDocument doc, const SourceInfo& source,
                                            const std::string& document_type);

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_POLICY_JSON_H_
