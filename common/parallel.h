// ForEachIndex: fn(0) ... fn(count - 1) on up to `threads` threads, the
// caller's among them, each taking the next index as it finishes one. For
// independent pieces of serial work that is left after the page workers
// (the layout JSON of a batch of pages in `docpipe extract -j N`).
//
//   std::vector<std::string> texts(pages.size());
//   ForEachIndex(pages.size(), jobs, [&](size_t i) { texts[i] = Format(pages[i]); });
//
// A thread that cannot be started (RLIMIT_AS of --max-memory-mb, the
// process's thread limit) leaves its share to the others: with none
// started, the caller does all. The first exception thrown by fn (such as
// std::bad_alloc at the memory ceiling) is rethrown in the caller once every
// thread has stopped; the indices not yet taken are then not done. Every
// thread is joined before the return.
#ifndef DOCPIPE_COMMON_PARALLEL_H_
#define DOCPIPE_COMMON_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace docpipe {

void ForEachIndex(size_t count, int threads, const std::function<void(size_t)>& fn);

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_PARALLEL_H_
