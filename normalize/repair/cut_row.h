// CutRow: how every family reads a table row that a page break (or a
// table break in text: a blank row, a page number) cut in two. One rule for
// the policy and generic tables and for the competency standards' duty
// table, the same one extract applies to a PDF's layout
// (extract/table_continuity.h): a fresh row starts with its key cell, the
// tail of a cut row does not.
//
// A row read right after such a break is the rest of the row the break cut
// when the extractor saw the cut from the cells' placement (TabRow's
// continues_row), or when its key cell opens no entry. What opens an entry
// is the family's to say: in the duty table, a duty or task code at the
// start of the key cell ("T1.4監控與測試" opens a task, "安全" does not); in
// any other table, whatever extract saw (an input without a layout gives no
// evidence there, and a row is taken as printed).
//
// The rest is joined to the cut row cell by cell, as wrapped text
// (unicode::JoinWrapped): "(c)自用小客車租" + "賃(CPC83101**)".
#ifndef DOCPIPE_NORMALIZE_REPAIR_CUT_ROW_H_
#define DOCPIPE_NORMALIZE_REPAIR_CUT_ROW_H_

#include <string>
#include <vector>

namespace docpipe {

struct RowAfterBreak {
  bool after_break = false;      // a page or table break stands right before the row
  bool marked_cut = false;       // the extractor saw the row's cells go on from the cut row
  bool key_opens_entry = true;   // the row's key cell opens an entry of its own
};

// True when the row is the rest of the row the break cut.
bool IsRestOfCutRow(const RowAfterBreak& row);

// Appends each non-empty cell of `rest` to the same column of `cut`, as
// wrapped text; `cut` grows to `rest`'s width.
void JoinCutRow(const std::vector<std::string>& rest, std::vector<std::string>* cut);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_CUT_ROW_H_
