// Reads one side of a diff: a competency-standard JSON document (as written
// by `docpipe normalize`), or a PDF, text or layout JSON that the normalize
// pipeline turns into one first.
//
//   Result<nlohmann::ordered_json> doc = LoadStandard("old.json", {});
//   if (!doc.ok()) ...  // NotFound, BadInput (not JSON), SchemaViolation,
//                       // Unsupported (another document_type), or any
//                       // failure of the pipeline
#ifndef DOCPIPE_DIFF_STANDARD_LOADER_H_
#define DOCPIPE_DIFF_STANDARD_LOADER_H_

#include <nlohmann/json.hpp>
#include <string>

#include "common/status.h"
#include "pipeline/pipeline.h"

namespace docpipe::diff {

// Status messages do not repeat the path; the caller names it. The returned
// document always satisfies
// schema/competency-standard.schema.json.
Result<nlohmann::ordered_json> LoadStandard(const std::string& path, const PipelineOptions& options);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_STANDARD_LOADER_H_
