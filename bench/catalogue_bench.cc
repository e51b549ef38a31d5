// The catalogue export of 1,000 documents: SQLite against CSV (the
// baseline) in one run. The documents are the main job's outputs (out/,
// 16 documents of every family) replicated under distinct ids until there
// are N. Two measurements, each the median of R runs:
//   write:       the rows of all N documents into the sink, committed
//                (SqliteWriter vs CsvWriter, same rows, documents in memory);
//   end to end:  `docpipe export` of a run folder holding the N documents
//                (ExportCatalogue: reading and checking the JSON included).
//
//   build/bench/catalogue_bench [RUN_DIR] [N] [R]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

#include "catalogue/catalogue_export.h"
#include "catalogue/csv_writer.h"
#include "catalogue/run_folder.h"
#include "catalogue/sqlite_writer.h"

namespace fs = std::filesystem;
using namespace docpipe;
using namespace docpipe::catalogue;

namespace {

// Wall and CPU seconds of one body, the median of `runs` runs each. CPU
// time (this process, user + system) is the steadier number on a shared
// machine; wall time includes waiting for the disk.
struct Seconds {
  double wall = 0, cpu = 0;
};

Seconds MedianSeconds(int runs, const std::function<void()>& body) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    body();
    cpu.push_back(static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void Check(const Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "catalogue_bench: %s\n", s.ToString().c_str());
    std::exit(1);
  }
}

// A run folder of n documents: copies of RUN_DIR's outputs in copyNNNN/.
void ReplicateRunFolder(const fs::path& from, const fs::path& to, int n) {
  std::vector<std::string> lines;
  std::ifstream index(from / "index.jsonl");
  for (std::string line; std::getline(index, line);) {
    if (line.find("\"status\":\"ok\"") != std::string::npos) lines.push_back(line);
  }
  std::ofstream out(to / "index.jsonl");
  for (int i = 0; i < n; ++i) {
    const std::string prefix = "copy" + std::to_string(i / static_cast<int>(lines.size())) + "/";
    std::string line = lines[i % lines.size()];
    for (const char* key : {"\"path\":\"", "\"output\":\""}) {
      size_t at = line.find(key);
      line.insert(at + std::string(key).size(), prefix);
    }
    const size_t at = line.find("\"output\":\"") + 10;
    const std::string output = line.substr(at, line.find('"', at) - at);
    fs::create_directories((to / output).parent_path());
    fs::copy_file(from / output.substr(prefix.size()), to / output, fs::copy_options::overwrite_existing);
    out << line << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path run = argc > 1 && argv[1][0] ? fs::path(argv[1]) : fs::path(DOCPIPE_SOURCE_DIR) / "out";
  const int n = argc > 2 ? std::atoi(argv[2]) : 1000;
  const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
  const fs::path tmp = fs::temp_directory_path() / ("docpipe_catalogue_bench_" + std::to_string(::getpid()));
  fs::create_directories(tmp / "run");

  Result<std::vector<CatalogueDocument>> samples = LoadRunFolder(run.string());
  Check(samples.status());
  std::vector<CatalogueDocument> documents;
  for (int i = 0; i < n; ++i) {
    documents.push_back((*samples)[i % samples->size()]);
    documents.back().id = "copy" + std::to_string(i / samples->size()) + "/" + documents.back().id;
  }
  std::sort(documents.begin(), documents.end(),
            [](const CatalogueDocument& a, const CatalogueDocument& b) { return a.id < b.id; });

  int64_t rows = 0;
  const Seconds csv_write = MedianSeconds(runs, [&] {
    CsvWriter writer((tmp / "csv").string());
    Check(WriteCatalogue(documents, &writer));
    Check(writer.Commit());
    rows = 0;
    for (const auto& [name, count] : writer.rows()) rows += count;
  });
  const Seconds sqlite_write = MedianSeconds(runs, [&] {
    Result<std::unique_ptr<SqliteWriter>> writer = SqliteWriter::Create((tmp / "catalogue.sqlite").string());
    Check(writer.status());
    Check(WriteCatalogue(documents, writer->get()));
    Check((*writer)->Commit());
  });

  ReplicateRunFolder(run, tmp / "run", n);
  const Seconds csv_export = MedianSeconds(runs, [&] {
    Check(ExportCatalogue({(tmp / "run").string(), (tmp / "csv2").string(), CatalogueFormat::kCsv}).status());
  });
  const Seconds sqlite_export = MedianSeconds(runs, [&] {
    Check(ExportCatalogue({(tmp / "run").string(), (tmp / "c2.sqlite").string(), CatalogueFormat::kSqlite}).status());
  });
  const auto db_size = fs::file_size(tmp / "catalogue.sqlite");
  fs::remove_all(tmp);

  std::printf("documents: %d (from %zu in %s), rows: %lld, median of %d runs\n", n, samples->size(),
              run.string().c_str(), static_cast<long long>(rows), runs);
  std::printf("| measurement | CSV (baseline) CPU / wall | SQLite CPU / wall | SQLite / CSV, CPU / wall |\n"
              "|---|---|---|---|\n");
  for (auto [what, csv, sqlite] : {std::tuple{"write the rows", csv_write, sqlite_write},
                                   std::tuple{"`docpipe export` end to end", csv_export, sqlite_export}}) {
    std::printf("| %s | %.2f s / %.2f s | %.2f s / %.2f s | %.2f / %.2f |\n", what, csv.cpu, csv.wall, sqlite.cpu,
                sqlite.wall, sqlite.cpu / csv.cpu, sqlite.wall / csv.wall);
  }
  std::printf("SQLite file: %.1f MB\n", db_size / 1e6);
  return 0;
}
