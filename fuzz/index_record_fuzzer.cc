// libFuzzer target: arbitrary bytes as a batch index (index.jsonl or the
// journal of an interrupted run), read as `docpipe run` reads it on resume.
// No input may crash the reader; every record it accepts must survive a
// round trip through its JSON line unchanged.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>

#include "batch/index_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  docpipe::IndexLoad load;
  docpipe::ParseIndexLines(text, "index.jsonl", &load);
  for (const auto& [path, record] : load.records) {
    if (path != record.path) __builtin_trap();
    std::optional<docpipe::IndexRecord> again = docpipe::IndexRecord::FromJson(nlohmann::json(record.ToJson()));
    if (!again || again->ToJson() != record.ToJson()) __builtin_trap();
  }
  return 0;
}
