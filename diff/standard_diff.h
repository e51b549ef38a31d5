// Compares two versions of a competency standard (the JSON of
// schema/competency-standard.schema.json) and lists what changed.
//
//   StandardView old_view = ViewOf(old_json), new_view = ViewOf(new_json);
//   std::vector<Change> changes = DiffStandards(old_view, new_view, {});
//   if (changes.empty()) ...  // same content
//
// Wordings are compared by unicode::FoldKey: differences of width, case and
// white space are not content. Items are paired by code first and by
// wording similarity second (diff/item_matcher.h), so that a renumbered or
// moved item is one `moved` change, not a removal plus an addition. A K or S
// entry renumbered everywhere is one `moved` change of the dictionary entry
// whose references_updated lists the tasks that follow it.
//
// Changes are sorted: header, versions, then duty by duty and task by task
// (natural code order), then the K, S and A dictionaries, then notes.
#ifndef DOCPIPE_DIFF_STANDARD_DIFF_H_
#define DOCPIPE_DIFF_STANDARD_DIFF_H_

#include <vector>

#include "diff/change.h"
#include "diff/item_matcher.h"
#include "diff/standard_view.h"

namespace docpipe::diff {

struct DiffOptions {
  MatchOptions match;
};

std::vector<Change> DiffStandards(const StandardView& old_view, const StandardView& new_view,
                                  const DiffOptions& options);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_STANDARD_DIFF_H_
