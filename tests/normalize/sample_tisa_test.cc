// The services commitments appendix (samples/real/tisa-services-commitments-
// appendix1.pdf, 37 pages): four tables, each printed over several pages
// under a repeated column header, with footnotes at the foot of some pages
// and a running caption over each page of the first. Expected page ranges
// were read off the PDF: each new table opens under a caption of its own
// (臺灣方面非金融 p.1, 臺灣方面金融 p.15, 大陸方面非金融 p.16, 大陸方面金融 p.36).
#include <gtest/gtest.h>

#include <vector>

#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

TEST(SampleTisa, EachTableCutByPageBreaksIsOneTableWithoutRepeatedHeaders) {
  Result<Json> doc =
      ProcessFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/real/tisa-services-commitments-appendix1.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(ValidateOutput(*doc).ok());
  // The tables with body rows. (The first table's header row still stands
  // alone: the row under it, 一、商業服務業, has one filled cell and is read
  // as a line of text; see the issue.)
  std::vector<Json> tables;
  for (const Json& table : (*doc)["tables"]) {
    if (!table["rows"].empty()) tables.push_back(table);
  }
  const int expected[][2] = {{1, 14}, {15, 15}, {16, 35}, {36, 37}};
  ASSERT_EQ(tables.size(), 4u);
  for (size_t t = 0; t < 4; ++t) {
    EXPECT_EQ(tables[t]["pages"]["first"], expected[t][0]) << t;
    EXPECT_EQ(tables[t]["pages"]["last"], expected[t][1]) << t;
    for (const Json& row : tables[t]["rows"]) EXPECT_NE(row["cells"], tables[t]["header"]) << t;
  }
  EXPECT_EQ(tables[1]["header"][0], "部門名稱");
  EXPECT_EQ(tables[2]["header"][0], "部門或次部門");
  EXPECT_LE((*doc)["tables"].size(), 5u);
}

// Issue 12: "服務提供模式：(1)跨境提供服務…(4)自然人呈現" heads pages 2–14
// (the running header of the first part, above the continued table) and
// stayed body text 13 times. Its first printing, under the caption on page
// 1, is the body's; the second part's ("(1)跨境交付…") likewise on page 16.
TEST(SampleTisa, RunningHeaderOfAPartIsInTheBodyOnce) {
  Result<Json> doc =
      ProcessFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/real/tisa-services-commitments-appendix1.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const std::string text = doc->dump();
  auto count = [&](const std::string& needle) {
    int n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("服務提供模式：(1)跨境提供服務"), 1);
  EXPECT_EQ(count("服務提供模式：(1)跨境交付"), 1);
}

}  // namespace
}  // namespace docpipe
