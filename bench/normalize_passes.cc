// A fixed number of end-to-end normalize passes over the sample standards,
// for instruction counts (callgrind) that leave out the one-time start-up.
//
//   valgrind --tool=callgrind --toggle-collect='*ProfiledPasses*' build/bench/normalize_passes [PASSES [FILE...]]
//   callgrind_annotate --inclusive=yes callgrind.out.N
//
// One warm-up pass first (rule compilation, schema loading, the validator's
// compiled patterns), then PASSES passes (default 1) over the files (default:
// the three sample standards of samples/text), each as BM_NormalizeTextEndToEnd
// does it: `ProcessBytes` and the JSON text `docpipe normalize` writes.
// A FILE that is a folder stands for its .txt files in name order: all four
// text samples (the three standards and the policy text) are
//
//   build/bench/normalize_passes 1 samples/text
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/json_text.h"
#include "pipeline/pipeline.h"

namespace {

size_t Pass(const std::vector<std::string>& texts) {
  size_t written = 0;
  for (const std::string& text : texts) {
    auto doc = docpipe::ProcessBytes(text, "bench.txt", {});
    if (!doc.ok()) {
      std::fprintf(stderr, "normalize_passes: %s\n", doc.status().ToString().c_str());
      std::exit(1);
    }
    written += docpipe::JsonText(*doc).size();
  }
  return written;
}

// The function callgrind's --toggle-collect names; kept out of line.
__attribute__((noinline)) size_t ProfiledPasses(const std::vector<std::string>& texts, int passes) {
  size_t written = 0;
  for (int i = 0; i < passes; ++i) written += Pass(texts);
  return written;
}

}  // namespace

int main(int argc, char** argv) {
  const int passes = argc > 1 ? std::atoi(argv[1]) : 1;
  std::vector<std::string> files;
  for (int i = 2; i < argc; ++i) {
    std::error_code error;
    if (!std::filesystem::is_directory(argv[i], error)) {
      files.push_back(argv[i]);
      continue;
    }
    std::vector<std::string> texts;
    for (const auto& entry : std::filesystem::directory_iterator(argv[i], error)) {
      if (entry.path().extension() == ".txt") texts.push_back(entry.path().string());
    }
    std::sort(texts.begin(), texts.end());
    files.insert(files.end(), texts.begin(), texts.end());
  }
  if (files.empty()) {
    for (const char* name : {"INM3513-001v4", "INM2529-002v2", "IIS3513-001v4"}) {
      files.push_back(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + name + ".txt");
    }
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
    bytes += texts.back().size();
  }
  Pass(texts);
  const size_t written = ProfiledPasses(texts, passes);
  std::printf("%d passes over %zu bytes of input, %zu bytes of JSON written\n", passes, bytes, written);
  return 0;
}
