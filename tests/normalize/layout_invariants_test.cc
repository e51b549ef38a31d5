// Properties of every layout docpipe writes, checked over every PDF in
// samples/ and tests/data/ (the competency standards, the real government
// PDFs, the browser prints, the producers' prints) and, in a test of their
// own, over the development sets of the ICDAR 2013 table competition
// (tests/data/icdar2013: ../shared/peerbench/icdar2013-dev and the five of
// tabula-java/icdar2013, EU and US reports in English):
//   * no two cells of a table cover one grid slot, and no two cell boxes
//     overlap on the page;
//   * the layout JSON docpipe writes is accepted by normalize;
//   * normalize(PDF) == normalize(extract(PDF)) (apart from the source
//     description, which names the input's format).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "common/file_io.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> AllPdfs(const std::vector<std::string>& folders) {
  std::vector<std::string> pdfs;
  for (const std::string& folder : folders) {
    fs::path root = fs::path(DOCPIPE_SOURCE_DIR) / folder;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".pdf") continue;
      // Not here: the hostile set (refused or stopped by design; the corpus
      // test covers it), the scans and the JBIG2 images that are the
      // bombs' counter-examples (pages without text: OCR takes seconds a
      // page, and one of them holds no text at all; their tests are
      // ocr_layout_json_test's and render_bounds_test's) and the ICDAR set,
      // which has a test of its own below.
      const std::string folder_name = entry.path().parent_path().filename().string();
      if (folder_name == "hostile" || folder_name == "scans" || folder_name == "jbig2" ||
          (folder_name == "icdar2013" && folder != "tests/data/icdar2013")) {
        continue;
      }
      pdfs.push_back(entry.path().string());
    }
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

// Where two cells of `table` overlap (grid slot or page box), or "".
std::string Overlap(const Table& table) {
  std::vector<int> slot(static_cast<size_t>(table.rows * table.cols), -1);
  for (size_t i = 0; i < table.cells.size(); ++i) {
    const Cell& c = table.cells[i];
    for (int r = c.row; r < c.row + c.row_span; ++r) {
      for (int k = c.col; k < c.col + c.col_span; ++k) {
        if (r >= table.rows || k >= table.cols) return "cell outside the grid";
        int& owner = slot[static_cast<size_t>(r * table.cols + k)];
        if (owner >= 0) return "two cells cover row " + std::to_string(r) + ", column " + std::to_string(k);
        owner = static_cast<int>(i);
      }
    }
    for (size_t j = 0; j < i; ++j) {
      const BBox& a = c.bbox;
      const BBox& b = table.cells[j].bbox;
      double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
      double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      if (w > 1.0 && h > 1.0) {
        return "boxes of cells (" + std::to_string(c.row) + "," + std::to_string(c.col) + ") and (" +
               std::to_string(table.cells[j].row) + "," + std::to_string(table.cells[j].col) + ") overlap";
      }
    }
  }
  return "";
}

void ExpectInvariants(const std::string& path) {
  SCOPED_TRACE(path);
  Result<std::string> bytes = ReadFile(path);
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  Result<Layout> layout = ExtractLayout(*bytes, path, {});
  ASSERT_TRUE(layout.ok()) << layout.status().message();
  for (const Page& page : layout->pages) {
    for (const Table& table : page.tables) {
      EXPECT_EQ(Overlap(table), "") << "page " << page.number << ", table " << table.id;
    }
  }
  std::string layout_json = LayoutToJson(*layout).dump();
  Result<nlohmann::ordered_json> from_layout = ProcessBytes(layout_json, path + ".layout.json", {});
  ASSERT_TRUE(from_layout.ok()) << "normalize refuses the layout docpipe wrote: "
                                << from_layout.status().message();
  Result<nlohmann::ordered_json> from_pdf = ProcessBytes(*bytes, path, {});
  ASSERT_TRUE(from_pdf.ok()) << from_pdf.status().message();
  nlohmann::ordered_json a = *from_pdf, b = *from_layout;
  a.erase("source");
  b.erase("source");
  EXPECT_TRUE(a == b) << "normalize(PDF) differs from normalize(extract(PDF))";
}

TEST(LayoutInvariants, HoldForEveryPdfOfTheSamplesAndTestData) {
  std::vector<std::string> pdfs = AllPdfs({"samples", "tests/data"});
  ASSERT_GE(pdfs.size(), 12u);  // 6 standards, 6 real documents, the browser prints
  for (const std::string& path : pdfs) ExpectInvariants(path);
}

TEST(LayoutInvariants, HoldForEveryPdfOfTheIcdarDevelopmentSets) {
  std::vector<std::string> pdfs = AllPdfs({"tests/data/icdar2013"});
  ASSERT_EQ(pdfs.size(), 26u);  // 21 of icdar2013-dev, 5 of tabula-java/icdar2013
  for (const std::string& path : pdfs) ExpectInvariants(path);
}

}  // namespace
}  // namespace docpipe
