#include "normalize/repair/fake_bold.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>

#include "common/unicode.h"

namespace docpipe {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST(FakeBold, CollapsesOverprintedHeadings) {
  const Case cases[] = {
      // Whole phrase, four times; spacing kept.
      {" 第一章第一章第一章第一章        前言前言前言前言 ", " 第一章        前言 "},
      // Chunk by chunk: 全球資安發 x4, 展 x4, 趨勢 x4.
      {"全球資安發全球資安發全球資安發全球資安發展展展展趨勢趨勢趨勢趨勢", "全球資安發展趨勢"},
      // Punctuation chunks too.
      {"推動組織推動組織推動組織推動組織、、、、資源需求與計資源需求與計資源需求與計資源需求與計畫管理畫管理畫管理畫管理",
       "推動組織、資源需求與計畫管理"},
      {"主主主主（（（（協協協協））））辦單位辦單位辦單位辦單位", "主（協）辦單位"},
      // Three times.
      {"附錄附錄附錄", "附錄"},
      // Twice, when the whole line is doubled CJK text.
      {"第一章第一章 前言前言", "第一章 前言"},
      {"重要重要執行策略執行策略", "重要執行策略"},
      // Several lines, each on its own.
      {"目標目標目標目標\n行動方案行動方案行動方案行動方案", "目標\n行動方案"},
  };
  for (const Case& c : cases) EXPECT_EQ(CollapseFakeBold(c.input), c.expected) << c.input;
}

TEST(FakeBold, KeepsRealRepeats) {
  const Case cases[] = {
      {"謝謝", "謝謝"},                                  // a lone double is a word
      {"一一列出", "一一列出"},                          // repeat inside a token
      {"謝謝 大家", "謝謝 大家"},                        // not every token doubled
      {"代碼 ABAB 與 XYXY", "代碼 ABAB 與 XYXY"},        // codes
      {"ABAB", "ABAB"},                                  // no CJK: never doubled
      {"行政院院本部與個資資安", "行政院院本部與個資資安"},  // real repeats mid-token
      {"共 1111 件", "共 1111 件"},                      // numbers have no letter
      {"———", "———"},                                    // neither has punctuation
      {"。。。", "。。。"},
      {"特定利益為目的的入侵行為", "特定利益為目的的入侵行為"},
      {"", ""},
      {"   ", "   "},
  };
  for (const Case& c : cases) EXPECT_EQ(CollapseFakeBold(c.input), c.expected) << c.input;
}

// The byte-level filter in front of the check must pass every token that
// starts with a repeated chunk, whatever white space cuts the tokens and
// however long the chunk's characters are in bytes.
TEST(FakeBold, TheByteFilterPassesRepeatsAfterAnyWhiteSpaceAndOfAnyWidth) {
  const Case cases[] = {
      // Tokens cut by non-ASCII white space (ideographic, no-break, line
      // separator): the repeat starts after it.
      {"前言\u3000附錄附錄附錄", "前言\u3000附錄"},
      {"x\u00A0附錄附錄附錄", "x\u00A0附錄"},
      {"前言\u2028附錄附錄附錄\u2028結語", "前言\u2028附錄\u2028結語"},
      // Characters of four bytes (U+20000), of two (é) and ASCII mixed in a chunk.
      {"\U00020000A\U00020000A\U00020000A", "\U00020000A"},
      {"caf\u00E9caf\u00E9caf\u00E9", "caf\u00E9"},
  };
  for (const Case& c : cases) EXPECT_EQ(CollapseFakeBold(c.input), c.expected) << c.input;
  // The longest chunk the rule looks for, 64 different ideographs (一 丁 丂
  // ...), three times; one more character is past the rule and stays.
  std::string chunk;
  for (char32_t c = 0x4E00; c < 0x4E00 + 64; ++c) unicode::AppendUtf8(c, &chunk);
  EXPECT_EQ(CollapseFakeBold(chunk + chunk + chunk), chunk);
  std::string longer = chunk;
  unicode::AppendUtf8(0x4E00 + 64, &longer);
  EXPECT_EQ(CollapseFakeBold(longer + longer + longer), longer + longer + longer);
  // The longest chunk in bytes: 64 characters of four bytes (U+20000 ...).
  std::string wide;
  for (char32_t c = 0x20000; c < 0x20000 + 64; ++c) unicode::AppendUtf8(c, &wide);
  EXPECT_EQ(CollapseFakeBold("x " + wide + wide + wide), "x " + wide);
}

// The byte filter (memchr for the token's first byte, then memcmp) against
// the repair over random lines of tokens, each a random chunk printed one
// to four times: a line the repair changes is never one the filter skips,
// and the filter skips most lines of single-printed tokens.
TEST(FakeBold, TheByteFilterNeverSkipsALineTheRepairChanges) {
  const char* pieces[] = {"附", "錄", "a", "1", "\u00E9", "\U00020000", "（", "K0", "."};
  const char* spaces[] = {" ", "\u3000", "  ", "\t"};
  uint32_t state = 777;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  int changed = 0, skipped = 0;
  for (int k = 0; k < 50000; ++k) {
    std::string line;
    for (uint32_t t = 1 + next() % 4; t > 0; --t) {
      std::string chunk;
      for (uint32_t p = 1 + next() % 4; p > 0; --p) chunk += pieces[next() % std::size(pieces)];
      const uint32_t repeats = next() % 3 == 0 ? 1 + next() % 4 : 1;
      for (uint32_t r = 0; r < repeats; ++r) line += chunk;
      if (next() % 3 == 0) line += "錄";  // a tail that is not repeated
      line += spaces[next() % std::size(spaces)];
    }
    const bool may = CollapseFakeBoldMayChange(line);
    if (CollapseFakeBold(line) != line) {
      ++changed;
      ASSERT_TRUE(may) << line;
    }
    skipped += !may;
  }
  EXPECT_GT(changed, 1000);
  EXPECT_GT(skipped, 1000);
}

// Counter-examples the filter passes on to the exact check (bytes that
// repeat, but not as whole characters or not at the token's start), which
// then keeps them.
TEST(FakeBold, TheByteFilterLeavesNearRepeatsToTheExactCheck) {
  const Case cases[] = {
      // 資 (E8 B3 87) and 賃 (E8 B3 83) share two bytes.
      {"資賃資賃資", "資賃資賃資"},
      {"前言 附錄附錄附", "前言 附錄附錄附"},
      {"附錄附錄附錄x", "附錄附錄附錄x"},
      {"a\u3000aa", "a\u3000aa"},
  };
  for (const Case& c : cases) EXPECT_EQ(CollapseFakeBold(c.input), c.expected) << c.input;
}

}  // namespace
}  // namespace docpipe
