#include "extract/glyph_dedup.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>

namespace docpipe {

// Glyphs are bucketed by text and by their position on a grid whose cells
// are `max_offset` font sizes wide; a duplicate lies in its original's
// bucket or in one of the eight around it. This keeps the check linear in the
// number of glyphs, which matters on pages with thousands of them.
//
// It runs on every glyph of every page, so a bucket is keyed by the text's
// hash (computed once per glyph, not once per neighbour looked at; the text
// itself is compared on the candidates) and lists its glyphs as a chain
// through `next` in the order they were kept, with no allocation per bucket.
int RemoveDuplicateGlyphs(std::vector<Glyph>* glyphs, const GlyphDedupOptions& options) {
  struct Key {
    size_t text_hash;
    long gx, gy;
    bool operator==(const Key& o) const { return gx == o.gx && gy == o.gy && text_hash == o.text_hash; }
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return k.text_hash ^ (static_cast<size_t>(k.gx) * 73856093u) ^ (static_cast<size_t>(k.gy) * 19349663u);
    }
  };
  struct Chain {
    size_t first, last;  // indices into `kept`
  };
  constexpr size_t kEnd = static_cast<size_t>(-1);
  std::unordered_map<Key, Chain, KeyHash> seen;
  seen.reserve(glyphs->size());
  std::vector<Glyph> kept;
  kept.reserve(glyphs->size());
  std::vector<size_t> next;  // per kept glyph: the next one in its bucket
  next.reserve(glyphs->size());
  int removed = 0;
  for (Glyph& glyph : *glyphs) {
    const size_t text_hash = std::hash<std::string>()(glyph.text);
    double cell = std::max(0.5, options.max_offset * std::max(glyph.size, 1.0));
    long gx = std::lround(std::floor(glyph.bbox.x0 / cell));
    long gy = std::lround(std::floor(glyph.bbox.y0 / cell));
    int original = -1;
    for (long dx = -1; dx <= 1 && original < 0; ++dx) {
      for (long dy = -1; dy <= 1 && original < 0; ++dy) {
        auto it = seen.find(Key{text_hash, gx + dx, gy + dy});
        if (it == seen.end()) continue;
        for (size_t index = it->second.first; index != kEnd; index = next[index]) {
          const Glyph& other = kept[index];
          if (other.text != glyph.text) continue;
          // A repeated narrow letter ("ll") sits one advance further on
          // along the text; a copy drawn for boldness, a fraction of it.
          const bool vertical = (glyph.rotation & 1) != 0;
          double along = vertical ? std::fabs(other.bbox.y0 - glyph.bbox.y0) : std::fabs(other.bbox.x0 - glyph.bbox.x0);
          double across = vertical ? std::fabs(other.bbox.x0 - glyph.bbox.x0) : std::fabs(other.bbox.y0 - glyph.bbox.y0);
          double advance = vertical ? std::min(other.bbox.height(), glyph.bbox.height())
                                    : std::min(other.bbox.width(), glyph.bbox.width());
          if (along < std::min(cell, 0.5 * advance) && across < cell) {
            original = static_cast<int>(index);
            break;
          }
        }
      }
    }
    if (original >= 0) {
      kept[static_cast<size_t>(original)].space_after |= glyph.space_after;
      ++removed;
      continue;
    }
    const size_t index = kept.size();
    auto [it, inserted] = seen.try_emplace(Key{text_hash, gx, gy}, Chain{index, index});
    if (!inserted) {
      next[it->second.last] = index;
      it->second.last = index;
    }
    next.push_back(kEnd);
    kept.push_back(std::move(glyph));
  }
  *glyphs = std::move(kept);
  return removed;
}

}  // namespace docpipe
