#include "extract/glyph_lines.h"

#include <algorithm>
#include <cmath>

namespace docpipe {

double GlyphBaseline(const Glyph& g) { return std::isnan(g.baseline) ? g.bbox.cy() : g.baseline; }

std::vector<GlyphLine> GroupGlyphLines(std::vector<const Glyph*> glyphs) {
  std::stable_sort(glyphs.begin(), glyphs.end(),
                   [](const Glyph* a, const Glyph* b) { return GlyphBaseline(*a) < GlyphBaseline(*b); });
  std::vector<GlyphLine> lines;
  // Compared with the previous glyph, not the line's first: a line whose
  // baseline drifts (superscripts, mixed fonts) stays one line.
  double last = 0;
  for (const Glyph* g : glyphs) {
    if (lines.empty() || GlyphBaseline(*g) - last > kLineBaselineEm * std::max(g->size, 1.0)) lines.emplace_back();
    lines.back().glyphs.push_back(g);
    last = GlyphBaseline(*g);
  }
  for (GlyphLine& line : lines) {
    std::stable_sort(line.glyphs.begin(), line.glyphs.end(),
                     [](const Glyph* a, const Glyph* b) { return a->bbox.x0 < b->bbox.x0; });
    const Glyph& first = *line.glyphs.front();
    line.y0 = first.bbox.y0, line.y1 = first.bbox.y1, line.x0 = first.bbox.x0, line.x1 = first.bbox.x1;
    double base_sum = 0;
    for (const Glyph* g : line.glyphs) {
      line.size = std::max(line.size, g->size);
      line.y0 = std::min(line.y0, g->bbox.y0), line.y1 = std::max(line.y1, g->bbox.y1);
      line.x1 = std::max(line.x1, g->bbox.x1);
      base_sum += GlyphBaseline(*g);
    }
    line.base = base_sum / static_cast<double>(line.glyphs.size());
    const double gap = kChunkGapEm * std::max(line.size, 1.0);
    for (const Glyph* g : line.glyphs) {
      if (line.chunks.empty() || g->bbox.x0 - line.chunks.back().x1 > gap) {
        line.chunks.emplace_back();
        line.chunks.back().x0 = g->bbox.x0;
        line.chunks.back().x1 = g->bbox.x1;
      }
      GlyphChunk& chunk = line.chunks.back();
      chunk.glyphs.push_back(g);
      chunk.x1 = std::max(chunk.x1, g->bbox.x1);
    }
  }
  return lines;
}

}  // namespace docpipe
