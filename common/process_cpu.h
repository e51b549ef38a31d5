// CPU time used so far by this process, all its threads, in seconds.
// Header-only: the binary, the OCR module (extract/ocr_engine.cc, which
// links nothing of ours) and the bench tools each take it from here.
#ifndef DOCPIPE_COMMON_PROCESS_CPU_H_
#define DOCPIPE_COMMON_PROCESS_CPU_H_

#include <time.h>

namespace docpipe {

inline double ProcessCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_PROCESS_CPU_H_
