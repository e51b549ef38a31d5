#include "extract/ocr_engine.h"

#include <leptonica/allheaders.h>
#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace docpipe {
namespace {

// Owns a Leptonica image.
struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

PixPtr ToPix(const PageImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = pixGetData(pix.get()) + static_cast<size_t>(y) * pixGetWpl(pix.get());
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, image.at(x, y));
  }
  pixSetResolution(pix.get(), static_cast<l_int32>(image.dpi), static_cast<l_int32>(image.dpi));
  return pix;
}

PageImage FromPix(PIX* pix, double dpi) {
  PageImage image;
  image.width = pixGetWidth(pix);
  image.height = pixGetHeight(pix);
  image.dpi = dpi;
  image.gray.resize(static_cast<size_t>(image.width) * image.height);
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = pixGetData(pix) + static_cast<size_t>(y) * pixGetWpl(pix);
    for (int x = 0; x < image.width; ++x) {
      image.gray[static_cast<size_t>(y) * image.width + x] = static_cast<uint8_t>(GET_DATA_BYTE(line, x));
    }
  }
  return image;
}

// The version entry of a .traineddata file. The file is a table of
// contents (an int32 count, then int64 offsets, little-endian) followed by
// the components; entry 23 (TESSDATA_VERSION) is a text that names the
// model and its training run. Tesseract's API does not expose it.
std::string TrainedDataVersion(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "unknown";
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  constexpr int kVersionEntry = 23;
  if (bytes.size() < 4) return "unknown";
  int32_t count = 0;
  std::memcpy(&count, bytes.data(), 4);
  if (count <= kVersionEntry || count > 100 || bytes.size() < 4 + 8 * static_cast<size_t>(count)) return "unknown";
  std::vector<int64_t> offsets(static_cast<size_t>(count));
  std::memcpy(offsets.data(), bytes.data() + 4, 8 * offsets.size());
  const int64_t start = offsets[kVersionEntry];
  if (start <= 0 || static_cast<size_t>(start) >= bytes.size()) return "unknown";
  int64_t end = static_cast<int64_t>(bytes.size());
  for (int64_t o : offsets) {
    if (o > start && o < end) end = o;
  }
  return bytes.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
}

// Tesseract asks between words whether to stop.
bool PastCpuDeadline(void* deadline, int /*words*/) { return ProcessCpuSeconds() > *static_cast<double*>(deadline); }

