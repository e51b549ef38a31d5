// The binaries take their allocator from mimalloc (CMakeLists.txt,
// DOCPIPE_MIMALLOC): docpipe names the library before libc, and in a binary
// linked the same way (this test) malloc and operator new hand out
// mimalloc's memory. A build without it (the sanitizers, or the option
// turned off) skips.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "tests/cli/run_command.h"

#ifdef DOCPIPE_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace docpipe {
namespace {
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;

TEST(Allocator, TheBinaryLoadsMimallocBeforeLibc) {
#ifndef DOCPIPE_WITH_MIMALLOC
  GTEST_SKIP() << "built without mimalloc";
#else
  testing::CommandResult r = RunCommand("readelf -d " + Quote(kDocpipe));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const size_t mimalloc = r.output.find("[libmimalloc.so");
  const size_t libc = r.output.find("[libc.so");
  ASSERT_NE(mimalloc, std::string::npos) << r.output;
  ASSERT_NE(libc, std::string::npos) << r.output;
  EXPECT_LT(mimalloc, libc) << r.output;
#endif
}

TEST(Allocator, MallocAndNewHandOutMimallocsMemory) {
#ifndef DOCPIPE_WITH_MIMALLOC
  GTEST_SKIP() << "built without mimalloc";
#else
  void* block = std::malloc(100);
  ASSERT_NE(block, nullptr);
  EXPECT_TRUE(mi_is_in_heap_region(block));
  std::free(block);
  auto text = std::make_unique<std::string>(1000, 'x');
  EXPECT_TRUE(mi_is_in_heap_region(text->data()));
  // A pointer mimalloc never handed out is not in its heap: the check can fail.
  static char not_heap[16];
  EXPECT_FALSE(mi_is_in_heap_region(not_heap));
#endif
}

}  // namespace
}  // namespace docpipe
