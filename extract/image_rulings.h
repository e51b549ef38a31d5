// Table rules found in a rendered page: the raster counterpart of the vector
// paths PdfReader hands to DetectRulings (extract/ruling_detector.h).
//
// The idea: a printed rule is a long straight run of dark pixels, much longer
// than any stroke of a character. Each pixel row is scanned for horizontal
// dark runs of at least `min_horizontal` points (gaps of a pixel or two, as
// noise and scanning leave, are bridged), each column likewise for vertical
// runs; every run becomes a one-pixel-thick PathSegment in page points. A rule
// three pixels thick gives three runs, which DetectRulings snaps into one
// Ruling, exactly as it does with a rule drawn twice in a PDF. The table
// builder then sees OCR pages through the same lattice code as text pages.
//
// The runs are also whitened in the image: text recognition reads a cell's
// text better without the cell's borders touching its characters.
#ifndef DOCPIPE_EXTRACT_IMAGE_RULINGS_H_
#define DOCPIPE_EXTRACT_IMAGE_RULINGS_H_

#include <vector>

#include "extract/page_content.h"
#include "extract/page_image.h"

namespace docpipe {

struct ImageRulingOptions {
  int dark = 160;               // gray levels below this are ink
  double min_horizontal = 24;   // points; a CJK character is 10-16
  double min_vertical = 14;     // points; shorter than a one-line row
  int max_gap_pixels = 2;       // bridged inside a run
};

// Finds the rule runs of `image` (see above), whitens them (and two pixels on
// each side: the rule's ragged, anti-aliased edge) in place and returns them as
// segments in page points.
std::vector<PathSegment> FindAndEraseRules(PageImage* image, const ImageRulingOptions& options = {});

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_IMAGE_RULINGS_H_
