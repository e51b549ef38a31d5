// libFuzzer target: arbitrary bytes through the text path of normalize
// (TabText reading, rules, row stitching, item splitting, parsing, checks,
// JSON and schema validation). Any input must give a document or a Status.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (docpipe::SniffFormat(bytes) != docpipe::InputFormat::kText) return 0;  // other targets cover those
  docpipe::Result<nlohmann::ordered_json> doc = docpipe::ProcessBytes(bytes, "fuzz.txt", {});
  if (doc.ok()) {
    // A document that came out must satisfy its schema: ProcessBytes promised it.
    if (!docpipe::ValidateOutput(*doc).ok()) __builtin_trap();
  }
  return 0;
}
