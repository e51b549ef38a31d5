#ifndef DOCPIPE_COMMON_VERSION_H_
#define DOCPIPE_COMMON_VERSION_H_

namespace docpipe {

// Tool version: written into outputs' provenance and used by `run` to decide
// whether an output is stale.
inline constexpr const char kVersion[] = "0.2.0";
// Version of the JSON contracts in schema/.
inline constexpr const char kSchemaVersion[] = "1.0.0";

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_VERSION_H_
