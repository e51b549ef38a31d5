// Fake bold: some producers embolden text by drawing every glyph 2-4 times,
// each copy shifted by a fraction of a point. Text layers then read "微微軟軟"
// for "微軟". RemoveDuplicateGlyphs keeps the first copy of each glyph.
#ifndef DOCPIPE_EXTRACT_GLYPH_DEDUP_H_
#define DOCPIPE_EXTRACT_GLYPH_DEDUP_H_

#include <vector>

#include "extract/page_content.h"

namespace docpipe {

struct GlyphDedupOptions {
  // Two copies of the same character whose boxes are offset by less than
  // this share of the font size (in x and in y), and by less than half the
  // glyph's width in x, are one glyph.
  double max_offset = 0.3;
};

// Removes, in place and keeping order, every glyph that repeats an earlier
// glyph's text at nearly the same spot. Returns how many were removed. A
// glyph that lost its duplicates keeps the word's trailing space flag.
int RemoveDuplicateGlyphs(std::vector<Glyph>* glyphs, const GlyphDedupOptions& options = {});

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_GLYPH_DEDUP_H_
