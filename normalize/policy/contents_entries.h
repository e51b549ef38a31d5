// Finds the entries of a table of contents among a document's headings.
#ifndef DOCPIPE_NORMALIZE_POLICY_CONTENTS_ENTRIES_H_
#define DOCPIPE_NORMALIZE_POLICY_CONTENTS_ENTRIES_H_

#include <vector>

#include "normalize/policy/block_reading.h"
#include "normalize/repair/rule_set.h"

namespace docpipe {

// Marks the entries of a table of contents: a run of two or more headings
// with nothing between them, each of which the document repeats later as a
// heading of the same label and title (one title may be cut short: "…說明"
// lists "…說明表"). They are not sections of their own. Parallel to
// `blocks`.
std::vector<bool> ContentsEntries(const std::vector<BlockReading>& blocks, const RuleSet& rules);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_CONTENTS_ENTRIES_H_
