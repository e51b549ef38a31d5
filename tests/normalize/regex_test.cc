// The RE2 adapter (normalize/repair/regex.h): what its callers rely on.
#include "normalize/repair/regex.h"

#include <gtest/gtest.h>

#include "common/file_io.h"
#include "normalize/repair/rule_set.h"

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

// Groups of an anchored match (FullMatch, PrefixMatch, a pattern opening
// with ^) are sought only after RE2's DFA says the text matches; the answer
// and the groups are those of the submatch engine alone.
TEST(Regex, AnchoredMatchesGiveTheSameGroupsAfterTheYesNoTest) {
  Regex entry = Compile("^\\s*(.*?)\\s*[.．·…‧⋯]{2,}\\s*(\\d{1,4})\\s*$");
  std::vector<std::string_view> groups = {"kept"};
  EXPECT_FALSE(entry.FullMatch("第一章 前言。本計畫說明 2 項", &groups));
  EXPECT_FALSE(entry.PartialMatch("第一章 前言…", &groups));
  ASSERT_EQ(groups.size(), 1u);  // no match: left as they were
  ASSERT_TRUE(entry.FullMatch("  第一章 前言 ...... 12 ", &groups));
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[1], "第一章 前言");
  EXPECT_EQ(groups[2], "12");
  ASSERT_TRUE(entry.PartialMatch("附錄‧‧‧‧3", &groups));
  EXPECT_EQ(groups[1], "附錄");
  EXPECT_EQ(groups[2], "3");
  // ^ at an offset is not the text's start; (?m)^ opens a line anywhere.
  Regex caret = Compile("^(K\\d+)");
  EXPECT_FALSE(caret.FindFrom("K1 K2", 1, &groups));
  EXPECT_EQ(groups[2], "3");
  Regex line = Compile("(?m)^(K\\d+)");
  ASSERT_TRUE(line.PartialMatch("x\nK7", &groups));
  EXPECT_EQ(groups[1], "K7");
  Regex prefix = Compile("(T\\d+)\\.(\\d+)");
  EXPECT_FALSE(prefix.PrefixMatch("監控 T1.4", &groups));
  ASSERT_TRUE(prefix.PrefixMatch("T1.4 監控", &groups));
  EXPECT_EQ(groups[2], "4");
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

// The prefilter's one promise: never false for a text the pattern matches.
// Oracle: PartialMatch, over patterns made to stress case folding (σ, the
// Kelvin sign), a pattern that requires nothing, and heading patterns.
TEST(RegexMayMatch, NeverFalseWhereThePatternMatches) {
  std::vector<std::string> texts = {"", " ", "第一章", "第 章", "章第", "附錄", "附錄2：", "PAGE 3", "Page 3 of 9",
                                    "ＰＡＧＥ", "1.1.1", "1.1", "目標一：", "行動方案\t執行要點\t績效指標",
                                    "目標 執行策略 行動方案 主辦機關", "「測試方案」(以下簡稱本方案)", "K12", "Ｋ",
                                    "\xE2\x84\xAA" "12"};  // U+212A KELVIN SIGN: (?i)k matches it
  const char* lines[] = {"第一章 前言", "壹、 背景", "一、 組織化網路犯罪猖獗", "(一) 目的", "1. 建置", "附錄2 行動方案",
                         "行動方案 執行要點 績效指標 主辦機關", "4 大策略目標，規劃 20 項執行策略及 52 個行動方案",
                         "經濟部：", "行政院國家資通安全會報技術服務中心、各部會", "T1.1 規劃", "O1.1.1 報告"};
  for (const char* line : lines) texts.push_back(line);
  const std::vector<std::string> patterns = {"(?i)page\\s*\\d", "(?i:k)\\d+", "Page", "σ", "(?i)σ+",
                                             "^\\s*(第[一二三四五六七八九十]+章)\\s*(.*)$", "x*", "(a|b)c",
                                             "^\\s*(\\d+\\.\\d+\\.\\d+)\\.?\\s*(.*)$"};
  for (const std::string& pattern : patterns) {
    Regex re = Compile(pattern.c_str());
    for (const std::string& text : texts) {
      if (re.PartialMatch(text)) {
        EXPECT_TRUE(re.MayMatch(text)) << pattern << " on " << text;
      }
    }
  }
}

// The same over every pattern rule of rules.json and every line of the
// samples' policy text and a standard.
TEST(RegexMayMatch, NeverFalseForARuleOnASampleLine) {
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    const RuleSet& rules = RuleSet::Default(input);
    for (const char* sample : {"national-cybersecurity-plan-2013-2016.txt", "INM3513-001v4.txt"}) {
      Result<std::string> bytes = ReadFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + sample);
      ASSERT_TRUE(bytes.ok());
      std::vector<std::string> lines;
      std::string line;
      for (char c : *bytes) {
        if (c != '\n') {
          line += c;
          continue;
        }
        lines.push_back(line);
        for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', tab + 1)) {
          lines.push_back(line.substr(tab + 1));  // each cell's start
        }
        line.clear();
      }
      int ruled_out = 0;
      for (const Rule& rule : rules.rules()) {
        if (rule.kind != "pattern") continue;
        const Regex& re = rules.Pattern(rule.name);
        for (const std::string& text : lines) {
          bool may = re.MayMatch(text);
          ruled_out += !may;
          if (re.PartialMatch(text)) {
            EXPECT_TRUE(may) << rule.name << " on " << text;
          }
        }
      }
      EXPECT_GT(ruled_out, 0) << sample;  // the prefilter does rule lines out
    }
  }
}

TEST(RegexMayMatch, RulesOutTextsWithoutARequiredString) {
  Regex chapter = Compile("^\\s*(第[一二三四五六七八九十]+章)\\s*(.*)$");
  EXPECT_TRUE(chapter.MayMatch("第一章 前言"));
  EXPECT_FALSE(chapter.MayMatch("一、 前言"));
  EXPECT_FALSE(chapter.MayMatch("第一節"));
  Regex either = Compile("(行動方案|績效指標)");
  EXPECT_TRUE(either.MayMatch("績效指標"));
  EXPECT_FALSE(either.MayMatch("執行要點"));
}

// RE2 gives its atoms lower-cased; a pattern whose atoms have letters with
// case variants is never ruled out, whatever the text's case.
TEST(RegexMayMatch, PatternsWithCasedLettersAlwaysMay) {
  Regex page = Compile("Page");
  EXPECT_TRUE(page.MayMatch("Page 3"));
  EXPECT_TRUE(page.MayMatch("nothing"));
  Regex kelvin = Compile("(?i)k\\d");
  EXPECT_TRUE(kelvin.MayMatch("\xE2\x84\xAA" "1"));
  Regex anything = Compile("x*");  // requires nothing
  EXPECT_TRUE(anything.MayMatch(""));
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
    if (c.ok) {
      EXPECT_EQ(value, c.value) << c.group;
    }
  }
}

}  // namespace
}  // namespace docpipe
