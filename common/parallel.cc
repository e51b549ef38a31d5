#include "common/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace docpipe {

void ForEachIndex(size_t count, int threads, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    try {
      for (size_t i = next++; i < count && !failed.load(); i = next++) fn(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  const size_t helpers = std::min(count, static_cast<size_t>(std::max(1, threads))) - (count > 0 ? 1 : 0);
  std::vector<std::thread> started;
  started.reserve(helpers);
  for (size_t t = 0; t < helpers; ++t) {
    try {
      started.emplace_back(work);
    } catch (const std::exception&) {  // std::system_error, or std::bad_alloc for its state
      break;  // no thread to be had: the ones running (and the caller) share the rest
    }
  }
  work();
  for (std::thread& thread : started) thread.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace docpipe
