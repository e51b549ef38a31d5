#include "common/parallel.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <set>
#include <stdexcept>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace docpipe {
namespace {

// How many times each index was visited, for `count` indices on `threads`.
std::vector<int> Visits(size_t count, int threads) {
  std::vector<std::atomic<int>> seen(count);
  ForEachIndex(count, threads, [&](size_t i) { ++seen[i]; });
  std::vector<int> out;
  for (const auto& s : seen) out.push_back(s.load());
  return out;
}

TEST(ForEachIndex, VisitsEveryIndexOnceWhateverTheThreads) {
  for (int threads : {-1, 0, 1, 2, 3, 8, 64}) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{2}, size_t{7}, size_t{1000}}) {
      std::vector<int> visits = Visits(count, threads);
      ASSERT_EQ(visits.size(), count);
      for (size_t i = 0; i < count; ++i) EXPECT_EQ(visits[i], 1) << "index " << i << ", threads " << threads;
    }
  }
}

TEST(ForEachIndex, RunsOnSeveralThreadsWhenAsked) {
  // Each call waits until a second thread has entered, or gives up after a
  // while: with threads 2 both indices are in flight at once.
  std::atomic<int> inside{0};
  std::set<std::thread::id> ids;
  std::mutex ids_mutex;
  ForEachIndex(2, 2, [&](size_t) {
    ++inside;
    for (int spin = 0; spin < 2000 && inside.load() < 2; ++spin) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::lock_guard<std::mutex> lock(ids_mutex);
    ids.insert(std::this_thread::get_id());
  });
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 1u) << "the caller takes a share";
}

TEST(ForEachIndex, OneThreadIsTheCallerAlone) {
  std::set<std::thread::id> ids;
  ForEachIndex(50, 1, [&](size_t) { ids.insert(std::this_thread::get_id()); });
  EXPECT_EQ(ids, std::set<std::thread::id>{std::this_thread::get_id()});
}

TEST(ForEachIndex, AnExceptionReachesTheCallerAfterEveryThreadStopped) {
  std::atomic<int> calls{0};
  EXPECT_THROW(ForEachIndex(1000, 4,
                            [&](size_t i) {
                              ++calls;
                              if (i == 3) throw std::bad_alloc();
                            }),
               std::bad_alloc);
  const int seen = calls.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(calls.load(), seen) << "no thread still running after the return";
  EXPECT_LT(seen, 1000) << "the indices after the failure are left";
}

#if !defined(__SANITIZE_ADDRESS__)
// With no room for a thread's stack (RLIMIT_AS, as --max-memory-mb sets it),
// the caller does every index itself rather than failing.
TEST(ForEachIndexDeathTest, WithoutRoomForAThreadTheCallerDoesAll) {
  EXPECT_EXIT(
      {
        std::vector<int> seen(100, 0);
        rlimit limit{};
        getrlimit(RLIMIT_AS, &limit);
        // The address space in use now, and 1 MB more: less than a thread's
        // 8 MB stack.
        FILE* status = std::fopen("/proc/self/status", "r");
        long vm_kb = 0;
        char line[256];
        while (status != nullptr && std::fgets(line, sizeof line, status)) {
          if (std::sscanf(line, "VmSize: %ld kB", &vm_kb) == 1) break;
        }
        if (status != nullptr) std::fclose(status);
        limit.rlim_cur = static_cast<rlim_t>(vm_kb + 1024) * 1024;
        setrlimit(RLIMIT_AS, &limit);
        std::thread::id caller = std::this_thread::get_id();
        bool others = false;
        ForEachIndex(seen.size(), 8, [&](size_t i) {
          ++seen[i];
          if (std::this_thread::get_id() != caller) others = true;
        });
        bool once = true;
        for (int s : seen) once = once && s == 1;
        std::exit(once && !others ? 0 : 1);
      },
      testing::ExitedWithCode(0), "");
}
#endif

}  // namespace
}  // namespace docpipe
