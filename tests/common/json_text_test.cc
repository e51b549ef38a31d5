// JsonText writes what nlohmann's dump writes (the oracle: the library's own
// serializer with the settings JsonText documents), plus a final newline.
#include "common/json_text.h"

#include <gtest/gtest.h>

#include <string>

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

std::string Dumped(const Json& json, bool compact) {
  return json.dump(compact ? -1 : 2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json Sample() {
  Json doc;
  doc["document_type"] = "competency_standard";
  doc["empty_object"] = Json::object();
  doc["empty_array"] = Json::array();
  doc["numbers"] = {0, -7, 42u, 18446744073709551615u, -9223372036854775807LL - 1, 1.5, 0.1, 1e-7, 3.0, -0.0,
                    1e300, 612.0000000001};
  doc["flags"] = {true, false, nullptr};
  doc["text"] = "職能基準 INM3513-001v4「資安」\"quoted\" back\\slash\nnew line\ttab\r\b\f\x01\x1f\x7f end";
  doc["鍵\n\"key\""] = {{"nested", {{"deeper", Json::array({Json::object(), Json::array({1, "a"})})}}}};
  doc["emoji and 4-byte"] = "\xF0\x9F\x98\x80 \xF0\xA0\x80\x80";
  return doc;
}

TEST(JsonText, EqualsTheLibrarysDumpPrettyAndCompact) {
  const Json doc = Sample();
  EXPECT_EQ(JsonText(doc), Dumped(doc, false));
  EXPECT_EQ(JsonText(doc, true), Dumped(doc, true));
  for (const Json& scalar : {Json("x"), Json(1), Json(2.25), Json(nullptr), Json::array(), Json::object()}) {
    EXPECT_EQ(JsonText(scalar), Dumped(scalar, false)) << scalar.dump();
  }
}

TEST(JsonText, InvalidUtf8BecomesReplacementCharactersAsTheLibraryWritesThem) {
  const char* bad[] = {"\xC0\xAF", "a\xFF" "b", "\xED\xA0\x80 surrogate", "\xF4\x90\x80\x80 past U+10FFFF",
                       "cut \xE8\x81", "\xE8\x81\xB7\xE8", "\x80 lone continuation", "\xF8\x88\x80\x80\x80"};
  for (const char* text : bad) {
    Json doc = {{"k", text}, {text, Json::array({text, 1})}};
    EXPECT_EQ(JsonText(doc), Dumped(doc, false)) << text;
    EXPECT_EQ(JsonText(doc, true), Dumped(doc, true)) << text;
  }
}

// AppendString passes over ASCII and the CJK three-byte sequences (leads
// E1-EC, EE-EF) by their byte kinds and checks every other lead in full: the
// bytes on either side of each boundary, in every position of a string.
TEST(JsonText, ThreeByteSequencesAndTheirNeighboursAsTheLibraryWritesThem) {
  const unsigned char seconds[] = {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE8, 0xFF};
  const unsigned char thirds[] = {0x22, 0x7F, 0x80, 0xBF, 0xC0, 0xE8};
  for (int lead = 0xC0; lead <= 0xF5; ++lead) {
    for (unsigned char second : seconds) {
      for (unsigned char third : thirds) {
        const std::string sequence = {static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third)};
        for (const std::string& text : {sequence, "a" + sequence + "b", "職" + sequence, sequence.substr(0, 2),
                                        "a" + sequence.substr(0, 1), "能" + sequence.substr(0, 2)}) {
          const Json doc = {{"k", text}};
          ASSERT_EQ(JsonText(doc), Dumped(doc, false)) << std::hex << lead << " " << int{second} << " " << int{third};
        }
      }
    }
  }
}

TEST(JsonText, ControlCharactersQuotesAndBackslashesAreEscapedAsTheLibraryDoes) {
  for (int c = 0; c < 0x80; ++c) {
    const std::string one(1, static_cast<char>(c));
    for (const std::string& text : {one, "職" + one + "能", one + one + "x"}) {
      const Json doc = {{text, text}};
      ASSERT_EQ(JsonText(doc), Dumped(doc, false)) << c;
      ASSERT_EQ(JsonText(doc, true), Dumped(doc, true)) << c;
    }
  }
}

// nlohmann writes U+2028 and U+2029 (line and paragraph separators) as they
// are, not escaped; so does JsonText.
TEST(JsonText, LineAndParagraphSeparatorsAreWrittenAsTheyAre) {
  const Json doc = {{"text", "a\u2028b\u2029c \u00e9 \U0001F600"}};
  EXPECT_EQ(JsonText(doc), Dumped(doc, false));
  EXPECT_NE(JsonText(doc).find("\u2028"), std::string::npos);
}

// Deeper than the line of spaces NewLine appends from (32 levels).
TEST(JsonText, DeepNestingIndentsAsTheLibraryDoes) {
  Json doc = "leaf";
  for (int depth = 0; depth < 80; ++depth) {
    doc = depth % 2 ? Json::array({doc, Json::array(), Json::object()}) : Json{{"level", depth}, {"in", doc}};
  }
  EXPECT_EQ(JsonText(doc), Dumped(doc, false));
  EXPECT_EQ(JsonText(doc, true), Dumped(doc, true));
}

TEST(JsonText, AppendedAtADepthIndentsAsInsideTheDocument) {
  const Json page = {{"number", 3}, {"lines", Json::array({{{"text", "a"}}, {{"text", "b"}}})}};
  Json whole = {{"pages", Json::array({page})}};
  std::string text = "{\n  \"pages\": [\n    ";
  AppendJsonText(page, false, 2, &text);
  text += "\n  ]\n}\n";
  EXPECT_EQ(text, Dumped(whole, false));
}

}  // namespace
}  // namespace docpipe
