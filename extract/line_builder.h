// Text lines from glyphs, and paragraphs (or cell texts) from lines.
//
// Within a line, glyphs follow each other in the text's direction and a
// space is written where the PDF's text layer had one or where the gap
// between two glyphs is wider than a quarter of the font size; between two
// CJK characters, only where the gap is that much wider than the gaps next
// to it (and twice as wide), so that letter-spaced and justified lines read
// solid (see MakeLine in the .cc). Lines of one
// paragraph or cell are joined by script (unicode::JoinWrapped): nothing
// between CJK characters, one space between Latin words.
#ifndef DOCPIPE_EXTRACT_LINE_BUILDER_H_
#define DOCPIPE_EXTRACT_LINE_BUILDER_H_

#include <string>
#include <vector>

#include "extract/layout.h"
#include "extract/page_content.h"

namespace docpipe {

// Groups glyphs by position: glyphs whose centres fall within one line's
// height (across the text direction) form a line. Lines come top to bottom
// (for rotated text: in that text's own order). Use for the glyphs of one
// table cell, where the text layer's lines may cross cell borders.
std::vector<TextLine> BuildLinesByPosition(const std::vector<const Glyph*>& glyphs,
                                           const std::vector<std::string>& fonts);

// Keeps the text layer's own lines and reading order (Glyph::line), for text
// outside tables.
std::vector<TextLine> BuildLinesByTextLayer(const std::vector<const Glyph*>& glyphs,
                                            const std::vector<std::string>& fonts);

// The lines' texts joined by script, as one paragraph.
std::string JoinLines(const std::vector<TextLine>& lines);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_LINE_BUILDER_H_
