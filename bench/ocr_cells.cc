// Reads every ruled-table cell of a scan the way ReadPageByOcr prepares the
// page (rendered, straightened, rules erased, smoothed), with one reading
// method changed at a time, and prints each cell's text: the experiment of
// bench/README.md "Wave 6: ocr5" (which difference makes Tesseract misread
// cells that its command line reads right). bench/ocr_cells.py scores the
// output against the original PDF's cells.
//
//   build/bench/ocr_cells SCAN.pdf [--sharp] [--crop MARGIN_PX] [--psm 6|7|shape] [--pages A-B]
//
//   --sharp        no smoothing (ReadPageByOcr smooths)
//   --crop M       each cell cut out into its own image with M px of white
//                  around it (default: SetRectangle on the whole page)
//   --psm shape    PSM 7 (one line) for a cell one line high, else PSM 6
//   --both         each cell read on the smoothed and on the sharp page;
//                  the output line gets, after the first reading's text, its
//                  mean and lowest word confidence, then the sharp reading's
//                  text, mean and lowest confidence (bench/ocr_cells.py
//                  --choose simulates picking one)
//   --vote T       each cell read through the rectangle (main's way); a
//                  cell with a word below confidence T also cut out (10 px
//                  margin) and the two readings voted (extract/ocr_vote.h).
//                  The output line gets, after the rectangle's text, its
//                  lowest word confidence, the cut-out's text and the
//                  voted text (both the rectangle's when not read twice);
//                  bench/ocr_cells.py --vote scores them. T = 2 reads every
//                  cell twice, so that ocr_cells.py --vote T' can simulate
//                  any T' below it.
//   --lines        each cell split into its lines of ink (InkLines), each
//                  line read alone (PSM 7, or 13 with --psm 13), cut out
//                  with --crop's margin (10 px by default)
//
// Output: one line per cell, "page<TAB>x0<TAB>y0<TAB>x1<TAB>y1<TAB>text",
// boxes in page points, the text's lines joined by spaces.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "common/file_io.h"
#include "common/process_cpu.h"
#include "extract/image_rulings.h"
#include "extract/ocr_engine.h"
#include "extract/ocr_page.h"
#include "extract/ocr_vote.h"
#include "extract/pdf_reader.h"

