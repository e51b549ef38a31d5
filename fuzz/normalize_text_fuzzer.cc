// libFuzzer target: arbitrary bytes through the text path of normalize
// (TabText reading, rules, row stitching, item splitting, parsing, checks,
// JSON and schema validation). Any input must give a document or a Status
// that blames the input: a document that breaks its own schema (ProcessBytes
// validates what it returns and says SchemaViolation) or an internal error
// is a finding.
//
// Speed (docs/corpus.md, "Fuzzing"): start-up work (rule compilation,
// schema parsing) happens once, at the first input, in RuleSet::Default and
// the validator's cache; each document is validated once, inside
// ProcessBytes (validating it again here took a fifth of every execution).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (docpipe::SniffFormat(bytes) != docpipe::InputFormat::kText) return 0;  // other targets cover those
  docpipe::Result<nlohmann::ordered_json> doc = docpipe::ProcessBytes(bytes, "fuzz.txt", {});
  if (!doc.ok()) {
    const docpipe::Status::Code code = doc.status().code();
    if (code == docpipe::Status::Code::kSchemaViolation || code == docpipe::Status::Code::kInternal) __builtin_trap();
  }
  return 0;
}
