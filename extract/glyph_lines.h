// Glyphs grouped into lines by baseline and each line into chunks by the
// gaps between its glyphs: the one grouping that the table builders use to
// read text inside a region or a cell (extract/aligned_table_builder.cc for
// tables with horizontal rules only, extract/text_rulings.cc for the rules a
// ruled grid leaves out).
//
// Contract of GroupGlyphLines:
// * glyphs are taken in order of baseline (a stable sort; a glyph without a
//   baseline uses its box's vertical centre); a new line starts where the
//   baseline moves down by more than 0.4 em of the glyph's font size from the
//   previous glyph's, so a line is a run of close baselines;
// * each line's glyphs are ordered left to right (stable on equal x0);
// * a new chunk starts where a glyph begins more than 0.55 em of the line's
//   largest font size right of the chunk's right edge;
// * lines come top to bottom; every glyph given is in exactly one line and
//   one chunk. Rotation is not looked at: callers leave turned text out.
#ifndef DOCPIPE_EXTRACT_GLYPH_LINES_H_
#define DOCPIPE_EXTRACT_GLYPH_LINES_H_

#include <vector>

#include "extract/page_content.h"

namespace docpipe {

// Baselines this many ems apart are one line.
inline constexpr double kLineBaselineEm = 0.4;
// Glyphs of a line closer than this many ems belong to one chunk.
inline constexpr double kChunkGapEm = 0.55;

struct GlyphChunk {
  std::vector<const Glyph*> glyphs;  // left to right
  double x0 = 0, x1 = 0;
};

struct GlyphLine {
  std::vector<const Glyph*> glyphs;  // left to right
  std::vector<GlyphChunk> chunks;    // left to right
  double base = 0;  // mean baseline of the glyphs
  double size = 0;  // largest font size
  double y0 = 0, y1 = 0, x0 = 0, x1 = 0;  // union of the glyph boxes
};

// The glyph's baseline, or its box's vertical centre when the text layer
// gives none.
double GlyphBaseline(const Glyph& g);

std::vector<GlyphLine> GroupGlyphLines(std::vector<const Glyph*> glyphs);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_GLYPH_LINES_H_
