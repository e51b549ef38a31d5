#include "extract/image_rulings.h"

#include <cmath>

namespace docpipe {
namespace {

struct Run {
  int line;   // row of a horizontal run, column of a vertical one
  int start;  // first and last pixel along the run
  int end;
};

// Dark runs of at least `min_length` pixels along `count` lines of `length`
// pixels; `ink(line, i)` says whether pixel i of that line is dark.
template <typename Ink>
std::vector<Run> FindRuns(int count, int length, int min_length, int max_gap, Ink ink) {
  std::vector<Run> runs;
  for (int line = 0; line < count; ++line) {
    int start = -1, last = -1;
    for (int i = 0; i <= length; ++i) {
      const bool dark = i < length && ink(line, i);
      if (dark) {
        if (start < 0 || i - last - 1 > max_gap) {
          if (start >= 0 && last - start + 1 >= min_length) runs.push_back({line, start, last});
          start = i;
        }
        last = i;
      }
    }
    if (start >= 0 && last - start + 1 >= min_length) runs.push_back({line, start, last});
  }
  return runs;
}

}  // namespace

std::vector<PathSegment> FindAndEraseRules(PageImage* image, const ImageRulingOptions& options) {
  std::vector<PathSegment> segments;
  if (image->width <= 0 || image->height <= 0 || image->dpi <= 0) return segments;
  const double pt = image->PointsPerPixel();
  const int min_h = static_cast<int>(std::ceil(options.min_horizontal / pt));
  const int min_v = static_cast<int>(std::ceil(options.min_vertical / pt));
  const PageImage& im = *image;
  std::vector<Run> horizontal = FindRuns(im.height, im.width, min_h, options.max_gap_pixels,
                                         [&](int y, int x) { return im.at(x, y) < options.dark; });
  std::vector<Run> vertical = FindRuns(im.width, im.height, min_v, options.max_gap_pixels,
                                       [&](int x, int y) { return im.at(x, y) < options.dark; });
  // Pixel centres in points; a run covers its pixels' full extent.
  for (const Run& r : horizontal) {
    const double y = (r.line + 0.5) * pt;
    segments.push_back({r.start * pt, y, (r.end + 1) * pt, y});
  }
  for (const Run& r : vertical) {
    const double x = (r.line + 0.5) * pt;
    segments.push_back({x, r.start * pt, x, (r.end + 1) * pt});
  }
  auto whiten = [&](int x, int y) {
    if (x >= 0 && y >= 0 && x < image->width && y < image->height) {
      image->gray[static_cast<size_t>(y) * image->width + x] = 255;
    }
  };
  for (const Run& r : horizontal) {
    for (int x = r.start; x <= r.end; ++x) {
      for (int d = -2; d <= 2; ++d) whiten(x, r.line + d);
    }
  }
  for (const Run& r : vertical) {
    for (int y = r.start; y <= r.end; ++y) {
      for (int d = -2; d <= 2; ++d) whiten(r.line + d, y);
    }
  }
  return segments;
}

}  // namespace docpipe
