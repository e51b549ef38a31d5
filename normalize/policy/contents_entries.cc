#include "normalize/policy/contents_entries.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "common/unicode.h"
#include "normalize/policy/item_title.h"

namespace docpipe {
namespace {

// A heading's title as a table of contents would list it: folded, without
// dot leader and page number; empty for a sentence item, which no contents
// lists.
std::string ContentsKey(const RuleSet& rules, const HeadingLabel& heading) {
  std::vector<std::string_view> groups;
  if (!rules.Pattern("toc_title").FullMatch(heading.rest, &groups) || groups.size() < 2) return "";
  const std::string_view title = groups[1];
  if (unicode::Length(title) > kMaxTitleLength) return "";
  return unicode::FoldKey(title);
}

// Whether each heading is repeated later. One pass from the end keeps, per
// label, the sorted titles seen so far, so that a document of many headings
// costs n log n, not n squared. `titles_of[i]`: ContentsKey of block i's heading.
std::vector<bool> RepeatedLater(const std::vector<BlockReading>& blocks, const std::vector<std::string>& titles_of) {
  const size_t n = blocks.size();
  std::vector<bool> repeated(n, false);
  std::map<std::string, std::set<std::string>> later;  // label -> folded titles after this block
  for (size_t i = n; i-- > 0;) {
    if (!blocks[i].heading) continue;
    const std::string& key = titles_of[i];
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
  // Each heading's title key once: a toc_title match runs over the whole
  // heading (it matches every one), 15,000 instructions a heading.
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
  std::map<std::pair<std::string, std::string>, int> adjacent;
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
