#include "normalize/repair/rule_set.h"

#include <gtest/gtest.h>

#include <set>

#include "common/unicode.h"
#include "tests/sample_texts.h"
#include "normalize/repair/fake_bold.h"

namespace docpipe {
namespace {

TEST(RuleSet, EmbeddedRulesLoadWithEveryKind) {
  std::set<std::string> kinds;
  for (const Rule& rule : RuleSet::Default().rules()) kinds.insert(rule.kind);
  EXPECT_EQ(kinds, (std::set<std::string>{"replace", "pattern", "builtin"}));
}

// Default() compiles its patterns when first needed; the check at load
// compiles every one, for every input, and fails as Parse does.
TEST(RuleSet, EmbeddedRulesCompileWhenCheckedAtLoad) {
  Status checked = RuleSet::CheckDefault();
  EXPECT_TRUE(checked.ok()) << checked.ToString();
}

// Every rule's before/after examples, run through that rule alone as the
// example's input would run it: a rule that does not apply to the input
// leaves the text as it is.
TEST(RuleSet, EveryRuleExampleHolds) {
  const RuleSet& rules = RuleSet::Default();
  int checked = 0, pdf_examples = 0;
  for (const Rule& rule : rules.rules()) {
    ASSERT_FALSE(rule.examples.empty()) << rule.name;
    for (const RuleExample& example : rule.examples) {
      std::string got = rule.AppliesTo(example.input) ? rules.ApplyRule(rule, example.before) : example.before;
      EXPECT_EQ(got, example.after) << "rule " << rule.name << " on \"" << example.before << "\" from "
                                    << RuleInputName(example.input);
      ++checked;
      if (example.input == RuleInput::kPdf) ++pdf_examples;
    }
  }
  EXPECT_GE(checked, 30);
  EXPECT_GE(pdf_examples, 10);
}

TEST(RuleSet, EveryRepairRuleNamesItsInputs) {
  for (const Rule& rule : RuleSet::Default().rules()) {
    if (rule.kind == "pattern") continue;
    EXPECT_FALSE(rule.inputs.empty()) << rule.name;
  }
}

// Regression (issue 14): markup-remnant rules and the text-level fake-bold
// collapse changed data read from PDFs' text layers: CPC83104** lost its
// stars in 39 cells, a bond of series III became series I.
TEST(RuleSet, PdfTextLayerKeepsStarsAndRepeats) {
  const RuleSet& pdf = RuleSet::Default(RuleInput::kPdf);
  EXPECT_EQ(pdf.input(), RuleInput::kPdf);
  for (const char* data : {"CPC83104**", "Wil**********.com", "美林優配 III 結構式債券", "QQQQ", "1111", "謝謝",
                           "匯豐匯豐", "**重要**", "- 專科以上", "R&amp;D", "<p>"}) {
    EXPECT_EQ(pdf.ApplyStage("text", pdf.ApplyStage("cell", data)), data) << data;
  }
  // Repairs that every input needs still run on a PDF's text.
  EXPECT_EQ(pdf.ApplyStage("cell", "Ｋ０１稽核"), "K01稽核");
  EXPECT_EQ(pdf.ApplyStage("text", pdf.ApplyStage("cell", "風 險 識 別")), "風險識別");
  // A space between CJK words that extract saw on the page stays (issue 14:
  // tisa's title read "附件一服務貿易特定承諾表").
  EXPECT_EQ(pdf.ApplyStage("text", pdf.ApplyStage("cell", " 附件一   服務貿易特定承諾表 ")), "附件一 服務貿易特定承諾表");
  const RuleSet& text = RuleSet::Default(RuleInput::kText);
  EXPECT_EQ(text.ApplyStage("text", "附件一 服務貿易特定承諾表"), "附件一服務貿易特定承諾表");  // another extractor's
}

TEST(RuleSet, OtherExtractorsTextStillLosesMarkup) {
  const RuleSet& text = RuleSet::Default(RuleInput::kText);
  EXPECT_EQ(text.ApplyStage("text", text.ApplyStage("cell", "**資安 管理**")), "資安管理");
  EXPECT_EQ(text.ApplyStage("cell", "第一章第一章第一章第一章"), "第一章");
  EXPECT_EQ(text.ApplyStage("cell", "謝謝"), "謝謝");
}

TEST(RuleSet, RepairRuleWithoutInputsRejected) {
  Result<RuleSet> parsed = RuleSet::Parse(
      R"({"rules":[{"name":"x","stage":"cell","kind":"replace","description":"d","pattern":"a","examples":[{"before":"a","after":""}]}]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("inputs"), std::string::npos) << parsed.status().message();
  Result<RuleSet> unknown = RuleSet::Parse(
      R"({"rules":[{"name":"x","stage":"cell","kind":"replace","inputs":["ocr"],"description":"d","pattern":"a","examples":[{"before":"a","after":""}]}]})");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("unknown input"), std::string::npos) << unknown.status().message();
}

TEST(RuleSet, RuleNamesAreUnique) {
  std::set<std::string> names;
  for (const Rule& rule : RuleSet::Default().rules()) EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
}

TEST(RuleSet, CellStageRemovesMarkupKeepsParagraphBreaks) {
  std::string out = RuleSet::Default().ApplyStage("cell", "<p>K07網路服務漏洞</p> <p>K08規劃</p>");
  EXPECT_EQ(out.find('<'), std::string::npos);
  EXPECT_NE(out.find('\n'), std::string::npos);
  EXPECT_EQ(RuleSet::Default().ApplyStage("text", RuleSet::Default().ApplyStage("cell", "**資安 管理**")),
            "資安管理");
}

struct BadRuleFile {
  const char* json;
  const char* expected_fragment;
};

TEST(RuleSet, RejectsBrokenRuleFiles) {
  const BadRuleFile cases[] = {
      {"not json", "not JSON"},
      {"{}", "\"rules\" array"},
      {R"({"rules":[{"name":"x","stage":"cell","kind":"replace","inputs":["text"],"description":"d","pattern":"(","examples":[{"before":"a","after":"a"}]}]})",
       "does not compile"},
      {R"({"rules":[{"name":"x","stage":"cell","kind":"replace","inputs":["text"],"description":"d","pattern":"a","examples":[]}]})",
       "at least one example"},
      {R"({"rules":[{"name":"nope","stage":"cell","kind":"builtin","inputs":["text"],"description":"d","examples":[{"before":"a","after":"a"}]}]})",
       "unknown builtin"},
      {R"({"rules":[{"name":"x","stage":"cell","kind":"magic","description":"d","pattern":"a","examples":[{"before":"a","after":"a"}]}]})",
       "unknown kind"},
      {R"({"rules":[{"name":"x","stage":"cell","kind":"replace","inputs":["text"],"description":"d","pattern":"a","replacement":"\\9","examples":[{"before":"a","after":"a"}]}]})",
       "bad replacement"},
      {R"({"rules":[{"stage":"cell"}]})", "missing \"name\""},
  };
  for (const BadRuleFile& c : cases) {
    Result<RuleSet> parsed = RuleSet::Parse(c.json);
    ASSERT_FALSE(parsed.ok()) << c.json;
    EXPECT_EQ(parsed.status().code(), Status::Code::kBadInput);
    EXPECT_NE(parsed.status().message().find(c.expected_fragment), std::string::npos) << parsed.status().message();
  }
}

TEST(RuleSet, DuplicateRuleNameRejected) {
  const char* json = R"({"rules":[
    {"name":"x","stage":"cell","kind":"replace","inputs":["text"],"description":"d","pattern":"a","examples":[{"before":"a","after":""}]},
    {"name":"x","stage":"cell","kind":"replace","inputs":["text"],"description":"d","pattern":"b","examples":[{"before":"b","after":""}]}]})";
  Result<RuleSet> parsed = RuleSet::Parse(json);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("twice"), std::string::npos);
}

