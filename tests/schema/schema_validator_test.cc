#include "schema/schema_validator.h"

#include <gtest/gtest.h>

#include <vector>

namespace docpipe {
namespace {

nlohmann::json Minimal() {
  return nlohmann::json::parse(R"({
    "document_type": "competency_standard", "schema_version": "1.0.0",
    "source": {"path": "x.txt", "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "format": "text"},
    "code": "ABC1234-001v1", "name": "n", "name_kind": "occupation",
    "category": {"name": "", "code": ""}, "occupation": {"name": "", "code": ""}, "industry": {"name": "", "code": ""},
    "description": "", "level": 3, "versions": [], "duties": [], "knowledge": [], "skills": [], "attitudes": [],
    "notes": [], "warnings": [], "unparsed": []})");
}

TEST(SchemaValidator, AcceptsMinimalStandard) {
  Status s = ValidateDocument(Minimal(), SchemaKind::kCompetencyStandard);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(SchemaValidator, RejectsMissingFieldWrongTypeAndUnknownProperty) {
  nlohmann::json missing = Minimal();
  missing.erase("duties");
  nlohmann::json wrong_type = Minimal();
  wrong_type["level"] = "four";
  nlohmann::json unknown = Minimal();
  unknown["surprise"] = 1;
  nlohmann::json bad_date = Minimal();
  bad_date["versions"] = nlohmann::json::parse(
      R"([{"version":"V1","code":"c","name":"n","status":"s","note":"","date":"2025/12/15"}])");
  nlohmann::json bad_kind = Minimal();
  bad_kind["name_kind"] = "person";
  for (const nlohmann::json& doc : {missing, wrong_type, unknown, bad_date, bad_kind}) {
    Status s = ValidateDocument(doc, SchemaKind::kCompetencyStandard);
    EXPECT_EQ(s.code(), Status::Code::kSchemaViolation) << doc.dump();
    EXPECT_NE(s.message().find("competency-standard.schema.json"), std::string::npos);
  }
}

// The writers' ordered trees are validated as they are (no copy into a
// plain tree): each verdict and message must be the plain tree's.
TEST(SchemaValidator, OrderedTreeGetsThePlainTreesVerdictAndMessage) {
  std::vector<nlohmann::json> docs = {Minimal()};
  docs.push_back(Minimal());
  docs.back().erase("duties");
  docs.push_back(Minimal());
  docs.back()["level"] = 3.5;
  docs.push_back(Minimal());
  docs.back()["name_kind"] = "person";
  docs.push_back(Minimal());
  docs.back()["versions"] = nlohmann::json::parse(
      R"([{"version":"V1","code":"c","name":"n","status":"s","note":"","date":"2025/12/15"}])");
  docs.push_back(Minimal());
  docs.back()["versions"] = nlohmann::json::parse(
      R"([{"version":"V1","code":"c","name":"n","status":"s","note":"","date":"2025-12-15","extra":true}])");
  int rejected = 0;
  for (const nlohmann::json& plain : docs) {
    const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(plain.dump());
    const Status want = ValidateDocument(plain, SchemaKind::kCompetencyStandard);
    const Status got = ValidateDocument(ordered, SchemaKind::kCompetencyStandard);
    EXPECT_EQ(got.code(), want.code()) << plain.dump();
    EXPECT_EQ(got.message(), want.message()) << plain.dump();
    EXPECT_EQ(SchemaKindOf(ordered), SchemaKindOf(plain));
    rejected += want.ok() ? 0 : 1;
  }
  EXPECT_EQ(rejected, 5);
}

TEST(SchemaValidator, KindFromDocumentType) {
  EXPECT_EQ(SchemaKindOf(Minimal()), SchemaKind::kCompetencyStandard);
  EXPECT_FALSE(SchemaKindOf(nlohmann::json::parse(R"({"document_type": "novel"})")).has_value());
  EXPECT_FALSE(SchemaKindOf(nlohmann::json::array()).has_value());
}

TEST(SchemaValidator, EverySchemaPropertyIsDescribed) {
  nlohmann::json schema = nlohmann::json::parse(SchemaText(SchemaKind::kCompetencyStandard));
  int described = 0;
  std::function<void(const nlohmann::json&, const std::string&)> walk = [&](const nlohmann::json& node,
                                                                           const std::string& path) {
    if (!node.is_object()) return;
    if (node.contains("properties")) {
      for (auto it = node["properties"].begin(); it != node["properties"].end(); ++it) {
        EXPECT_TRUE(it->contains("description") || it->contains("$ref")) << path << "/" << it.key();
        ++described;
        walk(*it, path + "/" + it.key());
      }
    }
    for (const char* key : {"items", "definitions"}) {
      if (!node.contains(key)) continue;
      if (std::string(key) == "definitions") {
        for (auto it = node[key].begin(); it != node[key].end(); ++it) walk(*it, path + "/#" + it.key());
      } else {
        walk(node[key], path + "[]");
      }
    }
  };
  walk(schema, "");
  EXPECT_GT(described, 40);
}

}  // namespace
}  // namespace docpipe
