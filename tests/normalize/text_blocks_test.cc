#include "normalize/repair/text_blocks.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/file_io.h"
#include "normalize/input/tab_text.h"
#include "tests/normalize/test_rows.h"
#include "tests/sample_texts.h"

namespace docpipe {
namespace {

std::vector<std::string> Texts(const std::vector<std::string>& input, bool end_marks) {
  const RuleSet& rules = RuleSet::Default();
  std::vector<SourceLine> lines = PrepareLines(RowsOf(input), rules);
  BlockOptions options;
  options.end_marks = end_marks;
  std::vector<std::string> out;
  for (const TextBlock& b : JoinBlocks(lines, 0, lines.size(), rules, options)) {
    out.push_back(rules.ApplyStage("text", b.text));
  }
  return out;
}

TEST(TextBlocks, EndMarksEndParagraphsBlankLinesDoNot) {
  EXPECT_EQ(Texts({"廿一世紀資訊科技運用的普及與網際網路的蓬勃發展，使資通訊", "", "科技應用儼然已成為", "",
                   "各國關注的焦點。 ", "", "為強化國家資通訊安全能力。 "},
                  true),
            (std::vector<std::string>{"廿一世紀資訊科技運用的普及與網際網路的蓬勃發展，使資通訊科技應用儼然已成為各國關注的焦點。",
                                      "為強化國家資通訊安全能力。"}));
}

TEST(TextBlocks, PageBreakLineContinuesAnOpenParagraph) {
  // A line starting with a space (page break) continues a paragraph whose
  // last line has no end mark, and starts a new one after an end mark.
  EXPECT_EQ(Texts({"區為基礎的市場行銷、物流的追踨及更多可調適性的網路服務，", " 並應用於銀行業、教育業及健康照護等。 ",
                   " 94年至101年，行政院賡續推動。 "},
                  true),
            (std::vector<std::string>{"區為基礎的市場行銷、物流的追踨及更多可調適性的網路服務，並應用於銀行業、教育業及健康照護等。",
                                      "94年至101年，行政院賡續推動。"}));
}

TEST(TextBlocks, LatinWordWrapKeepsItsSpaceAndIsNoEndMark) {
  EXPECT_EQ(Texts({"例如 2011 年 4 月日本 Sony ", "PSN (Play Station Network)遭駭客入侵。 "}, true),
            (std::vector<std::string>{"例如 2011 年 4 月日本 Sony PSN (Play Station Network)遭駭客入侵。"}));
}

TEST(TextBlocks, LabelStartsANewBlockEvenWithoutEndMark) {
  EXPECT_EQ(Texts({"3. 鼓勵國內資安組織積極參與國", "1. 每年派員參與國際資安會議。 "}, true),
            (std::vector<std::string>{"3. 鼓勵國內資安組織積極參與國", "1. 每年派員參與國際資安會議。"}));
}

// The label check by looked-up matchers answers as the one by rule names.
TEST(TextBlocks, LabelPatternsAnswerAsTheRuleNames) {
  const RuleSet& rules = RuleSet::Default();
  const std::vector<const Regex*> labels = LabelPatterns(rules, kHeadingLabels);
  ASSERT_EQ(labels.size(), kHeadingLabels.size());
  EXPECT_EQ(labels[0], &rules.Pattern("heading_chapter"));
  for (const char* text : {"第一章 總則", "壹、前言", "一、目的", "(一) 範圍", "3. 鼓勵", "(2)參與", "目標1：強化", "附錄",
                           "本計畫", "1.5 倍", "", "  二、  適用"}) {
    EXPECT_EQ(StartsWithLabel(labels, text), StartsWithLabel(rules, kHeadingLabels, text)) << text;
  }
  EXPECT_TRUE(StartsWithLabel(labels, "一、目的"));
  EXPECT_FALSE(StartsWithLabel(labels, "本計畫"));
  EXPECT_FALSE(StartsWithLabel(LabelPatterns(rules, {}), "一、目的"));
}

// LineScan's set (RuleSet::PatternSet) only rules lines out: over every
// line and cell of the text samples, labelled lines of every kind and
// contents entries, it answers as the rules asked one by one, and it does
// find labels and entries.
TEST(TextBlocks, LineScanAnswersAsTheRulesOneByOne) {
  std::vector<std::string> texts = {"第一章 總則", "壹、前言", "一、目的", "(一) 範圍", "（二）不動產", "3. 鼓勵", "(2)參與",
                                    "目標1：強化", "附錄", "附錄2 說明", "本計畫", "1.5 倍", "", "  二、  適用", "一、a\nb",
                                    "\xff一、", "陸、實施要點 ........................ 23", "······ 51", "願景與策略目標 5",
                                    "前言 ..\n 3"};
  AppendSampleLinesAndCells(&texts);
  const RuleSet& rules = RuleSet::Default();
  const Regex& contents_entry = rules.Pattern("contents_entry");
  for (const std::vector<std::string_view>& names :
       {kHeadingLabels, std::vector<std::string_view>{"goal_label", "action_code", "strategy_code"},
        std::vector<std::string_view>{}}) {
    LineScan scan(rules, names);
    int labels = 0, entries = 0;
    for (const std::string& text : texts) {
      const LineScan::Answer answer = scan.Scan(text);
      const bool label = StartsWithLabel(LabelPatterns(rules, names), text);
      std::vector<std::string_view> groups;
      const bool entry = contents_entry.FullMatch(text, &groups);
      EXPECT_EQ(answer.label, label) << text;
      ASSERT_EQ(answer.contents_entry, entry) << text;
      if (entry) {
        EXPECT_EQ(answer.entry_text, groups[1]) << text;
      }
      labels += label;
      entries += entry;
    }
    EXPECT_EQ(labels > 10, !names.empty());
    EXPECT_GE(entries, 3);  // the entries above: no line of the samples is one
  }
  LineScan headings(rules, kHeadingLabels);
  for (const char* label : {"第一章 總則", "壹、前言", "一、目的", "(一) 範圍", "3. 鼓勵", "(2)參與", "目標1：強化", "附錄"}) {
    EXPECT_TRUE(headings.Scan(label).label) << label;
  }
  EXPECT_FALSE(headings.Scan("本計畫").label);
  EXPECT_EQ(headings.Scan("陸、實施要點 ........ 23").entry_text, "陸、實施要點");
  EXPECT_EQ(rules.PatternSet({"heading_chapter", "contents_entry"}), rules.PatternSet({"heading_chapter", "contents_entry"}))
      << "compiled once per list";
}

// The form over a view (LineRef) joins the lines it shows as the form over
// lines joins copies of them: over every sample text, with lines left out
// (as a table's repeated header rows are) and `indented` set anew (as after
// them), the blocks' texts, lines, positions and marks are the same.
TEST(TextBlocks, ViewJoinsAsCopiesOfTheLinesJoin) {
  const RuleSet& rules = RuleSet::Default();
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text")) {
    Result<std::string> bytes = ReadFile(entry.path().string());
    ASSERT_TRUE(bytes.ok());
    Result<std::vector<TabRow>> rows = ParseTabText(*bytes);
    ASSERT_TRUE(rows.ok());
    const std::vector<SourceLine> lines = PrepareLines(*rows, rules);
    for (size_t skip : {0, 7, 3}) {
      for (bool end_marks : {true, false}) {
        std::vector<LineRef> view;
        std::vector<SourceLine> copies;
        bool page_break = false;
        for (size_t i = 0; i < lines.size(); ++i) {
          if (skip > 0 && i % skip == 1) {
            page_break = true;
            continue;
          }
          view.push_back({&lines[i], lines[i].indented || page_break});
          copies.push_back(lines[i]);
          copies.back().indented = lines[i].indented || page_break;
          page_break = false;
        }
        BlockOptions options;
        options.end_marks = end_marks;
        const std::vector<TextBlock> expected = JoinBlocks(copies, 0, copies.size(), rules, options);
        const std::vector<TextBlock> got = JoinBlocks(view, rules, options);
        ASSERT_EQ(got.size(), expected.size()) << entry.path();
        for (size_t b = 0; b < got.size(); ++b) {
          EXPECT_EQ(got[b].text, expected[b].text);
          EXPECT_EQ(got[b].first_line, expected[b].first_line);
          EXPECT_EQ(got[b].last_line, expected[b].last_line);
          EXPECT_EQ(got[b].indented, expected[b].indented);
          ASSERT_EQ(got[b].where.size(), expected[b].where.size());
          for (size_t w = 0; w < got[b].where.size(); ++w) {
            EXPECT_EQ(got[b].where[w].line, expected[b].where[w].line);
            EXPECT_EQ(got[b].where[w].page, expected[b].where[w].page);
          }
        }
        checked += got.size();
      }
    }
  }
  EXPECT_GT(checked, 1000u);
}

// The view's marks are the caller's: a line left out is not joined, and a
// line shown as indented opens an indented block although it is not.
TEST(TextBlocks, ViewTakesTheCallersMarks) {
  const RuleSet& rules = RuleSet::Default();
  const std::vector<SourceLine> lines = PrepareLines(RowsOf({"3. 鼓勵國內資安組織", "執行要點 績效指標", "積極參與國際會議。 "}), rules);
  ASSERT_FALSE(lines[2].indented);
  const std::vector<TextBlock> blocks = JoinBlocks(std::vector<LineRef>{{&lines[0], false}, {&lines[2], true}}, rules, {});
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "3. 鼓勵國內資安組織積極參與國際會議。");
  EXPECT_EQ(blocks[0].last_line, 1u);
  ASSERT_EQ(blocks[0].where.size(), 2u);
  EXPECT_EQ(blocks[0].where[1].line, 3);
  const std::vector<TextBlock> split = JoinBlocks(std::vector<LineRef>{{&lines[2], true}, {&lines[0], false}}, rules, {});
  ASSERT_EQ(split.size(), 2u);
  EXPECT_TRUE(split[0].indented);
  EXPECT_FALSE(split[1].indented);
}

