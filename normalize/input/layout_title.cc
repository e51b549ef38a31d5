#include "normalize/input/layout_title.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/unicode.h"

namespace docpipe {

double BodyFontSize(const Layout& layout) {
  // Sizes rounded to half points, weighted by characters: a page of small
  // print outweighs a few large headings.
  std::map<long, size_t> chars;
  auto count = [&](const TextLine& line) {
    if (line.size > 0) chars[std::lround(line.size * 2)] += unicode::Length(line.text);
  };
  for (const Page& page : layout.pages) {
    for (const TextLine& line : page.lines) {
      if (line.role == LineRole::kContent) count(line);
    }
    for (const Table& table : page.tables) {
      for (const Cell& cell : table.cells) {
        for (const TextLine& line : cell.lines) count(line);
      }
    }
  }
  long best = 0;
  size_t most = 0;
  for (const auto& [half_points, n] : chars) {
    if (n > most) best = half_points, most = n;
  }
  return static_cast<double>(best) / 2;
}

namespace {

bool OneBaseline(const TextLine& a, const TextLine& b) {
  return std::fabs(a.bbox.y0 - b.bbox.y0) < 0.5 * std::max(a.size, b.size) && b.bbox.x0 > a.bbox.x0;
}

}  // namespace

std::optional<LayoutTitle> FindLayoutTitle(const Layout& layout, const LayoutTitleOptions& options) {
  const Page* first = nullptr;
  for (const Page& page : layout.pages) {
    if (!page.lines.empty() || !page.tables.empty()) {
      first = &page;
      break;
    }
  }
  const double body = BodyFontSize(layout);
  if (first == nullptr || body <= 0) return std::nullopt;

  std::vector<const TextLine*> lines;
  for (const TextLine& line : first->lines) {
    if (line.role != LineRole::kFooter && !unicode::TrimAscii(line.text).empty()) lines.push_back(&line);
  }
  std::stable_sort(lines.begin(), lines.end(), [](const TextLine* a, const TextLine* b) {
    return a->bbox.y0 != b->bbox.y0 ? a->bbox.y0 < b->bbox.y0 : a->bbox.x0 < b->bbox.x0;
  });
  // The body starts at the first table, if nothing else came before.
  double body_top = first->height;
  for (const Table& table : first->tables) body_top = std::min(body_top, table.bbox.y0);

  auto display = [&](const TextLine& line) { return line.size >= options.display_ratio * body; };
  // A title is set with one alignment, centred or from one left edge; a line
  // set otherwise below it (a centred subtitle under a flush-left title)
  // starts something else.
  const double centre = first->width / 2;
  auto centred = [&](const TextLine& line) {
    return std::fabs((line.bbox.x0 + line.bbox.x1) / 2 - centre) < 0.05 * first->width;
  };
  auto aligned = [&](const TextLine& a, const TextLine& b) {
    if (std::fabs(a.bbox.y0 - b.bbox.y0) < 0.5 * std::max(a.size, b.size)) return true;  // one baseline
    return (centred(a) && centred(b)) || std::fabs(a.bbox.x0 - b.bbox.x0) < std::max(a.size, b.size);
  };
  LayoutTitle title;
  title.page = first->number;
  for (const TextLine* line : lines) {
    if (line->bbox.y0 >= body_top) break;
    if (!display(*line)) {
      if (title.lines.empty()) continue;  // small print above the title (a filing note)
      break;
    }
    if (line->bbox.y0 > options.upper_part * first->height) break;  // a date or publisher at the foot
    if (!title.lines.empty() && !aligned(*title.lines.back(), *line)) break;
    title.lines.push_back(line);
  }
  if (title.lines.empty()) return std::nullopt;
  // Lines below each other are wrapped lines of one title. Pieces on one
  // baseline are one line of it that the text layer gave apart: they take a
  // space where a reader sees one, a gap a quarter em wider than the gaps
  // between the other pieces of the line, and twice as wide (all alike in a
  // title set
  // letter-spaced, 廉 政 專 刊, which reads solid; a single gap, as between
  // 附件一 and 服務貿易特定承諾表, is measured against none).
  for (size_t i = 0; i < title.lines.size();) {
    size_t end = i + 1;
    while (end < title.lines.size() && OneBaseline(*title.lines[end - 1], *title.lines[end])) ++end;
    std::vector<double> gaps;
    for (size_t k = i + 1; k < end; ++k) gaps.push_back(title.lines[k]->bbox.x0 - title.lines[k - 1]->bbox.x1);
    double spacing = 0;
    if (gaps.size() >= 2) {
      std::vector<double> sorted(gaps);
      std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
      spacing = std::max(0.0, sorted[sorted.size() / 2]);
    }
    std::string line = title.lines[i]->text;
    for (size_t k = i + 1; k < end; ++k) {
      const double em = std::max(title.lines[k - 1]->size, title.lines[k]->size);
      line = gaps[k - i - 1] > std::max(spacing + 0.25 * em, 2 * spacing) ? line + " " + title.lines[k]->text
                                                  : unicode::JoinWrapped(line, title.lines[k]->text);
    }
    title.text = title.text.empty() ? line : unicode::JoinWrapped(title.text, line);
    i = end;
  }
  return title;
}

}  // namespace docpipe
