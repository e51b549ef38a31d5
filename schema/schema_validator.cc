#include "schema/schema_validator.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "common/json_parse.h"

namespace docpipe {
namespace embedded {
extern const char competency_standard_schema[];
extern const char policy_document_schema[];
extern const char layout_schema[];
extern const char diff_schema[];
}  // namespace embedded

namespace {

// Parsed schemas are immutable once built and shared by all threads.
const valijson::Schema& CompiledSchema(SchemaKind kind) {
  static std::mutex mutex;
  static std::map<SchemaKind, std::unique_ptr<valijson::Schema>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[kind];
  if (!slot) {
    slot = std::make_unique<valijson::Schema>();
    // The schemas are compiled in and loaded by the suite: one that does not
    // parse is a build defect, not an input fault.
    Result<nlohmann::json> schema_json = ParseUntrustedJson(SchemaText(kind));
    if (!schema_json.ok()) {
      std::fprintf(stderr, "docpipe: embedded schema is broken: %s\n", schema_json.status().ToString().c_str());
      std::abort();
    }
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(*schema_json);
    parser.populateSchema(adapter, *slot);
  }
  return *slot;
}

}  // namespace

const char* SchemaText(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::kCompetencyStandard: return embedded::competency_standard_schema;
    case SchemaKind::kPolicyDocument: return embedded::policy_document_schema;
    case SchemaKind::kLayout: return embedded::layout_schema;
    case SchemaKind::kDiff: return embedded::diff_schema;
  }
  return "";
}

const char* SchemaFileName(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::kCompetencyStandard: return "competency-standard.schema.json";
    case SchemaKind::kPolicyDocument: return "policy-document.schema.json";
    case SchemaKind::kLayout: return "layout.schema.json";
    case SchemaKind::kDiff: return "diff.schema.json";
  }
  return "";
}

std::optional<SchemaKind> SchemaKindOf(const nlohmann::json& document) {
  if (!document.is_object()) return std::nullopt;
  auto type = document.find("document_type");
  if (type == document.end() || !type->is_string()) return std::nullopt;
  const std::string& t = type->get_ref<const std::string&>();
  if (t == "competency_standard") return SchemaKind::kCompetencyStandard;
  if (t == "policy_document" || t == "generic_document") return SchemaKind::kPolicyDocument;
  if (t == "layout") return SchemaKind::kLayout;
  if (t == "diff") return SchemaKind::kDiff;
  return std::nullopt;
}

Status ValidateDocument(const nlohmann::json& document, SchemaKind kind) {
  const valijson::Schema* schema = nullptr;
  try {
    schema = &CompiledSchema(kind);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("cannot load ") + SchemaFileName(kind) + ": " + e.what());
  }
  // One validator per thread: it caches the compiled std::regex of every
  // "pattern" keyword, which would otherwise be rebuilt on every call.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document);
  if (validator.validate(*schema, target, &results)) return Status::Ok();
  std::string message = std::string("does not satisfy ") + SchemaFileName(kind);
  valijson::ValidationResults::Error error;
  int shown = 0;
  while (results.popError(error) && shown < 5) {
    std::string path;
    for (const std::string& part : error.context) path += part;
    message += "; " + path + ": " + error.description;
    ++shown;
  }
  return Status::SchemaViolation(message);
}

}  // namespace docpipe
