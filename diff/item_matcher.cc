#include "diff/item_matcher.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "diff/char_diff.h"

namespace docpipe::diff {
namespace {

// The idea: most items of two versions are untouched, so cheap exact passes
// settle them first and the quadratic similarity pass only sees the few that
// are left. The passes, each on what earlier passes left unmatched:
//   1. same place, same wording             -> unchanged
//   2. same parent, same wording, other code -> renumbered (exact text)
//   3. same wording anywhere                -> moved (exact text)
//   4. every remaining pair scored by similarity; a pair at the same place
//      needs same_place_threshold, any other pair moved_threshold; the best
//      scores are taken greedily, a same-place pair ranked kPlaceBonus
//      higher so that a reworded item stays "changed" at its code rather
//      than pairing with a slightly closer wording elsewhere.
// Among equal candidates, document order decides, so the k-th copy of a
// repeated wording pairs with the k-th copy on the other side.
constexpr double kPlaceBonus = 0.1;

std::u32string Sorted(std::u32string key) {
  std::sort(key.begin(), key.end());
  return key;
}

// 2·shared / (|a| + |b|) for sorted a, b: an upper bound of Similarity.
double SharedBound(const std::u32string& a, const std::u32string& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

class Matcher {
 public:
  Matcher(const std::vector<MatchItem>& old_items, const std::vector<MatchItem>& new_items,
          const MatchOptions& options, const ContentSimilarity& content)
      : old_(old_items), new_(new_items), options_(options), content_(content),
        old_partner_(old_items.size()), new_taken_(new_items.size(), false) {}

  Matching Run() {
    ExactPass([](const MatchItem& m) { return std::make_tuple(m.parent, m.code, m.key); });
    ExactPass([](const MatchItem& m) { return std::make_tuple(m.parent, std::string(), m.key); });
    ExactPass([](const MatchItem& m) { return std::make_tuple(std::string(), std::string(), m.key); });
    SimilarityPass();

    Matching result;
    for (size_t i = 0; i < old_.size(); ++i) {
      if (old_partner_[i]) {
        result.pairs.push_back({i, old_partner_[i]->first, old_partner_[i]->second});
      } else {
        result.removed.push_back(i);
      }
    }
    for (size_t j = 0; j < new_.size(); ++j) {
      if (!new_taken_[j]) result.added.push_back(j);
    }
    return result;
  }

 private:
  using Key = std::tuple<std::string, std::string, std::u32string>;

  template <typename KeyFn>
  void ExactPass(KeyFn key_of) {
    std::map<Key, std::vector<size_t>> open;  // key -> unmatched new items, in order
    for (size_t j = 0; j < new_.size(); ++j) {
      if (!new_taken_[j]) open[key_of(new_[j])].push_back(j);
    }
    std::map<Key, size_t> used;  // how many of each list are taken
    for (size_t i = 0; i < old_.size(); ++i) {
      if (old_partner_[i]) continue;
      auto it = open.find(key_of(old_[i]));
      if (it == open.end()) continue;
      size_t& next = used[it->first];
      if (next == it->second.size()) continue;
      Pair(i, it->second[next++], 1.0);
    }
  }

  void SimilarityPass() {
    struct Candidate {
      double rank;
      double similarity;
      size_t old_index, new_index;
    };
    std::vector<Candidate> candidates;
    // The LCS of two texts is no longer than the characters they share
    // counted with multiplicity: a merge of the sorted keys bounds the
    // similarity cheaply and spares most dtl runs on unrelated texts.
    std::vector<std::u32string> old_sorted(old_.size()), new_sorted(new_.size());
    for (size_t i = 0; i < old_.size(); ++i) {
      if (!old_partner_[i]) old_sorted[i] = Sorted(old_[i].key);
    }
    for (size_t j = 0; j < new_.size(); ++j) {
      if (!new_taken_[j]) new_sorted[j] = Sorted(new_[j].key);
    }
    for (size_t i = 0; i < old_.size(); ++i) {
      if (old_partner_[i]) continue;
      for (size_t j = 0; j < new_.size(); ++j) {
        if (new_taken_[j]) continue;
        const bool same_place = old_[i].parent == new_[j].parent && old_[i].code == new_[j].code;
        const double threshold = same_place ? options_.same_place_threshold : options_.moved_threshold;
        double similarity = content_ ? content_(i, j) : 0.0;
        if (similarity < 1.0 && SimilarityBound(old_[i].key.size(), new_[j].key.size()) >= threshold &&
            SharedBound(old_sorted[i], new_sorted[j]) >= threshold) {
          similarity = std::max(similarity, Similarity(old_[i].key, new_[j].key));
        }
        if (similarity >= threshold) {
          candidates.push_back({similarity + (same_place ? kPlaceBonus : 0.0), similarity, i, j});
        }
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      if (a.rank != b.rank) return a.rank > b.rank;
      return std::tie(a.old_index, a.new_index) < std::tie(b.old_index, b.new_index);
    });
    for (const Candidate& c : candidates) {
      if (old_partner_[c.old_index] || new_taken_[c.new_index]) continue;
      Pair(c.old_index, c.new_index, c.similarity);
    }
  }

  void Pair(size_t i, size_t j, double similarity) {
    old_partner_[i] = std::make_pair(j, similarity);
    new_taken_[j] = true;
  }

  const std::vector<MatchItem>& old_;
  const std::vector<MatchItem>& new_;
  const MatchOptions& options_;
  const ContentSimilarity& content_;
  std::vector<std::optional<std::pair<size_t, double>>> old_partner_;
  std::vector<bool> new_taken_;
};

}  // namespace

Matching MatchItems(const std::vector<MatchItem>& old_items, const std::vector<MatchItem>& new_items,
                    const MatchOptions& options, const ContentSimilarity& content) {
  return Matcher(old_items, new_items, options, content).Run();
}

}  // namespace docpipe::diff
