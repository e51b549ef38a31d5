#include "normalize/repair/fake_bold.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace docpipe
