// Consistency checks of a parsed competency standard, and the K/S
// dictionaries they need.
//
// CheckCompetencyStandard builds `knowledge` and `skills` from the codes and
// names printed in the task rows (choosing, for a code printed with several
// wordings, the most frequent one) and records every anomaly of the document
// itself as a warning: missing header fields, a code printed twice, an
// output or indicator numbered for another task, a gap in a numbering, a K/S
// code named two ways or never named, a level outside 1-6, a version table
// that disagrees with the header. It never removes anything.
#ifndef DOCPIPE_NORMALIZE_STANDARD_STANDARD_CHECKS_H_
#define DOCPIPE_NORMALIZE_STANDARD_STANDARD_CHECKS_H_

#include "model/competency_standard.h"
#include "normalize/repair/rule_set.h"

namespace docpipe {

void CheckCompetencyStandard(const RuleSet& rules, CompetencyStandard* standard);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_STANDARD_CHECKS_H_
