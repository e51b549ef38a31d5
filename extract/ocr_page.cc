#include "extract/ocr_page.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

#include "common/unicode.h"
#include "extract/image_rulings.h"
#include "extract/ocr_vote.h"
#include "extract/ruling_detector.h"
#include "extract/table_builder.h"

namespace docpipe {
namespace {

// Points a cell's region keeps from its rules (the rules are about one point
// thick; a cell's text stands two or more points from them).
constexpr double kCellInset = 1.5;

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
    // Tesseract's LSTM recogniser places characters only roughly (a 3 pt
    // box for 量 inside 流量, the 。 after it starting before it), and cells
    // order their glyphs by position: 流。量. The order read is the text's,
    // so no glyph starts before the one read before it.
    for (size_t g = first_glyph + 1; g < base.glyphs.size(); ++g) {
      BBox& box = base.glyphs[g].bbox;
      const double floor = base.glyphs[g - 1].bbox.x0 + 0.01;
      if (box.x0 < floor) {
        box.x0 = floor;
        box.x1 = std::max(box.x1, floor);
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

std::vector<BBox> TableCellRegions(const std::vector<PathSegment>& rules, const std::vector<BBox>& words,
                                   double page_width, double page_height, std::vector<BBox>* table_boxes) {
  std::vector<BBox> regions;
  std::vector<Ruling> rulings = DetectRulings(rules);
  if (rulings.empty()) return regions;
  // The table builder keeps only tables with text in them; the words'
  // boxes stand in for the glyphs, which are not read yet.
  std::vector<Glyph> stand_ins;
  for (const BBox& word : words) {
    Glyph glyph;
    glyph.text = "x";
    glyph.bbox = word;
    glyph.size = std::max(word.height(), 1.0);
    stand_ins.push_back(std::move(glyph));
  }
  std::vector<bool> in_table;
  for (const Table& table : BuildTables(rulings, stand_ins, {"OCR"}, page_width, page_height, &in_table)) {
    table_boxes->push_back(table.bbox);
    for (const Cell& cell : table.cells) {
      // Inside the cell's rules: what is left of an erased rule along the
      // cell's edge must not be read as a quote mark or a bar.
      BBox region = cell.bbox;
      const double inset = std::min({kCellInset, region.width() / 4, region.height() / 4});
      region.x0 += inset;
      region.y0 += inset;
      region.x1 -= inset;
      region.y1 -= inset;
      regions.push_back(region);
    }
  }
  return regions;
}

bool SmoothForOcr(PageImage* image) {
  if (image->width < 5 || image->height < 5) return false;
  // A binomial 1-4-6-4-1 kernel (sigma about one pixel), across then down.
  auto pass = [](const std::vector<uint8_t>& in, std::vector<uint8_t>* out, int width, int height, int step_x,
                 int step_y) {
    static constexpr int kWeights[5] = {1, 4, 6, 4, 1};
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        int sum = 0;
        for (int k = -2; k <= 2; ++k) {
          const int sx = std::clamp(x + k * step_x, 0, width - 1);
          const int sy = std::clamp(y + k * step_y, 0, height - 1);
          sum += kWeights[k + 2] * in[static_cast<size_t>(sy) * width + sx];
        }
        (*out)[static_cast<size_t>(y) * width + x] = static_cast<uint8_t>((sum + 8) / 16);
      }
    }
  };
  std::vector<uint8_t> across(image->gray.size());
  pass(image->gray, &across, image->width, image->height, 1, 0);
  pass(across, &image->gray, image->width, image->height, 0, 1);
  return true;
}

std::vector<BBox> InkLines(const PageImage& image, const BBox& region, double line_height) {
  std::vector<BBox> lines;
  const double pixels = 1 / image.PointsPerPixel();
  const int x0 = std::max(0, static_cast<int>(std::ceil(region.x0 * pixels)));
  const int y0 = std::max(0, static_cast<int>(std::ceil(region.y0 * pixels)));
  const int x1 = std::min(image.width, static_cast<int>(region.x1 * pixels));
  const int y1 = std::min(image.height, static_cast<int>(region.y1 * pixels));
  if (x1 <= x0 || y1 <= y0) return lines;
  std::vector<int> dark_in_row(static_cast<size_t>(y1 - y0), 0);
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) dark_in_row[static_cast<size_t>(y - y0)] += image.at(x, y) < 128;
  }
  const double em = line_height * pixels;
  // Strokes of one line are apart by less than a third of its height (三,
  // 二, the dot of a colon); lines of a block are further apart.
  const int gap = std::max(1, static_cast<int>(em / 3));
  // Less ink than about half a character (a CJK character at 300 dpi has
  // some 300 dark pixels), or a band lower than a third of a line, is noise
  // or what is left of a rule or of a whitened line's edge.
  const int enough = static_cast<int>(150 * (image.dpi / 300) * (image.dpi / 300));
  // Ink is cut out with a margin of about a tenth of a line.
  const int margin = std::max(1, static_cast<int>(em / 10));
  auto close_band = [&](int top, int bottom) {
    int left = x1, right = x0 - 1, dark = 0;
    for (int y = top; y <= bottom; ++y) {
      for (int x = x0; x < x1; ++x) {
        if (image.at(x, y) >= 128) continue;
        ++dark;
        left = std::min(left, x);
        right = std::max(right, x);
      }
    }
    if (dark < enough || bottom - top + 1 < em / 3) return;
    const double scale = image.PointsPerPixel();
    lines.push_back(BBox{std::max(x0, left - margin) * scale, std::max(y0, top - margin) * scale,
                         std::min(x1, right + margin + 1) * scale, std::min(y1, bottom + margin + 1) * scale});
  };
  int top = -1, bottom = -1;
  for (int y = y0; y < y1; ++y) {
    if (dark_in_row[static_cast<size_t>(y - y0)] == 0) continue;
    if (top >= 0 && y - bottom > gap) {
      close_band(top, bottom);
      top = -1;
    }
    if (top < 0) top = y;
    bottom = y;
  }
  if (top >= 0) close_band(top, bottom);
  return lines;
}

