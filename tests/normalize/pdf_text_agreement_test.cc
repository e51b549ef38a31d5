// The PDF path and the text path must model a standard the same way: for each
// sample standard, both layout variants of its PDF (samples/pdf, written by
// LibreOffice) and a print of it by Chromium (tests/data/browser-pdf, made by
// scripts/make-browser-pdfs.sh; one also landscape with a two-row duty-table
// header) give the same competency-standard JSON as
// the other extractors' text (samples/text).
//
// Compared: every field, strings by unicode::FoldKey (NFKC, case folded,
// white space removed), since the text extractors lost or added spaces that
// the PDF has ("風 險 識 別", "K01 資訊" vs "K01資訊").
// Not compared, deliberately:
//   - provenance: `source` (path, hash, format, pages), `source_lines`,
//     `field_lines` and every `location`: the two inputs number lines and
//     pages differently by nature;
//   - warning messages: they quote line numbers ("first at line 51"); the
//     warnings' kinds, in order, are compared instead;
//   - nothing else.
#include <gtest/gtest.h>

#include <set>

#include "common/unicode.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

const std::set<std::string> kProvenance = {"source", "source_lines", "field_lines", "location", "locations"};

void Compare(const nlohmann::json& pdf, const nlohmann::json& text, const std::string& path,
             std::vector<std::string>* differences) {
  if (pdf.is_object() && text.is_object()) {
    std::set<std::string> keys;
    for (auto it = pdf.begin(); it != pdf.end(); ++it) keys.insert(it.key());
    for (auto it = text.begin(); it != text.end(); ++it) keys.insert(it.key());
    for (const std::string& key : keys) {
      if (kProvenance.count(key)) continue;
      if (!pdf.contains(key) || !text.contains(key)) {
        differences->push_back(path + "." + key + ": present only in the " + (pdf.contains(key) ? "PDF" : "text") +
                               " result");
        continue;
      }
      if (key == "message" && path.find(".warnings[") != std::string::npos) continue;
      Compare(pdf[key], text[key], path + "." + key, differences);
    }
  } else if (pdf.is_array() && text.is_array()) {
    if (pdf.size() != text.size()) {
      differences->push_back(path + ": " + std::to_string(pdf.size()) + " items from the PDF, " +
                             std::to_string(text.size()) + " from the text");
    }
    for (size_t i = 0; i < std::min(pdf.size(), text.size()); ++i) {
      Compare(pdf[i], text[i], path + "[" + std::to_string(i) + "]", differences);
    }
  } else if (pdf.is_string() && text.is_string()) {
    if (unicode::FoldKey(pdf.get<std::string>()) != unicode::FoldKey(text.get<std::string>())) {
      differences->push_back(path + ":\n    PDF:  " + pdf.get<std::string>() + "\n    text: " + text.get<std::string>());
    }
  } else if (pdf != text) {
    differences->push_back(path + ": PDF " + pdf.dump() + ", text " + text.dump());
  }
}

class PdfTextAgreementTest : public ::testing::TestWithParam<const char*> {};

TEST_P(PdfTextAgreementTest, PdfGivesTheTextPathsStandard) {
  const std::string relative = GetParam();  // a PDF under the source tree
  const std::string root = DOCPIPE_SOURCE_DIR;
  const std::string name = relative.substr(relative.rfind('/') + 1);
  const std::string code = name.substr(0, name.find_first_of("_."));
  Result<nlohmann::ordered_json> pdf = ProcessFile(root + "/" + relative, {});
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  Result<nlohmann::ordered_json> text = ProcessFile(root + "/samples/text/" + code + ".txt", {});
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ((*pdf)["source"]["format"], "pdf");
  EXPECT_GT((*pdf)["duties"].size(), 0u);

  std::vector<std::string> differences;
  Compare(nlohmann::json(*pdf), nlohmann::json(*text), "", &differences);
  std::string report;
  for (const std::string& d : differences) report += d + "\n";
  EXPECT_TRUE(differences.empty()) << differences.size() << " differences:\n" << report;
}

INSTANTIATE_TEST_SUITE_P(SampleStandards, PdfTextAgreementTest,
                         ::testing::Values("samples/pdf/INM2529-002v2.pdf", "samples/pdf/INM2529-002v2_layout2.pdf",
                                           "samples/pdf/INM3513-001v4.pdf", "samples/pdf/INM3513-001v4_layout2.pdf",
                                           "samples/pdf/IIS3513-001v4.pdf", "samples/pdf/IIS3513-001v4_layout2.pdf",
                                           "tests/data/browser-pdf/INM2529-002v2.pdf",
                                           "tests/data/browser-pdf/INM3513-001v4.pdf",
                                           "tests/data/browser-pdf/IIS3513-001v4.pdf",
                                           "tests/data/browser-pdf/INM3513-001v4_landscape.pdf"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           std::string n = info.param;
                           n = n.substr(0, n.size() - 4);  // without .pdf
                           std::string dir = n.substr(0, n.rfind('/'));
                           n = (dir.find("browser") != std::string::npos ? "browser_" : "") + n.substr(n.rfind('/') + 1);
                           for (char& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace docpipe
