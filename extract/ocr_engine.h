// OcrEngine: the only place that knows Tesseract and Leptonica. Recognises
// the text of a rendered page (extract/page_image.h) as lines of words, each
// word with its box, its characters' boxes and a confidence.
//
//   OcrOptions options;                      // chi_tra, Tesseract's data
//   Result<std::unique_ptr<OcrEngine>> ocr = OcrEngine::Open(options);
//   if (!ocr.ok()) return ocr.status();      // Unsupported: no language data
//   Result<std::vector<OcrLine>> lines = (*ocr)->Recognise(image);
//
// Boxes are in page points (extract/layout.h), converted with the image's
// dpi. Tesseract's messages never reach stderr. An engine is not thread-safe;
// use one per thread. Tesseract's own threads (OpenMP, up to 4 in its
// recogniser) are limited to OcrOptions::threads, one by default: page
// workers (-j) and batch workers already use the cores, and Tesseract's
// threads inside each of them would put more threads than cores on a scan.
#ifndef DOCPIPE_EXTRACT_OCR_ENGINE_H_
#define DOCPIPE_EXTRACT_OCR_ENGINE_H_

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/process_cpu.h"
#include "common/status.h"
#include "extract/layout.h"
#include "extract/page_image.h"

namespace docpipe {

struct OcrOptions {
  // Tesseract language codes, '+'-joined. chi_tra with the Traditional Han
  // script model (HanT, Debian tesseract-ocr-script-hant): both models read
  // Latin letters and digits too, and together they read better than
  // either alone (chi_tra alone read 能力 as 通力 in most cells of a clean
  // scan; HanT alone splits every word; bench/README.md). Not eng: with
  // "chi_tra+eng" Tesseract takes the English reading of CJK words it is
  // unsure of ("P1.1.1 依據國際相關" became "PlLI RBRARMEE SAR"). Only the
  // first language must be installed; a further one that is missing is left
  // out (OcrEngine::language_data names those loaded).
  std::string languages = "chi_tra+HanT";
  std::optional<std::string> data_dir;     // tessdata folder; default: Tesseract's
  // Threads Tesseract's recogniser may use while this engine reads: 1, the
  // calling thread alone (the default: the page and batch workers use the
  // cores, bench/README.md measures what one thread costs a page); N > 1,
  // at most N (OpenMP's dynamic adjustment: fewer on a loaded machine); 0,
  // as many as Tesseract asks for (4). OMP_THREAD_LIMIT in the environment,
  // when set, is a ceiling on top.
  int threads = 1;
};

struct OcrSymbol {
  std::string text;  // UTF-8, one character (rarely a cluster)
  BBox bbox;
  double confidence = 1;  // 0..1, Tesseract's symbol confidence / 100
};

struct OcrWord {
  std::string text;
  BBox bbox;
  double confidence = 0;  // 0..1, Tesseract's word confidence / 100
  std::vector<OcrSymbol> symbols;
};

struct OcrLine {
  std::vector<OcrWord> words;  // left to right
  BBox bbox;
  // y of the line's baseline at its middle; NaN when Tesseract gives none.
  double baseline = std::numeric_limits<double>::quiet_NaN();
  int block = 0;  // Tesseract's text block (a column, a paragraph), from 0
};

class OcrEngine {
 public:
  // Fails with Unsupported when Tesseract cannot load the language data.
  static Result<std::unique_ptr<OcrEngine>> Open(const OcrOptions& options);
  virtual ~OcrEngine() = default;

  // "tesseract 5.3.0"
  virtual std::string engine_version() const = 0;
  // The version string of each language's trained data, '; '-joined:
  // "chi_tra 4.00.00alpha:chi_tra:synth20170629:...; eng 4.00.00alpha:eng:..."
  virtual std::string language_data() const = 0;
  // The readings that follow stop once ProcessCpuSeconds() passes
  // `cpu_seconds` (infinity: never), and fail (Internal) with the reason: a
  // budget in CPU time, which the load of other processes does not use up.
  virtual void SetCpuDeadline(double cpu_seconds) = 0;

  // Lines in Tesseract's reading order (blocks, then lines), found by
  // Tesseract's page layout analysis. An image without text gives no lines;
  // Internal when recognition itself fails.
  virtual Result<std::vector<OcrLine>> Recognise(const PageImage& image) = 0;

  // How RecogniseBlocks reads a region.
  enum class RegionMode {
    kBlock,   // one block of text: its lines in order
    kLine,    // one line of text, as it is (no line finding): a region cut
              // to one line's ink
    kSingleLine,  // one line of text, its baseline and size found (a cell
                  // one line high)
  };

  // Reads each of `regions` (page points, e.g. the cells of a ruled table)
  // without page layout analysis: a lone digit or a short label in a wide
  // cell, which the analysis of the whole page overlooks, is read. The
  // lines of all regions, in the regions' order, with boxes in page points;
  // each region's lines get the region's index as `block`.
  virtual Result<std::vector<OcrLine>> RecogniseBlocks(const PageImage& image, const std::vector<BBox>& regions,
                                                       RegionMode mode) = 0;

  // As RecogniseBlocks, but each region is cut out into an image of its own
  // with a white margin (10 px) instead of being read through a rectangle
  // on the whole page. The two differ in context only, and Tesseract's
  // LSTM reads some Han characters differently under each (bench/README.md
  // "Wave 6: ocr5"); extract/ocr_vote.h combines the two readings. Boxes
  // are in page points, where the text stands on the page.
  virtual Result<std::vector<OcrLine>> RecogniseCutOut(const PageImage& image, const std::vector<BBox>& regions,
                                                       RegionMode mode) = 0;

  // Reads `image` as sparse text: every piece of text Tesseract finds, in
  // no particular order, one block per line.
  virtual Result<std::vector<OcrLine>> RecogniseSparse(const PageImage& image) = 0;

  // The boxes (page points) of the words Tesseract's page layout analysis
  // finds, without recognising them: where text is, cheaply.
  virtual std::vector<BBox> FindWords(const PageImage& image) = 0;
};

// Straightens a scan turned by a few degrees (Leptonica's skew search over
// +-7 degrees); the image is unchanged when no skew is found with confidence.
// `degrees` gets the correction applied (0 when none).
PageImage Deskew(const PageImage& image, double* degrees);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_OCR_ENGINE_H_