void OrderBlocksInBands(std::vector<OcrLine>* lines) {
  struct Block {
    int id;
    double top, bottom;
    size_t first;  // Tesseract's order
  };
  std::vector<Block> blocks;
  for (size_t i = 0; i < lines->size(); ++i) {
    const OcrLine& line = (*lines)[i];
    if (blocks.empty() || blocks.back().id != line.block) {
      blocks.push_back({line.block, line.bbox.y0, line.bbox.y1, i});
    } else {
      blocks.back().top = std::min(blocks.back().top, line.bbox.y0);
      blocks.back().bottom = std::max(blocks.back().bottom, line.bbox.y1);
    }
  }
  std::vector<Block> by_top = blocks;
  std::stable_sort(by_top.begin(), by_top.end(), [](const Block& a, const Block& b) { return a.top < b.top; });
  // Bands: blocks whose vertical extents overlap (columns side by side) are
  // one band, read in Tesseract's order; bands are read top to bottom.
  std::vector<std::vector<Block>> bands;
  double band_bottom = 0;
  for (const Block& block : by_top) {
    if (bands.empty() || block.top >= band_bottom) {
      bands.emplace_back();
      band_bottom = block.bottom;
    } else {
      band_bottom = std::max(band_bottom, block.bottom);
    }
    bands.back().push_back(block);
  }
  std::vector<OcrLine> ordered;
  ordered.reserve(lines->size());
  for (std::vector<Block>& band : bands) {
    std::sort(band.begin(), band.end(), [](const Block& a, const Block& b) { return a.first < b.first; });
    for (const Block& block : band) {
      for (size_t i = block.first; i < lines->size() && (*lines)[i].block == block.id; ++i) {
        ordered.push_back(std::move((*lines)[i]));
      }
    }
  }
  *lines = std::move(ordered);
}