namespace {

using docpipe::ProcessCpuSeconds;

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ocr_cells SCAN.pdf [--sharp] [--crop MARGIN_PX] [--psm 6|7|shape] [--pages A-B]\n");
    return 2;
  }
  bool sharp = false, by_lines = false, both = false;
  double vote = -1;
  int crop = -1;
  std::string psm = "6";
  int first = 1, last = 1 << 30;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--sharp") sharp = true;
    if (arg == "--lines") by_lines = true;
    if (arg == "--both") both = true;
    if (arg == "--vote" && i + 1 < argc) vote = std::stod(argv[++i]);
    if (arg == "--crop" && i + 1 < argc) crop = std::stoi(argv[++i]);
    if (arg == "--psm" && i + 1 < argc) psm = argv[++i];
    if (arg == "--pages" && i + 1 < argc) std::sscanf(argv[++i], "%d-%d", &first, &last);
  }
  docpipe::Result<std::string> bytes = docpipe::ReadFile(argv[1]);
  if (!bytes.ok()) return 1;
  auto reader = docpipe::PdfReader::Open(*bytes, "");
  if (!reader.ok()) return 1;
  docpipe::OcrOptions options;
  auto engine = docpipe::OcrEngine::Open(options);
  if (!engine.ok()) return 1;
  const double cpu0 = ProcessCpuSeconds();
  for (int number = first; number <= std::min(last, (*reader)->page_count()); ++number) {
    docpipe::PageContent text_layer = (*reader)->ReadPage(number);
    docpipe::Result<docpipe::PageImage> image = (*reader)->RenderPage(number, 300);
    if (!image.ok()) continue;
    double degrees = 0;
    docpipe::PageImage straight = docpipe::Deskew(*image, &degrees);
    std::vector<docpipe::PathSegment> rules = docpipe::FindAndEraseRules(&straight);
    const docpipe::PageImage unsmoothed = straight;
    if (!sharp) docpipe::SmoothForOcr(&straight);
    std::vector<docpipe::BBox> table_boxes;
    std::vector<docpipe::BBox> cells;
    if (!rules.empty()) {
      cells = docpipe::TableCellRegions(rules, (*engine)->FindWords(straight), text_layer.width, text_layer.height,
                                        &table_boxes);
    }
    const double pixels = 1 / straight.PointsPerPixel();
    if (by_lines && crop < 0) crop = 10;
    double conf_mean = 0, conf_min = 1;
    auto read_one = [&](const docpipe::BBox& cell, docpipe::OcrEngine::RegionMode mode,
                        const docpipe::PageImage& straight) {
      docpipe::Result<std::vector<docpipe::OcrLine>> lines = [&]() {
        if (crop < 0) return (*engine)->RecogniseBlocks(straight, {cell}, mode);
        const int x0 = std::max(0, static_cast<int>(std::floor(cell.x0 * pixels)));
        const int y0 = std::max(0, static_cast<int>(std::floor(cell.y0 * pixels)));
        const int x1 = std::min(straight.width, static_cast<int>(std::ceil(cell.x1 * pixels)));
        const int y1 = std::min(straight.height, static_cast<int>(std::ceil(cell.y1 * pixels)));
        docpipe::PageImage cut;
        cut.dpi = straight.dpi;
        cut.width = std::max(0, x1 - x0) + 2 * crop;
        cut.height = std::max(0, y1 - y0) + 2 * crop;
        cut.gray.assign(static_cast<size_t>(cut.width) * cut.height, 255);
        for (int y = y0; y < y1; ++y) {
          std::memcpy(&cut.gray[static_cast<size_t>(y - y0 + crop) * cut.width + crop],
                      &straight.gray[static_cast<size_t>(y) * straight.width + x0], static_cast<size_t>(x1 - x0));
        }
        const double scale = cut.PointsPerPixel();
        return (*engine)->RecogniseBlocks(cut, {docpipe::BBox{0, 0, cut.width * scale, cut.height * scale}}, mode);
      }();
      std::string text;
      double weighted = 0, weight = 0;
      conf_min = 1;
      if (lines.ok()) {
        for (const docpipe::OcrLine& line : *lines) {
          for (const docpipe::OcrWord& word : line.words) {
            text += word.text + " ";
            weighted += word.confidence * word.symbols.size();
            weight += word.symbols.size();
            conf_min = std::min(conf_min, word.confidence);
          }
        }
      }
      conf_mean = weight > 0 ? weighted / weight : 0;
      return text;
    };
    auto join = [](const std::vector<docpipe::OcrLine>& lines) {
      std::string text;
      for (const docpipe::OcrLine& line : lines) {
        for (const docpipe::OcrWord& word : line.words) text += word.text + " ";
      }
      return text;
    };
    for (const docpipe::BBox& cell : cells) {
      std::string text;
      if (vote >= 0) {
        const auto mode = docpipe::OcrEngine::RegionMode::kBlock;
        auto rect = (*engine)->RecogniseBlocks(straight, {cell}, mode);
        if (!rect.ok()) continue;
        const double lowest = docpipe::LowestWordConfidence(*rect);
        std::vector<docpipe::OcrLine> cut = *rect, voted = *rect;
        if (lowest < vote) {
          auto again = (*engine)->RecogniseCutOut(straight, {cell}, mode);
          if (again.ok()) {
            cut = *again;
            voted = docpipe::VoteReadings(*rect, cut);
          }
        }
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "\t%.3f\t", lowest);
        text = join(*rect) + buffer + join(cut) + "\t" + join(voted);
      } else if (by_lines) {
        const auto mode = psm == "13" ? docpipe::OcrEngine::RegionMode::kLine : docpipe::OcrEngine::RegionMode::kSingleLine;
        for (const docpipe::BBox& line : docpipe::InkLines(straight, cell, 9)) text += read_one(line, mode, straight);
      } else {
        // A cell one line high (a CJK line at 10-12 pt is 14-17 pt with its
        // leading): PSM 7 when asked by shape.
        const bool one_line = psm == "7" || (psm == "shape" && cell.height() < 20);
        const auto mode = one_line ? docpipe::OcrEngine::RegionMode::kSingleLine : docpipe::OcrEngine::RegionMode::kBlock;
        text = read_one(cell, mode, straight);
        if (both) {
          char buffer[64];
          std::snprintf(buffer, sizeof buffer, "\t%.3f\t%.3f\t", conf_mean, conf_min);
          text += buffer;
          text += read_one(cell, mode, unsmoothed);
          std::snprintf(buffer, sizeof buffer, "\t%.3f\t%.3f", conf_mean, conf_min);
          text += buffer;
        }
      }
      std::printf("%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s\n", number, cell.x0, cell.y0, cell.x1, cell.y1, text.c_str());
    }
  }
  std::fprintf(stderr, "CPU %.1f s\n", ProcessCpuSeconds() - cpu0);
  return 0;
}
