// The RE2 adapter (normalize/repair/regex.h): what its callers rely on.
#include "normalize/repair/regex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docpipe {
namespace {

Regex Compile(const char* pattern) {
  Result<Regex> re = Regex::Compile(pattern);
  EXPECT_TRUE(re.ok()) << re.status().ToString();
  return std::move(*re);
}

TEST(Regex, GroupsAreViewsIntoTheTextAndAnAbsentGroupIsNull) {
  Regex re = Compile("(T\\d+)(?:-(\\d+))?");
  const std::string text = "x T12 y";
  std::vector<std::string_view> groups;
  ASSERT_TRUE(re.PartialMatch(text, &groups));
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0], "T12");
  EXPECT_EQ(groups[1].data(), text.data() + 2);
  EXPECT_EQ(groups[2].data(), nullptr);
  EXPECT_FALSE(re.FullMatch(text));
  EXPECT_TRUE(re.FullMatch("T1-2", &groups));
  EXPECT_EQ(groups[2], "2");
}

TEST(Regex, NoMatchLeavesTheGroupsAsTheyWere) {
  Regex re = Compile("(a)");
  std::vector<std::string_view> groups = {"kept"};
  EXPECT_FALSE(re.PartialMatch("bbb", &groups));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0], "kept");
}

TEST(Regex, PrefixMatchIsAnchoredAtTheStartOnly) {
  Regex re = Compile("(T\\d+)");
  std::vector<std::string_view> groups;
  EXPECT_TRUE(re.PrefixMatch("T1.4 監控", &groups));
  EXPECT_EQ(groups[1], "T1");
  EXPECT_FALSE(re.PrefixMatch("監控 T1"));
}

// Text before the offset is context: ^ does not match in the middle, and
// the match found is the first at or after the offset.
TEST(Regex, FindFromKeepsTheTextBeforeAsContext) {
  Regex re = Compile("(?:^|\\s)(K\\d+)");
  const std::string text = "K1 K2";
  std::vector<std::string_view> groups;
  ASSERT_TRUE(re.FindFrom(text, 1, &groups));
  EXPECT_EQ(groups[1], "K2");
  EXPECT_FALSE(re.FindFrom(text, 4, &groups));
  EXPECT_FALSE(re.FindFrom(text, text.size() + 1, &groups));
}

TEST(Regex, ReplaceAllAndRewriteCheck) {
  Regex re = Compile("\\*\\*(.+?)\\*\\*");
  std::string text = "**a** and **b**";
  EXPECT_EQ(re.ReplaceAll(&text, "\\1"), 2);
  EXPECT_EQ(text, "a and b");
  EXPECT_TRUE(re.CheckRewrite("\\1").ok());
  EXPECT_FALSE(re.CheckRewrite("\\2").ok());
}

TEST(Regex, CompileErrorIsBadInput) {
  Result<Regex> re = Regex::Compile("(unclosed");
  ASSERT_FALSE(re.ok());
  EXPECT_EQ(re.status().code(), Status::Code::kBadInput);
  EXPECT_NE(re.status().message().find("missing )"), std::string::npos) << re.status().message();
}

TEST(RegexSet, ReportsExactlyThePatternsThatMatchAlone) {
  // Oracle: each pattern matched alone with Regex::PartialMatch.
  const std::vector<std::string> patterns = {"\\*\\*", "<p>", "^T\\d+", "網路$", "(a)(b)?c", "\\bx\\b", "[Ａ-Ｚ]"};
  Result<RegexSet> set = RegexSet::Compile(patterns);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->size(), 7);
  const char* texts[] = {"", "**粗體**", "a <p> b", "T12 網路", "xT1", "ac abc", "y x z", "ＡＢ", "nothing here"};
  for (const char* text : texts) {
    std::vector<int> expected;
    for (size_t i = 0; i < patterns.size(); ++i) {
      Result<Regex> alone = Regex::Compile(patterns[i]);
      ASSERT_TRUE(alone.ok());
      if (alone->PartialMatch(text)) expected.push_back(static_cast<int>(i));
    }
    std::vector<int> got = {99};
    set->Matching(text, &got);
    EXPECT_EQ(got, expected) << text;
  }
}

TEST(RegexSet, EmptySetMatchesNothing) {
  Result<RegexSet> set = RegexSet::Compile({});
  ASSERT_TRUE(set.ok());
  std::vector<int> got = {1};
  set->Matching("anything", &got);
  EXPECT_TRUE(got.empty());
}

TEST(RegexSet, CompileErrorNamesThePattern) {
  Result<RegexSet> set = RegexSet::Compile({"ok", "(unclosed"});
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), Status::Code::kBadInput);
  EXPECT_NE(set.status().message().find("(unclosed"), std::string::npos) << set.status().message();
}

struct IntCase {
  const char* group;
  bool ok;
  int value;
};

TEST(Regex, GroupToIntReadsDecimalOnly) {
  const IntCase cases[] = {
      {"114", true, 114}, {"007", true, 7}, {"-3", true, -3}, {"", false, 0},
      {"12a", false, 0},  {" 1", false, 0}, {"99999999999", false, 0},
  };
  for (const IntCase& c : cases) {
    int value = 0;
    EXPECT_EQ(GroupToInt(c.group, &value), c.ok) << c.group;
    if (c.ok) EXPECT_EQ(value, c.value) << c.group;
  }
}

}  // namespace
}  // namespace docpipe
