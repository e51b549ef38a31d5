// SourceInfo: the provenance of one input file, written as a document's
// `source` (schema/*.schema.json).
#ifndef DOCPIPE_MODEL_SOURCE_INFO_H_
#define DOCPIPE_MODEL_SOURCE_INFO_H_

#include <optional>
#include <string>

namespace docpipe {

// Provenance of the input, written as `source`.
struct SourceInfo {
  std::string path;
  std::string sha256;
  std::string format;  // "text", "pdf" or "layout"
  std::optional<int> pages;
};

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_SOURCE_INFO_H_
