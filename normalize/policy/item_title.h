// The title of a numbered item ("一、 計畫緣起" is a heading titled 計畫緣起;
// "一、 國家資通安全政策之研擬。" is a sentence item).
#ifndef DOCPIPE_NORMALIZE_POLICY_ITEM_TITLE_H_
#define DOCPIPE_NORMALIZE_POLICY_ITEM_TITLE_H_

#include <cstddef>
#include <string>

namespace docpipe {

// A heading item longer than this (in characters) is a sentence with a
// number, not a title.
inline constexpr size_t kMaxTitleLength = 40;

// The item's words when it is a heading; when it is a sentence (sets
// *is_sentence), the short lead-in before its first colon
// ("標準規範組：由經濟部主辦…"), else "".
std::string ItemTitle(const std::string& rest, bool* is_sentence);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_ITEM_TITLE_H_