// Find looks a rule up by name in the hashed index built after loading:
// every rule is found as itself, an unknown or empty name is not, and a set
// moved elsewhere still finds its rules (the index views the rules' names).
TEST(RuleSet, FindNamesEveryRuleAndNothingElse) {
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    const RuleSet& rules = RuleSet::Default(input);
    for (const Rule& rule : rules.rules()) EXPECT_EQ(rules.Find(rule.name), &rule) << rule.name;
    EXPECT_EQ(rules.Find("no_such_rule"), nullptr);
    EXPECT_EQ(rules.Find(""), nullptr);
    EXPECT_EQ(rules.Find("heading_chapter "), nullptr);
  }
  const char* json = R"json({"rules":[
    {"name":"a_rule_with_a_long_name","stage":"cell","kind":"replace","inputs":["text"],"description":"d","pattern":"a","examples":[{"before":"a","after":""}]},
    {"name":"b","stage":"parse","kind":"pattern","description":"d","pattern":"^(b)","examples":[{"before":"b","after":"b"}]}]})json";
  Result<RuleSet> parsed = RuleSet::Parse(json);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  RuleSet moved = std::move(*parsed);
  ASSERT_NE(moved.Find("a_rule_with_a_long_name"), nullptr);
  EXPECT_EQ(moved.Find("a_rule_with_a_long_name")->pattern, "a");
  ASSERT_NE(moved.Find("b"), nullptr);
  EXPECT_TRUE(moved.Matches("b", "bc"));
  EXPECT_EQ(moved.Find("c"), nullptr);
}

