// Turns the duty table as RowStitcher rebuilt it (cells as fragments) into
// the model's duties and tasks: names joined, each item column split at its
// codes, the level column read as one number.
#ifndef DOCPIPE_NORMALIZE_STANDARD_DUTY_BUILDER_H_
#define DOCPIPE_NORMALIZE_STANDARD_DUTY_BUILDER_H_

#include <vector>

#include "model/competency_standard.h"
#include "normalize/repair/rule_set.h"
#include "normalize/standard/row_stitcher.h"

namespace docpipe {

// Text before an item's first code, a level that is not a number and two
// different levels for one task are warnings; text that has no place goes
// to `unparsed`.
std::vector<Duty> BuildDuties(std::vector<RawDuty> raw, const RuleSet& rules, Diagnostics* diagnostics);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_DUTY_BUILDER_H_
