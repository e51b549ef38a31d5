#include "extract/extractor.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "common/sha256.h"
#include "extract/aligned_table_builder.h"
#include "extract/chart_axes.h"
#include "extract/fill_rulings.h"
#include "extract/glyph_dedup.h"
#include "extract/layout_json.h"
#include "extract/line_builder.h"
#include "extract/ocr_page.h"
#include "extract/page_furniture.h"
#include "extract/page_store.h"
#include "extract/page_workers.h"
#include "extract/pdf_reader.h"
#include "extract/ruling_detector.h"
#include "extract/table_builder.h"
#include "extract/table_continuity.h"
#include "extract/unruled_table_builder.h"

namespace docpipe {

Page AnalysePage(PageContent content) {
  Page page;
  page.number = content.number;
  page.width = content.width;
  page.height = content.height;
  page.warnings = std::move(content.warnings);
  page.failed = content.failed;
  page.over_limit = content.over_limit;
  if (page.failed) return page;
  page.removed_duplicate_glyphs = RemoveDuplicateGlyphs(&content.glyphs);
  std::vector<Ruling> rulings =
      WithFillRulings(content.fills, content.glyphs, DetectRulings(content.segments), page.width, page.height);
  // A chart's gridlines, frame and labels are no table (chart_axes.h): each
  // builder's tables that hold a chart's axis are dropped, their text left
  // to the page's lines.
  const std::vector<Ruling> axes = FindChartAxes(content.segments, rulings);
  std::vector<bool> in_table;
  page.tables = BuildTables(rulings, content.glyphs, content.fonts, page.width, page.height, &in_table);
  std::vector<bool> before;  // the glyphs placed before a builder ran (only needed with an axis)
  if (!axes.empty()) before.assign(content.glyphs.size(), false);
  DropChartTables(axes, content.glyphs, before, &page.tables, &in_table);
  if (!axes.empty()) before = in_table;
  std::vector<Table> aligned = BuildAlignedTables(rulings, page.tables, content.glyphs, content.fonts, &in_table);
  DropChartTables(axes, content.glyphs, before, &aligned, &in_table);
  if (!axes.empty()) before = in_table;
  std::vector<Table> unruled = BuildUnruledTables(content.glyphs, content.fonts, &in_table);
  DropChartTables(axes, content.glyphs, before, &unruled, &in_table);
  for (Table& t : unruled) aligned.push_back(std::move(t));
  if (!aligned.empty()) {
    for (Table& t : aligned) page.tables.push_back(std::move(t));
    std::stable_sort(page.tables.begin(), page.tables.end(), [](const Table& a, const Table& b) {
      return a.bbox.y0 != b.bbox.y0 ? a.bbox.y0 < b.bbox.y0 : a.bbox.x0 < b.bbox.x0;
    });
  }
  std::vector<const Glyph*> free_glyphs;
  for (size_t i = 0; i < content.glyphs.size(); ++i) {
    if (!in_table[i]) free_glyphs.push_back(&content.glyphs[i]);
  }
  page.lines = BuildLinesByTextLayer(free_glyphs, content.fonts);
  return page;
}

namespace {

std::string FormatSeconds(double seconds) {
  std::string text = std::to_string(std::round(seconds * 10) / 10);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::optional<double> OcrPageSeconds(const ExtractOptions& options, const PageContent& page) {
  if (!options.page_seconds || *options.page_seconds <= 0) return std::nullopt;
  // The work of OCR grows with the pixels read: an A4 page at 300 dpi is
  // the unit.
  constexpr double kA4Pixels = (595.0 / 72 * 300) * (842.0 / 72 * 300);
  const double pixels = (page.width / 72 * options.ocr_dpi) * (page.height / 72 * options.ocr_dpi);
  return *options.page_seconds * std::max(1.0, pixels / kA4Pixels);
}

namespace {

// The OCR engine of one extraction, loaded at the first page that needs it.
class OcrRun {
 public:
  explicit OcrRun(const ExtractOptions& options) : options_(options) {}

  // Reads page `number` by OCR into `page`; false (with the reason in
  // `warnings`) when that fails, and the caller falls back on the text layer.
  // *refused is set when the page cannot be rendered (PdfReader::
  // RenderRefusal): decided before the engine is loaded, so that an image
  // bomb is refused at once.
  bool Read(PdfReader& reader, int number, const PageContent& text_layer, Page* page,
            std::vector<std::string>* warnings, bool* refused) {
    if (std::string refusal = reader.RenderRefusal(number, options_.ocr_dpi); !refusal.empty()) {
      warnings->push_back("not rendered for OCR: " + refusal);
      *refused = true;
      return false;
    }
    if (!engine_ && unavailable.empty()) {
      Result<std::unique_ptr<OcrEngine>> engine = OcrEngine::Open(options_.ocr_engine);
      if (engine.ok()) {
        engine_ = std::move(*engine);
      } else {
        unavailable = engine.status().message();
      }
    }
    if (!engine_) {
      warnings->push_back("OCR needed but unavailable: " + unavailable);
      return false;
    }
    const std::optional<double> budget = OcrPageSeconds(options_, text_layer);
    const double start = ProcessCpuSeconds();
    engine_->SetCpuDeadline(budget ? start + *budget : std::numeric_limits<double>::infinity());
    Result<OcrPage> read = ReadPageByOcr(reader, number, *engine_, options_.ocr_dpi, text_layer);
    if (!read.ok() && budget && ProcessCpuSeconds() - start > *budget) {
      // As a text page past its budget: failed, with what its text layer
      // gave (a scan's: nothing).
      *page = AnalysePage(text_layer);
      page->failed = true;
      page->over_limit = true;
      page->warnings.insert(page->warnings.begin(), "the page was not read by OCR within its budget of " +
                                                        FormatSeconds(*budget) + " s of CPU time");
      return true;
    }
    if (!read.ok()) {
      warnings->push_back("OCR failed: " + read.status().message());
      return false;
    }
    *page = AnalysePage(std::move(read->content));
    MarkOcrConfidence(read->lines, options_.ocr_low_confidence, page);
    OcrInfo info{engine_->engine_version(), engine_->language_data(), options_.ocr_dpi,
                 std::round(read->skew_degrees * 100) / 100, 0};
    auto count = [&](const TextLine& line) { info.low_confidence_words += static_cast<int>(line.low_confidence_words.size()); };
    for (const TextLine& line : page->lines) count(line);
    for (const Table& table : page->tables) {
      for (const Cell& cell : table.cells) {
        for (const TextLine& line : cell.lines) count(line);
      }
    }
    page->source = PageSource::kOcr;
    page->ocr = std::move(info);
    return true;
  }

  std::string unavailable;  // why the engine could not be loaded

 private:
  const ExtractOptions& options_;
  std::unique_ptr<OcrEngine> engine_;
};

}  // namespace

ExtractedPages::ExtractedPages() = default;
ExtractedPages::~ExtractedPages() = default;

Result<Page> ExtractedPages::Next() {
  if (next_ >= skeletons_.size()) return Status::Internal("no page left to hand out");
  const size_t index = next_++;
  Result<Page> page = store_->Take(index);
  if (!page.ok()) return page.status();
  Page& skeleton = skeletons_[index];
  page->warnings = std::move(skeleton.warnings);
  for (size_t l = 0; l < page->lines.size() && l < skeleton.lines.size(); ++l) {
    page->lines[l].role = skeleton.lines[l].role;
  }
  links_->ApplyTo(index, &*page);
  RoundToJsonPrecision(&*page);
  std::vector<TextLine>().swap(skeleton.lines);
  return page;
}

Result<std::unique_ptr<ExtractedPages>> ExtractPages(std::string_view pdf_bytes, const std::string& source_path,
                                                     const ExtractOptions& options) {
  Result<std::unique_ptr<PdfReader>> reader = PdfReader::Open(pdf_bytes, options.password, options.page_seconds);
  if (!reader.ok()) return reader.status();
  const int count = (*reader)->page_count();
  const int first = options.first_page.value_or(1);
  const int last = options.last_page.value_or(count);
  if (first < 1 || last < first || last > count) {
    return Status::InvalidArgument("page range " + std::to_string(first) + "-" + std::to_string(last) +
                                   " is outside the document's pages 1-" + std::to_string(count));
  }
  std::unique_ptr<ExtractedPages> doc(new ExtractedPages());
  Layout& layout = doc->head_;
  layout.source_path = source_path;
  layout.page_count = count;
  // A worker costs about 2.5 ms of CPU (the fork and its copied pages), a
  // page 3-5 ms: from two pages a worker on, the split pays on an idle
  // machine (bench/README.md, wave 9); shorter documents stay in this process.
  PageWork work{first, last, 1};
  if (options.jobs > 1) {
    const int pages = last - first + 1;
    work.workers = std::min(options.jobs, pages / std::max(1, options.min_pages_per_worker));
  }
  // The `jobs` cores are shared between the page workers and Tesseract's
  // threads in each: a scan too short for workers is read on up to `jobs`
  // threads, one with as many workers as cores on one each (more would put
  // more threads than cores on the machine). `run` passes jobs 1.
  ExtractOptions ocr_options = options;
  ocr_options.ocr_engine.threads = std::max(1, options.jobs / std::max(1, work.workers));
  OcrRun ocr(ocr_options);
  auto read_page = [&](int number) {
    PageContent content = (*reader)->ReadPage(number);
    Page page;
    std::vector<std::string> ocr_warnings;
    bool refused = false;
    if (!PageNeedsOcr(content, options.ocr) ||
        !ocr.Read(**reader, number, content, &page, &ocr_warnings, &refused)) {
      page = AnalysePage(std::move(content));
      if (refused && page.lines.empty() && page.tables.empty()) {
        // Nothing of the page could be read: it failed, and says why first
        // (the command fails with it when no other page has text).
        page.failed = true;
        page.over_limit = true;
        page.warnings.insert(page.warnings.begin(), ocr_warnings.begin(), ocr_warnings.end());
      } else {
        page.warnings.insert(page.warnings.end(), ocr_warnings.begin(), ocr_warnings.end());
      }
    }
    return page;
  };
  // The pages go to the store as they come; what the cross-page steps read
  // of each (its skeleton) stays in memory.
  doc->store_ = std::make_unique<PageStore>(first, last, last - first + 1 > options.max_pages_in_memory);
  doc->skeletons_.resize(static_cast<size_t>(last - first + 1));
  std::vector<Page>& skeletons = doc->skeletons_;
  std::vector<std::string> notes;
  Status read = ReadPagesInWorkers(
      work, read_page, [&ocr] { return ocr.unavailable; }, &notes, [&](Page page, std::string_view wire) {
        const int slot = page.number - first;
        if (slot < 0 || slot >= static_cast<int>(skeletons.size())) {
          return Status::Internal("page " + std::to_string(page.number) + " out of range");
        }
        // The file is hashed when the first page arrives: with page workers
        // the parent does it while they read on (a 1.4 MB gazette's hash is
        // 38 M instructions, which before the fork they waited for).
        if (layout.source_sha256.empty()) layout.source_sha256 = Sha256Hex(pdf_bytes);
        Page& skeleton = skeletons[static_cast<size_t>(slot)];
        skeleton = FurnitureSkeleton(page);
        skeleton.warnings = page.warnings;
        skeleton.failed = page.failed;
        skeleton.over_limit = page.over_limit;
        return doc->store_->Add(std::move(page), wire);
      });
  if (!read.ok()) return read;
  const std::string ocr_unavailable = notes.empty() ? std::string() : notes.front();
  bool any_text = false;
  for (Page& page : skeletons) {
    const bool has_text = !page.lines.empty() || !page.tables.empty();
    if (!has_text && !page.failed) page.warnings.push_back("no text on this page (blank, or an image of text)");
    // A repair concerns the file; it is told on the first page read.
    if (page.number == first) {
      for (const std::string& repair : (*reader)->repairs()) page.warnings.insert(page.warnings.begin(), repair);
    }
    any_text |= has_text;
  }
  if (!any_text) {
    // Pages that failed are not a scan: say why they failed. A page that a
    // resource bound stopped (time, pixels) is named first, and makes it a
    // limit exceeded (exit 11, as the memory ceiling and the time budget):
    // the document is not known to be bad, and larger bounds may read it.
    const Page* failed = nullptr;
    for (const Page& page : skeletons) {
      if (page.failed && (!failed || (page.over_limit && !failed->over_limit))) failed = &page;
    }
    if (failed) {
      std::string why = "no page could be read (page " + std::to_string(failed->number) + ": " +
                        (failed->warnings.empty() ? std::string("unreadable") : failed->warnings.front()) + ")";
      return failed->over_limit ? Status::LimitExceeded(std::move(why)) : Status::BadInput(std::move(why));
    }
    if (options.ocr == OcrMode::kNever) {
      return Status::Unsupported("no text layer: the PDF's pages hold no extractable text (a scanned document? "
                                 "--ocr auto reads it)");
    }
    return Status::Unsupported("no text: the PDF's pages hold no text layer and OCR recognised none" +
                               (ocr_unavailable.empty() ? std::string() : " (" + ocr_unavailable + ")"));
  }
  // Furniture from the skeletons; then the tables, page by page in order:
  // only a page with tables is read back whole (one without can only end a
  // table's run, which its skeleton tells).
  {
    Layout skeleton_layout;
    skeleton_layout.pages = std::move(skeletons);
    LabelPageFurniture(&skeleton_layout);
    skeletons = std::move(skeleton_layout.pages);
  }
  doc->links_ = std::make_unique<TableLinker>();
  for (size_t i = 0; i < skeletons.size(); ++i) {
    if (skeletons[i].tables.empty()) {
      doc->links_->Add(skeletons[i]);
      continue;
    }
    Result<Page> page = doc->store_->Load(i);
    if (!page.ok()) return page.status();
    for (size_t l = 0; l < page->lines.size() && l < skeletons[i].lines.size(); ++l) {
      page->lines[l].role = skeletons[i].lines[l].role;
    }
    doc->links_->Add(*page);
  }
  return doc;
}

Result<Layout> ExtractLayout(std::string_view pdf_bytes, const std::string& source_path,
                             const ExtractOptions& options) {
  Result<std::unique_ptr<ExtractedPages>> doc = ExtractPages(pdf_bytes, source_path, options);
  if (!doc.ok()) return doc.status();
  Layout layout = (*doc)->head();
  layout.pages.reserve((*doc)->size());
  for (size_t i = 0; i < (*doc)->size(); ++i) {
    Result<Page> page = (*doc)->Next();
    if (!page.ok()) return page.status();
    layout.pages.push_back(std::move(*page));
  }
  return layout;
}

}  // namespace docpipe
