#include "extract/fill_rulings.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "extract/union_find.h"

namespace docpipe {
namespace {

// Fills whose edges are this close are one edge (producers round).
constexpr double kEdgeTolerance = 1.0;
// A white gap between two cells' fills is at most this wide (points).
constexpr double kMaxGap = 6.0;
// Blocks with a side shorter than this are marks, not cells.
constexpr double kMinBlockSide = 4.0;
// A block covering this share of the page is its background.
constexpr double kBackgroundShare = 0.5;
// Blocks joined by gaps: at least this many make a table.
constexpr size_t kMinGroupBlocks = 3;
// Shaded rows of a banded table: at least this many, white rows between them
// at most this many times a shaded row's height.
constexpr size_t kMinBands = 3;
constexpr double kMaxBandGapRatio = 2.0;

struct Block {
  BBox box;
  unsigned rgb = 0;
};

bool Near(double a, double b) { return std::fabs(a - b) <= kEdgeTolerance; }

bool Nests(const BBox& outer, const BBox& inner) {
  return inner.x0 >= outer.x0 - kEdgeTolerance && inner.x1 <= outer.x1 + kEdgeTolerance &&
         inner.y0 >= outer.y0 - kEdgeTolerance && inner.y1 <= outer.y1 + kEdgeTolerance;
}

// Two fills of one colour are one block: one nests in the other, or they
// continue each other (same left and right edges, touching above/below; or
// same top and bottom, touching beside).
bool OneBlock(const FillRect& a, const FillRect& b) {
  if (a.rgb != b.rgb) return false;
  if (Nests(a.box, b.box) || Nests(b.box, a.box)) return true;
  const bool columns = Near(a.box.x0, b.box.x0) && Near(a.box.x1, b.box.x1);
  const bool rows = Near(a.box.y0, b.box.y0) && Near(a.box.y1, b.box.y1);
  const bool touch_v = a.box.y0 <= b.box.y1 + kEdgeTolerance && b.box.y0 <= a.box.y1 + kEdgeTolerance;
  const bool touch_h = a.box.x0 <= b.box.x1 + kEdgeTolerance && b.box.x0 <= a.box.x1 + kEdgeTolerance;
  return (columns && touch_v) || (rows && touch_h);
}

std::vector<Block> MergeBlocks(const std::vector<FillRect>& fills, double page_width, double page_height) {
  UnionFind sets(fills.size());
  for (size_t i = 0; i < fills.size(); ++i) {
    for (size_t j = i + 1; j < fills.size(); ++j) {
      if (OneBlock(fills[i], fills[j])) sets.Unite(i, j);
    }
  }
  std::vector<int> block_of(fills.size(), -1);
  std::vector<Block> blocks;
  for (size_t i = 0; i < fills.size(); ++i) {
    const size_t root = sets.Find(i);
    if (block_of[root] < 0) {
      block_of[root] = static_cast<int>(blocks.size());
      blocks.push_back({fills[i].box, fills[i].rgb});
    }
    BBox& box = blocks[static_cast<size_t>(block_of[root])].box;
    box = {std::min(box.x0, fills[i].box.x0), std::min(box.y0, fills[i].box.y0), std::max(box.x1, fills[i].box.x1),
           std::max(box.y1, fills[i].box.y1)};
  }
  const double page_area = page_width * page_height;
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                              [&](const Block& b) {
                                return b.box.width() < kMinBlockSide || b.box.height() < kMinBlockSide ||
                                       (page_area > 0 && b.box.width() * b.box.height() > kBackgroundShare * page_area);
                              }),
               blocks.end());
  return blocks;
}

double Overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

// `b` lies below `a` across a narrow gap (or touching), over at least half
// the narrower of the two.
bool GapBelow(const BBox& a, const BBox& b) {
  const double gap = b.y0 - a.y1;
  return gap >= -kEdgeTolerance && gap <= kMaxGap &&
         Overlap(a.x0, a.x1, b.x0, b.x1) >= 0.5 * std::min(a.width(), b.width());
}
bool GapRightOf(const BBox& a, const BBox& b) {
  const double gap = b.x0 - a.x1;
  return gap >= -kEdgeTolerance && gap <= kMaxGap &&
         Overlap(a.y0, a.y1, b.y0, b.y1) >= 0.5 * std::min(a.height(), b.height());
}

// The glyph's core: its box less a fifth of its height above and below, and
// a fifth of its width left and right (declared font boxes overreach).
BBox Core(const Glyph& g) {
  const double dx = 0.2 * g.bbox.width(), dy = 0.2 * g.bbox.height();
  return {g.bbox.x0 + dx, g.bbox.y0 + dy, g.bbox.x1 - dx, g.bbox.y1 - dy};
}

bool CutsText(const PathSegment& s, const std::vector<BBox>& cores) {
  for (const BBox& c : cores) {
    if (s.horizontal()) {
      if (c.y0 < s.y0 && c.y1 > s.y0 && c.x1 > s.x0 && c.x0 < s.x1) return true;
    } else if (c.x0 < s.x0 && c.x1 > s.x0 && c.y1 > s.y0 && c.y0 < s.y1) {
      return true;
    }
  }
  return false;
}

