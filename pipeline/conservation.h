// The conservation check: every character of the input that is not page
// furniture ends up somewhere in the document — in a field, in `unparsed`,
// named in a warning, or read as the document's structure by its parser
// (a label, a column header, a repeated header row, a dot leader) or a
// repeat of what it holds once (text the parser gave Diagnostics::Consumed). Nothing is lost silently, and this is
// where that is checked rather than assumed.
//
// The account is a multiset of characters after a canonical folding: NFKC,
// then all white space removed, so that a space taken out or put in (CJK
// joins, letter-spacing, collapsed runs) counts for nothing. The rows' cells
// go through the cell-stage repairs first, exactly as every parser reads
// them (radicals to ideographs, hyphens in codes, width), so the document's
// repaired text meets the same characters by construction; what remains
// is loss:
//
//   unaccounted = fold(repair(rows)) − fold(document strings + consumed)
//
// A surplus on the document's side (a name printed in several fields, a
// date rewritten, a warning's own words) is not a loss and is ignored. Two
// stages are checked, each exactly:
//   - layout → rows: the content lines and cell lines of a PDF's layout
//     (furniture excluded) against the rows LayoutToRows made of them
//     (no repair on either side: LayoutToRows only places and joins);
//   - rows → document: those rows against the document.
// A loss becomes one warning of kind `characters_unaccounted` per row (or
// layout line) it was found in, with the lost characters, the page and line,
// and the text as read.
//
//   std::vector<Warning> lost = UnaccountedCharacters(rows, document, consumed, rules);
#ifndef DOCPIPE_PIPELINE_CONSERVATION_H_
#define DOCPIPE_PIPELINE_CONSERVATION_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/layout.h"
#include "model/diagnostics.h"
#include "model/tab_row.h"
#include "normalize/repair/rule_set.h"

namespace docpipe {

// The canonical folding of the account, after the cell-stage repairs of
// `repairs` when given.
std::u32string ConservationFold(std::string_view text, const RuleSet* repairs);

// Rows → document. `document` is the document JSON as written (its
// `source`, positions and other bookkeeping members are not text of the
// input and do not count); `consumed` is Diagnostics::consumed of the
// parser; `rules` the rule set the parser read the rows with. Empty when
// everything is accounted for.
std::vector<Warning> UnaccountedCharacters(const std::vector<TabRow>& rows, const nlohmann::ordered_json& document,
                                           const std::vector<std::string>& consumed, const RuleSet& rules);

// Layout → rows: the layout's content (lines that are not furniture, the
// lines of every table cell) against the rows made of it. Empty when
// everything is accounted for.
std::vector<Warning> UnaccountedLayoutCharacters(const Layout& layout, const std::vector<TabRow>& rows);

}  // namespace docpipe

#endif  // DOCPIPE_PIPELINE_CONSERVATION_H_
