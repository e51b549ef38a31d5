// Rulings a ruled grid leaves out, inferred from the text of its cells.
//
// A partly ruled table draws some rules and leaves the rest to alignment: a
// grid of column groups whose ruled cells each hold a sub-table ("Male" and
// "Female" under "Non-Hispanic white", eleven age rows under one pair of
// rules), or a grid whose body rows share one ruled row (three lines per
// cell, "3-year-olds / 4-year-olds / Total" next to their numbers). Each
// ruled cell would then hold many values as one text. TextRulings proposes
// the missing rules, only on strong evidence (the idea of the stream
// approach of Tabula and pdfplumber's text strategy, applied inside ruled
// cells):
//
// * a column rule inside a ruled cell where an x gap at least half an em
//   wide runs through every line of the cell and at least three lines (and
//   most of them) have text of two or more glyphs on both sides of it: a
//   wrapped sentence or a single column of values has no such gap;
// * row rules inside a ruled row whose cells set their lines on shared
//   baselines: the cell with the most lines has one on every baseline of the
//   row (no line sits between two others), two or more cells hold several
//   lines, and one of them is a column of numbers ("1,530 / 1,253 /
//   2,783"): a list of entries, where a wrapped text would be one value;
//   and no cell of the row holds text wrapped at its edge (a line filling
//   most of the cell, with no room left for the next line's first word).
// * row rules inside a cell spanning three or more ruled rows when it holds
//   one line per row, each inside its row and on the baseline of text in
//   another cell of that row (a label column drawn without the row rules of
//   its neighbours).
//
// * row rules inside a ruled row that holds several rows set apart by blank
//   lines: a gap of at least 0.8 em through all the row's cells, 1.5 times
//   any gap between the lines of one piece, with text of the row's first
//   cell in every piece and two pieces with text in two or more cells
//   ("Major" and "Area", each beside a four-line definition, a blank line
//   between them); a second paragraph beside a one-line label, or a
//   double-spaced text, is no such evidence.
//
// The rulings returned span the cell (or row of cells) they cut; the caller
// adds them to the grid's own and builds the grid again.
#ifndef DOCPIPE_EXTRACT_TEXT_RULINGS_H_
#define DOCPIPE_EXTRACT_TEXT_RULINGS_H_

#include <vector>

#include "extract/layout.h"
#include "extract/page_content.h"
#include "extract/ruling_detector.h"

namespace docpipe {

// `cells` are a ruled table's cells (their bboxes, rows and spans), and
// `cell_glyphs[i]` the glyphs placed in cells[i]. Returns no rulings when
// the text gives no strong evidence.
std::vector<Ruling> TextRulings(const std::vector<Cell>& cells, const std::vector<std::vector<const Glyph*>>& cell_glyphs);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_TEXT_RULINGS_H_
