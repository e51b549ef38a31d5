// The OCR render's bounds (PdfReader::RenderRefusal, RenderPage): an image
// bomb or a page too large at the OCR resolution is refused before any pixel
// is decoded or allocated, while a real scanned page renders as before.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "common/file_io.h"
#include "extract/extractor.h"
#include "extract/pdf_reader.h"

namespace docpipe {
namespace {

const std::string kSource = DOCPIPE_SOURCE_DIR;
const std::string kHostile = kSource + "/tests/data/hostile/";
const std::string kScan = kSource + "/tests/data/scans/INM2529-002v2_scan.pdf";

std::unique_ptr<PdfReader> OpenPdf(const std::string& path) {
  Result<std::string> bytes = ReadFile(path);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  if (!bytes.ok()) return nullptr;
  Result<std::unique_ptr<PdfReader>> reader = PdfReader::Open(*bytes, std::nullopt);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  return reader.ok() ? std::move(*reader) : nullptr;
}

TEST(RenderBounds, ImageBombsAreRefusedBeforeTheyAreDecoded) {
  struct Case {
    const char* file;
    const char* reason;
  };
  const Case cases[] = {
      {"image-bomb-jbig2.pdf", "it draws an image of 100000x100000 pixels"},
      {"image-bomb-flate.pdf", "it draws an image of 100000x100000 pixels"},
      // The dictionary says 100 x 100; the JBIG2 data's page-information
      // segment says 100000 x 100000, which is what the decoder allocates.
      {"image-bomb-jbig2-page-info.pdf", "it draws a JBIG2 image whose data declares a page of 100000x100000 pixels"},
      // The same segment after 1 MB of another segment (decoded: 18 MB).
      {"image-bomb-jbig2-page-info-late.pdf",
       "it draws a JBIG2 image whose data declares a page of 100000x100000 pixels"},
      // Behind an immediate generic region of unknown length, found by the
      // end its arithmetic-coded data carries (0xFF 0xAC, a row count).
      {"image-bomb-jbig2-unknown-length.pdf",
       "it draws a JBIG2 image whose data declares a page of 100000x100000 pixels"},
      // After 65 MB: more than is walked without decoding.
      {"image-bomb-jbig2-too-long.pdf",
       "it draws a JBIG2 image whose data is too long to count the pages it declares without decoding it"},
  };
  for (const Case& c : cases) {
    std::unique_ptr<PdfReader> reader = OpenPdf(kHostile + c.file);
    ASSERT_NE(reader, nullptr);
    const std::string refusal = reader->RenderRefusal(1, 300);
    EXPECT_NE(refusal.find(c.reason), std::string::npos) << c.file << ": " << refusal;
    // The renderer refuses on its own too, for a caller that did not ask.
    Result<PageImage> image = reader->RenderPage(1, 300);
    ASSERT_FALSE(image.ok()) << c.file;
    EXPECT_EQ(image.status().code(), Status::Code::kBadInput) << c.file;
    EXPECT_NE(image.status().message().find(std::string("page 1 cannot be rendered: ") + c.reason), std::string::npos)
        << image.status().message();
  }
}

// The share of a rendered page's pixels that are ink.
double InkShare(const PageImage& image) {
  const auto dark = std::count_if(image.gray.begin(), image.gray.end(), [](uint8_t v) { return v < 128; });
  return static_cast<double>(dark) / static_cast<double>(image.gray.size());
}

// The counter-example to the JBIG2 bombs: a real JBIG2 image (page 2 of a
// sample standard, 150 dpi black and white, an MMR generic region after a
// page-information segment of its own size; scripts/make-jbig2-scan.py) is
// counted at its size, rendered, and holds the page it was made from.
// The counter-example to image-bomb-jbig2-unknown-length.pdf: the same
// region of unknown length, then a page of the image's own size. The walk
// passes the region by its end marker and counts the small page, so the
// image is drawn.
TEST(RenderBounds, AJbig2RegionOfUnknownLengthBeforeASmallPageIsDrawn) {
  std::unique_ptr<PdfReader> reader = OpenPdf(kSource + "/tests/data/jbig2/jbig2-unknown-length-region.pdf");
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->RenderRefusal(1, 300), "");
  Result<PageImage> page = reader->RenderPage(1, 300);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
}

TEST(RenderBounds, ARealJbig2ImageRendersAsThePageItWasMadeFrom) {
  std::unique_ptr<PdfReader> scan = OpenPdf(kSource + "/tests/data/jbig2/jbig2-mmr-scan.pdf");
  std::unique_ptr<PdfReader> original = OpenPdf(kSource + "/samples/pdf/INM2529-002v2.pdf");
  ASSERT_NE(scan, nullptr);
  ASSERT_NE(original, nullptr);
  EXPECT_EQ(scan->RenderRefusal(1, 150), "");
  Result<PageImage> decoded = scan->RenderPage(1, 150);
  Result<PageImage> drawn = original->RenderPage(2, 150);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_TRUE(drawn.ok()) << drawn.status().ToString();
  EXPECT_NEAR(decoded->width, drawn->width, 2);
  EXPECT_NEAR(decoded->height, drawn->height, 2);
  // The same darkness, row band by row band (a blank or garbled decode
  // differs by far more): 10 bands of the page, each within a tolerance for
  // the black-and-white rendering (grey fills become dither, text edges
  // lose their anti-aliasing).
  const int bands = 10;
  const int w = std::min(decoded->width, drawn->width);
  const int h = std::min(decoded->height, drawn->height);
  for (int band = 0; band < bands; ++band) {
    double dark_decoded = 0, dark_drawn = 0;
    for (int y = band * h / bands; y < (band + 1) * h / bands; ++y) {
      for (int x = 0; x < w; ++x) {
        dark_decoded += 255 - decoded->at(x, y);
        dark_drawn += 255 - drawn->at(x, y);
      }
    }
    EXPECT_NEAR(dark_decoded, dark_drawn, 0.35 * dark_drawn) << "band " << band;
  }
  EXPECT_GT(InkShare(*decoded), 0.02);
}

TEST(RenderBounds, APageTooLargeAtTheResolutionIsRefusedBeforeItsBitmapIsMade) {
  std::unique_ptr<PdfReader> reader = OpenPdf(kScan);
  ASSERT_NE(reader, nullptr);
  // An A4 page at 1200 dpi is 9924 x 14032 pixels (139 million): allowed;
  // at 1600 dpi 248 million: refused.
  EXPECT_EQ(reader->RenderRefusal(1, 1200), "");
  const std::string refusal = reader->RenderRefusal(1, 1600);
  EXPECT_NE(refusal.find("at 1600 dpi the page is"), std::string::npos) << refusal;
  Result<PageImage> big = reader->RenderPage(1, 1600);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), Status::Code::kBadInput);
}

