// Rulings of tables drawn with fills instead of lines.
//
// Some producers draw a table as shaded cells with white gaps between them
// (every cell its own filled rectangle, the gaps being the rules), or shade
// every other row (a band alternation marks the rows). The reader keeps such
// wide fills apart from the rules (PageContent::fills); FillRulings turns
// into rulings those fill edges that separate cells, only on this evidence:
//
// * fills of one colour that touch or nest (a cell drawn as one stripe per
//   text line, a cell with an inner margin fill) are first merged into
//   blocks; a block covering most of the page is a background and ignored;
// * two blocks facing each other across a narrow white gap (at most
//   kMaxGap points), overlapping over at least half the shorter one, are two
//   cells: the gap's middle line is a rule. A group of three or more blocks
//   joined by such gaps is a table drawn by its fills: each block's side
//   that faces no gap is a rule too (the table's outer frame). A group cut
//   only one way (a stack of shaded rows touching or nearly touching) gets
//   only the rules across it: its columns are left to the alignment of the
//   text (extract/aligned_table_builder.h);
// * three or more blocks of one colour and one horizontal extent, stacked
//   with white rows between them no taller than twice a block, are the
//   shaded rows of a banded table: each block's top and bottom are rules.
//
// A single block (a shaded text box, a highlighted cell, a coloured page
// header) yields nothing. A rule that would cut through a glyph is dropped:
// a fill edge under text is no cell boundary.
#ifndef DOCPIPE_EXTRACT_FILL_RULINGS_H_
#define DOCPIPE_EXTRACT_FILL_RULINGS_H_

#include <vector>

#include "extract/page_content.h"
#include "extract/ruling_detector.h"

namespace docpipe {

// `drawn` (the page's rulings from its drawing, extract/ruling_detector.h)
// with the rulings its fills imply: a fill edge along a drawn rule only
// lengthens that rule where the shading reaches past it (the drawn position
// stays, so shading never moves a drawn rule); a fill edge running between
// two drawn rules that cross its line adds nothing (the drawing's grid
// leaves that edge open: a merged cell, shaded in part); the other fill
// rulings are added at the end.
std::vector<Ruling> WithFillRulings(const std::vector<FillRect>& fills, const std::vector<Glyph>& glyphs,
                                    std::vector<Ruling> drawn, double page_width, double page_height);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_FILL_RULINGS_H_
