// libFuzzer target: arbitrary bytes through ParseLayoutJson and, when they
// make a layout, through LayoutToRows and the rest of normalize (the path of
// `docpipe normalize layout.json`). Any input must give a Status or a layout
// whose JSON parses back to the same layout.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/layout_json.h"
#include "normalize/input/layout_rows.h"
#include "pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docpipe::Result<docpipe::Layout> layout = docpipe::ParseLayoutJson(bytes);
  if (!layout.ok()) return 0;
  nlohmann::ordered_json once = docpipe::LayoutToJson(*layout);
  docpipe::Result<docpipe::Layout> again = docpipe::ParseLayoutJson(once.dump());
  if (!again.ok() || docpipe::LayoutToJson(*again) != once) __builtin_trap();
  docpipe::Result<nlohmann::ordered_json> doc =
      docpipe::NormalizeRows(docpipe::LayoutToRows(*layout, docpipe::RuleSet::Default()), {"fuzz.json", std::string(64, '0'), "layout", 1});
  if (doc.ok() && !docpipe::ValidateOutput(*doc).ok()) __builtin_trap();
  return 0;
}
