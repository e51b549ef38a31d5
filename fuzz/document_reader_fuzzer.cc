// libFuzzer target: arbitrary bytes as a document JSON, read as `export`
// (the catalogue) and `diff` read an output folder. No input may crash the
// reader; a standard it accepts must be written and read back again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/document_reader.h"
#include "model/standard_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docpipe::Result<docpipe::Document> doc = docpipe::ReadDocumentJson(bytes);
  if (!doc.ok() || !doc->standard) return 0;
  nlohmann::ordered_json again = docpipe::CompetencyStandardToJson(*doc->standard, doc->source);
  if (!docpipe::ReadDocument(again).ok()) __builtin_trap();
  return 0;
}
