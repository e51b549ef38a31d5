// A competency standard's code names the standard and its version:
// INM3513-001v4 is version 4 of standard INM3513-001.
#ifndef DOCPIPE_CATALOGUE_STANDARD_CODE_H_
#define DOCPIPE_CATALOGUE_STANDARD_CODE_H_

#include <cstdint>
#include <optional>
#include <string>

namespace docpipe::catalogue {

struct StandardCode {
  std::string standard_id;         // INM3513-001
  std::optional<int64_t> version;  // 4; nullopt when the code has no vN suffix
};

// Splits at a final "v" or "V" followed only by digits (at most 9), after a
// non-empty id. Any other code is its own standard_id, without a version.
StandardCode SplitStandardCode(const std::string& code);

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_STANDARD_CODE_H_
