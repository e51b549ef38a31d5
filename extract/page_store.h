// PageStore: the analysed pages of one extraction between their reading
// (in any order, by the page workers) and the cross-page steps and output
// (in page order). A small document stays in memory; a large one is spilled
// to an unlinked temporary file in extract/page_wire.h's format (exact, so
// the pages read back equal the pages stored), which keeps the memory of
// the process that merges the workers' pages bounded by one page at a time
// rather than growing with the document.
//
//   PageStore store(first, last, /*spill=*/last - first + 1 > 64);
//   store.Add(std::move(page), wire);          // wire: the page's EncodePage
//   Result<Page> page = store.Load(i);          // a copy; Take(i) moves it out
#ifndef DOCPIPE_EXTRACT_PAGE_STORE_H_
#define DOCPIPE_EXTRACT_PAGE_STORE_H_

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/layout.h"

namespace docpipe {

class PageStore {
 public:
  // Slots for pages first..last (1-based, inclusive). With `spill`, pages go
  // to a temporary file (in $TMPDIR, else /tmp), removed when the store ends.
  PageStore(int first, int last, bool spill);
  ~PageStore();
  PageStore(const PageStore&) = delete;
  PageStore& operator=(const PageStore&) = delete;

  size_t size() const { return slots_.size(); }
  bool spills() const { return spill_; }

  // Stores page `page.number`. `wire`, when not empty, is EncodePage(page)
  // (a worker's frame: not encoded again). InvalidArgument for a page out of
  // range or stored twice; IoError when the temporary file cannot be
  // written.
  Status Add(Page page, std::string_view wire = {});
  bool Has(size_t index) const { return slots_[index].stored; }

  // The page in slot `index` (page first + index). Load copies it (or reads
  // it back); Take moves it out of memory (a spilled page stays on disk).
  Result<Page> Load(size_t index) const;
  Result<Page> Take(size_t index);

 private:
  struct Slot {
    bool stored = false;
    std::optional<Page> page;  // in memory
    uint64_t offset = 0;       // in the spill file
    uint64_t length = 0;
  };
  Status OpenSpill();

  int first_;
  bool spill_;
  std::vector<Slot> slots_;
  std::FILE* file_ = nullptr;
  uint64_t end_ = 0;  // bytes written to the spill file
};

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_PAGE_STORE_H_
