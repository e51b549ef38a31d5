// Finds the entries of a table of contents among a document's headings.
#ifndef DOCPIPE_NORMALIZE_POLICY_CONTENTS_ENTRIES_H_
#define DOCPIPE_NORMALIZE_POLICY_CONTENTS_ENTRIES_H_

#include <optional>
#include <string_view>
#include <vector>

#include "normalize/policy/block_reading.h"
#include "normalize/repair/rule_set.h"

namespace docpipe {

// Marks the entries of a table of contents: a run of two or more headings
// with nothing between them, each of which the document repeats later as a
// heading of the same label and title (one title may be cut short: "…說明"
// lists "…說明表"). They are not sections of their own. A contents lists
// headings that the body prints apart, with text between them; a run that
// the document prints again as a run is a recurring form's headings (a
// declaration's "（二）不動產" / "1.土地", printed for each of 117
// declarants), and its headings are sections like their siblings ("2.建物",
// "（三）…") — unless most of its neighbouring pairs stand apart elsewhere.
// Parallel to `blocks`.
std::vector<bool> ContentsEntries(const std::vector<BlockReading>& blocks, const RuleSet& rules);

// A heading's title as a table of contents prints it (`text`: the heading
// after its label): group 1 of the toc_title rule's full match, a view into
// `text`, or nullopt when toc_title does not match it. Found with RE2's
// DFAs (toc_title_tail) where the text allows, see contents_entries.cc.
std::optional<std::string_view> TocTitle(const RuleSet& rules, std::string_view text);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_CONTENTS_ENTRIES_H_
