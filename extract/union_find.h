// Disjoint sets over the indices 0..n-1, with path halving: the grouping
// step of table building (rules that touch) and of fill rulings (fills that
// nest or continue each other). Written by hand: a dozen lines, and no
// library the project links offers it.
#ifndef DOCPIPE_EXTRACT_UNION_FIND_H_
#define DOCPIPE_EXTRACT_UNION_FIND_H_

#include <cstddef>
#include <numeric>
#include <vector>

namespace docpipe {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  // The representative of i's set.
  size_t Find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Unite(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_UNION_FIND_H_
