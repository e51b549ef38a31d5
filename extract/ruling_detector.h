// Ruling lines of tables from the pieces of a page's vector drawing.
//
// A table rule reaches the PDF in many shapes: one long stroked line, a
// stroke per cell side (each inner rule drawn twice, by both neighbours), a
// thin filled bar, two hairlines a fraction of a point apart. DetectRulings
// turns them into one Ruling per visible rule: pieces on (nearly) the same
// line are snapped together and joined where they touch or nearly touch;
// what remains shorter than a few points (tick marks, underscores of glyphs)
// is dropped.
#ifndef DOCPIPE_EXTRACT_RULING_DETECTOR_H_
#define DOCPIPE_EXTRACT_RULING_DETECTOR_H_

#include <vector>

#include "extract/page_content.h"

namespace docpipe {

struct Ruling {
  bool horizontal = true;
  double pos = 0;    // y of a horizontal ruling, x of a vertical one
  double start = 0;  // extent along the ruling: x0..x1 or y0..y1
  double end = 0;
};

struct RulingOptions {
  double snap = 1.5;        // pieces whose positions differ less are on one line
  double join = 2.5;        // gaps up to this are bridged
  double min_length = 4.0;  // shorter rulings are dropped
};

// Horizontal rulings first (by y, then x), then vertical ones (by x, then y).
std::vector<Ruling> DetectRulings(const std::vector<PathSegment>& segments, const RulingOptions& options = {});

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_RULING_DETECTOR_H_
