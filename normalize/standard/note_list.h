// The notes (說明與補充事項): one note per paragraph, a label paragraph
// ("其他補充說明：") joined with the one after it, and a labelled note run on
// after a full stop split off (rule "note_label").
#ifndef DOCPIPE_NORMALIZE_STANDARD_NOTE_LIST_H_
#define DOCPIPE_NORMALIZE_STANDARD_NOTE_LIST_H_

#include <string>
#include <vector>

#include "normalize/repair/rule_set.h"
#include "normalize/standard/item_splitter.h"

namespace docpipe {

std::vector<std::string> ReadNotes(const std::vector<Fragment>& lines, const RuleSet& rules);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_NOTE_LIST_H_
