// Reading order of a page's pieces (content lines and tables): top to
// bottom, except where the page is set in two columns, which are read one
// after the other.
//
// Columns are found from the page's white space, not from the text: a
// gutter is a vertical strip, near the middle of the text block, that (next
// to) no piece crosses (at most a fifth of them, the ones spanning both
// columns), with
// enough pieces on both sides, each side as wide as a column and its lines
// filling it (most left-column lines end near the gutter, most right-column
// lines start near it: a form's short labels and values do not). Pieces that
// cross the gutter (a title, a full-width table, a footer note) cut the page
// into bands; within a band the left column is read before the right one.
//
//   std::vector<PagePiece> order = ReadingOrder(pieces);
#ifndef DOCPIPE_NORMALIZE_INPUT_READING_ORDER_H_
#define DOCPIPE_NORMALIZE_INPUT_READING_ORDER_H_

#include <vector>

#include "extract/layout.h"

namespace docpipe {

struct PagePiece {
  BBox box;
  const TextLine* line = nullptr;  // one of line and table is set
  const Table* table = nullptr;
  // Right edge of the column the piece stands in (the text block's right
  // edge on a page of one column, from its lines, not its tables): where a
  // wrapped line of a paragraph ends.
  double column_right = 0;
  double column_left = 0;  // and its left edge
};

struct ReadingOrderOptions {
  int min_pieces_per_column = 5;
  double min_column_share = 0.3;  // a column's width / the text block's width
  // Lines reaching the gutter, at least: a contents page has as many short
  // section lines as entries running to the page number.
  double fill_share = 0.25;
};

// The pieces in reading order, each with its column_right set.
std::vector<PagePiece> ReadingOrder(std::vector<PagePiece> pieces, const ReadingOrderOptions& options = {});

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_READING_ORDER_H_