// ApplyStage remembers what a stage makes of an empty text: the stages of
// the embedded rules leave it empty, every time; a stage with a rule that
// fills an empty cell fills it every time too, not only the first.
TEST(RuleSet, EmptyTextGetsWhatTheStageMakesOfItEveryTime) {
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    const RuleSet& rules = RuleSet::Default(input);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(rules.ApplyStage("cell", ""), "");
  }
  const char* json = R"json({"rules":[
    {"name":"fill","stage":"cell","kind":"replace","inputs":["text"],"description":"d","pattern":"^$","replacement":"-","examples":[{"before":"","after":"-"}]},
    {"name":"keep","stage":"line","kind":"replace","inputs":["text"],"description":"d","pattern":"a","replacement":"b","examples":[{"before":"a","after":"b"}]}]})json";
  Result<RuleSet> parsed = RuleSet::Parse(json);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(parsed->ApplyStage("cell", ""), "-");
    EXPECT_EQ(parsed->ApplyStage("cell", "x"), "x");
    EXPECT_EQ(parsed->ApplyStage("line", ""), "");
    EXPECT_EQ(parsed->ApplyStage("line", "a"), "b");
  }
}

// ApplyStage skips the replace rules its RegexSet says cannot match; the
// result must be that of running every rule of the stage in file order.
// Texts: every example of every rule and a cell with several repairs, each
// through every stage, for both inputs.
TEST(RuleSet, PlannedStageEqualsEveryRuleInFileOrder) {
  std::vector<std::string> texts;
  std::set<std::string> stages;
  for (const Rule& rule : RuleSet::Default().rules()) {
    stages.insert(rule.stage);
    for (const RuleExample& example : rule.examples) texts.push_back(example.before);
  }
  texts.push_back("**粗體**<p>第一段<br>第二段</p> ＩＩＩ  ＡＢＣ &amp; K0O1");
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    const RuleSet& rules = RuleSet::Default(input);
    int changed = 0;
    for (const std::string& stage : stages) {
      for (const std::string& text : texts) {
        std::string expected = text;
        for (const Rule& rule : rules.rules()) {
          if (rule.stage == stage && rule.kind != "pattern" && rule.AppliesTo(input)) {
            expected = rules.ApplyRule(rule, expected);
          }
        }
        EXPECT_EQ(rules.ApplyStage(stage, text), expected) << stage << " on " << text;
        if (expected != text) ++changed;
      }
    }
    EXPECT_GE(changed, 20) << RuleInputName(input);
  }
}

}  // namespace
}  // namespace docpipe