namespace {

// Sets the pixels of `box` (page points), grown by `margin` pixels, to white.
void Whiten(const BBox& box, int margin, PageImage* image) {
  const double pixels = 1 / image->PointsPerPixel();
  const int x0 = std::max(0, static_cast<int>(box.x0 * pixels) - margin);
  const int y0 = std::max(0, static_cast<int>(box.y0 * pixels) - margin);
  const int x1 = std::min(image->width, static_cast<int>(box.x1 * pixels) + margin + 1);
  const int y1 = std::min(image->height, static_cast<int>(box.y1 * pixels) + margin + 1);
  for (int y = y0; y < y1 && x0 < x1; ++y) {
    std::fill(image->gray.begin() + static_cast<size_t>(y) * image->width + x0,
              image->gray.begin() + static_cast<size_t>(y) * image->width + x1, 255);
  }
}

// The median height of `lines` (page points); `fallback` when there are none.
double MedianLineHeight(const std::vector<OcrLine>& lines, double fallback) {
  std::vector<double> heights;
  for (const OcrLine& line : lines) heights.push_back(line.bbox.height());
  if (heights.empty()) return fallback;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

// A cell read with a word below this confidence is read a second time, cut
// out (bench/README.md "Wave 7: ocr6" measures where to draw it).
constexpr double kSecondReadingBelow = 0.7;

// Reads again, cut out of the page, the cells of `regions` whose reading in
// `lines` (RecogniseBlocks' output, each line's block its region's index)
// has a word Tesseract is unsure of, and votes the two readings
// (ocr_vote.h). Through a rectangle on the page and cut out, the LSTM
// reads some Han characters differently, and neither way is right on every
// document (bench/README.md "Wave 6: ocr5"); where the two disagree, its
// confidence in each character says which is likelier. Cells read
// confidently are read once, which bounds the cost.
Status VoteUnsureCells(OcrEngine& engine, const PageImage& image, const std::vector<BBox>& regions,
                       std::vector<OcrLine>* lines) {
  std::vector<std::vector<OcrLine>> by_region(regions.size());
  for (OcrLine& line : *lines) by_region[static_cast<size_t>(line.block)].push_back(std::move(line));
  lines->clear();
  std::vector<BBox> unsure;
  std::vector<size_t> unsure_region;
  for (size_t r = 0; r < regions.size(); ++r) {
    if (by_region[r].empty() || LowestWordConfidence(by_region[r]) >= kSecondReadingBelow) continue;
    unsure.push_back(regions[r]);
    unsure_region.push_back(r);
  }
  if (!unsure.empty()) {
    Result<std::vector<OcrLine>> cut = engine.RecogniseCutOut(image, unsure, OcrEngine::RegionMode::kBlock);
    if (!cut.ok()) return cut.status();
    std::vector<std::vector<OcrLine>> cut_by_region(unsure.size());
    for (OcrLine& line : *cut) cut_by_region[static_cast<size_t>(line.block)].push_back(std::move(line));
    for (size_t i = 0; i < unsure.size(); ++i) {
      std::vector<OcrLine>& first = by_region[unsure_region[i]];
      first = VoteReadings(first, cut_by_region[i]);
    }
  }
  for (std::vector<OcrLine>& region : by_region) {
    lines->insert(lines->end(), std::make_move_iterator(region.begin()), std::make_move_iterator(region.end()));
  }
  return Status::Ok();
}

// Reads the cells of `regions` as blocks, then once more the ink left in
// them outside the lines read: Tesseract's line finder now and then drops a
// line of a block (a wrapped "紀錄" under "O2.1.2 修訂", "系統分級表" under
// "營運業務 /"). Read again as a block, or as sparse text, the same line
// alone in its cell gives nothing as often as not; cut out to its own ink
// and read as one line, it is read (bench/README.md, third round).
Result<std::vector<OcrLine>> ReadCells(OcrEngine& engine, const PageImage& image, const std::vector<BBox>& regions) {
  Result<std::vector<OcrLine>> lines = engine.RecogniseBlocks(image, regions, OcrEngine::RegionMode::kBlock);
  if (!lines.ok()) return lines;
  if (Status s = VoteUnsureCells(engine, image, regions, &*lines); !s.ok()) return s;
  PageImage rest = image;
  for (const OcrLine& line : *lines) Whiten(line.bbox, 2, &rest);
  // A line is about as tall as the others in the tables (a 10.5 pt CJK
  // line is some 9 pt of ink); 9 pt when nothing was read.
  const double line_height = MedianLineHeight(*lines, 9);
  std::vector<BBox> again;
  for (const BBox& region : regions) {
    for (const BBox& ink : InkLines(rest, region, line_height)) again.push_back(ink);
  }
  if (again.empty()) return lines;
  Result<std::vector<OcrLine>> more = engine.RecogniseBlocks(rest, again, OcrEngine::RegionMode::kLine);
  if (!more.ok()) return more;
  const int base = lines->empty() ? 0 : lines->back().block + 1;
  for (OcrLine& line : *more) {
    line.block += base;
    lines->push_back(std::move(line));
  }
  return lines;
}

// Whitens the boxes of `lines` in `image`, then reads the rest of the ink
// (if any) as sparse text and appends it to `lines` as further blocks.
Status ReadWhatIsLeft(OcrEngine& engine, PageImage* image, std::vector<OcrLine>* lines) {
  for (const OcrLine& line : *lines) Whiten(line.bbox, 2, image);
  if (std::none_of(image->gray.begin(), image->gray.end(), [](uint8_t v) { return v < 128; })) return Status::Ok();
  Result<std::vector<OcrLine>> left = engine.RecogniseSparse(*image);
  if (!left.ok()) return left.status();
  const int base = lines->empty() ? 0 : lines->back().block + 1;
  for (OcrLine& line : *left) {
    line.block += base;
    lines->push_back(std::move(line));
  }
  return Status::Ok();
}

}  // namespace

Result<OcrPage> ReadPageByOcr(PdfReader& reader, int number, OcrEngine& engine, double dpi,
                              const PageContent& text_layer) {
  Result<PageImage> image = reader.RenderPage(number, dpi);
  if (!image.ok()) return image.status();
  OcrPage page;
  PageImage straight = Deskew(*image, &page.skew_degrees);
  std::vector<PathSegment> rules = FindAndEraseRules(&straight);
  // A scan's hard, jagged edges make Tesseract's line finder drop whole
  // lines of dense CJK text (bench/README.md); slightly smoothed, the same
  // lines are found.
  SmoothForOcr(&straight);
  // Ruled tables are read cell by cell: the page's layout analysis, made
  // for running text, drops lone digits and short labels in wide cells and
  // splits or joins cells' lines across the (erased) rules.
  std::vector<BBox> table_boxes;
  std::vector<BBox> cells;
  if (!rules.empty()) {
    cells = TableCellRegions(rules, engine.FindWords(straight), text_layer.width, text_layer.height, &table_boxes);
  }
  if (!cells.empty()) {
    Result<std::vector<OcrLine>> in_cells = ReadCells(engine, straight, cells);
    if (!in_cells.ok()) return in_cells.status();
    page.lines = std::move(*in_cells);
    // The rest of the page, without the tables, by layout analysis.
    for (const BBox& box : table_boxes) Whiten(box, 2, &straight);
  }
  Result<std::vector<OcrLine>> outside = engine.Recognise(straight);
  if (!outside.ok()) return outside.status();
  // The layout analysis drops small text standing alone (a page number
  // under a table, a running header on an otherwise empty page): what ink
  // it left unread is read once more as sparse text.
  if (Status s = ReadWhatIsLeft(engine, &straight, &*outside); !s.ok()) return s;
  OrderBlocksInBands(&*outside);
  const int block_base = page.lines.empty() ? 0 : page.lines.back().block + 1;
  // Running text before the tables' cells: the line builder keeps this
  // order for the lines outside tables (cells are placed by position).
  for (OcrLine& line : *outside) line.block += block_base;
  outside->insert(outside->end(), std::make_move_iterator(page.lines.begin()), std::make_move_iterator(page.lines.end()));
  page.lines = std::move(*outside);
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
