// Reads our own document JSON (written by model/standard_json.h and
// model/policy_json.h) back into the document types. This is the only code
// that walks document JSON by field name; diff, the batch index and export
// use it.
//
//   Result<Document> doc = ReadDocumentJson(bytes);  // untrusted bytes
//   if (!doc.ok()) ...  // BadInput: "$.duties[0].tasks[2].knowledge[0]:
//                       //  expected string, found number"
//   if (doc->standard) Use(*doc->standard);
//
// Every member the writer writes is required and type-checked; a member the
// writer does not know is ignored. Positions come back with their line (and
// page where the JSON has a location); `source_lines` become one SourcePos
// per line. Nothing here throws: a malformed value is a BadInput Status
// naming its JSON path, and untrusted bytes are parsed by
// common/json_parse.h (depth-limited).
//
// Adding a field: write it in model/*_json.cc and read it in the Read*
// function of model/document_reader.cc named after its struct.
#ifndef DOCPIPE_MODEL_DOCUMENT_READER_H_
#define DOCPIPE_MODEL_DOCUMENT_READER_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "model/competency_standard.h"
#include "model/policy_document.h"
#include "model/source_info.h"

namespace docpipe {

// One document of any family. Exactly one of `standard` and `policy` is set.
struct Document {
  std::string document_type;  // competency_standard, policy_document, generic_document
  std::string schema_version;
  SourceInfo source;
  std::optional<CompetencyStandard> standard;
  std::optional<PolicyDocument> policy;
};

// Unsupported for a document_type that is not one of ours (a layout JSON).
Result<Document> ReadDocument(const nlohmann::ordered_json& json);
Result<Document> ReadDocumentJson(std::string_view bytes);

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_DOCUMENT_READER_H_
