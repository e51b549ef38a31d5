#include "extract/ocr_page.h"

#include <algorithm>
#include <cmath>

#include "common/unicode.h"
#include "extract/image_rulings.h"

namespace docpipe {
namespace {

// Tesseract separates words by gaps, in every script. Between two CJK
// characters a gap is not a space (the text has none); between Latin words,
// or a code and the Chinese next to it, the line builder decides by the gap's
// width as it does for text pages.
bool SpaceBetween(const OcrWord& left, const OcrWord& right) {
  return !(unicode::IsCjk(unicode::LastChar(left.text)) && unicode::IsCjk(unicode::FirstChar(right.text)));
}

}  // namespace

PageContent OcrLinesToContent(const std::vector<OcrLine>& lines, PageContent base) {
  base.glyphs.clear();
  base.fonts = {"OCR"};
  base.invisible_glyphs = 0;
  int word_index = 0;
  for (size_t l = 0; l < lines.size(); ++l) {
    const OcrLine& line = lines[l];
    // The line box's height stands for the font size: for CJK text it is
    // the em square, for Latin text the ascender-descender span.
    const double size = std::max(line.bbox.height(), 1.0);
    const size_t first_glyph = base.glyphs.size();
    for (size_t w = 0; w < line.words.size(); ++w, ++word_index) {
      const OcrWord& word = line.words[w];
      for (size_t s = 0; s < word.symbols.size(); ++s) {
        Glyph glyph;
        glyph.text = word.symbols[s].text;
        glyph.bbox = word.symbols[s].bbox;
        glyph.font = 0;
        glyph.size = size;
        glyph.word = word_index;
        glyph.line = static_cast<int>(l);
        glyph.baseline = line.baseline;
        glyph.space_after =
            s + 1 == word.symbols.size() && w + 1 < line.words.size() && SpaceBetween(word, line.words[w + 1]);
        base.glyphs.push_back(std::move(glyph));
      }
    }
    // OCR boxes hug the ink, so an inked 一 or a narrow digit leaves gaps
    // the line builder would read as spaces. Where Tesseract saw no space,
    // each glyph's box reaches to the next one's (by at most half the
    // line's height, so that no glyph's centre moves across a cell border).
    for (size_t g = first_glyph; g + 1 < base.glyphs.size(); ++g) {
      Glyph& glyph = base.glyphs[g];
      const Glyph& next = base.glyphs[g + 1];
      if (glyph.space_after || next.bbox.x0 <= glyph.bbox.x1) continue;
      glyph.bbox.x1 = std::min(next.bbox.x0, glyph.bbox.x1 + size / 2);
    }
  }
  return base;
}

Result<OcrPage> ReadPageByOcr(PdfReader& reader, int number, OcrEngine& engine, double dpi,
                              const PageContent& text_layer) {
  Result<PageImage> image = reader.RenderPage(number, dpi);
  if (!image.ok()) return image.status();
  OcrPage page;
  PageImage straight = Deskew(*image, &page.skew_degrees);
  std::vector<PathSegment> rules = FindAndEraseRules(&straight);
  Result<std::vector<OcrLine>> lines = engine.Recognise(straight);
  if (!lines.ok()) return lines.status();
  page.lines = std::move(*lines);
  PageContent base = text_layer;
  base.segments = std::move(rules);
  page.content = OcrLinesToContent(page.lines, std::move(base));
  return page;
}

void MarkOcrConfidence(const std::vector<OcrLine>& lines, double low_confidence, Page* page) {
  struct Word {
    const OcrWord* word;
    double cx, cy;
  };
  std::vector<Word> words;
  for (const OcrLine& line : lines) {
    for (const OcrWord& word : line.words) words.push_back({&word, word.bbox.cx(), word.bbox.cy()});
  }
  // A word belongs to the line whose box holds its centre; a word split by
  // a cell border into two lines counts in both.
  auto mark = [&](TextLine* line) {
    double weighted = 0, weight = 0;
    for (const Word& w : words) {
      if (!line->bbox.Contains(w.cx, w.cy)) continue;
      const double length = static_cast<double>(std::max<size_t>(unicode::Length(w.word->text), 1));
      weighted += w.word->confidence * length;
      weight += length;
      if (w.word->confidence < low_confidence) line->low_confidence_words.push_back(w.word->text);
    }
    line->confidence = weight > 0 ? std::round(weighted / weight * 1000) / 1000 : 0.0;
  };
  for (TextLine& line : page->lines) mark(&line);
  for (Table& table : page->tables) {
    for (Cell& cell : table.cells) {
      for (TextLine& line : cell.lines) mark(&line);
    }
  }
}

}  // namespace docpipe
