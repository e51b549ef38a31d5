// The order in which changes are listed and reported.
#ifndef DOCPIPE_DIFF_CHANGE_ORDER_H_
#define DOCPIPE_DIFF_CHANGE_ORDER_H_

#include <string_view>
#include <vector>

#include "diff/change.h"

namespace docpipe::diff {

// Natural order of codes: digit runs compare by value, so T1.9 < T1.10 and
// K2 < K10. Negative, zero or positive like strcmp.
int CompareCodes(std::string_view a, std::string_view b);

// Header, versions, then the duty table duty by duty and task by task (by
// Change::duty and Change::task; within a task: the task itself, outputs,
// indicators, K and S references), then K, S, A entries, then notes. Ties
// keep their order (stable).
void SortChanges(std::vector<Change>* changes);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_CHANGE_ORDER_H_
