// Every sample text written the way Docling, Marker and MinerU write it
// (scripts/text-to-markup.py, with their variations: header repeated after a
// page break or not, merged cells repeated or left empty, **bold** or #
// headings, <br> in cells, <thead>, entities, an HTML document) gives the
// TAB path's JSON field for field. Only what names the input may differ:
// `source`, and the provenance (source_lines, field_lines, location, and
// the line numbers inside warning messages), since the converted files have
// other lines.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

struct Case {
  const char* sample;
  const char* style;
};

std::string Extension(const std::string& style) { return style == "html" ? ".html" : ".md"; }

// "…first at line 51)" -> "…first at line N)".
std::string WithoutLineNumbers(const std::string& text) {
  std::string out;
  const std::string word = "line ";
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, word.size(), word) == 0) {
      out += word;
      i += word.size();
      if (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        out += "N";
      }
      continue;
    }
    out += text[i++];
  }
  return out;
}

Json WithoutProvenance(const Json& j) {
  if (j.is_object()) {
    Json out = Json::object();
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& key = it.key();
      if (key == "source" || key == "source_lines" || key == "field_lines" || key == "location") continue;
      out[key] = key == "message" && it->is_string() ? Json(WithoutLineNumbers(*it)) : WithoutProvenance(*it);
    }
    return out;
  }
  if (j.is_array()) {
    Json out = Json::array();
    for (const Json& v : j) out.push_back(WithoutProvenance(v));
    return out;
  }
  return j;
}

class MarkupAgreementTest : public ::testing::TestWithParam<Case> {};

TEST_P(MarkupAgreementTest, SameJsonAsTheTabText) {
  const Case& c = GetParam();
  const std::string source = std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + c.sample + ".txt";
  const fs::path dir = fs::path(::testing::TempDir()) / "markup_agreement";
  fs::create_directories(dir);
  const std::string converted = (dir / (std::string(c.sample) + "." + c.style + Extension(c.style))).string();
  const std::string command = std::string("python3 '") + DOCPIPE_SOURCE_DIR + "/scripts/text-to-markup.py' " +
                              c.style + " '" + source + "' '" + converted + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  Result<Json> tab = ProcessFile(source, {});
  ASSERT_TRUE(tab.ok()) << tab.status().ToString();
  Result<Json> markup = ProcessFile(converted, {});
  ASSERT_TRUE(markup.ok()) << converted << ": " << markup.status().ToString();
  EXPECT_EQ((*markup)["source"]["format"], std::string(c.style) == "html" ? "html" : "markdown");
  const Json expected = WithoutProvenance(*tab);
  const Json actual = WithoutProvenance(*markup);
  if (expected != actual) {
    Json patch = Json::diff(nlohmann::json(expected), nlohmann::json(actual));
    std::string shown = patch.dump(1);
    FAIL() << converted << " differs from the TAB path in " << patch.size() << " places:\n"
           << shown.substr(0, 4000);
  }
  if (std::string(c.sample).rfind("national-", 0) == 0) {
    EXPECT_EQ((*markup)["action_plans"].size(), 52u);
  }
}

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  for (const char* sample :
       {"IIS3513-001v4", "INM2529-002v2", "INM3513-001v4", "national-cybersecurity-plan-2013-2016"}) {
    for (const char* style : {"docling", "marker", "mineru", "mineru-thead", "html"}) cases.push_back({sample, style});
  }
  return cases;
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = std::string(info.param.sample) + "_" + info.param.style;
  for (char& ch : name) {
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Samples, MarkupAgreementTest, ::testing::ValuesIn(AllCases()), CaseName);

}  // namespace
}  // namespace docpipe
