// `-j N` gives the layout of `-j 1`, exactly: every PDF of samples/ and
// tests/data/ (standards, real government PDFs, other producers' prints,
// browser prints, hostile files, scans) extracted in this process and by
// three page workers, compared field by field with unrounded coordinates
// (extract/page_wire.h), after the cross-page steps ran on the merged pages.
// One page per worker at least, so that even short files are split.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "common/file_io.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "extract/page_wire.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> PdfsUnder(const std::string& folder) {
  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(std::string(DOCPIPE_SOURCE_DIR) + "/" + folder)) {
    if (entry.path().extension() == ".pdf") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// The whole outcome of an extraction as bytes: status, or the layout with
// its pages exactly.
std::string Outcome(const Result<Layout>& layout) {
  if (!layout.ok()) return "error: " + layout.status().ToString();
  std::string all = layout->source_path + "|" + layout->source_sha256 + "|" + std::to_string(layout->page_count);
  for (const Page& page : layout->pages) all += "|" + EncodePage(page);
  return all;
}

// The workers' runs first: an OCR run in this process leaves OpenMP threads
// behind, and a process with threads reads in-process instead of forking.
void ExpectSameWithWorkers(const std::vector<std::string>& pdfs, ExtractOptions options) {
  ASSERT_FALSE(pdfs.empty());
  std::vector<std::string> bytes;
  for (const std::string& path : pdfs) {
    Result<std::string> read = ReadFile(path);
    ASSERT_TRUE(read.ok()) << path;
    bytes.push_back(std::move(*read));
  }
  // Else the workers would not be forked (extract/page_workers.h) and the
  // comparison would prove nothing.
  ASSERT_EQ(std::distance(fs::directory_iterator("/proc/self/task"), fs::directory_iterator()), 1)
      << "this test process has threads: page workers would not be forked";
  std::vector<Result<Layout>> three;
  options.jobs = 3;
  options.min_pages_per_worker = 1;
  for (size_t i = 0; i < pdfs.size(); ++i) three.push_back(ExtractLayout(bytes[i], pdfs[i], options));
  options.jobs = 1;
  for (size_t i = 0; i < pdfs.size(); ++i) {
    Result<Layout> one = ExtractLayout(bytes[i], pdfs[i], options);
    EXPECT_TRUE(Outcome(one) == Outcome(three[i])) << pdfs[i];
    if (one.ok() && three[i].ok()) {
      EXPECT_EQ(LayoutToJson(*one).dump(), LayoutToJson(*three[i]).dump()) << pdfs[i];
    }
  }
}

TEST(PageParallel, SamplesGiveTheSameLayoutWithThreeWorkers) {
  std::vector<std::string> pdfs = PdfsUnder("samples");
  EXPECT_GE(pdfs.size(), 12u);
  ExpectSameWithWorkers(pdfs, {});
}

TEST(PageParallel, OtherProducersAndBrowserPrintsGiveTheSameLayoutWithThreeWorkers) {
  std::vector<std::string> pdfs = PdfsUnder("tests/data/producers");
  for (const std::string& p : PdfsUnder("tests/data/browser-pdf")) pdfs.push_back(p);
  EXPECT_GE(pdfs.size(), 31u);
  ExpectSameWithWorkers(pdfs, {});
}

// The content-stream bomb's pages each take seconds: with a page budget of
// 0.3 s every one of them fails in both runs, which must agree too. Files
// that only the command's own time budget stops (poppler stuck outside the
// page drawing: form-field cycles, image bombs) are left to
// tests/cli/hostile_pdf_test.cc, where that budget exists.
TEST(PageParallel, HostileFilesGiveTheSameOutcomeWithThreeWorkers) {
  ExtractOptions options;
  options.page_seconds = 0.3;
  std::vector<std::string> pdfs = PdfsUnder("tests/data/hostile");
  EXPECT_GE(pdfs.size(), 8u);
  for (const std::string& path : pdfs) {
    if (path.find("form-field-cycles") != std::string::npos || path.find("image-bomb") != std::string::npos) continue;
    ExtractOptions o = options;
    if (path.find("bomb") != std::string::npos) {
      o.first_page = 2;
      o.last_page = 7;
    }
    ExpectSameWithWorkers({path}, o);
  }
}

TEST(PageParallel, ScansGiveTheSameLayoutWithThreeWorkers) {
  std::vector<std::string> pdfs = PdfsUnder("tests/data/scans");
  EXPECT_GE(pdfs.size(), 2u);
  ExpectSameWithWorkers(pdfs, {});
}

}  // namespace
}  // namespace docpipe
