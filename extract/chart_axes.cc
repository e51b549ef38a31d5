#include "extract/chart_axes.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <unordered_map>

namespace docpipe {
namespace {

double Length(const PathSegment& s) { return s.horizontal() ? s.x1 - s.x0 : s.y1 - s.y0; }

// The page's strokes by square buckets, to find those near a point without
// going through them all.
class StrokeIndex {
 public:
  explicit StrokeIndex(const std::vector<PathSegment>& segments) {
    for (size_t i = 0; i < segments.size(); ++i) {
      const PathSegment& s = segments[i];
      // A stroke over very many buckets (a page-long rule, absurd
      // coordinates) is visited on every query instead.
      if ((Bucket(s.x1) - Bucket(s.x0) + 1) * (Bucket(s.y1) - Bucket(s.y0) + 1) > kMaxBuckets) {
        long_.push_back(i);
        continue;
      }
      for (long bx = Bucket(s.x0); bx <= Bucket(s.x1); ++bx) {
        for (long by = Bucket(s.y0); by <= Bucket(s.y1); ++by) buckets_[Key(bx, by)].push_back(i);
      }
    }
  }
  // Calls `visit` with every stroke in the buckets that (x, y) +- reach
  // falls in (a stroke may be visited more than once).
  template <typename Visit>
  bool All(double x, double y, double reach, Visit visit) const {
    for (size_t i : long_) {
      if (!visit(i)) return false;
    }
    for (long bx = Bucket(x - reach); bx <= Bucket(x + reach); ++bx) {
      for (long by = Bucket(y - reach); by <= Bucket(y + reach); ++by) {
        auto it = buckets_.find(Key(bx, by));
        if (it == buckets_.end()) continue;
        for (size_t i : it->second) {
          if (!visit(i)) return false;
        }
      }
    }
    return true;
  }

