// Glyphs for the table-building tests: one word set at (x, baseline y),
// 10 pt, 5 pt per character, the last glyph followed by a space. Each call
// is a new word (its own `word` number).
#ifndef DOCPIPE_TESTS_EXTRACT_WORD_GLYPHS_H_
#define DOCPIPE_TESTS_EXTRACT_WORD_GLYPHS_H_

#include <string>
#include <vector>

#include "extract/page_content.h"

namespace docpipe {

inline void Word(const std::string& text, double x, double y, std::vector<Glyph>* glyphs) {
  static int word = 0;
  ++word;
  for (char ch : text) {
    Glyph g;
    g.text = std::string(1, ch);
    g.bbox = {x, y - 8, x + 5, y + 2};
    g.size = 10;
    g.baseline = y;
    g.word = word;
    glyphs->push_back(g);
    x += 5;
  }
  if (!glyphs->empty()) glyphs->back().space_after = true;
}

}  // namespace docpipe

#endif  // DOCPIPE_TESTS_EXTRACT_WORD_GLYPHS_H_