TEST(TextBlocks, WithoutEndMarksSentencesAndShortHeadingsEndBlocks) {
  EXPECT_EQ(Texts({"一、目的", "當境外發生核子事故時，為提供國內相關機關", "啟動作業程序，特訂定本要點。", "二、適用時機"}, false),
            (std::vector<std::string>{"一、目的", "當境外發生核子事故時，為提供國內相關機關啟動作業程序，特訂定本要點。",
                                      "二、適用時機"}));
}

TEST(TextBlocks, DetectsEndMarks) {
  const RuleSet& rules = RuleSet::Default();
  EXPECT_TRUE(HasEndMarks(PrepareLines(RowsOf({"一。 ", "二。 ", "三。 ", "四"}), rules)));
  EXPECT_FALSE(HasEndMarks(PrepareLines(RowsOf({"一。", "二。", "三。", "Sony "}), rules)));
}

TEST(TextBlocks, EndsSentence) {
  EXPECT_TRUE(EndsSentence("任務如下。"));
  EXPECT_TRUE(EndsSentence("落實資安聯防有效性」。"));
  EXPECT_TRUE(EndsSentence("「本方案。」 "));
  EXPECT_FALSE(EndsSentence("主要任務如下："));
  EXPECT_FALSE(EndsSentence("使資通訊"));
}

}  // namespace
}  // namespace docpipe
