// The vote between two OCR readings of a cell (extract/ocr_vote.h), on
// synthetic readings: each character's symbol confidence is given, as
// Tesseract gives it.
#include "extract/ocr_vote.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>


namespace docpipe {
namespace {

// A character and its symbol confidence.
using Char = std::pair<std::string, double>;

// A word at x0 of one line at y (12 pt characters); its confidence is its
// lowest character's, as Tesseract's word confidence roughly is.
OcrWord Word(const std::vector<Char>& chars, double x0, double y = 100) {
  OcrWord word;
  word.confidence = 1;
  for (size_t i = 0; i < chars.size(); ++i) {
    OcrSymbol symbol;
    symbol.text = chars[i].first;
    symbol.confidence = chars[i].second;
    symbol.bbox = BBox{x0 + 12 * static_cast<double>(i), y, x0 + 12 * static_cast<double>(i) + 11, y + 12};
    word.text += symbol.text;
    word.confidence = std::min(word.confidence, symbol.confidence);
    word.bbox.Extend(symbol.bbox);
    word.symbols.push_back(std::move(symbol));
  }
  return word;
}

OcrLine Line(std::vector<OcrWord> words) {
  OcrLine line;
  for (const OcrWord& w : words) line.bbox.Extend(w.bbox);
  line.words = std::move(words);
  return line;
}

std::string Text(const std::vector<OcrLine>& lines) {
  std::string text;
  for (const OcrLine& line : lines) {
    for (const OcrWord& word : line.words) text += word.text + " ";
  }
  return text;
}

TEST(OcrVote, AMisreadHanCharacterTakesTheSurerReading) {
  // 軟自 (the rectangle, unsure of 自) against 軟體 (the cut-out, sure).
  const std::vector<OcrLine> rect = {Line({Word({{"網", 0.95}, {"管", 0.94}}, 0), Word({{"軟", 0.93}, {"自", 0.41}}, 30)})};
  const std::vector<OcrLine> cut = {Line({Word({{"網", 0.95}, {"管", 0.94}}, 0), Word({{"軟", 0.92}, {"體", 0.88}}, 30)})};
  const std::vector<OcrLine> voted = VoteReadings(rect, cut);
  EXPECT_EQ(Text(voted), "網管 軟體 ");
  // The structure and the boxes are the first reading's.
  ASSERT_EQ(voted.size(), 1u);
  ASSERT_EQ(voted[0].words.size(), 2u);
  EXPECT_DOUBLE_EQ(voted[0].words[1].symbols[1].bbox.x0, rect[0].words[1].symbols[1].bbox.x0);
  EXPECT_DOUBLE_EQ(voted[0].words[1].symbols[1].confidence, 0.88);
}

TEST(OcrVote, ARightReadingIsKeptWhenTheOtherIsLessSure) {
  // The counter-example of the ocr5 cut-out: 鼓勵 read right through the
  // rectangle, 豉勵 cut out with less confidence; 容忍 / 容法 likewise.
  const std::vector<OcrLine> rect = {Line({Word({{"鼓", 0.71}, {"勵", 0.9}}, 0), Word({{"容", 0.9}, {"忍", 0.55}}, 30)})};
  const std::vector<OcrLine> cut = {Line({Word({{"豉", 0.52}, {"勵", 0.93}}, 0), Word({{"容", 0.9}, {"法", 0.5}}, 30)})};
  EXPECT_EQ(Text(VoteReadings(rect, cut)), "鼓勵 容忍 ");
}

TEST(OcrVote, TiesKeepTheFirstReading) {
  const std::vector<OcrLine> rect = {Line({Word({{"入", 0.6}}, 0)})};
  const std::vector<OcrLine> cut = {Line({Word({{"人", 0.6}}, 0)})};
  EXPECT_EQ(Text(VoteReadings(rect, cut)), "入 ");
}

TEST(OcrVote, EachCharacterOfAWordIsVotedAlone) {
  // Both readings wrong in a different place: the vote takes each one's
  // sure character (問是 and 間題 give 問題).
  const std::vector<OcrLine> rect = {Line({Word({{"問", 0.9}, {"是", 0.45}}, 0)})};
  const std::vector<OcrLine> cut = {Line({Word({{"間", 0.5}, {"題", 0.85}}, 0)})};
  EXPECT_EQ(Text(VoteReadings(rect, cut)), "問題 ");
}

TEST(OcrVote, AWordReadWithADifferentLengthIsTakenWholeByMeanConfidence) {
  // 產品 read 產HO cut out (surer on average of nothing: it stays), and
  // HT P read HTTP cut out (surer: taken whole, with the cut-out's boxes).
  const std::vector<OcrLine> rect = {
      Line({Word({{"產", 0.9}, {"品", 0.8}}, 0), Word({{"H", 0.6}, {"T", 0.5}, {"P", 0.7}}, 60)})};
  const std::vector<OcrLine> cut = {
      Line({Word({{"產", 0.9}, {"H", 0.4}, {"O", 0.3}}, 0), Word({{"H", 0.9}, {"T", 0.9}, {"T", 0.85}, {"P", 0.9}}, 60)})};
  const std::vector<OcrLine> voted = VoteReadings(rect, cut);
  EXPECT_EQ(Text(voted), "產品 HTTP ");
  ASSERT_EQ(voted[0].words[1].symbols.size(), 4u);
  EXPECT_DOUBLE_EQ(voted[0].words[1].symbols[3].bbox.x0, cut[0].words[1].symbols[3].bbox.x0);
}

TEST(OcrVote, ReadingsSplitIntoWordsAndLinesDifferentlyAreAlignedByCharacter) {
  // The cut-out splits the line in two and the words differently; the
  // characters still pair up, and the first reading's structure stays.
  const std::vector<OcrLine> rect = {Line({Word({{"確", 0.9}, {"認", 0.9}, {"便", 0.4}, {"體", 0.9}}, 0)})};
  const std::vector<OcrLine> cut = {Line({Word({{"確", 0.9}, {"認", 0.9}}, 0)}),
                                    Line({Word({{"硬", 0.8}}, 24, 100), Word({{"體", 0.9}}, 36, 100)})};
  const std::vector<OcrLine> voted = VoteReadings(rect, cut);
  ASSERT_EQ(voted.size(), 1u);
  ASSERT_EQ(voted[0].words.size(), 1u);
  EXPECT_EQ(voted[0].words[0].text, "確認硬體");
}

TEST(OcrVote, ALineOnlyTheSecondReadingHasIsNotAdded) {
  // A line the first reading dropped has no word to go into: it is left to
  // the second look at the ink left over (extract/ocr_page.cc), so the vote
  // never puts text where the first reading found none.
  const std::vector<OcrLine> rect = {Line({Word({{"修", 0.9}, {"訂", 0.9}}, 0)})};
  const std::vector<OcrLine> cut = {Line({Word({{"修", 0.9}, {"訂", 0.9}}, 0)}),
                                    Line({Word({{"紀", 0.99}, {"錄", 0.99}}, 0, 115)})};
  EXPECT_EQ(Text(VoteReadings(rect, cut)), "修訂 ");
  // Within the line, a character the first reading dropped is voted.
  const std::vector<OcrLine> dropped = {Line({Word({{"修", 0.9}, {"訂", 0.3}}, 0)})};
  const std::vector<OcrLine> whole = {Line({Word({{"修", 0.9}, {"訂", 0.9}, {"版", 0.9}}, 0)})};
  EXPECT_EQ(Text(VoteReadings(dropped, whole)), "修訂版 ");
}

TEST(OcrVote, AWordTheReadingsDisagreeOnStaysFlaggedAsLowConfidence) {
  // 軟自 at 0.41 voted to 軟體: the word keeps the lower confidence, so the
  // low-confidence flag of the line (below 0.6) is not lost.
  const std::vector<OcrLine> rect = {Line({Word({{"軟", 0.93}, {"自", 0.41}}, 0)})};
  const std::vector<OcrLine> cut = {Line({Word({{"軟", 0.92}, {"體", 0.88}}, 0)})};
  const std::vector<OcrLine> voted = VoteReadings(rect, cut);
  EXPECT_EQ(voted[0].words[0].text, "軟體");
  EXPECT_DOUBLE_EQ(voted[0].words[0].confidence, 0.41);
  // A word read alike keeps its own confidence.
  const std::vector<OcrLine> same = VoteReadings(cut, rect);
  EXPECT_EQ(same[0].words[0].text, "軟體");
  EXPECT_DOUBLE_EQ(same[0].words[0].confidence, 0.41);
}

TEST(OcrVote, AgreeingReadingsLeaveTheFirstUnchanged) {
  const std::vector<OcrLine> rect = {Line({Word({{"K", 0.9}, {"0", 0.8}, {"8", 0.9}}, 0), Word({{"能", 0.7}}, 50)})};
  const std::vector<OcrLine> voted = VoteReadings(rect, rect);
  EXPECT_EQ(Text(voted), "K08 能 ");
  EXPECT_DOUBLE_EQ(voted[0].words[1].confidence, 0.7);
}

TEST(OcrVote, AnEmptyReadingLeavesTheOtherAsItIs) {
  const std::vector<OcrLine> rect = {Line({Word({{"略", 0.5}}, 0)})};
  EXPECT_EQ(Text(VoteReadings(rect, {})), "略 ");
  EXPECT_TRUE(VoteReadings({}, rect).empty());
}

TEST(OcrVote, LowestWordConfidenceIsOneWithoutWords) {
  EXPECT_DOUBLE_EQ(LowestWordConfidence({}), 1.0);
  EXPECT_DOUBLE_EQ(LowestWordConfidence({Line({Word({{"a", 0.7}}, 0), Word({{"b", 0.3}}, 20)})}), 0.3);
}

}  // namespace
}  // namespace docpipe
