#include "normalize/policy/contents_entries.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "common/unicode.h"
#include "normalize/policy/item_title.h"

namespace docpipe {
namespace {

// A heading's title as a table of contents would list it: folded, without
// dot leader and page number; empty for a sentence item, which no contents
// lists.
std::string ContentsKey(const RuleSet& rules, const HeadingLabel& heading) {
  const std::optional<std::string_view> title = TocTitle(rules, heading.rest);
  if (!title || unicode::Length(*title) > kMaxTitleLength) return "";
  return unicode::FoldKey(*title);
}

// Whether each heading is repeated later. One pass from the end keeps, per
// label, the sorted titles seen so far, so that a document of many headings
// costs n log n, not n squared. `titles_of[i]`: ContentsKey of block i's heading.
std::vector<bool> RepeatedLater(const std::vector<BlockReading>& blocks, const std::vector<std::string>& titles_of) {
  const size_t n = blocks.size();
  std::vector<bool> repeated(n, false);
  // label -> folded titles after this block; looked up by views of a title's prefixes
  std::map<std::string, std::set<std::string, std::less<>>> later;
  for (size_t i = n; i-- > 0;) {
    if (!blocks[i].heading) continue;
    const std::string& key = titles_of[i];
    if (key.empty()) continue;
    std::set<std::string, std::less<>>& titles = later[blocks[i].heading->label];
    // A later title that starts with this one...
    auto it = titles.lower_bound(key);
    repeated[i] = it != titles.end() && it->compare(0, key.size(), key) == 0;
    // ...or one that this title starts with (a prefix ending at a character).
    for (size_t cut = 1; cut < key.size() && !repeated[i]; ++cut) {
      if ((static_cast<unsigned char>(key[cut]) & 0xC0) != 0x80) {
        repeated[i] = titles.count(std::string_view(key).substr(0, cut)) > 0;
      }
    }
    titles.insert(key);
  }
  return repeated;
}

}  // namespace

// toc_title matches every heading, so asked for its group it runs RE2's
// submatch engine over the whole heading (30,000 instructions a heading on
// the policy text). Its group is (.*?), lazy: when the text opens with no
// white space (the leading \s* then takes nothing), the group ends at the
// first place from which the rest matches the optional tail and \s*$ --
// where the leftmost match of toc_title_tail (that tail alone, anchored at
// the end by its $) begins. RE2 finds that start with its DFAs alone (group
// 0, no submatch engine), and a yes/no toc_title match (its DFA) still
// decides whether there is a title at all ('.' takes no newline). A text
// opening with a byte up to the space, where \s may match, asks toc_title
// for its group as before.
std::optional<std::string_view> TocTitle(const RuleSet& rules, std::string_view text) {
  const Regex& toc_title = rules.Pattern("toc_title");
  std::vector<std::string_view> groups;
  if (text.empty() || static_cast<unsigned char>(text.front()) <= ' ') {
    if (!toc_title.FullMatch(text, &groups) || groups.size() < 2) return std::nullopt;
    return groups[1];
  }
  if (!toc_title.FullMatch(text)) return std::nullopt;
  if (!rules.Pattern("toc_title_tail").PartialMatch(text, &groups)) return std::nullopt;
  return text.substr(0, static_cast<size_t>(groups[0].data() - text.data()));
}

std::vector<bool> ContentsEntries(const std::vector<BlockReading>& blocks, const RuleSet& rules) {
  const size_t n = blocks.size();
  // Each heading's title key once, for both uses below.
  std::vector<std::string> titles(n);
  for (size_t i = 0; i < n; ++i) {
    if (blocks[i].heading) titles[i] = ContentsKey(rules, *blocks[i].heading);
  }
  const std::vector<bool> repeated = RepeatedLater(blocks, titles);
  // How often each pair of headings stands next to each other.
  std::vector<std::string> keys(n);
  for (size_t i = 0; i < n; ++i) {
    if (blocks[i].heading) keys[i] = blocks[i].heading->label + '\t' + titles[i];
  }
  // Views of `keys`, which outlives the map.
  std::map<std::pair<std::string_view, std::string_view>, int> adjacent;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (blocks[i].heading && blocks[i + 1].heading) ++adjacent[{keys[i], keys[i + 1]}];
  }
  std::vector<bool> entry(n, false);
  for (size_t i = 0; i < n;) {
    size_t end = i;
    while (end < n && repeated[end]) ++end;
    size_t pairs_again = 0;
    for (size_t k = i; k + 1 < end; ++k) pairs_again += adjacent[{keys[k], keys[k + 1]}] > 1;
    const bool recurring = end - i >= 2 && 2 * pairs_again >= end - i - 1;
    if (end - i >= 2 && !recurring) std::fill(entry.begin() + i, entry.begin() + end, true);
    i = end == i ? i + 1 : end;
  }
  return entry;
}

}  // namespace docpipe
