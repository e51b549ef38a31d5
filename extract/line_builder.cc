#include "extract/line_builder.h"

#include <algorithm>
#include <unordered_map>

#include "common/unicode.h"

namespace docpipe {
namespace {

// Coordinates along the text direction (primary) and across it (secondary),
// so that one routine handles horizontal and rotated text: primary grows in
// reading order, secondary from the first line to the next.
struct Axes {
  double p0, p1, s0, s1;
};

Axes AxesOf(const Glyph& g) {
  const BBox& b = g.bbox;
  switch (g.rotation & 3) {
    case 1: return {b.y0, b.y1, -b.x1, -b.x0};  // top to bottom, lines leftwards
    case 2: return {-b.x1, -b.x0, -b.y1, -b.y0};
    case 3: return {-b.y1, -b.y0, b.x0, b.x1};  // bottom to top, lines rightwards
    default: return {b.x0, b.x1, b.y0, b.y1};
  }
}

// Glyphs already in reading order -> one line.
TextLine MakeLine(const std::vector<const Glyph*>& glyphs, const std::vector<std::string>& fonts) {
  TextLine line;
  const Glyph* previous = nullptr;
  double size = 0;
  for (const Glyph* g : glyphs) {
    if (previous != nullptr) {
      double gap = AxesOf(*g).p0 - AxesOf(*previous).p1;
      bool space = previous->space_after || gap > 0.25 * std::max(previous->size, g->size);
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
  std::vector<const Glyph*> sorted(glyphs);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Glyph* a, const Glyph* b) {
    Axes x = AxesOf(*a), y = AxesOf(*b);
    return (x.s0 + x.s1) < (y.s0 + y.s1);
  });
  std::vector<TextLine> lines;
  std::vector<const Glyph*> current;
  double band0 = 0, band1 = 0;  // the current line's extent across the text
  auto flush = [&] {
    if (current.empty()) return;
    std::stable_sort(current.begin(), current.end(),
                     [](const Glyph* a, const Glyph* b) { return AxesOf(*a).p0 < AxesOf(*b).p0; });
    TextLine line = MakeLine(current, fonts);
    if (!line.text.empty()) lines.push_back(std::move(line));
    current.clear();
  };
  for (const Glyph* g : sorted) {
    Axes a = AxesOf(*g);
    double centre = (a.s0 + a.s1) / 2;
    if (!current.empty() && (centre > band1 || centre < band0)) flush();
    if (current.empty()) {
      band0 = a.s0;
      band1 = a.s1;
    } else {
      band0 = std::min(band0, a.s0);
      band1 = std::max(band1, a.s1);
    }
    current.push_back(g);
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
