// Where the next list starts: for a paragraph after a list of sentence
// items, whether the heading after it opens a new list of the same kind.
#ifndef DOCPIPE_NORMALIZE_POLICY_LIST_STARTS_H_
#define DOCPIPE_NORMALIZE_POLICY_LIST_STARTS_H_

#include <optional>
#include <vector>

#include "normalize/policy/block_reading.h"

namespace docpipe {

// For each block, whether the first heading after it starts a new list
// (its number is one), and at which rank (0 when it does not start one);
// nullopt when no heading follows before a table row or the end. Computed
// backwards in one pass.
std::vector<std::optional<int>> NextListStarts(const std::vector<BlockReading>& blocks);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_LIST_STARTS_H_
