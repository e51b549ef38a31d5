#include "normalize/input/reading_order.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace docpipe {
namespace {

struct Gutter {
  double x0 = 0, x1 = 0;
};

double PieceSize(const PagePiece& piece) { return piece.line != nullptr ? std::max(piece.line->size, 1.0) : 10.0; }

// The vertical strip near the middle of [left, right] that the fewest
// pieces cross (the widest such strip): a column gutter, crossed only by the
// few pieces that span both columns (a title, a rule, an imprint).
std::optional<Gutter> FindGutter(const std::vector<PagePiece>& pieces, double left, double right) {
  const double width = right - left;
  double size = 0;
  for (const PagePiece& piece : pieces) size = std::max(size, PieceSize(piece));
  const int from = static_cast<int>(std::ceil(left + 0.3 * width));
  const int to = static_cast<int>(std::floor(left + 0.7 * width));
  if (to <= from || to - from > 100000) return std::nullopt;
  std::vector<int> crossing(static_cast<size_t>(to - from + 1), 0);
  for (const PagePiece& piece : pieces) {
    const int a = std::max(from, static_cast<int>(std::floor(piece.box.x0)));
    const int b = std::min(to, static_cast<int>(std::ceil(piece.box.x1)));
    for (int x = a; x <= b; ++x) ++crossing[static_cast<size_t>(x - from)];
  }
  const int fewest = *std::min_element(crossing.begin(), crossing.end());
  if (fewest > std::max<int>(3, static_cast<int>(pieces.size() / 5))) return std::nullopt;
  std::optional<Gutter> best;
  for (int x = from; x <= to;) {
    if (crossing[static_cast<size_t>(x - from)] != fewest) {
      ++x;
      continue;
    }
    int end = x;
    while (end + 1 <= to && crossing[static_cast<size_t>(end + 1 - from)] == fewest) ++end;
    if (!best || end - x > best->x1 - best->x0) best = Gutter{static_cast<double>(x), static_cast<double>(end)};
    x = end + 1;
  }
  if (!best || best->x1 - best->x0 < std::max(8.0, 0.8 * size)) return std::nullopt;
  return best;
}

// Whether the two sides of a gutter are columns of text rather than a
// form's labels and values (see the header).
bool AreColumns(const std::vector<const PagePiece*>& left, const std::vector<const PagePiece*>& right,
                const Gutter& gutter, double text_width, const ReadingOrderOptions& options) {
  if (static_cast<int>(left.size()) < options.min_pieces_per_column ||
      static_cast<int>(right.size()) < options.min_pieces_per_column) {
    return false;
  }
  double left_x0 = gutter.x0, right_x1 = gutter.x1;
  for (const PagePiece* p : left) left_x0 = std::min(left_x0, p->box.x0);
  for (const PagePiece* p : right) right_x1 = std::max(right_x1, p->box.x1);
  if (gutter.x0 - left_x0 < options.min_column_share * text_width ||
      right_x1 - gutter.x1 < options.min_column_share * text_width) {
    return false;
  }
  size_t left_filled = 0, right_filled = 0;
  for (const PagePiece* p : left) left_filled += gutter.x0 - p->box.x1 < 2 * PieceSize(*p);
  for (const PagePiece* p : right) right_filled += p->box.x0 - gutter.x1 < 3 * PieceSize(*p);
  return left_filled >= options.fill_share * left.size() && right_filled >= options.fill_share * right.size();
}

}  // namespace

std::vector<PagePiece> ReadingOrder(std::vector<PagePiece> pieces, const ReadingOrderOptions& options) {
  std::stable_sort(pieces.begin(), pieces.end(),
                   [](const PagePiece& a, const PagePiece& b) { return a.box.y0 < b.box.y0; });
  if (pieces.empty()) return pieces;
  double left = pieces.front().box.x0, right = pieces.front().box.x1;
  for (const PagePiece& piece : pieces) {
    left = std::min(left, piece.box.x0);
    right = std::max(right, piece.box.x1);
  }
  // The text block's edges, where running lines start and end, from the
  // lines alone: a table may reach into the margins.
  double text_left = right, text_right = left;
  for (const PagePiece& piece : pieces) {
    if (piece.line == nullptr) continue;
    text_left = std::min(text_left, piece.box.x0);
    text_right = std::max(text_right, piece.box.x1);
  }
  if (text_right <= text_left) text_left = left, text_right = right;
  for (PagePiece& piece : pieces) {
    piece.column_left = text_left;
    piece.column_right = text_right;
  }
  std::optional<Gutter> gutter = FindGutter(pieces, left, right);
  if (!gutter) return pieces;
  std::vector<const PagePiece*> left_side, right_side;
  for (const PagePiece& piece : pieces) {
    if (piece.box.x1 <= gutter->x0) left_side.push_back(&piece);
    if (piece.box.x0 >= gutter->x1) right_side.push_back(&piece);
  }
  if (!AreColumns(left_side, right_side, *gutter, right - left, options)) return pieces;

  double left_right_edge = gutter->x0;
  std::vector<PagePiece> ordered, band_left, band_right;
  auto flush = [&] {
    ordered.insert(ordered.end(), band_left.begin(), band_left.end());
    ordered.insert(ordered.end(), band_right.begin(), band_right.end());
    band_left.clear();
    band_right.clear();
  };
  for (PagePiece piece : pieces) {
    if (piece.box.x1 <= gutter->x0) {
      piece.column_right = left_right_edge;
      band_left.push_back(piece);
    } else if (piece.box.x0 >= gutter->x1) {
      piece.column_left = gutter->x1;
      band_right.push_back(piece);
    } else {  // across the gutter: a band ends
      flush();
      ordered.push_back(piece);
    }
  }
  flush();
  return ordered;
}

}  // namespace docpipe
