// The extract stage: a PDF in, its layout out (extract/layout.h): per page the
// text lines in reading order, labelled content or page furniture, and the
// ruled tables as cells with row and column spans, linked across pages.
//
//   ExtractOptions options;
//   options.password = "secret";            // for encrypted PDFs
//   options.first_page = 2; options.last_page = 5;
//   options.ocr = OcrMode::kNever;          // default kAuto: scans are OCR'd
//   Result<Layout> layout = ExtractLayout(pdf_bytes, "in.pdf", options);
//   if (!layout.ok()) return layout.status();
//   std::string json = LayoutToJson(*layout).dump(2);   // extract/layout_json.h
//
// Failures of the whole file are a Status: BadInput (not a PDF, truncated,
// damaged), Encrypted (password missing or wrong), Unsupported (no text on
// any page: no text layer and, with OCR, nothing recognised either),
// InvalidArgument (page range outside the document), LimitExceeded (no
// page could be read, and a page bound stopped one of them: its time budget,
// the OCR budget, the OCR render's pixel budget; BadInput when they are only
// damaged). A single page that cannot be read does not fail the file: it is
// marked `failed` with its reason and the other pages are extracted. A page whose OCR fails (or OCR
// not installed) keeps what its text layer gave, with a warning.
//
// OCR (extract/ocr_mode.h says which pages): the page is rendered at
// `ocr_dpi`, read by Tesseract and analysed like a text page; it is marked
// `source: ocr` with the engine and language data versions, and its lines
// carry their confidence. The engine is loaded at the first page that needs
// it, so a text PDF costs nothing more.
//
// Pages are read one at a time; only the layout model is kept, so memory
// stays bounded by the text of the document, not by its drawing. With
// `jobs` > 1 the pages are read by forked workers and merged in page order
// before the cross-page steps (furniture, tables continued across pages).
// ExtractPages hands the pages out one at a time instead of as one layout,
// for a caller that writes them as they come (`docpipe extract`).
#ifndef DOCPIPE_EXTRACT_EXTRACTOR_H_
#define DOCPIPE_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/layout.h"
#include "extract/ocr_engine.h"
#include "extract/ocr_mode.h"
#include "extract/page_content.h"

namespace docpipe {

struct ExtractOptions {
  std::optional<std::string> password;
  std::optional<int> first_page;  // 1-based, inclusive; default: 1
  std::optional<int> last_page;   // inclusive; default: the last page
  // Time budget of each page; a page past it is marked failed with the
  // reason and the others are read. Stops only between drawing operators: a
  // single operator stuck inside poppler needs the process's own budget.
  // A page read by OCR has a budget of CPU time (OcrPageSeconds).
  std::optional<double> page_seconds;
  OcrMode ocr = OcrMode::kAuto;
  double ocr_dpi = 300;            // rendering resolution for OCR
  double ocr_low_confidence = 0.6;  // words below this are flagged (0..1)
  OcrOptions ocr_engine;            // languages, tessdata folder
  // Page-parallel reading (extract/page_workers.h): up to `jobs` forked
  // worker processes, each reading at least `min_pages_per_worker` pages
  // (fewer pages: fewer workers; 1: this process alone). The layout is the
  // same whatever the number. The caller must be single-threaded when jobs
  // > 1; AvailableCores() is the usual value for a command-line tool.
  // Pages read by OCR share the `jobs` cores with the workers: Tesseract
  // gets jobs / workers threads in each (ocr_engine.threads is set so).
  int jobs = 1;
  int min_pages_per_worker = 2;
  // Pages held in memory between their reading and the output: a document
  // with more is spilled to a temporary file as its pages are read
  // (extract/page_store.h), so that ExtractPages' memory does not grow with
  // the document. The layout is the same either way.
  int max_pages_in_memory = 256;
};

Result<Layout> ExtractLayout(std::string_view pdf_bytes, const std::string& source_path,
                             const ExtractOptions& options);

class PageStore;
class TableLinker;

// A document extracted with its cross-page steps done (furniture, tables
// continued across pages), whose pages are handed out one at a time, in
// order, each equal to the page ExtractLayout's layout holds. What stays in
// memory between the reading and the output is what the cross-page steps
// need (each line's text and box, the tables' links), not the pages: those
// are spilled past ExtractOptions::max_pages_in_memory.
//
//   Result<std::unique_ptr<ExtractedPages>> doc = ExtractPages(bytes, "in.pdf", options);
//   for (size_t i = 0; i < (*doc)->size(); ++i) {
//     Result<Page> page = (*doc)->Next();    // write it, drop it
//   }
class ExtractedPages {
 public:
  ~ExtractedPages();
  // source_path, source_sha256, page_count; `pages` is empty.
  const Layout& head() const { return head_; }
  size_t size() const { return skeletons_.size(); }
  // The next page, in order; IoError when a spilled page cannot be read back.
  Result<Page> Next();

 private:
  friend Result<std::unique_ptr<ExtractedPages>> ExtractPages(std::string_view, const std::string&,
                                                              const ExtractOptions&);
  ExtractedPages();
  Layout head_;
  std::unique_ptr<PageStore> store_;
  std::vector<Page> skeletons_;  // FurnitureSkeleton of each page, roles and warnings final
  std::unique_ptr<TableLinker> links_;
  size_t next_ = 0;
};

// ExtractLayout's work, the pages handed out one at a time (ExtractedPages).
// Fails as ExtractLayout does.
Result<std::unique_ptr<ExtractedPages>> ExtractPages(std::string_view pdf_bytes, const std::string& source_path,
                                                     const ExtractOptions& options);

// The budget of a page read by OCR, in seconds of the reading process's CPU
// time (nullopt: none): `page_seconds`, times the page's pixels at `ocr_dpi`
// over an A4 page's at 300 dpi when it has more. CPU time, not wall time:
// OCR is CPU work (6-9 CPU-s an A4 page, bench/README.md), so a machine
// loaded by other processes, on which a page's wall time is many times its
// CPU time, does not cut a page that would be read; a page that runs away
// is still stopped. Past it the page is marked failed, as a text page past
// its budget.
std::optional<double> OcrPageSeconds(const ExtractOptions& options, const PageContent& page);

// One page's glyphs and drawing -> its lines and tables (tables numbered 0;
// furniture and cross-page links are document-level steps). Exposed for
// tests that build PageContent by hand.
Page AnalysePage(PageContent content);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_EXTRACTOR_H_
