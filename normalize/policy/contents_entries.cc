#include "normalize/policy/contents_entries.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "common/unicode.h"
#include "normalize/policy/item_title.h"

namespace docpipe {
namespace {

// A heading's title as a table of contents would list it: folded, without
// dot leader and page number; empty for a sentence item, which no contents
// lists.
std::string ContentsKey(const RuleSet& rules, const HeadingLabel& heading) {
  std::string title;
  if (!RE2::FullMatch(heading.rest, rules.Pattern("toc_title"), &title)) return "";
  if (unicode::Length(title) > kMaxTitleLength) return "";
  return unicode::FoldKey(title);
}

// Whether each heading is repeated later. One pass from the end keeps, per
// label, the sorted titles seen so far, so that a document of many headings
// costs n log n, not n squared.
std::vector<bool> RepeatedLater(const std::vector<BlockReading>& blocks, const RuleSet& rules) {
  const size_t n = blocks.size();
  std::vector<bool> repeated(n, false);
  std::map<std::string, std::set<std::string>> later;  // label -> folded titles after this block
  for (size_t i = n; i-- > 0;) {
    if (!blocks[i].heading) continue;
    const std::string key = ContentsKey(rules, *blocks[i].heading);
    if (key.empty()) continue;
    std::set<std::string>& titles = later[blocks[i].heading->label];
    // A later title that starts with this one...
    auto it = titles.lower_bound(key);
    repeated[i] = it != titles.end() && it->compare(0, key.size(), key) == 0;
    // ...or one that this title starts with (a prefix ending at a character).
    for (size_t cut = 1; cut < key.size() && !repeated[i]; ++cut) {
      if ((static_cast<unsigned char>(key[cut]) & 0xC0) != 0x80) repeated[i] = titles.count(key.substr(0, cut)) > 0;
    }
    titles.insert(key);
  }
  return repeated;
}

}  // namespace

std::vector<bool> ContentsEntries(const std::vector<BlockReading>& blocks, const RuleSet& rules) {
  const size_t n = blocks.size();
  const std::vector<bool> repeated = RepeatedLater(blocks, rules);
  std::vector<bool> entry(n, false);
  for (size_t i = 0; i < n;) {
    size_t end = i;
    while (end < n && repeated[end]) ++end;
    if (end - i >= 2) std::fill(entry.begin() + i, entry.begin() + end, true);
    i = end == i ? i + 1 : end;
  }
  return entry;
}

}  // namespace docpipe