// Shaded rows of banded tables: chains of blocks of one colour and one
// horizontal extent, each below the previous across a white row.
void BandRules(const std::vector<Block>& blocks, std::vector<PathSegment>* out) {
  std::vector<size_t> order(blocks.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return blocks[a].box.y0 < blocks[b].box.y0; });
  std::vector<bool> used(blocks.size(), false);
  for (size_t i = 0; i < order.size(); ++i) {
    if (used[order[i]]) continue;
    std::vector<size_t> chain = {order[i]};
    for (size_t j = i + 1; j < order.size(); ++j) {
      const Block& last = blocks[chain.back()];
      const Block& next = blocks[order[j]];
      if (used[order[j]] || next.rgb != last.rgb || !Near(next.box.x0, last.box.x0) || !Near(next.box.x1, last.box.x1)) {
        continue;
      }
      const double gap = next.box.y0 - last.box.y1;
      if (gap <= kMaxGap) continue;  // overlapping, or cells across a gap rule: not bands
      if (gap > kMaxBandGapRatio * std::min(last.box.height(), next.box.height())) break;
      chain.push_back(order[j]);
    }
    if (chain.size() < kMinBands) continue;
    for (size_t k : chain) {
      used[k] = true;
      const BBox& b = blocks[k].box;
      out->push_back({b.x0, b.y0, b.x1, b.y0});
      out->push_back({b.x0, b.y1, b.x1, b.y1});
    }
  }
}

// Cells drawn as blocks with white gaps between them.
void GapRules(const std::vector<Block>& blocks, std::vector<PathSegment>* out) {
  const size_t n = blocks.size();
  UnionFind groups(n);
  // Per block and side (top, bottom, left, right): faces a neighbour.
  std::vector<std::array<bool, 4>> faced(n, {false, false, false, false});
  std::vector<PathSegment> gaps;
  std::vector<size_t> gap_block;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const BBox& a = blocks[i].box;
      const BBox& b = blocks[j].box;
      if (GapBelow(a, b)) {
        faced[i][1] = faced[j][0] = true;
        const double y = (a.y1 + b.y0) / 2;
        gaps.push_back({std::min(a.x0, b.x0), y, std::max(a.x1, b.x1), y});
      } else if (GapRightOf(a, b)) {
        faced[i][3] = faced[j][2] = true;
        const double x = (a.x1 + b.x0) / 2;
        gaps.push_back({x, std::min(a.y0, b.y0), x, std::max(a.y1, b.y1)});
      } else {
        continue;
      }
      groups.Unite(i, j);
      gap_block.push_back(i);
    }
  }
  std::vector<size_t> size(n, 0);
  std::vector<bool> across(n, false), along(n, false);  // the group has vertical / horizontal gaps
  for (size_t i = 0; i < n; ++i) ++size[groups.Find(i)];
  for (size_t k = 0; k < gaps.size(); ++k) {
    const size_t root = groups.Find(gap_block[k]);
    (gaps[k].horizontal() ? along : across)[root] = true;
  }
  for (size_t k = 0; k < gaps.size(); ++k) {
    if (size[groups.Find(gap_block[k])] >= kMinGroupBlocks) out->push_back(gaps[k]);
  }
  // The outer frame: each side that faces no other block, across the
  // direction the group is cut in (a stack of row blocks gets its top and
  // bottom, not its sides: its columns are for the text to say).
  for (size_t i = 0; i < n; ++i) {
    const size_t root = groups.Find(i);
    if (size[root] < kMinGroupBlocks) continue;
    const BBox& b = blocks[i].box;
    if (along[root] && !faced[i][0]) out->push_back({b.x0, b.y0, b.x1, b.y0});
    if (along[root] && !faced[i][1]) out->push_back({b.x0, b.y1, b.x1, b.y1});
    if (across[root] && !faced[i][2]) out->push_back({b.x0, b.y0, b.x0, b.y1});
    if (across[root] && !faced[i][3]) out->push_back({b.x1, b.y0, b.x1, b.y1});
  }
}

}  // namespace

std::vector<Ruling> WithFillRulings(const std::vector<FillRect>& fills, const std::vector<Glyph>& glyphs,
                                    std::vector<Ruling> drawn, double page_width, double page_height) {
  if (fills.size() < kMinGroupBlocks) return drawn;
  const std::vector<Block> blocks = MergeBlocks(fills, page_width, page_height);
  if (blocks.size() < kMinGroupBlocks) return drawn;
  std::vector<PathSegment> rules;
  GapRules(blocks, &rules);
  BandRules(blocks, &rules);
  if (rules.empty()) return drawn;
  std::vector<BBox> cores;
  cores.reserve(glyphs.size());
  for (const Glyph& g : glyphs) cores.push_back(Core(g));
  rules.erase(std::remove_if(rules.begin(), rules.end(), [&](const PathSegment& s) { return CutsText(s, cores); }),
              rules.end());
  const RulingOptions options;
  const size_t n_drawn = drawn.size();
  // A fill edge from one drawn rule across to another, both running on past
  // its line, lies where the drawing could have ruled and did not (a merged
  // cell shaded only in its first row): it adds nothing.
  auto crossed_at = [&](const Ruling& r, double at) {
    for (size_t i = 0; i < n_drawn; ++i) {
      const Ruling& d = drawn[i];
      if (d.horizontal == r.horizontal || std::fabs(d.pos - at) > options.join) continue;
      if (d.start < r.pos - options.join && d.end > r.pos + options.join) return true;
    }
    return false;
  };
  for (const Ruling& r : DetectRulings(rules, options)) {
    if (crossed_at(r, r.start) && crossed_at(r, r.end)) continue;
    // Along a drawn rule, the fill edge only lengthens it (a rule that stops
    // a point short of the shaded cell's edge): the drawn position stays.
    bool along = false;
    for (size_t i = 0; i < n_drawn; ++i) {
      Ruling& d = drawn[i];
      if (d.horizontal != r.horizontal || std::fabs(d.pos - r.pos) > options.snap) continue;
      if (Overlap(r.start, r.end, d.start, d.end) <= 0) continue;
      along = true;
      d.start = std::min(d.start, r.start);
      d.end = std::max(d.end, r.end);
    }
    if (!along) drawn.push_back(r);
  }
  return drawn;
}

}  // namespace docpipe
