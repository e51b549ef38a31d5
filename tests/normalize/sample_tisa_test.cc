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
  // Every table has body rows: the section row under the first header
  // (一、商業服務業, one filled cell) stays in its table instead of cutting
  // it into a header-only table and a table headed by a data row.
  std::vector<Json> tables;
  for (const Json& table : (*doc)["tables"]) {
    EXPECT_FALSE(table["rows"].empty()) << table["header"];
    tables.push_back(table);
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
  EXPECT_EQ(tables[0]["header"][0], "部門或次部門");
  EXPECT_EQ(tables[0]["rows"][0]["cells"][0], "一、商業服務業");
}

// Page 13 ends inside the row "(c)自用小客車租" | "(1)沒有限制。"; page 14
// goes on with "賃(CPC83101**)" | "(2)沒有限制。(3)…" under the repeated
// header. Its key cell has text, but that text starts at the column's
// hanging indent, where wrapped entries go on: one row, joined cell by cell.
TEST(SampleTisa, RowCutByThePageBreakWithTextInItsKeyCellIsJoined) {
  Result<Json> doc = ProcessFile(std::string(DOCPIPE_SOURCE_DIR) + "/tests/data/tables/tisa-p1-3.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ((*doc)["tables"].size(), 1u);
  const Json& table = (*doc)["tables"][0];
  EXPECT_EQ(table["pages"]["last"], 3);
  const Json* joined = nullptr;
  for (const Json& row : table["rows"]) {
    const std::string key = row["cells"][0];
    EXPECT_NE(key.rfind("賃", 0), 0u) << "the cut row's rest stands alone";
    if (key.rfind("(c)自用小客車", 0) == 0) joined = &row;
  }
  ASSERT_NE(joined, nullptr);
  EXPECT_EQ((*joined)["cells"][0], "(c)自用小客車租賃(CPC83101**)");
  const std::string commitments = (*joined)["cells"][1];
  EXPECT_EQ(commitments.rfind("(1)沒有限制。", 0), 0u) << commitments;
  EXPECT_NE(commitments.find("(2)沒有限制。"), std::string::npos) << commitments;
  // The rows after it stay rows of their own: (d)其它機器與設備租賃 opens a
  // fresh row at the top of its cell.
  bool fresh = false;
  for (const Json& row : table["rows"]) fresh |= row["cells"][0].get<std::string>().rfind("(d)其它機器", 0) == 0;
  EXPECT_TRUE(fresh);
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
