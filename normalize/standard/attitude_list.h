// The attitudes (職能內涵 (A=attitude 態度)): coded items "A01 主動積極：…",
// each split at its first colon into a name and a description.
#ifndef DOCPIPE_NORMALIZE_STANDARD_ATTITUDE_LIST_H_
#define DOCPIPE_NORMALIZE_STANDARD_ATTITUDE_LIST_H_

#include <vector>

#include "model/competency_standard.h"
#include "normalize/repair/rule_set.h"
#include "normalize/standard/item_splitter.h"

namespace docpipe {

// Text before the first code goes to `unparsed`.
std::vector<Attitude> ReadAttitudes(const std::vector<Fragment>& lines, const RuleSet& rules,
                                    Diagnostics* diagnostics);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_ATTITUDE_LIST_H_
