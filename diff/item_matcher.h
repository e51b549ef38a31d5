// Pairs the items of one kind (duties, tasks, indicators, K entries...) of
// an old and a new document, so that a renumbered or moved item is seen as
// the same item and not as one deletion plus one addition.
//
// The caller describes each item by where it stands and what it says:
//   place  (parent, code) in the new document's terms: an old item's code and
//          parent are first translated through the renumbering of its
//          ancestors, so "P1.2.1 under T1.2" becomes "P1.3.1 under T1.3"
//          when task T1.2 became T1.3;
//   key    the folded wording (unicode::FoldKey) as code points.
//
//   std::vector<MatchItem> old_items = ..., new_items = ...;
//   Matching m = MatchItems(old_items, new_items, {});
//   for (const Match& p : m.pairs) ...  // old_items[p.old_index] ~ new_items[p.new_index]
#ifndef DOCPIPE_DIFF_ITEM_MATCHER_H_
#define DOCPIPE_DIFF_ITEM_MATCHER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace docpipe::diff {

struct MatchItem {
  std::string parent;  // place: the parent's code (new document's terms)
  std::string code;    // place: the item's code (new document's terms)
  std::u32string key;  // folded wording
};

struct MatchOptions {
  // Two items at the same place are the same item, reworded, when at least
  // this similar (see Similarity in diff/char_diff.h).
  double same_place_threshold = 0.5;
  // Two items at different places are one item moved or renumbered when at
  // least this similar.
  double moved_threshold = 0.75;
};

struct Match {
  size_t old_index;
  size_t new_index;
  double similarity;  // 1 when the keys are equal
};

struct Matching {
  std::vector<Match> pairs;          // in old document order
  std::vector<size_t> removed;       // old items without a partner, ascending
  std::vector<size_t> added;         // new items without a partner, ascending
};

// Extra evidence that two items are the same, in [0, 1], for containers whose
// name may change while their content stays (a renamed duty keeps its
// tasks). The similarity of a pair is the larger of the wording similarity
// and this.
using ContentSimilarity = std::function<double(size_t old_index, size_t new_index)>;

// One-to-one matching; deterministic for equal inputs.
Matching MatchItems(const std::vector<MatchItem>& old_items, const std::vector<MatchItem>& new_items,
                    const MatchOptions& options, const ContentSimilarity& content = nullptr);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_ITEM_MATCHER_H_
