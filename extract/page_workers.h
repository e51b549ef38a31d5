// Page-parallel reading of one document: the pages first..last are read by
// `workers` forked processes and come back in page order.
//
//   Result<std::vector<Page>> pages = ReadPagesInWorkers(
//       {1, 181, 2}, [&](int number) { return ReadAndAnalyse(number); }, nullptr);
//
// Why processes, not threads: poppler's global state (GlobalParams, its
// error callback, font and CMap caches) is not thread-safe, and Tesseract
// loads per-process data; a forked child gets its own copy of the open
// document and of everything else, with no locking and no change to the
// reading code. The fork happens after the document was opened (so a file
// that cannot be opened fails once, in the caller) and before any page was
// read. Only a single-threaded process forks (a lock held by another thread
// at fork time, in malloc or in OpenMP's pool left by an OCR run, would stay
// held in the child for ever): with more threads the pages are read in this
// process. `docpipe run`, which already runs documents in parallel (and may
// use threads), keeps one worker per document (PipelineOptions::jobs = 1).
//
// Pages go to workers in small contiguous chunks, each worker claiming the
// next chunk when it is done with one (a counter in shared memory), so that
// a run of heavy pages (an appendix of tables) is shared and the workers
// end close together. Each worker
// sends every page as soon as it is analysed (extract/page_wire.h, exact),
// so a worker holds one page's data at a time and memory stays bounded by
// poppler's per-document state. Cross-page steps are the caller's, after.
//
// `read_page` runs in the child and must not depend on which pages the same
// process read before (it does not: each page is analysed alone). `note`,
// when given, runs in each child after its last page; the non-empty notes
// come back in `notes` (OCR's "engine unavailable" reason).
//
// Failures mirror those of reading in-process: std::bad_alloc in a worker
// (a memory ceiling, RLIMIT_AS, is per process and inherited) is thrown
// again here; a worker killed by SIGABRT (a library aborting on an
// allocation past the ceiling) aborts this process too, so the caller's
// abort handling sees it as with one process; any other end without the
// worker's result is Internal. A worker dies with this process
// (PR_SET_PDEATHSIG): a time budget that ends the parent ends the workers.
// If fork fails, the pages are read in this process instead.
//
// Tesseract's OpenMP threads: each worker runs its own engine; the OCR
// pages of a scan are shared among workers like any other page.
#ifndef DOCPIPE_EXTRACT_PAGE_WORKERS_H_
#define DOCPIPE_EXTRACT_PAGE_WORKERS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/layout.h"

namespace docpipe {

struct PageWork {
  int first = 1;    // 1-based, inclusive
  int last = 1;     // inclusive
  int workers = 2;  // processes to fork, >= 1
};

// Receives each page as it arrives: in any order with workers, in page
// order in process. `wire` is the page's EncodePage bytes when it came from
// a worker, empty otherwise. A status other than Ok stops the reading (the
// workers are ended) and is returned.
using PageSink = std::function<Status(Page page, std::string_view wire)>;

Status ReadPagesInWorkers(const PageWork& work, const std::function<Page(int)>& read_page,
                          const std::function<std::string()>& note, std::vector<std::string>* notes,
                          const PageSink& take);

// The same, the pages collected in page order.
Result<std::vector<Page>> ReadPagesInWorkers(const PageWork& work, const std::function<Page(int)>& read_page,
                                             const std::function<std::string()>& note,
                                             std::vector<std::string>* notes);

// The cores this process may run on (its CPU affinity), at least 1.
int AvailableCores();

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_PAGE_WORKERS_H_
