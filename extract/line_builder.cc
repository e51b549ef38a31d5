#include "extract/line_builder.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "common/unicode.h"

namespace docpipe {
namespace {

// Coordinates along the text direction (primary) and across it (secondary),
// so that one routine handles horizontal and rotated text: primary grows in
// reading order, secondary from the first line to the next.
struct Axes {
  double p0, p1, s0, s1;
  double base;  // the baseline across the text, the box's centre when unknown
};

Axes AxesOf(const Glyph& g) {
  const BBox& b = g.bbox;
  Axes a;
  switch (g.rotation & 3) {
    case 1: a = {b.y0, b.y1, -b.x1, -b.x0, -g.baseline}; break;  // top to bottom, lines leftwards
    case 2: a = {-b.x1, -b.x0, -b.y1, -b.y0, -g.baseline}; break;
    case 3: a = {-b.y1, -b.y0, b.x0, b.x1, g.baseline}; break;  // bottom to top, lines rightwards
    default: a = {b.x0, b.x1, b.y0, b.y1, g.baseline}; break;
  }
  if (std::isnan(a.base)) a.base = (a.s0 + a.s1) / 2;
  return a;
}

// Glyphs already in reading order -> one line.
//
// Where a reader sees a space: between Latin letters and digits, a gap of a
// quarter em or the producer's word break. Between two CJK characters, which
// are set solid, only a gap clearly wider than the letter spacing around
// it: a quarter em wider than the wider of its neighbouring gaps, and twice
// as wide. A title set with a blank between two words ("附件一
// 服務貿易特定承諾表") keeps its space; a label or heading spread letter by
// letter across a cell or the page (收 支 科 目, and 廉 政 專 刊 after a
// solid 監察院公報………), or a justified line whose every gap was widened,
// reads solid, since its gaps are all alike; two letters alone on a line
// have no neighbouring gap to tell a space from letter spacing, and read
// solid. The letter spacing is also the line's own, the median gap between
// its CJK characters: a gap next to a pair the producer set solid, or at
// the line's end, is no word space for being wider than that pair's (the
// gazette cover's "中 華 民 國 … 日出 版", spread but for 日出).
TextLine MakeLine(const std::vector<const Glyph*>& glyphs, const std::vector<std::string>& fonts) {
  TextLine line;
  std::vector<double> gaps;  // gaps[i - 1]: between glyphs i - 1 and i
  std::vector<char> solids;  // solids[i - 1]: CJK on both sides of that gap
  std::vector<double> cjk_gaps;
  gaps.reserve(glyphs.size());
  solids.reserve(glyphs.size());
  for (size_t i = 1; i < glyphs.size(); ++i) {
    gaps.push_back(AxesOf(*glyphs[i]).p0 - AxesOf(*glyphs[i - 1]).p1);
    solids.push_back(unicode::IsCjk(unicode::LastChar(glyphs[i - 1]->text)) &&
                     unicode::IsCjk(unicode::FirstChar(glyphs[i]->text)));
    if (solids.back()) cjk_gaps.push_back(gaps.back());
  }
  double letter_spacing = 0;  // the lower median: a line with as many word spaces as letters spaced keeps them
  if (!cjk_gaps.empty()) {
    std::nth_element(cjk_gaps.begin(), cjk_gaps.begin() + (cjk_gaps.size() - 1) / 2, cjk_gaps.end());
    letter_spacing = cjk_gaps[(cjk_gaps.size() - 1) / 2];
  }
  const Glyph* previous = nullptr;
  double size = 0;
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const Glyph* g = glyphs[i];
    if (previous != nullptr) {
      const double gap = gaps[i - 1];
      const double em = std::max(previous->size, g->size);
      const bool solid = solids[i - 1];
      bool space;
      if (solid) {
        double around = gaps.size() == 1 ? gap : 0;  // letter spacing around this gap
        if (i >= 2) around = std::max(around, gaps[i - 2]);
        if (i < gaps.size()) around = std::max(around, gaps[i]);
        around = std::max(around, letter_spacing);
        space = gap > std::max(around + 0.25 * em, 2 * around);
      } else {
        space = previous->space_after || gap > 0.25 * em;
      }
      if (space && !line.text.empty() && line.text.back() != ' ') line.text.push_back(' ');
    }
    line.text += g->text;
    line.bbox.Extend(g->bbox);
    size = std::max(size, g->size);
    previous = g;
  }
  if (!glyphs.empty() && glyphs[0]->font >= 0 && static_cast<size_t>(glyphs[0]->font) < fonts.size()) {
    line.font = fonts[static_cast<size_t>(glyphs[0]->font)];
  }
  line.size = size;
  while (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
  return line;
}

}  // namespace

std::vector<TextLine> BuildLinesByPosition(const std::vector<const Glyph*>& glyphs,
                                           const std::vector<std::string>& fonts) {
  // Lines are told apart by baseline, not by overlapping boxes: writers that
  // declare a large ascent and descent (Chromium: 26 pt boxes for 10 pt text
  // on an 11 pt pitch) give boxes that overlap the next line's. Nor is the
  // font size to be trusted (the same writer reports 20 for that text), so
  // the tolerance follows the glyphs' advance: a CJK glyph is one em wide.
  // Each glyph's axes are worked out once, not in every comparison of the
  // sorts (the same keys, so the same stable order).
  struct Placed {
    const Glyph* glyph;
    Axes axes;
  };
  std::vector<Placed> sorted;
  sorted.reserve(glyphs.size());
  for (const Glyph* g : glyphs) sorted.push_back({g, AxesOf(*g)});
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Placed& a, const Placed& b) { return a.axes.base < b.axes.base; });
  std::vector<TextLine> lines;
  std::vector<Placed> current;
  std::vector<const Glyph*> line_glyphs;
  double line_base = 0, em = 0, line_size = 0;
  bool swallows = false;
  // A superscript's font is at most this share of its line's.
  constexpr double kScriptSize = 0.9;
  double band0 = 0, band1 = 0;  // the current line's extent across the text
  auto flush = [&] {
    if (current.empty()) return;
    std::stable_sort(current.begin(), current.end(),
                     [](const Placed& a, const Placed& b) { return a.axes.p0 < b.axes.p0; });
    line_glyphs.clear();
    for (const Placed& p : current) line_glyphs.push_back(p.glyph);
    TextLine line = MakeLine(line_glyphs, fonts);
    if (!line.text.empty()) lines.push_back(std::move(line));
    current.clear();
  };
  for (const Placed& placed : sorted) {
    const Glyph* g = placed.glyph;
    const Axes& a = placed.axes;
    double glyph_em = a.p1 - a.p0;
    if (g->size > 0) glyph_em = std::min(glyph_em, g->size);
    if (!current.empty()) {
      constexpr double kSlack = 0.5;
      bool same_base = a.base - line_base <= 0.35 * std::max(em, glyph_em);
      // A superscript or subscript sits inside its line's extent (or the line
      // so far, a superscript, inside the glyph's), and is set smaller. A
      // glyph of the text's own size is no superscript, however tall its box:
      // a bullet whose box spans two lines would otherwise take both into its
      // line, their characters interleaved ("• cPoamtiepnlets").
      const bool smaller = g->size <= 0 || line_size <= 0 || g->size < kScriptSize * line_size;
      const bool larger = g->size <= 0 || line_size <= 0 || line_size < kScriptSize * g->size;
      swallows = larger && band0 >= a.s0 - kSlack && band1 <= a.s1 + kSlack;
      bool nested = (smaller && a.s0 >= band0 - kSlack && a.s1 <= band1 + kSlack) || swallows;
      if (!same_base && !nested) flush();
    }
    if (current.empty()) {
      line_base = a.base;
      em = 0;
      line_size = 0;
      band0 = a.s0;
      band1 = a.s1;
    }
    // The line so far was a superscript of this glyph's line: its baseline
    // is this glyph's.
    if (swallows && !current.empty()) line_base = a.base;
    swallows = false;
    em = std::max(em, glyph_em);
    line_size = std::max(line_size, g->size);
    band0 = std::min(band0, a.s0);
    band1 = std::max(band1, a.s1);
    current.push_back(placed);
  }
  flush();
  return lines;
}

std::vector<TextLine> BuildLinesByTextLayer(const std::vector<const Glyph*>& glyphs,
                                            const std::vector<std::string>& fonts) {
  std::vector<std::vector<const Glyph*>> groups;
  std::unordered_map<int, size_t> group_of_line;
  for (const Glyph* g : glyphs) {
    auto [it, added] = group_of_line.emplace(g->line, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(g);
  }
  std::vector<TextLine> lines;
  for (const auto& group : groups) {
    TextLine line = MakeLine(group, fonts);
    if (!line.text.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

std::string JoinLines(const std::vector<TextLine>& lines) {
  std::string text;
  for (const TextLine& line : lines) text = text.empty() ? line.text : unicode::JoinWrapped(text, line.text);
  return text;
}

}  // namespace docpipe
