// Normalize throughput (MB/s of input text) on the sample standards.
//
// Baseline, in the same run: BM_Baseline_SplitRows, the floor every
// normalizer pays (UTF-8 validation and splitting rows and cells). Then the
// parser alone and the whole text path as `docpipe normalize` runs it
// (parse, checks, JSON, schema validation). Target: >= 20 MB/s end to end.
// BM_NormalizeTextEndToEnd reads the three sample standards;
// BM_NormalizeAllTextSamplesEndToEnd every text of samples/text (the three
// standards and the policy text, 64 % of the bytes), each document once.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/json_text.h"
#include "pipeline/pipeline.h"
#include "normalize/repair/rule_set.h"
#include "model/standard_json.h"
#include "normalize/standard/standard_parser.h"

namespace {

const std::vector<std::string>& Samples() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    for (const char* name : {"INM3513-001v4", "INM2529-002v2", "IIS3513-001v4"}) {
      std::ifstream in(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + name + ".txt");
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }();
  return texts;
}

// Every .txt of samples/text, in name order.
const std::vector<std::string>& AllTextSamples() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text")) {
      if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> out;
    for (const std::string& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }();
  return texts;
}

int64_t TotalBytes() {
  int64_t total = 0;
  for (const auto& t : Samples()) total += static_cast<int64_t>(t.size());
  return total;
}

void BM_Baseline_SplitRows(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& text : Samples()) benchmark::DoNotOptimize(docpipe::ParseTabText(text));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Baseline_SplitRows);

void BM_ParseStandard(benchmark::State& state) {
  const docpipe::RuleSet& rules = docpipe::RuleSet::Default();
  for (auto _ : state) {
    for (const auto& text : Samples()) {
      auto rows = docpipe::ParseTabText(text);
      benchmark::DoNotOptimize(docpipe::ParseCompetencyStandard(*rows, rules));
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_ParseStandard);

void BM_NormalizeTextEndToEnd(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& text : Samples()) {
      auto doc = docpipe::ProcessBytes(text, "bench.txt", {});
      if (!doc.ok()) state.SkipWithError(doc.status().ToString().c_str());
      benchmark::DoNotOptimize(docpipe::JsonText(*doc));  // as `docpipe normalize` writes it
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_NormalizeTextEndToEnd);

void BM_NormalizeAllTextSamplesEndToEnd(benchmark::State& state) {
  int64_t bytes = 0;
  for (const auto& text : AllTextSamples()) bytes += static_cast<int64_t>(text.size());
  for (auto _ : state) {
    for (const auto& text : AllTextSamples()) {
      auto doc = docpipe::ProcessBytes(text, "bench.txt", {});
      if (!doc.ok()) state.SkipWithError(doc.status().ToString().c_str());
      benchmark::DoNotOptimize(docpipe::JsonText(*doc));
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_NormalizeAllTextSamplesEndToEnd);

}  // namespace

BENCHMARK_MAIN();
