#include "diff/standard_loader.h"

#include "common/file_io.h"
#include "common/json_parse.h"
#include "schema/schema_validator.h"

namespace docpipe::diff {
namespace {

constexpr char kStandardType[] = "competency_standard";

std::string DocumentType(const nlohmann::ordered_json& doc) {
  auto it = doc.find("document_type");
  return it != doc.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

Result<nlohmann::ordered_json> LoadStandard(const std::string& path, const PipelineOptions& options) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  if (SniffFormat(*bytes) == InputFormat::kLayoutJson) {
    Result<nlohmann::ordered_json> parsed = ParseUntrustedOrderedJson(*bytes);
    if (!parsed.ok()) return parsed.status();
    nlohmann::ordered_json& doc = *parsed;
    // A document written by normalize is validated here; a layout JSON from
    // extract goes through the pipeline like a PDF.
    if (DocumentType(doc) == kStandardType) {
      Status valid = ValidateDocument(nlohmann::json(doc), SchemaKind::kCompetencyStandard);
      if (!valid.ok()) return valid;
      return doc;
    }
    if (DocumentType(doc) != "layout") {
      return Status::Unsupported("not a competency standard (document_type \"" + DocumentType(doc) + "\")");
    }
  }
  Result<nlohmann::ordered_json> doc = ProcessBytes(*bytes, path, options);
  if (!doc.ok()) return doc.status();
  if (DocumentType(*doc) != kStandardType) {
    return Status::Unsupported("not a competency standard (read as " + DocumentType(*doc) + ")");
  }
  return doc;
}

}  // namespace docpipe::diff
