// How docpipe writes JSON, the same for every command and file: indented by
// two spaces (or one line when `compact`), keys in the order they were set,
// a final newline. Invalid UTF-8 in a string (which the stages never produce)
// becomes U+FFFD instead of an exception.
#ifndef DOCPIPE_COMMON_JSON_TEXT_H_
#define DOCPIPE_COMMON_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>

namespace docpipe {

inline std::string JsonText(const nlohmann::ordered_json& json, bool compact = false) {
  return json.dump(compact ? -1 : 2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_JSON_TEXT_H_
