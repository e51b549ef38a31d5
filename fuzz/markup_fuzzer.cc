// libFuzzer target: arbitrary bytes read as Markdown and as HTML
// (normalize/input/: pipe tables, span expansion, the libxml2 adapter), then
// through the parsers, JSON and schema validation. Any input must give a
// document or a Status, whichever reader it is forced through.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "normalize/input/markup_input.h"
#include "pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto parse : {&docpipe::ParseMarkdownText, &docpipe::ParseHtmlText}) {
    docpipe::Result<std::vector<docpipe::TabRow>> rows = parse(bytes);
    if (!rows.ok()) continue;
    docpipe::Result<nlohmann::ordered_json> doc =
        docpipe::NormalizeRows(*rows, docpipe::SourceInfo{"fuzz.md", std::string(64, '0'), "markdown", {}});
    if (doc.ok() && !docpipe::ValidateOutput(*doc).ok()) __builtin_trap();
  }
  return 0;
}
