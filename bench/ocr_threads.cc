// Tesseract's threads (OcrOptions::threads): one page read by OCR with the
// engine limited to the calling thread, and with Tesseract's own threads
// (it asks OpenMP for 4), alternately, `rounds` times each, in one run so
// that both see the same machine load. Prints each reading's wall and CPU
// time (the process's, all threads) and the medians.
//
//   build/bench/ocr_threads SCAN.pdf [PAGE=1] [ROUNDS=3]
//
// Run without OMP_THREAD_LIMIT in the environment (it caps both).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "common/file_io.h"
#include "common/process_cpu.h"
#include "extract/extractor.h"

namespace {

using docpipe::ProcessCpuSeconds;

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ocr_threads SCAN.pdf [PAGE=1] [ROUNDS=3]\n");
    return 2;
  }
  const std::string path = argv[1];
  const int page = argc > 2 ? std::stoi(argv[2]) : 1;
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 3;
  docpipe::Result<std::string> bytes = docpipe::ReadFile(path);
  if (!bytes.ok()) {
    std::fprintf(stderr, "%s\n", bytes.status().ToString().c_str());
    return 1;
  }
  std::vector<double> wall[2], cpu[2];
  const int settings[2] = {1, 0};
  for (int round = 0; round < rounds; ++round) {
    for (int s = 0; s < 2; ++s) {
      docpipe::ExtractOptions options;
      options.first_page = options.last_page = page;
      options.ocr = docpipe::OcrMode::kAlways;
      options.ocr_engine.threads = settings[s];
      const double cpu0 = ProcessCpuSeconds();
      const auto t0 = std::chrono::steady_clock::now();
      docpipe::Result<docpipe::Layout> layout = docpipe::ExtractLayout(*bytes, path, options);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (!layout.ok()) {
        std::fprintf(stderr, "%s\n", layout.status().ToString().c_str());
        return 1;
      }
      wall[s].push_back(seconds);
      cpu[s].push_back(ProcessCpuSeconds() - cpu0);
      std::printf("round %d threads=%s: %.2f s wall, %.2f s CPU\n", round + 1, s == 0 ? "1" : "Tesseract's (4)",
                  seconds, cpu[s].back());
    }
  }
  std::printf("median, one thread: %.2f s wall, %.2f s CPU\n", Median(wall[0]), Median(cpu[0]));
  std::printf("median, Tesseract's threads: %.2f s wall, %.2f s CPU\n", Median(wall[1]), Median(cpu[1]));
  std::printf("one thread / Tesseract's threads: %.2f x wall, %.2f x CPU\n", Median(wall[0]) / Median(wall[1]),
              Median(cpu[0]) / Median(cpu[1]));
  return 0;
}
