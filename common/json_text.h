// How docpipe writes JSON, the same for every command and file: indented by
// two spaces (or one line when `compact`), keys in the order they were set,
// a final newline. Invalid UTF-8 in a string (which the stages never produce)
// becomes U+FFFD instead of an exception.
//
// The text is byte for byte what nlohmann's dump(2 or -1, ' ', false,
// error_handler_t::replace) gives, plus the newline; it is written here
// directly because dump re-decodes every string's UTF-8 one byte at a time
// (a fifth of normalize's time on CJK text). Strings that are not valid
// UTF-8 and floating-point numbers are still written by nlohmann, one value
// at a time.
#ifndef DOCPIPE_COMMON_JSON_TEXT_H_
#define DOCPIPE_COMMON_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>

namespace docpipe {

std::string JsonText(const nlohmann::ordered_json& json, bool compact = false);

// Appends the JSON text of `json` (without the final newline) to *out, as
// if it stood `depth` levels deep in a document written with JsonText
// (indentation 2 * depth before its closing bracket). compact: one line.
void AppendJsonText(const nlohmann::ordered_json& json, bool compact, int depth, std::string* out);

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_JSON_TEXT_H_
