#include "common/json_parse.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

TEST(ParseUntrustedJson, ParsesOrdinaryJson) {
  Result<nlohmann::json> doc = ParseUntrustedJson(R"({"a": [1, {"b": "職能"}]})");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)["a"][1]["b"], "職能");
  Result<nlohmann::ordered_json> ordered = ParseUntrustedOrderedJson(R"({"z": 1, "a": 2})");
  ASSERT_TRUE(ordered.ok());
  EXPECT_EQ(ordered->begin().key(), "z");
}

TEST(ParseUntrustedJson, SyntaxErrorIsBadInputWithPosition) {
  Result<nlohmann::json> doc = ParseUntrustedJson("{\"a\": [1, 2");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kBadInput);
  EXPECT_NE(doc.status().message().find("line 1, column 12"), std::string::npos) << doc.status().message();
}

TEST(ParseUntrustedJson, DeepNestingIsRefused) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  Result<nlohmann::json> doc = ParseUntrustedJson(deep);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("nested deeper than 64"), std::string::npos);
  std::string ok_depth = std::string(60, '[') + std::string(60, ']');
  EXPECT_TRUE(ParseUntrustedJson(ok_depth).ok());
  EXPECT_FALSE(ParseUntrustedJson(ok_depth, 10).ok());
}

}  // namespace
}  // namespace docpipe
