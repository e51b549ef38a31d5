// A page rendered to pixels, as OCR reads it: 8-bit gray, row-major, top row
// first, 0 black and 255 white, `dpi` pixels per inch in both directions.
// Pixel (x, y) maps to page point (x * 72 / dpi, y * 72 / dpi) in the
// coordinates of extract/layout.h.
#ifndef DOCPIPE_EXTRACT_PAGE_IMAGE_H_
#define DOCPIPE_EXTRACT_PAGE_IMAGE_H_

#include <cstdint>
#include <vector>

namespace docpipe {

struct PageImage {
  int width = 0;
  int height = 0;
  double dpi = 0;
  std::vector<uint8_t> gray;  // width * height bytes

  uint8_t at(int x, int y) const { return gray[static_cast<size_t>(y) * width + x]; }
  double PointsPerPixel() const { return 72.0 / dpi; }
};

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_PAGE_IMAGE_H_