TEST(RenderBounds, AScannedPageStillRendersForOcr) {
  std::unique_ptr<PdfReader> reader = OpenPdf(kScan);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->RenderRefusal(1, 300), "");
  Result<PageImage> image = reader->RenderPage(1, 300);
  ASSERT_TRUE(image.ok()) << image.status().ToString();
  // A4 at 300 dpi, and the scan's ink is there.
  EXPECT_NEAR(image->width, 2480, 5);
  EXPECT_NEAR(image->height, 3508, 5);
  const auto dark = std::count_if(image->gray.begin(), image->gray.end(), [](uint8_t v) { return v < 128; });
  EXPECT_GT(dark, 10000);
}

// extract --ocr auto on a page that holds only an image bomb: the page fails
// with the refusal, and with nothing else readable the document fails as a
// resource bound exceeded (LimitExceeded, exit 11, as the memory ceiling and
// the time budget), at once; not as bad input.
TEST(RenderBounds, ADocumentOfImageBombsFailsAsOverTheLimit) {
  Result<std::string> bytes = ReadFile(kHostile + "image-bomb-jbig2.pdf");
  ASSERT_TRUE(bytes.ok());
  ExtractOptions options;
  options.ocr = OcrMode::kAuto;
  Result<Layout> layout = ExtractLayout(*bytes, "image-bomb-jbig2.pdf", options);
  ASSERT_FALSE(layout.ok());
  EXPECT_EQ(layout.status().code(), Status::Code::kLimitExceeded) << layout.status().ToString();
  EXPECT_NE(layout.status().message().find(
                "no page could be read (page 1: not rendered for OCR: it draws an image of 100000x100000 pixels"),
            std::string::npos)
      << layout.status().message();
}

}  // namespace
}  // namespace docpipe
