// The nuclear accident directive (samples/real/nuclear-accident-response-
// directive.pdf, Word-generated, 7 pages) through extract and the policy
// parser. Expected values were read off `pdftotext -layout` of the PDF.
#include <gtest/gtest.h>

#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

class SampleDirectiveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Json> doc =
        ProcessFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/real/nuclear-accident-response-directive.pdf", {});
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    doc_ = new Json(*doc);
  }
  static void TearDownTestSuite() { delete doc_; }
  static Json* doc_;
};

Json* SampleDirectiveTest::doc_ = nullptr;

TEST_F(SampleDirectiveTest, IsASchemaValidDirectiveWithItsTitle) {
  EXPECT_EQ((*doc_)["document_type"], "policy_document");
  EXPECT_TRUE(ValidateOutput(*doc_).ok());
  EXPECT_EQ((*doc_)["title"], "境外核災處理作業要點");
  EXPECT_EQ((*doc_)["source"]["pages"], 7);
}

TEST_F(SampleDirectiveTest, OutlineFollowsTheNumbering) {
  const Json& outline = (*doc_)["outline"];
  const char* expected[][2] = {{"一、", "目的"}, {"二、", "適用時機"}, {"三、", "作業程序"}, {"四、", "任務分工："}, {"五、", "其他"}};
  ASSERT_EQ(outline.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(outline[i]["label"], expected[i][0]);
    EXPECT_EQ(outline[i]["title"], expected[i][1]);
  }
  EXPECT_EQ(outline[2]["children"].size(), 8u);   // （一）…（八）
  EXPECT_EQ(outline[2]["children"][0]["title"], "二級開設");
  EXPECT_EQ(outline[2]["children"][0]["children"].size(), 3u);  // 1. 2. 3.
  ASSERT_EQ(outline[3]["children"].size(), 17u);  // （一）…（十七）
  EXPECT_EQ(outline[3]["children"][16]["label"], "（十七）");
  EXPECT_EQ(outline[3]["children"][16]["title"], "地方政府：");
}

TEST_F(SampleDirectiveTest, ParagraphsJoinAcrossLinesAndPagesWithoutFooters) {
  bool across_page = false, across_colon = false;
  for (const Json& p : (*doc_)["paragraphs"]) {
    const std::string text = p["text"];
    EXPECT_EQ(text.find("頁/共"), std::string::npos) << text;  // footer 第1頁/共7頁 left out
    // Item 三、（一）3. runs from page 1 onto page 2.
    if (text == "直轄市、縣（市）政府：由核安會通知事故可能影響地區之直轄市、縣（市）政府災害應變因應小組集結待命。") {
      across_page = p["location"]["page"] == 1;
    }
    // Item 三、（一）2.: the colon was laid out on a line of its own.
    if (text.rfind("參與機關（單位、團體）：由核安會通知行政院災害防救辦公室（以下簡稱災防辦）、外交部", 0) == 0) {
      across_colon = true;
    }
  }
  EXPECT_TRUE(across_page);
  EXPECT_TRUE(across_colon);
}

}  // namespace
}  // namespace docpipe