std::string TakeText(char* text) {
  std::string out = text ? text : "";
  delete[] text;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// White pixels around a region cut out to be read alone (bench/ocr_cells
// --crop measured 10).
constexpr int kCutMargin = 10;

// A region of the page in whole pixels of the image, clipped to it: x0, y0,
// x1, y1. nullopt for a region under 4 pixels either way (nothing to read).
struct PixelRect {
  int x0, y0, x1, y1;
};
std::optional<PixelRect> RegionPixels(const BBox& region, const PageImage& image) {
  const double pixels = 1 / image.PointsPerPixel();
  PixelRect rect{std::max(0, static_cast<int>(std::floor(region.x0 * pixels))),
                 std::max(0, static_cast<int>(std::floor(region.y0 * pixels))),
                 std::min(image.width, static_cast<int>(std::ceil(region.x1 * pixels))),
                 std::min(image.height, static_cast<int>(std::ceil(region.y1 * pixels)))};
  if (rect.x1 - rect.x0 < 4 || rect.y1 - rect.y0 < 4) return std::nullopt;
  return rect;
}

tesseract::PageSegMode RegionSegMode(OcrEngine::RegionMode mode) {
  return mode == OcrEngine::RegionMode::kLine         ? tesseract::PSM_RAW_LINE
         : mode == OcrEngine::RegionMode::kSingleLine ? tesseract::PSM_SINGLE_LINE
                                                      : tesseract::PSM_SINGLE_BLOCK;
}

class TesseractEngine : public OcrEngine {
 public:
  Status Open(const OcrOptions& options) {
    threads_ = std::max(0, options.threads);
    // Tesseract prints its diagnostics to stderr unless told otherwise;
    // library code does not print.
    api_.SetVariable("debug_file", "/dev/null");
    const char* data = options.data_dir ? options.data_dir->c_str() : nullptr;
    if (api_.Init(data, options.languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
      return Status::Unsupported("OCR language data '" + options.languages +
                                 "' not found (install tesseract-ocr-chi-tra and tesseract-ocr-script-hant)");
    }
    api_.SetVariable("debug_file", "/dev/null");
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    std::string dir = api_.GetDatapath() ? api_.GetDatapath() : "";
    if (!dir.empty() && dir.back() != '/') dir += '/';
    // Tesseract loads what it finds of the further languages (a machine
    // without the script model reads with chi_tra alone): the page records
    // the models actually loaded.
    std::vector<std::string> loaded;
    api_.GetLoadedLanguagesAsVector(&loaded);
    for (const std::string& lang : loaded) {
      if (!language_data_.empty()) language_data_ += "; ";
      language_data_ += lang + " " + TrainedDataVersion(dir + lang + ".traineddata");
    }
    return Status::Ok();
  }

  void SetCpuDeadline(double cpu_seconds) override { cpu_deadline_ = cpu_seconds; }

  std::string engine_version() const override { return std::string("tesseract ") + tesseract::TessBaseAPI::Version(); }
  std::string language_data() const override { return language_data_; }

  Result<std::vector<OcrLine>> Recognise(const PageImage& image) override {
    return RecogniseWith(image, tesseract::PSM_AUTO);
  }

  Result<std::vector<OcrLine>> RecogniseSparse(const PageImage& image) override {
    return RecogniseWith(image, tesseract::PSM_SPARSE_TEXT);
  }

  Result<std::vector<OcrLine>> RecogniseWith(const PageImage& image, tesseract::PageSegMode mode) {
    if (Status s = SetImage(image); !s.ok()) return s;
    api_.SetPageSegMode(mode);
    std::vector<OcrLine> lines;
    const bool read = Recognize();
    if (read) ReadLines(image.PointsPerPixel(), -1, 0, 0, &lines);
    api_.Clear();
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    if (!read) return Failure("the page");
    return lines;
  }

  Result<std::vector<OcrLine>> RecogniseBlocks(const PageImage& image, const std::vector<BBox>& regions,
                                               RegionMode mode) override {
    if (Status s = SetImage(image); !s.ok()) return s;
    // One block of text per region: Tesseract finds its lines, but does not
    // look for columns or drop what it takes for noise. A line: read as it
    // is, without looking for lines (which can find none in a region of one
    // short line).
    api_.SetPageSegMode(RegionSegMode(mode));
    std::vector<OcrLine> lines;
    bool read = true;
    for (size_t r = 0; r < regions.size() && read; ++r) {
      const std::optional<PixelRect> rect = RegionPixels(regions[r], image);
      if (!rect) continue;
      const auto [x0, y0, x1, y1] = *rect;
      api_.SetRectangle(x0, y0, x1 - x0, y1 - y0);
      read = Recognize();
      if (read) ReadLines(image.PointsPerPixel(), static_cast<int>(r), 0, 0, &lines);
    }
    api_.Clear();
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    if (!read) return Failure("a region of the page");
    return lines;
  }

  Result<std::vector<OcrLine>> RecogniseCutOut(const PageImage& image, const std::vector<BBox>& regions,
                                               RegionMode mode) override {
    if (Status s = SetImage(image); !s.ok()) return s;
    api_.SetPageSegMode(RegionSegMode(mode));
    std::vector<OcrLine> lines;
    std::vector<uint8_t> cut;
    bool read = true;
    for (size_t r = 0; r < regions.size() && read; ++r) {
      const std::optional<PixelRect> rect = RegionPixels(regions[r], image);
      if (!rect) continue;
      const auto [x0, y0, x1, y1] = *rect;
      const int width = x1 - x0 + 2 * kCutMargin;
      const int height = y1 - y0 + 2 * kCutMargin;
      cut.assign(static_cast<size_t>(width) * height, 255);
      for (int y = y0; y < y1; ++y) {
        std::copy(image.gray.begin() + static_cast<size_t>(y) * image.width + x0,
                  image.gray.begin() + static_cast<size_t>(y) * image.width + x1,
                  cut.begin() + static_cast<size_t>(y - y0 + kCutMargin) * width + kCutMargin);
      }
      api_.SetImage(cut.data(), width, height, 1, width);
      api_.SetSourceResolution(static_cast<int>(image.dpi));
      read = Recognize();
      if (read) ReadLines(image.PointsPerPixel(), static_cast<int>(r), x0 - kCutMargin, y0 - kCutMargin, &lines);
    }
    api_.Clear();
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    if (!read) return Failure("a region of the page");
    return lines;
  }

  std::vector<BBox> FindWords(const PageImage& image) override {
    std::vector<BBox> words;
    if (!SetImage(image).ok()) return words;
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    const double scale = image.PointsPerPixel();
    std::unique_ptr<tesseract::PageIterator> it(api_.AnalyseLayout());
    if (it) {
      do {
        int l, t, r, b;
        if (it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) words.push_back(BBox{l * scale, t * scale, r * scale, b * scale});
      } while (it->Next(tesseract::RIL_WORD));
    }
    api_.Clear();
    return words;
  }

 private:
  // Recognises the image set, within the CPU deadline.
  bool Recognize() {
    if (ProcessCpuSeconds() > cpu_deadline_) return false;
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = PastCpuDeadline;
    monitor.cancel_this = &cpu_deadline_;
    return api_.Recognize(&monitor) == 0;
  }

  Status Failure(const std::string& what) const {
    if (ProcessCpuSeconds() > cpu_deadline_) return Status::Internal("OCR stopped at its CPU time budget");
    return Status::Internal("Tesseract could not recognise " + what);
  }

  // Tesseract's parallel loops ask OpenMP for a fixed number of threads
  // (num_threads(4) in its LSTM code), which omp_set_num_threads alone does
  // not override; with dynamic adjustment on, libgomp gives a region at
  // most the thread's nthreads-var. Both are the calling thread's settings,
  // so they are set on every call (an engine may move to another thread).
  // OMP_THREAD_LIMIT cannot be set here: libgomp reads it when it loads.
  void LimitThreads() const {
    if (threads_ == 0) {
      omp_set_dynamic(0);
      return;
    }
    omp_set_dynamic(1);
    omp_set_num_threads(threads_);
  }

  Status SetImage(const PageImage& image) {
    LimitThreads();
    if (image.width <= 0 || image.height <= 0 || image.gray.size() != static_cast<size_t>(image.width) * image.height) {
      return Status::InvalidArgument("empty page image");
    }
    api_.SetImage(image.gray.data(), image.width, image.height, 1, image.width);
    api_.SetSourceResolution(static_cast<int>(image.dpi));
    return Status::Ok();
  }

  // Appends the recognised lines to `lines`, boxes moved by (dx, dy) pixels
  // (where a cut-out image stands on the page) and scaled to points. Lines
  // get `block` when it is >= 0, else Tesseract's block number (counted on
  // from the last line's).
  void ReadLines(double scale, int block, int dx, int dy, std::vector<OcrLine>* lines) {
    auto box = [&](const tesseract::PageIterator& it, tesseract::PageIteratorLevel level, BBox* out) {
      int l, t, r, b;
      if (!it.BoundingBox(level, &l, &t, &r, &b)) return false;
      *out = BBox{(l + dx) * scale, (t + dy) * scale, (r + dx) * scale, (b + dy) * scale};
      return true;
    };
    const size_t first = lines->size();
    int current_block = first > 0 ? lines->back().block + 1 : 0;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (it) {
      do {
        if (it->Empty(tesseract::RIL_SYMBOL)) continue;
        if (it->IsAtBeginningOf(tesseract::RIL_BLOCK) && lines->size() > first) ++current_block;
        if (lines->size() == first || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
          lines->emplace_back();
          lines->back().block = block >= 0 ? block : current_block;
          box(*it, tesseract::RIL_TEXTLINE, &lines->back().bbox);
          int x1, y1, x2, y2;
          if (it->Baseline(tesseract::RIL_TEXTLINE, &x1, &y1, &x2, &y2)) {
            lines->back().baseline = ((y1 + y2) / 2.0 + dy) * scale;
          }
        }
        OcrLine& line = lines->back();
        if (line.words.empty() || it->IsAtBeginningOf(tesseract::RIL_WORD)) {
          line.words.emplace_back();
          OcrWord& word = line.words.back();
          word.text = TakeText(it->GetUTF8Text(tesseract::RIL_WORD));
          word.confidence = std::max(0.0, std::min(1.0, it->Confidence(tesseract::RIL_WORD) / 100.0));
          box(*it, tesseract::RIL_WORD, &word.bbox);
        }
        OcrSymbol symbol;
        symbol.text = TakeText(it->GetUTF8Text(tesseract::RIL_SYMBOL));
        if (symbol.text.empty()) continue;
        if (!box(*it, tesseract::RIL_SYMBOL, &symbol.bbox)) symbol.bbox = line.words.back().bbox;
        symbol.confidence = std::max(0.0, std::min(1.0, it->Confidence(tesseract::RIL_SYMBOL) / 100.0));
        line.words.back().symbols.push_back(std::move(symbol));
      } while (it->Next(tesseract::RIL_SYMBOL));
    }
    // A word Tesseract found but could not spell has no symbols: it is kept
    // as one glyph over its box, so nothing seen is lost.
    for (size_t l = first; l < lines->size(); ++l) {
      for (OcrWord& word : (*lines)[l].words) {
        if (word.symbols.empty() && !word.text.empty()) word.symbols.push_back({word.text, word.bbox, word.confidence});
      }
    }
  }

  tesseract::TessBaseAPI api_;
  std::string language_data_;
  int threads_ = 1;  // OcrOptions::threads
  double cpu_deadline_ = std::numeric_limits<double>::infinity();
};

}  // namespace

Result<std::unique_ptr<OcrEngine>> OcrEngine::Open(const OcrOptions& options) {
  auto engine = std::make_unique<TesseractEngine>();
  if (Status s = engine->Open(options); !s.ok()) return s;
  return std::unique_ptr<OcrEngine>(std::move(engine));
}

PageImage Deskew(const PageImage& image, double* degrees) {
  *degrees = 0;
  PixPtr pix = ToPix(image);
  if (!pix) return image;
  l_float32 angle = 0, confidence = 0;
  // Leptonica reports through its own stderr messages; silence them.
  setMsgSeverity(L_SEVERITY_NONE);
  PixPtr straight(pixFindSkewAndDeskew(pix.get(), /*redsearch=*/0, &angle, &confidence));
  if (!straight || std::fabs(angle) < 0.05 || confidence < 2.5) return image;
  *degrees = angle;
  return FromPix(straight.get(), image.dpi);
}

}  // namespace docpipe
