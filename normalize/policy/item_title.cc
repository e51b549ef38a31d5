#include "normalize/policy/item_title.h"

#include "common/unicode.h"
#include "normalize/repair/text_blocks.h"

namespace docpipe {
namespace {

// The lead-in of an item ("標準規範組：由經濟部主辦…") is short.
constexpr size_t kMaxLeadInLength = 15;

}  // namespace

std::string ItemTitle(const std::string& rest, bool* is_sentence) {
  // A heading never holds a full stop.
  *is_sentence = EndsSentence(rest) || unicode::Length(rest) > kMaxTitleLength || rest.find("。") != std::string::npos;
  if (!*is_sentence) return rest;
  const std::string colon = "：";
  size_t at = rest.find(colon);
  if (at == std::string::npos) return "";
  std::string lead = rest.substr(0, at);
  if (unicode::Length(lead) > kMaxLeadInLength || lead.find("，") != std::string::npos) return "";
  return lead;
}

}  // namespace docpipe