 private:
  static constexpr double kSize = 32.0;
  static constexpr long kMaxBuckets = 64;
  static long Bucket(double v) {
    return std::isnan(v) ? 0 : static_cast<long>(std::floor(std::clamp(v, -1e6, 1e6) / kSize));
  }
  static uint64_t Key(long bx, long by) {
    return static_cast<uint64_t>(static_cast<uint32_t>(bx)) << 32 | static_cast<uint32_t>(by);
  }
  std::unordered_map<uint64_t, std::vector<size_t>> buckets_;
  std::vector<size_t> long_;
};

// The tick's end away from the axis, at `end` across the axis (its upper
// or lower end: `upper` true for the end with the larger coordinate), is
// free: no stroke but the tick itself (or the same tick drawn again) comes
// within `touch` of it, and none goes on in line with the tick beyond it
// within `dash_gap` (a rule drawn dash by dash).
bool FreeEnd(const std::vector<PathSegment>& segments, const StrokeIndex& index, size_t self, bool upper,
             double touch, double dash_gap) {
  const PathSegment& tick = segments[self];
  const bool horizontal = tick.horizontal();
  const double x = horizontal ? (upper ? tick.x1 : tick.x0) : tick.x0;
  const double y = horizontal ? tick.y0 : (upper ? tick.y1 : tick.y0);
  const double lo = horizontal ? tick.x0 : tick.y0, hi = horizontal ? tick.x1 : tick.y1;
  return index.All(x, y, std::max(touch, dash_gap), [&](size_t i) {
    if (i == self) return true;
    const PathSegment& s = segments[i];
    if (s.horizontal() == horizontal && std::fabs(horizontal ? s.y0 - tick.y0 : s.x0 - tick.x0) <= 0.5) {
      const double s_lo = horizontal ? s.x0 : s.y0, s_hi = horizontal ? s.x1 : s.y1;
      if (s_lo >= lo - touch && s_hi <= hi + touch) return true;  // the tick drawn twice
      // In line beyond the free end, a gap of a dash or less away.
      const double gap = upper ? s_lo - hi : lo - s_hi;
      if (gap >= -touch && gap <= dash_gap) return false;
    }
    const double dx = std::max({s.x0 - x, 0.0, x - s.x1});
    const double dy = std::max({s.y0 - y, 0.0, y - s.y1});
    return dx > touch || dy > touch;
  });
}

// The most ticks at even steps among `at` (positions along an axis): the
// longest run of steps each within the tolerance of the median step.
int EvenTicks(std::vector<double> at, double tolerance) {
  std::sort(at.begin(), at.end());
  at.erase(std::unique(at.begin(), at.end(), [](double a, double b) { return b - a < 0.5; }), at.end());
  if (at.size() < 2) return static_cast<int>(at.size());
  std::vector<double> steps;
  for (size_t i = 1; i < at.size(); ++i) steps.push_back(at[i] - at[i - 1]);
  std::vector<double> sorted = steps;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double median = sorted[sorted.size() / 2];
  int best = 1, run = 1;
  for (double step : steps) {
    run = std::fabs(step - median) <= tolerance * median ? run + 1 : 1;
    best = std::max(best, run);
  }
  return best;
}

}  // namespace

std::vector<Ruling> FindChartAxes(const std::vector<PathSegment>& segments, const std::vector<Ruling>& rulings,
                                  const AxisOptions& options) {
  std::vector<size_t> short_strokes;
  for (size_t i = 0; i < segments.size(); ++i) {
    const double length = Length(segments[i]);
    if (length >= options.min_tick && length <= options.max_tick) short_strokes.push_back(i);
  }
  std::vector<Ruling> axes;
  if (short_strokes.size() < static_cast<size_t>(options.min_ticks)) return axes;
  const double touch = options.touch;
  std::optional<StrokeIndex> index;  // built when a ruling has ticks to check
  for (const Ruling& axis : rulings) {
    if (axis.end - axis.start < options.min_ticks * options.max_tick) continue;
    // Short strokes that meet the axis, by side: from below or the right,
    // from above or the left, or crossing it; with their free ends.
    struct Tick {
      size_t stroke;
      double along;
      bool lower_free, upper_free;  // which of its ends must be free
    };
    std::vector<Tick> sides[3];
    for (size_t i : short_strokes) {
      const PathSegment& s = segments[i];
      if (s.horizontal() == axis.horizontal) continue;
      const double along = axis.horizontal ? s.x0 : s.y0;
      const double a0 = axis.horizontal ? s.y0 : s.x0, a1 = axis.horizontal ? s.y1 : s.x1;
      if (along < axis.start - touch || along > axis.end + touch) continue;
      if (std::fabs(a0 - axis.pos) <= touch) {
        sides[0].push_back({i, along, false, true});
      } else if (std::fabs(a1 - axis.pos) <= touch) {
        sides[1].push_back({i, along, true, false});
      } else if (a0 < axis.pos && a1 > axis.pos) {
        sides[2].push_back({i, along, true, true});
      }
    }
    auto even = [&](const std::vector<Tick>& ticks) {
      std::vector<double> at;
      for (const Tick& t : ticks) at.push_back(t.along);
      return static_cast<int>(at.size()) >= options.min_ticks && EvenTicks(at, options.step_tolerance) >= options.min_ticks;
    };
    for (std::vector<Tick>& ticks : sides) {
      if (!even(ticks)) continue;  // cheap first: most rulings have no such strokes
      if (!index) index.emplace(segments);
      std::vector<Tick> free;
      for (const Tick& t : ticks) {
        const double dash_gap = options.max_tick;
        if ((!t.lower_free || FreeEnd(segments, *index, t.stroke, false, touch, dash_gap)) &&
            (!t.upper_free || FreeEnd(segments, *index, t.stroke, true, touch, dash_gap))) {
          free.push_back(t);
        }
      }
      if (even(free)) {
        axes.push_back(axis);
        break;
      }
    }
  }
  return axes;
}

bool HoldsAxis(const BBox& box, const std::vector<Ruling>& axes) {
  constexpr double kGrow = 2.0;
  for (const Ruling& axis : axes) {
    const double lo = axis.horizontal ? box.y0 : box.x0, hi = axis.horizontal ? box.y1 : box.x1;
    if (axis.pos < lo - kGrow || axis.pos > hi + kGrow) continue;
    const double from = axis.horizontal ? box.x0 : box.y0, to = axis.horizontal ? box.x1 : box.y1;
    const double overlap = std::min(axis.end, to + kGrow) - std::max(axis.start, from - kGrow);
    if (overlap >= 0.5 * (axis.end - axis.start)) return true;
  }
  return false;
}

void DropChartTables(const std::vector<Ruling>& axes, const std::vector<Glyph>& glyphs,
                     const std::vector<bool>& before, std::vector<Table>* tables, std::vector<bool>* in_table) {
  if (axes.empty() || tables->empty()) return;
  std::vector<bool> chart(tables->size());
  bool any = false;
  for (size_t t = 0; t < tables->size(); ++t) {
    chart[t] = HoldsAxis((*tables)[t].bbox, axes);
    any = any || chart[t];
  }
  if (!any) return;
  // Each glyph this builder placed went into one of its tables: the one
  // nearest to it (a hanging mark may stand just outside its cell).
  for (size_t i = 0; i < glyphs.size() && i < in_table->size(); ++i) {
    if (!(*in_table)[i] || (i < before.size() && before[i])) continue;
    const double x = glyphs[i].bbox.cx(), y = glyphs[i].bbox.cy();
    size_t nearest = 0;
    double best = std::numeric_limits<double>::infinity();
    for (size_t t = 0; t < tables->size(); ++t) {
      const BBox& b = (*tables)[t].bbox;
      const double dx = std::max({b.x0 - x, 0.0, x - b.x1}), dy = std::max({b.y0 - y, 0.0, y - b.y1});
      if (dx * dx + dy * dy < best) {
        best = dx * dx + dy * dy;
        nearest = t;
      }
    }
    if (chart[nearest]) (*in_table)[i] = false;
  }
  size_t kept = 0;
  for (size_t t = 0; t < tables->size(); ++t) {
    if (!chart[t]) (*tables)[kept++] = std::move((*tables)[t]);
  }
  tables->resize(kept);
}

}  // namespace docpipe
