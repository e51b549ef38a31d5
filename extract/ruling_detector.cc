#include "extract/ruling_detector.h"

#include <algorithm>

namespace docpipe {
namespace {

struct Piece {
  double pos, start, end;
};

// Snaps pieces of one orientation into lines, then joins each line's pieces.
void MergeCollinear(std::vector<Piece> pieces, bool horizontal, const RulingOptions& options,
                    std::vector<Ruling>* out) {
  std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.pos < b.pos; });
  size_t i = 0;
  while (i < pieces.size()) {
    // A cluster: consecutive pieces within `snap` of the cluster's first.
    size_t j = i;
    double weighted = 0, weight = 0;
    while (j < pieces.size() && pieces[j].pos - pieces[i].pos <= options.snap) {
      double length = std::max(pieces[j].end - pieces[j].start, 0.1);
      weighted += pieces[j].pos * length;
      weight += length;
      ++j;
    }
    double pos = weighted / weight;
    std::vector<Piece> line(pieces.begin() + static_cast<long>(i), pieces.begin() + static_cast<long>(j));
    std::sort(line.begin(), line.end(), [](const Piece& a, const Piece& b) { return a.start < b.start; });
    double start = line[0].start, end = line[0].end;
    auto flush = [&] {
      if (end - start >= options.min_length) out->push_back({horizontal, pos, start, end});
    };
    for (size_t k = 1; k < line.size(); ++k) {
      if (line[k].start <= end + options.join) {
        end = std::max(end, line[k].end);
      } else {
        flush();
        start = line[k].start;
        end = line[k].end;
      }
    }
    flush();
    i = j;
  }
}

}  // namespace

std::vector<Ruling> DetectRulings(const std::vector<PathSegment>& segments, const RulingOptions& options) {
  std::vector<Piece> horizontal, vertical;
  for (const PathSegment& s : segments) {
    if (s.horizontal()) {
      horizontal.push_back({s.y0, s.x0, s.x1});
    } else {
      vertical.push_back({s.x0, s.y0, s.y1});
    }
  }
  std::vector<Ruling> out;
  MergeCollinear(std::move(horizontal), true, options, &out);
  MergeCollinear(std::move(vertical), false, options, &out);
  return out;
}

}  // namespace docpipe
