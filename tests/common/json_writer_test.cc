// JsonWriter writes what AppendJsonText writes for the same tree; the
// oracle is nlohmann's own dump of the tree (as in json_text_test.cc).
#include "common/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

// Writes `json` through the writer, value by value.
void Write(const Json& json, JsonWriter* w) {
  switch (json.type()) {
    case Json::value_t::object:
      w->BeginObject();
      for (auto it = json.begin(); it != json.end(); ++it) {
        w->Key(it.key());
        Write(it.value(), w);
      }
      w->EndObject();
      return;
    case Json::value_t::array:
      w->BeginArray();
      for (const Json& element : json) Write(element, w);
      w->EndArray();
      return;
    case Json::value_t::string: w->String(json.get_ref<const std::string&>()); return;
    case Json::value_t::boolean: w->Bool(json.get<bool>()); return;
    case Json::value_t::number_integer: w->Int(json.get<int64_t>()); return;
    case Json::value_t::number_float: w->Double(json.get<double>()); return;
    default: FAIL() << "not written by the writer: " << json.dump();
  }
}

std::string Dumped(const Json& json, bool compact) {
  return json.dump(compact ? -1 : 2, ' ', false, Json::error_handler_t::replace);
}

TEST(JsonWriter, WritesWhatTheLibraryDumpsForTheSameTree) {
  Json doc;
  doc["empty_object"] = Json::object();
  doc["empty_array"] = Json::array();
  doc["numbers"] = {0, -7, -9223372036854775807LL - 1, 1.5, 0.1, 0.1 + 0.2, 1e-7, 3.0, -0.0, 1e300, 612.0000000001,
                    123456789.125, 5e-324};
  doc["flags"] = {true, false};
  doc["text"] = "職能基準「資安」\"quoted\" back\\slash\nnew line\ttab\x01 end";
  doc["bad utf-8"] = "a\xFF" "b \xE8\x81";
  doc["鍵\n\"key\""] = {{"nested", {{"deeper", Json::array({Json::object(), Json::array({1, "a"}), Json::array()})}}}};
  doc["words"] = Json::array({"x", "y"});
  for (bool compact : {false, true}) {
    std::string out;
    JsonWriter w(compact, 0, &out);
    Write(doc, &w);
    EXPECT_EQ(out, Dumped(doc, compact)) << compact;
  }
}

TEST(JsonWriter, NonFiniteNumbersAreNullAsTheLibraryWritesThem) {
  for (double v : {std::nan(""), std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
    std::string out;
    JsonWriter w(false, 0, &out);
    w.Double(v);
    EXPECT_EQ(out, Json(v).dump());
    EXPECT_EQ(out, "null");
  }
}

TEST(JsonWriter, AtADepthIndentsAsInsideTheDocument) {
  const Json page = {{"number", 3}, {"lines", Json::array({{{"text", "a"}}, {{"text", "b"}}})}, {"tables", Json::array()}};
  const Json whole = {{"pages", Json::array({page})}};
  std::string text = "{\n  \"pages\": [\n    ";
  JsonWriter w(false, 2, &text);
  Write(page, &w);
  text += "\n  ]\n}";
  EXPECT_EQ(text, Dumped(whole, false));
}

}  // namespace
}  // namespace docpipe