namespace docpipe {
namespace {

// A stage told its text is well-formed UTF-8 (the rows of ParseTabText)
// scans it without checking, and again with checking once a rule changed
// it: every stage of both inputs gives the same text either way over every
// well-formed sample line and cell and the builtins' examples. Where
// validity is not known the check stays: an ill-formed byte is replaced.
TEST(RuleSet, KnownValidTextRepairsAsUnchecked) {
  std::vector<std::string> texts = {"ＫＡ０１職能", "⾏政院", "INM3513\u2010001v4", "服 務 機 關", "e\u0301t\u00e9",
                                    " 第一章第一章第一章第一章   前言前言前言前言 ", "<p>K01</p> **x**", ""};
  AppendSampleLinesAndCells(&texts);
  for (const Rule& rule : RuleSet::Default().rules()) {
    for (const RuleExample& example : rule.examples) texts.push_back(example.before);
  }
  int changed = 0;
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    const RuleSet& rules = RuleSet::Default(input);
    for (const std::string& text : texts) {
      if (unicode::FindInvalidUtf8(text)) continue;
      for (const char* stage : {"cell", "text", "parse"}) {
        const std::string repaired = rules.ApplyStage(stage, text);
        ASSERT_EQ(rules.ApplyStage(stage, text, unicode::Utf8::kValid), repaired) << stage << ": " << text;
        changed += repaired != text;
      }
    }
  }
  EXPECT_GT(changed, 100);
  EXPECT_EQ(RuleSet::Default().ApplyStage("cell", "x \xFF"), "x \uFFFD");
}

// Every builtin repair's quick test (RuleSet::ApplyStage skips a repair
// whose test says it cannot change the text): over every line and cell of
// the text samples, the builtin rules' examples and the damage each repair
// is for, a text the repair changes is never one its test lets through.
// Each test must also let some texts through (else it would skip nothing)
// and each repair change some (else the corpus would not exercise it).
TEST(BuiltinQuickTests, NeverSkipATextTheRepairChanges) {
  std::vector<std::string> texts = {
      "\xff\xfe ill-formed", "ＫＡ０１職能", "⾏政院", "INM3513\u2010001v4", "服 務 機 關", "服務機關",
      " 第一章第一章第一章第一章   前言前言前言前言 ", "e\u0301t\u00e9", "A\tB  C", "  ", "", "2010\u20132015",
      "（十）債權", "K01 目前技術", "傳 真 機：02", "abcabcabc x", "ABABAB", "x \xff", "Ｋ", "\u00e9", "ｅ\u0301",
      "a b c d e f g h 第一章第一章第一章", "a b c d e f g h 服 務"};
  AppendSampleLinesAndCells(&texts);
  for (const Rule& rule : RuleSet::Default().rules()) {
    if (rule.kind != "builtin") continue;
    for (const RuleExample& example : rule.examples) {
      texts.push_back(example.before);
      texts.push_back(example.after);
    }
  }
  // Each test also as RuleSet::ApplyStage asks it, with one scan of the
  // text shared by all (unicode::ScanText): the same answer.
  using unicode::TextScan;
  struct Pair {
    const char* name;
    std::string (*repair)(std::string_view);
    bool (*may_change)(std::string_view);
    bool (*may_change_scanned)(std::string_view, const TextScan&);
  };
  const Pair pairs[] = {
      {"nfc", &unicode::Nfc, &unicode::NfcMayChange,
       [](std::string_view t, const TextScan& s) { return unicode::NfcMayChange(t, s); }},
      {"fold_width", &unicode::FoldWidth, &unicode::FoldWidthMayChange,
       [](std::string_view t, const TextScan& s) { return unicode::FoldWidthMayChange(t, s); }},
      {"collapse_spaces", &unicode::CollapseSpaces, &unicode::SpacesMayChange,
       [](std::string_view t, const TextScan& s) { return unicode::SpacesMayChange(t, s); }},
      {"collapse_space_runs", &unicode::CollapseSpaceRuns, &unicode::SpacesMayChange,
       [](std::string_view t, const TextScan& s) { return unicode::SpacesMayChange(t, s); }},
      {"letter_spacing", &unicode::RemoveLetterSpacing, &unicode::RemoveLetterSpacingMayChange,
       [](std::string_view t, const TextScan& s) { return unicode::RemoveLetterSpacingMayChange(t, s); }},
      {"fake_bold", &CollapseFakeBold, &CollapseFakeBoldMayChange,
       [](std::string_view t, const TextScan& s) { return CollapseFakeBoldMayChange(t, s); }},
      {"unify_radicals", [](std::string_view t) { return unicode::UnifyRadicals(t); }, &unicode::UnifyRadicalsMayChange,
       [](std::string_view t, const TextScan& s) { return unicode::UnifyRadicalsMayChange(t, s); }},
      {"ascii_hyphens_in_codes", [](std::string_view t) { return unicode::AsciiHyphensInCodes(t); },
       &unicode::AsciiHyphensInCodesMayChange,
       [](std::string_view t, const TextScan& s) { return unicode::AsciiHyphensInCodesMayChange(t, s); }},
  };
  for (const Pair& pair : pairs) {
    int skipped = 0, changed = 0;
    for (const std::string& text : texts) {
      const bool may = pair.may_change(text);
      const bool changes = pair.repair(text) != text;
      skipped += !may;
      changed += changes;
      if (changes) {
        EXPECT_TRUE(may) << pair.name << " changes \"" << text << "\" but its quick test skips it";
      }
      EXPECT_EQ(pair.may_change_scanned(text, unicode::ScanText(text)), may) << pair.name << " on \"" << text << "\"";
    }
    EXPECT_GT(skipped, 0) << pair.name;
    EXPECT_GT(changed, 0) << pair.name;
  }
}

}  // namespace
}  // namespace docpipe
