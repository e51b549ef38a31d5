#include "common/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/sample_texts.h"

namespace docpipe::unicode {
namespace {

// `count` random concatenations of up to `max_pieces` - 1 of `pieces`
// (the same texts for the same seed), appended to *texts.
template <size_t N>
void AppendRandomConcatenations(const char* const (&pieces)[N], uint32_t seed, int count, uint32_t max_pieces,
                                std::vector<std::string>* texts) {
  uint32_t state = seed;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int k = 0; k < count; ++k) {
    std::string text;
    for (uint32_t p = next() % max_pieces; p > 0; --p) text += pieces[next() % N];
    texts->push_back(std::move(text));
  }
}

// What the regex prefilter relies on: a character without case variants
// is matched only by itself, whatever the pattern's case flags.
TEST(HasCaseVariants, LettersWithCaseHaveThemIdeographsDigitsAndPunctuationDoNot) {
  for (int32_t c : {int32_t{'a'}, int32_t{'K'}, int32_t{0x212A}, int32_t{0x03C3}, int32_t{0x017F}, int32_t{0xFF21}}) {
    EXPECT_TRUE(HasCaseVariants(c)) << c;  // a, K, KELVIN SIGN, σ, long s, fullwidth Ａ
  }
  for (int32_t c : {int32_t{0x7B2C}, int32_t{0x7AE0}, int32_t{'1'}, int32_t{' '}, int32_t{0x3001}, int32_t{0xFF1A}}) {
    EXPECT_FALSE(HasCaseVariants(c)) << c;  // 第, 章, 1, space, 、, ：
  }
}

TEST(IsCjk, HanKanaHangulAndFullwidthPunctuation) {
  for (int32_t c : {0x7DB2 /*網*/, 0x3042 /*あ*/, 0x30AB /*カ*/, 0xD55C /*한*/, 0x3001 /*、*/, 0xFF08 /*（*/,
                    0xFF1A /*：*/, 0x3002 /*。*/}) {
    EXPECT_TRUE(IsCjk(c)) << std::hex << c;
  }
}

TEST(IsCjk, LatinDigitsAndAsciiPunctuationAreNot) {
  for (int32_t c : {int32_t{'A'}, int32_t{'z'}, int32_t{'0'}, int32_t{'('}, int32_t{'/'}, int32_t{'.'}, int32_t{' '}, int32_t{0x00E9}}) {
    EXPECT_FALSE(IsCjk(c)) << std::hex << c;
  }
}

struct SpaceCase {
  const char* in;
  const char* out;
};

TEST(CollapseSpaces, RemovesSpacesInsideCjkKeepsLatinSpacing) {
  const SpaceCase cases[] = {
      {"風 險 識 別、分 析與評估", "風險識別、分析與評估"},
      {"以 IPv4或 IPv6為基礎", "以 IPv4或 IPv6為基礎"},
      {"NetBIOS over TCP / IP", "NetBIOS over TCP / IP"},
      {"  a   b  ", "a b"},
      {"疑難\n排解", "疑難排解"},
      {"監控 (錄製) 與疑難", "監控 (錄製) 與疑難"},
      {"資料　保護", "資料保護"},  // ideographic space between Han
      {"", ""},
  };
  for (const SpaceCase& c : cases) EXPECT_EQ(CollapseSpaces(c.in), c.out) << c.in;
}

TEST(CjkJoin, NoSpaceWhenEitherSideIsCjk) {
  EXPECT_EQ(JoinWrapped("T1.4監控與測試網路伺服器", "安全"), "T1.4監控與測試網路伺服器安全");
  EXPECT_EQ(JoinWrapped("生命週期", "(SSDLC)"), "生命週期(SSDLC)");
  EXPECT_EQ(JoinWrapped("ISO", "標準"), "ISO標準");
}

TEST(CjkJoin, KeepsSpaceBetweenLatinWords) {
  EXPECT_EQ(JoinWrapped("Information Security", "Management System"), "Information Security Management System");
  EXPECT_EQ(JoinWrapped("", "x"), "x");
  EXPECT_EQ(JoinWrapped("x", ""), "x");
}

TEST(FoldKey, IgnoresWidthCaseAndSpaces) {
  EXPECT_EQ(FoldKey("K12伺服器監控（錄製）與疑難"), FoldKey("K12伺服器監控 (錄製) 與 疑難"));
  EXPECT_EQ(FoldKey("SSDLC"), FoldKey("ssdlc"));
  EXPECT_NE(FoldKey("稽核"), FoldKey("核稽"));
}

TEST(FoldWidth, FoldsFullwidthAlnumOnly) {
  EXPECT_EQ(FoldWidth("Ｋ０１稽核（含ＩＳＯ）"), "K01稽核（含ISO）");
  EXPECT_EQ(FoldWidth("無變化：、。"), "無變化：、。");
}

TEST(FindInvalidUtf8, ReportsOffsetOfFirstBadByte) {
  EXPECT_FALSE(FindInvalidUtf8("職能基準 ok").has_value());
  std::string bad = "ab\xff" "cd";
  ASSERT_TRUE(FindInvalidUtf8(bad).has_value());
  EXPECT_EQ(*FindInvalidUtf8(bad), 2u);
  EXPECT_TRUE(FindInvalidUtf8("\xe8\xb3").has_value());  // truncated sequence
}

TEST(SoleNumeralValue, ReadsTheOneNumeralOfALabel) {
  EXPECT_EQ(SoleNumeralValue("一、"), 1.0);
  EXPECT_EQ(SoleNumeralValue("（1）"), 1.0);
  EXPECT_EQ(SoleNumeralValue("壹、"), 1.0);
  EXPECT_EQ(SoleNumeralValue("第三章"), 3.0);
  EXPECT_EQ(SoleNumeralValue("(四)"), 4.0);
  EXPECT_EQ(SoleNumeralValue("十一、"), std::nullopt);  // two numerals
  EXPECT_EQ(SoleNumeralValue("12."), std::nullopt);
  EXPECT_EQ(SoleNumeralValue("附錄"), std::nullopt);
}

TEST(NumeralValue, ReadsMultiplierNumeralsAndDigits) {
  EXPECT_EQ(NumeralValue("一、"), 1);
  EXPECT_EQ(NumeralValue("十、"), 10);
  EXPECT_EQ(NumeralValue("十一、"), 11);
  EXPECT_EQ(NumeralValue("二十三、"), 23);
  EXPECT_EQ(NumeralValue("壹拾貳、"), 12);
  EXPECT_EQ(NumeralValue("（十二）"), 12);
  EXPECT_EQ(NumeralValue("12."), 12);
  EXPECT_EQ(NumeralValue("第一百零五章"), 105);
  EXPECT_EQ(NumeralValue("附錄"), std::nullopt);
}

TEST(SoleFoldedChar, FoldsOneGlyphsSeveralNamesOfOneCharacter) {
  EXPECT_EQ(SoleFoldedChar(U"\u2F8F\u884C\uFA08"), U'行');  // ⾏行行
  EXPECT_EQ(SoleFoldedChar(U"\u2F63\u751F"), U'生');        // ⽣生
  EXPECT_EQ(SoleFoldedChar(U"\u5E74\uF98E"), U'年');        // 年年 (compatibility)
  EXPECT_EQ(SoleFoldedChar(U"\u2EA0\u6C11"), U'民');        // ⺠民: no NFKC mapping, a radical
}

TEST(SoleFoldedChar, KeepsLigaturesAndDifferentCharacters) {
  EXPECT_EQ(SoleFoldedChar(U"ff"), std::nullopt);  // a ligature: the same code point twice
  EXPECT_EQ(SoleFoldedChar(U"fi"), std::nullopt);
  EXPECT_EQ(SoleFoldedChar(U"謝謝"), std::nullopt);
  EXPECT_EQ(SoleFoldedChar(U"生日"), std::nullopt);
  EXPECT_EQ(SoleFoldedChar(U"行"), std::nullopt);  // one code point: nothing to fold
}

TEST(Length, CountsCodePoints) {
  EXPECT_EQ(Length("職能a"), 3u);
  EXPECT_EQ(FirstChar("職能"), 0x8077);
  EXPECT_EQ(LastChar("職能"), 0x80FD);
  EXPECT_EQ(FirstChar(""), -1);
}

TEST(EquivalentIdeograph, RadicalsOfBothBlocksMapToTheirIdeographs) {
  EXPECT_EQ(EquivalentIdeograph(0x2F8F), 0x884C);  // KANGXI RADICAL WALK -> 行
  EXPECT_EQ(EquivalentIdeograph(0x2F08), 0x4EBA);  // KANGXI RADICAL MAN -> 人
  EXPECT_EQ(EquivalentIdeograph(0x2ED1), 0x9577);  // CJK RADICAL LONG ONE -> 長, which NFKC keeps
  EXPECT_EQ(Nfkc("\u2ED1"), "\u2ED1");
}

TEST(EquivalentIdeograph, StrokesIdeographsAndLatinHaveNone) {
  EXPECT_EQ(EquivalentIdeograph(0x31C0), -1);  // a CJK stroke: listed by the UCD, not a radical
  EXPECT_EQ(EquivalentIdeograph(0x884C), -1);
  EXPECT_EQ(EquivalentIdeograph('A'), -1);
  EXPECT_EQ(EquivalentIdeograph(0x2E9A), -1);  // unassigned inside the supplement block
}

TEST(UnifyRadicals, ReplacesAndCounts) {
  int repaired = 0;
  EXPECT_EQ(UnifyRadicals("執\u2F8F網路資訊安全\u2F08員", &repaired), "執行網路資訊安全人員");
  EXPECT_EQ(UnifyRadicals("\u2ED1期", &repaired), "長期");
  EXPECT_EQ(repaired, 3);
  EXPECT_EQ(UnifyRadicals("執行 — IPv4 ✓", &repaired), "執行 — IPv4 ✓");  // other 0xE2-led characters
  EXPECT_EQ(repaired, 3);
}

TEST(AsciiHyphensInCodes, RepairsHyphensInsideCodeTokens) {
  int repaired = 0;
  EXPECT_EQ(AsciiHyphensInCodes("INM3513\u2011001v4", &repaired), "INM3513-001v4");
  EXPECT_EQ(AsciiHyphensInCodes("Plan\u2010Do\u2010Check\u2010Act", &repaired), "Plan-Do-Check-Act");
  EXPECT_EQ(AsciiHyphensInCodes("已被《INM3513\u2212001v3》取代", &repaired), "已被《INM3513-001v3》取代");
  EXPECT_EQ(AsciiHyphensInCodes("ISO\uFF0D27001", &repaired), "ISO-27001");
  EXPECT_EQ(repaired, 6);
}

TEST(AsciiHyphensInCodes, KeepsRangesProseDashesAndWaveDashes) {
  int repaired = 0;
  for (const char* kept : {"2010\u20132015", "1\u20133", "資訊\u2014安全", "A \u2013 B", "\u2010K01", "K01\u2010",
                           "1\u301C3級", "5\u22123", "INM3513-001v4"}) {
    EXPECT_EQ(AsciiHyphensInCodes(kept, &repaired), kept);
  }
  EXPECT_EQ(repaired, 0);
}

// The quick "nothing to do" checks (no white space, no lone hyphen-like
// character between ASCII letters or digits, already normalized) must not
// hide a case the full repair would change.
TEST(AsciiHyphensInCodes, FindsTheHyphenAmongOtherNonAsciiCharacters) {
  int repaired = 0;
  EXPECT_EQ(AsciiHyphensInCodes("職能3年以上，代碼T1\u2011K01與《A\u2010B》", &repaired), "職能3年以上，代碼T1-K01與《A-B》");
  EXPECT_EQ(repaired, 2);
  EXPECT_EQ(AsciiHyphensInCodes("T1\u2011\u2011K01", &repaired), "T1\u2011\u2011K01");  // two dashes: not a code
  EXPECT_EQ(AsciiHyphensInCodes("A\u00ADB", &repaired), "A\u00ADB");  // a soft hyphen is no dash
  EXPECT_EQ(repaired, 2);
}

// Regression: AsciiHyphensInCodes skipped every text without a 0xE2 or 0xEF
// byte, so hyphen-like characters of other blocks (U+058A ARMENIAN HYPHEN,
// U+05BE HEBREW PUNCTUATION MAQAF, U+1806 MONGOLIAN TODO SOFT HYPHEN) stayed
// in codes although ICU calls them dashes like U+2010. Counter-examples led
// by other bytes that are no hyphen: a middle dot, a soft hyphen, a
// wide wave dash.
// The quick test (AsciiHyphensInCodesMayChange, and the scan's code_hyphen)
// passes only a run of one hyphen-like character between ASCII letters or
// digits; the repair changes no other text: 100,000 random texts of code
// letters, digits, dashes (one or two in a row), CJK, cut sequences and
// ill-formed bytes, and the samples' lines and cells.
TEST(AsciiHyphensInCodes, QuickTestPassesEveryTextItChanges) {
  const char* pieces[] = {"a", "1", "K", "v", "\u2010", "\u2212", "\uFF0D", "\u2013", "資", "\xFF", "\xE2\x80",
                          " ", "-", "\u2010\u2010", "\xE2\x80\x90\xE2", "Ｋ"};
  std::vector<std::string> texts;
  AppendSampleLinesAndCells(&texts);
  AppendRandomConcatenations(pieces, 777, 100000, 8, &texts);
  int changed = 0, passed = 0;
  for (const std::string& text : texts) {
    const bool may_change = AsciiHyphensInCodesMayChange(text);
    ASSERT_EQ(AsciiHyphensInCodesMayChange(text, ScanText(text)), may_change) << text;
    passed += may_change;
    if (AsciiHyphensInCodes(text) != text) {
      ++changed;
      ASSERT_TRUE(may_change) << text;
    }
  }
  EXPECT_GT(changed, 1000);
  EXPECT_GE(passed, changed);
  // A dash between digits only passes the quick test and stays.
  EXPECT_TRUE(AsciiHyphensInCodesMayChange("2010\u20132015"));
  EXPECT_EQ(AsciiHyphensInCodes("2010\u20132015"), "2010\u20132015");
  EXPECT_EQ(AsciiHyphensInCodes("a\u2010\u2010b"), "a\u2010\u2010b");
  EXPECT_EQ(AsciiHyphensInCodes("a\xE2\x80" "b"), "a\xE2\x80" "b");
  EXPECT_EQ(AsciiHyphensInCodes("K\u2010\u2010\u2010" "1"), "K\u2010\u2010\u2010" "1");
}

TEST(AsciiHyphensInCodes, RepairsHyphensLedByOtherBytesThanE2AndEF) {
  int repaired = 0;
  EXPECT_EQ(AsciiHyphensInCodes("INM3513\u058A001v4", &repaired), "INM3513-001v4");
  EXPECT_EQ(AsciiHyphensInCodes("ISO\u05BE27001", &repaired), "ISO-27001");
  EXPECT_EQ(AsciiHyphensInCodes("T1\u1806K01", &repaired), "T1-K01");
  EXPECT_EQ(repaired, 3);
  for (const char* kept : {"A\u00B7B", "A\u00ADB", "K01\u30FBK02", "1\u301C3A", "2010\u058A2015"}) {
    EXPECT_EQ(AsciiHyphensInCodes(kept, &repaired), kept);
  }
  EXPECT_EQ(repaired, 3);
}

// CountRadicalsAndCodeHyphens(text) counts what UnifyRadicals(text) and
// AsciiHyphensInCodes(FoldWidth(text)) repair; returns their sum.
int ExpectCountsOfTheRepairs(const std::string& text) {
  int radicals = 0, hyphens = 0, long_radicals = 0, long_hyphens = 0;
  CountRadicalsAndCodeHyphens(text, &radicals, &hyphens);
  UnifyRadicals(text, &long_radicals);
  AsciiHyphensInCodes(FoldWidth(text), &long_hyphens);
  EXPECT_EQ(radicals, long_radicals) << text;
  EXPECT_EQ(hyphens, long_hyphens) << text;
  return long_radicals + long_hyphens;
}

// The count without the texts equals the counts of the long way: radicals,
// hyphens after the width fold (ＫＡ‐０１), other 0xE2/0xEF-led characters,
// and text with neither byte.
TEST(CountRadicalsAndCodeHyphens, CountsWhatTheRepairsWouldCount) {
  for (const char* text : {"執\u2F8F網路資訊安全\u2F08員", "INM3513\u2011001v4", "\uFF2B\uFF21\u2010\uFF10\uFF11",
                           "ISO\uFF0D27001", "已被《INM3513\u2212001v3》取代，\u2ED1期", "2010\u20132015", "資訊\u2014安全",
                           "執行 — IPv4 ✓", "（一）工作任務：", "INM3513-001v4", "K01 工作產出", "", "A\u00ADB",
                           "\xE2\x80", "\xEF", "INM3513\u058A001v4", "T1\u1806K01 \u2F8F", "A\u00B7B"}) {
    ExpectCountsOfTheRepairs(text);
  }
  int radicals = 1, hyphens = 2;
  CountRadicalsAndCodeHyphens("\uFF2B\uFF21\u2010\uFF10\uFF11 \u2F8F", &radicals, &hyphens);
  EXPECT_EQ(radicals, 2);  // added to what was there
  EXPECT_EQ(hyphens, 3);
}

TEST(CollapseSpaces, OnlyNonAsciiWhiteSpaceIsStillCollapsed) {
  EXPECT_EQ(CollapseSpaces("資料\u3000\u3000保護"), "資料保護");
  EXPECT_EQ(CollapseSpaces("a\u00A0\u2003b"), "a b");
  EXPECT_EQ(CollapseSpaceRuns("\u3000資料\u2028保護\u3000"), "資料 保護");
  EXPECT_EQ(CollapseSpaces("資料保護"), "資料保護");
}

TEST(CollapseSpaces, CopiesTheTextBetweenSpacesWhole) {
  // Runs of several characters, ASCII and not, between white space of every
  // kind.
  EXPECT_EQ(CollapseSpaces("ISO 27001 \t 資訊 安全\u3000管理  v2"), "ISO 27001 資訊安全管理 v2");
  EXPECT_EQ(CollapseSpaces(" 風險\n\n評估 "), "風險評估");
  EXPECT_EQ(CollapseSpaces("x"), "x");
  EXPECT_EQ(CollapseSpaces(" \t\n"), "");
}

TEST(RemoveLetterSpacing, TextWithSpacesButNoSpacedLettersStaysAsItIs) {
  // White space of every kind, kept byte for byte, where no two lone
  // letters stand next to each other.
  EXPECT_EQ(RemoveLetterSpacing("  第 1 章　總則\t(一)  "), "  第 1 章　總則\t(一)  ");
  EXPECT_EQ(RemoveLetterSpacing("臺北市  新北市 A B"), "臺北市  新北市 A B");
  EXPECT_EQ(RemoveLetterSpacing(" \n "), " \n ");
  // ...and the same text with two lone letters side by side is joined there.
  EXPECT_EQ(RemoveLetterSpacing("  第 1 章　總 則\t(一)  "), "  第 1 章總則\t(一)  ");
}

TEST(RemoveLetterSpacing, IdeographicSpacesAloneAreLetterSpacing) {
  EXPECT_EQ(RemoveLetterSpacing("總\u3000\u3000則"), "總則");
  EXPECT_EQ(RemoveLetterSpacing("總則"), "總則");
}

// The quick check that decides whether any two lone letters stand side by
// side cuts tokens by white space on the bytes: lone letters of every width
// and after every kind of white space are found, and tokens of one
// non-letter character or of two characters are not lone letters.
TEST(RemoveLetterSpacing, LoneLettersAreFoundAfterAnyWhiteSpaceAndOfAnyWidth) {
  EXPECT_EQ(RemoveLetterSpacing("\U00020000 \U00020001 字"), "\U00020000\U00020001字");
  EXPECT_EQ(RemoveLetterSpacing("標題\u00A0服\u2003務\u3000機 關"), "標題服務機關");
  EXPECT_EQ(RemoveLetterSpacing("あ い"), "あい");
  EXPECT_EQ(RemoveLetterSpacing("\n總\n則\n"), "\n總則\n");
  // Counter-examples: a lone punctuation mark, a Latin letter, a digit, a
  // two-letter word next to a lone letter.
  EXPECT_EQ(RemoveLetterSpacing("總 、 則"), "總 、 則");
  EXPECT_EQ(RemoveLetterSpacing("總 a 則"), "總 a 則");
  EXPECT_EQ(RemoveLetterSpacing("總 1 則"), "總 1 則");
  EXPECT_EQ(RemoveLetterSpacing("總則 附 錄錄"), "總則 附 錄錄");
}

TEST(Nfc, ComposesInsideCjkTextAndReplacesIllFormedBytes) {
  EXPECT_EQ(Nfc("資訊cafe\u0301安全"), "資訊caf\u00E9安全");
  EXPECT_EQ(Nfc("資訊安全"), "資訊安全");
  EXPECT_EQ(Nfc(std::string("ab\xFF") + "c"), "ab\uFFFDc");
}

// Text that is well-formed but not yet normalized is normalized on its
// UTF-8 bytes; ill-formed bytes still become U+FFFD.
TEST(FoldKey, NormalizesCodesCaseAndWidthAndDropsEveryWhiteSpace) {
  EXPECT_EQ(FoldKey("K01 資訊"), "k01資訊");
  EXPECT_EQ(FoldKey("Straße"), "strasse");
  EXPECT_EQ(FoldKey("ＫＯ１\u3000ｶ \t\u00A0\U00020000"), "ko1カ\U00020000");
  EXPECT_EQ(FoldKey(std::string("K01\xFF")), "k01\uFFFD");
  EXPECT_EQ(Nfc("e\u0301\U00020000"), "\u00E9\U00020000");
  EXPECT_EQ(Nfkc("\u2460Ａ"), "1A");
}

TEST(FoldKey, FoldsAndDropsNonAsciiWhiteSpace) {
  EXPECT_EQ(FoldKey("ＩＳＯ\u3000標準"), "iso標準");
  EXPECT_EQ(FoldKey("ISO標準"), "iso標準");
}

bool FoldedHolds(std::string_view text, std::string_view wanted) {
  const std::string key = FoldKey(text);
  for (size_t i = 0; i < wanted.size(); i += 3) {  // the wanted ideographs below take 3 bytes each
    if (key.find(wanted.substr(i, 3)) != std::string::npos) return true;
  }
  return false;
}

std::string Utf8Of(UChar32 c) {
  char buf[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  return std::string(buf, static_cast<size_t>(len));
}

// The per-character answer is exact: for every code point, the filter says
// "may hold" exactly when folding the character gives 職, 工 or 行 (itself,
// the Kangxi radicals ⼯ and ⾏, a compatibility ideograph, a parenthesized
// or circled form...), and no other character lets FoldKey hold one.
TEST(FoldedCharacters, AnswersForEveryCodePointAsFoldKeyDoes) {
  const FoldedCharacters filter("職工行");
  int holding = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string text = Utf8Of(c);
    const bool holds = FoldedHolds(text, "職工行");
    holding += holds;
    ASSERT_EQ(filter.MayHold(text), holds) << "U+" << std::hex << c;
  }
  EXPECT_GT(holding, 3);  // more than the three ideographs themselves
}

// Over the texts (every line and cell of the text samples and the damage
// the filter is for), the filter and FoldKey agree; the filter skips most
// of them (else it would save nothing).
TEST(FoldedCharacters, AgreesWithFoldKeyOverTheSampleCells) {
  std::vector<std::string> texts = {"⼯作任務", "⾏為指標", "工 作 產 出", "ＫＡ０１職能", "（工）", "\xe8\xb3 職",
                                    "\xff\xfe", "資通安全", "", "   ", "職", "a\u0301"};
  AppendSampleLinesAndCells(&texts);
  const FoldedCharacters filter("職工行");
  int skipped = 0, holding = 0;
  for (const std::string& text : texts) {
    const bool holds = FoldedHolds(text, "職工行");
    EXPECT_EQ(filter.MayHold(text), holds) << text;
    skipped += !holds;
    holding += holds;
  }
  EXPECT_GT(skipped, static_cast<int>(texts.size()) / 2);
  EXPECT_GT(holding, 20);
}

// Only characters that never compose with a neighbour can be answered one
// character at a time: a letter that case folding changes is refused.
TEST(FoldedCharactersDeathTest, RefusesACharacterThatIsNotInert) {
  EXPECT_DEATH(FoldedCharacters("A"), "not inert");
  EXPECT_DEATH(FoldedCharacters("e"), "not inert");  // composes with U+0301
}


// The width fold's characters, asked of ICU once per process: for every
// code point, FoldWidth folds it exactly when ICU calls it
// East_Asian_Width=Fullwidth and NFKC makes it one ASCII letter or digit
// (what FoldWidth asked of every 0xEF-led character before), and
// FoldWidthMayChange says so exactly. A foldable character led by another
// byte than 0xEF would fail here (FoldWidth looks at 0xEF-led ones only).
TEST(FoldWidth, FoldsExactlyTheFullwidthCharactersNfkcMakesAsciiAlnum) {
  int foldable = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string ascii;
    if (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH) == U_EA_FULLWIDTH) {
      ascii = Nfkc(Utf8Of(c));
      if (ascii.size() != 1 || !u_isalnum(static_cast<unsigned char>(ascii[0]))) ascii.clear();
    }
    foldable += !ascii.empty();
    const std::string text = "，" + Utf8Of(c) + "資";
    ASSERT_EQ(FoldWidth(text), ascii.empty() ? text : "，" + ascii + "資") << "U+" << std::hex << c;
    ASSERT_EQ(FoldWidthMayChange(text), !ascii.empty()) << "U+" << std::hex << c;
  }
  EXPECT_EQ(foldable, 62);  // Ａ-Ｚ, ａ-ｚ, ０-９
  // The quick test must not skip a fold behind punctuation, and skips
  // fullwidth punctuation alone (what it was for).
  EXPECT_TRUE(FoldWidthMayChange("（一）：，Ｋ"));
  EXPECT_FALSE(FoldWidthMayChange("（一）：，、。"));
  EXPECT_FALSE(FoldWidthMayChange("\xEF\xBC"));  // cut: no character
}

// The span for radicals and hyphen-like characters in front of the counts
// and of AsciiHyphensInCodesMayChange: every code point between ASCII and
// fullwidth letters and digits, cut and ill-formed sequences, and every
// line and cell of the samples count what the repairs would count.
TEST(CountRadicalsAndCodeHyphens, SkipsOnlyTextsWithoutAHyphenOrARadical) {
  std::vector<std::string> texts = {"A\xE0\x96\x8A" "1", "A\xED\xA0\x80" "1", "A\xF4\x90\x80\x80" "1", "A\xE2\x80",
                                    "\xE2\x80\x90" "1", "\xEF\xBC\x8D"};
  AppendSampleLinesAndCells(&texts);
  int counted = 0;
  auto check = [&](const std::string& text) {
    const int repairs = ExpectCountsOfTheRepairs(text);
    if (AsciiHyphensInCodes(text) != text) {
      EXPECT_TRUE(AsciiHyphensInCodesMayChange(text)) << text;
    }
    counted += repairs > 0;
  };
  for (const std::string& text : texts) check(text);
  for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    // Only a character ICU calls a dash or a radical can be counted; the
    // others are checked in the blocks around them.
    if (!u_hasBinaryProperty(c, UCHAR_DASH) && !u_hasBinaryProperty(c, UCHAR_RADICAL) && (c & 0xFF) != 0) continue;
    check("A" + Utf8Of(c) + "1");
    check("Ｋ" + Utf8Of(c) + "０");
  }
  EXPECT_GT(counted, 200);  // the radicals and the dashes between letters and digits
}

TEST(AppendWrapped, AppendsAsJoinWrappedJoins) {
  for (auto [left, right] : {std::pair{"T1.4監控與測試網路伺服器", "安全"}, std::pair{"生命週期", "(SSDLC)"},
                             std::pair{"Information Security", "Management System"}, std::pair{"", "x"},
                             std::pair{"x", ""}, std::pair{"", ""}, std::pair{"a ", "b"}, std::pair{"a", "\u3000b"}}) {
    std::string text = left;
    AppendWrapped(&text, right);
    EXPECT_EQ(text, JoinWrapped(left, right)) << left << "|" << right;
  }
}


// Random concatenations of white space, CJK, Latin and ill-formed pieces
// (cut sequences, lone continuation bytes, overlong spaces, surrogates,
// which ICU's span reads as white space or as other characters).
void AppendRandomTexts(std::vector<std::string>* texts) {
  const char* pieces[] = {" ",    "\t",   "\n",           "\u3000",       "\u00A0",       "\u2028",
                          "\xC2\x85", "\u1680", "a",       "1",            "資",           "，",
                          "\xE4", "\xB8", "\x80",         "\xE3\x80",     "\xE0\x80\xA0", "\xC0\xA0",
                          "\xED\xA0\x80", "\xF0\x9F\x98\x80", "\xF0\x9F\x98", "\xFF", "\u2F8F", "(S)"};
  AppendRandomConcatenations(pieces, 12345, 200000, 10, texts);
}

// CollapseSpaces as it was written before it passed over the bytes that
// cannot begin white space: every character decoded, the oracle for the
// test below.
std::string CollapseSpacesOneByOne(std::string_view text) {
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0, previous = -1, run = -1;
  bool pending = false;
  auto flush = [&](int32_t end) {
    if (run >= 0) out.append(text.data() + run, static_cast<size_t>(end - run));
    run = -1;
  };
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (IsSpace(c)) {
      flush(start);
      pending = previous >= 0;
      continue;
    }
    if (pending && !(IsCjk(previous) && IsCjk(c))) out.push_back(' ');
    pending = false;
    if (run < 0) run = start;
    previous = c;
  }
  flush(n);
  return out;
}

// The scan that decodes only bytes that may begin white space, and the
// last character read back from a run's end, against the character-by-
// character loop: over the samples' lines and cells and the random texts.
TEST(CollapseSpaces, AnswersAsTheCharacterByCharacterLoop) {
  std::vector<std::string> texts = {"", " ", "資料\u3000\u3000保護", " a  b ", "\xE4\xB8 資", "資 \xE4\xB8",
                                    "\xE0\x80\xA0", "a\xC0\xA0" "b", "\xB8 資", "資\x80\x80\x80\x80 資"};
  AppendSampleLinesAndCells(&texts);
  AppendRandomTexts(&texts);
  for (const std::string& text : texts) ASSERT_EQ(CollapseSpaces(text), CollapseSpacesOneByOne(text)) << text;
}

// The one scan that RuleSet's stages hand every builtin's quick test: its
// answers are FindInvalidUtf8's, SpanNonSpace's (the first white space) and
// "every byte ASCII", over the samples' lines and cells and the random
// texts (cut sequences, lone continuation bytes, overlong spaces), and each
// quick test given it answers as without it.
TEST(ScanText, AnswersAsTheChecksItStandsFor) {
  std::vector<std::string> texts = {"", " ", "a", "a b", "\xC0\xA0", "a\xE0\x80\xA0 b", "資\u3000料", "\xFF ",
                                    "e\u0301", "\u00e9", "ＫＡ０１", "INM3513\u2010001v4", "服 務 機 關", "\xE4\xB8 資",
                                    "a b c d e f g h", "a b c d e f g h i", " 服 務 機 關 服 務 機 關 ", "服務 機 關",
                                    "a\u2010\u2010b", "a\xE2\x80" "b", "1\u20132", "a資b", "a\u2010", "\u2010b",
                                    "K\u2212" "1 資", "ab\xFF\xFE" "1"};
  AppendSampleLinesAndCells(&texts);
  AppendRandomTexts(&texts);
  int ascii = 0, ill_formed = 0, spaced = 0, many_tokens = 0;
  for (const std::string& text : texts) {
    const TextScan scan = ScanText(text);
    const bool all_ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    ASSERT_EQ(scan.ascii, all_ascii) << text;
    ASSERT_EQ(scan.well_formed, !FindInvalidUtf8(text).has_value()) << text;
    ASSERT_EQ(scan.first_space, SpanNonSpace(text)) << text;
    std::vector<std::pair<size_t, size_t>> tokens;  // as SpanSpace and SpanNonSpace cut the text
    for (size_t i = SpanSpace(text); i < text.size(); i += SpanSpace(std::string_view(text).substr(i))) {
      const size_t length = SpanNonSpace(std::string_view(text).substr(i));
      tokens.emplace_back(i, i + length);
      i += length;
    }
    if (tokens.size() > static_cast<size_t>(TextScan::kMaxTokens)) {
      ASSERT_EQ(scan.token_count, -1) << text;
    } else {
      ASSERT_EQ(scan.token_count, static_cast<int>(tokens.size())) << text;
      for (size_t t = 0; t < tokens.size(); ++t) {
        ASSERT_EQ(scan.token_begin[t], tokens[t].first) << text;
        ASSERT_EQ(scan.token_end[t], tokens[t].second) << text;
      }
    }
    many_tokens += scan.token_count < 0;
    ASSERT_EQ(NfcMayChange(text, scan), NfcMayChange(text)) << text;
    ASSERT_EQ(FoldWidthMayChange(text, scan), FoldWidthMayChange(text)) << text;
    ASSERT_EQ(SpacesMayChange(text, scan), SpacesMayChange(text)) << text;
    ASSERT_EQ(RemoveLetterSpacingMayChange(text, scan), RemoveLetterSpacingMayChange(text)) << text;
    ASSERT_EQ(UnifyRadicalsMayChange(text, scan), UnifyRadicalsMayChange(text)) << text;
    ASSERT_EQ(AsciiHyphensInCodesMayChange(text, scan), AsciiHyphensInCodesMayChange(text)) << text;
    ascii += scan.ascii;
    ill_formed += !scan.well_formed;
    spaced += scan.first_space < text.size();
  }
  EXPECT_GT(ascii, 100);
  EXPECT_GT(ill_formed, 100);
  EXPECT_GT(spaced, 100);
  EXPECT_GT(many_tokens, 0);
  // What the scan must not let through: an ill-formed byte (Nfc replaces
  // it), a decomposed accent, a fullwidth letter, white space met late.
  EXPECT_TRUE(NfcMayChange("ok \xFF", ScanText("ok \xFF")));
  EXPECT_TRUE(NfcMayChange("e\u0301", ScanText("e\u0301")));
  EXPECT_TRUE(FoldWidthMayChange("ＫＡ", ScanText("ＫＡ")));
  EXPECT_TRUE(RemoveLetterSpacingMayChange("資料 服 務", ScanText("資料 服 務")));
  EXPECT_TRUE(RemoveLetterSpacingMayChange("a b c d e f g h 服 務", ScanText("a b c d e f g h 服 務")));  // past the tokens kept
  EXPECT_FALSE(NfcMayChange("plain ASCII", ScanText("plain ASCII")));
  // The hyphen repair's candidates, noted per run of non-ASCII bytes: one
  // hyphen-like character between ASCII letters or digits (a minus sign
  // too); not another character, two dashes, nor ill-formed bytes, which
  // the repair leaves as they are (AsciiHyphensInCodes.QuickTestPassesEveryTextItChanges).
  EXPECT_TRUE(ScanText("INM3513\u2010001v4").code_hyphen);
  EXPECT_TRUE(ScanText("INM3513\u2010001v4", Utf8::kValid).code_hyphen);
  EXPECT_TRUE(ScanText("x K\u2212" "1").code_hyphen);
  EXPECT_FALSE(ScanText("a\u2010\u2010b").code_hyphen);
  EXPECT_FALSE(ScanText("a\xFF" "b").code_hyphen);
  EXPECT_FALSE(ScanText("a資b").code_hyphen);
  EXPECT_FALSE(ScanText("2013年至2016").code_hyphen);
  EXPECT_FALSE(ScanText("\u2010b a\u2010").code_hyphen);
}

// The walks told that a text is well-formed (Utf8::kValid: they decode
// without checking) answer as the checking walks, over every well-formed
// text of the samples' lines and cells and of the random texts. Ill-formed
// bytes are never to be given as kValid: only the checking scan tells them
// (well_formed false), and NfcMayChange then lets Nfc replace them.
TEST(ScanText, KnownValidAnswersAsTheCheckingScan) {
  std::vector<std::string> texts = {"", " ", "a", "資\u3000料", "e\u0301", "ＫＡ０１", "服 務 機 關", "\U0001F600 x",
                                    "a b c d e f g h i", "⼯作任務", "工 作 產 出", "\u00A0\u2028\u1680"};
  AppendSampleLinesAndCells(&texts);
  AppendRandomTexts(&texts);
  const FoldedCharacters starts("職工行"), ends("基務標產");
  int valid = 0, ill_formed = 0, holding = 0;
  for (const std::string& text : texts) {
    if (FindInvalidUtf8(text)) {
      ++ill_formed;
      ASSERT_FALSE(ScanText(text).well_formed) << text;
      continue;
    }
    ++valid;
    const TextScan checked = ScanText(text);
    const TextScan known = ScanText(text, Utf8::kValid);
    ASSERT_TRUE(known.well_formed && checked.well_formed) << text;
    ASSERT_EQ(known.ascii, checked.ascii) << text;
    ASSERT_EQ(known.nfc_yes, checked.nfc_yes) << text;
    ASSERT_EQ(known.first_space, checked.first_space) << text;
    ASSERT_EQ(known.code_hyphen, checked.code_hyphen) << text;
    ASSERT_EQ(known.token_count, checked.token_count) << text;
    for (int t = 0; t < checked.token_count; ++t) {
      ASSERT_EQ(known.token_begin[t], checked.token_begin[t]) << text;
      ASSERT_EQ(known.token_end[t], checked.token_end[t]) << text;
    }
    ASSERT_EQ(starts.MayHold(text, Utf8::kValid), starts.MayHold(text)) << text;
    ASSERT_EQ(ends.MayHold(text, Utf8::kValid), ends.MayHold(text)) << text;
    holding += starts.MayHold(text);
  }
  EXPECT_GT(valid, 10000);
  EXPECT_GT(ill_formed, 10000);
  EXPECT_GT(holding, 20);
  EXPECT_TRUE(NfcMayChange("ok \xFF", ScanText("ok \xFF")));  // the check stays where validity is not known
}

// TrimSpace and SpanSpace (which decode only characters whose first or
// last byte can be one of white space) against the character-by-character
// loops they replace (FirstChar and LastChar at each end), over the
// samples' lines and cells and the random texts with ill-formed pieces: an
// overlong space (C0 A0, E0 80 A0) or a cut sequence is no white space.
TEST(TrimSpace, AnswersAsTheCharacterByCharacterLoop) {
  auto trim_one_by_one = [](std::string_view s) {
    while (!s.empty() && IsSpace(FirstChar(s))) s.remove_prefix(Utf8Length(FirstChar(s)));
    while (!s.empty() && IsSpace(LastChar(s))) s.remove_suffix(Utf8Length(LastChar(s)));
    return s;
  };
  auto span_one_by_one = [](std::string_view s) {
    size_t n = 0;
    while (n < s.size() && IsSpace(FirstChar(s.substr(n)))) n += Utf8Length(FirstChar(s.substr(n)));
    return n;
  };
  std::vector<std::string> texts = {"", " ", "\u3000資料\u3000", " a b ", "。", "資料。 ", "\u2002", "x\u2002",
                                    "\xE2\x80\x82", "\x80\x80 ", " \xE2\x80", "a\xC0\xA0", "\xE0\x80\xA0",
                                    "\xC2\xA0\xC2\x85", "\x85", "a\xE3\x80\x80\xE3\x80\x80"};
  AppendSampleLinesAndCells(&texts);
  AppendRandomTexts(&texts);
  int trimmed = 0;
  for (const std::string& text : texts) {
    const std::string_view expected = trim_one_by_one(text);
    const std::string_view got = TrimSpace(text);
    ASSERT_EQ(got.data() - text.data(), expected.data() - text.data()) << text;
    ASSERT_EQ(got.size(), expected.size()) << text;
    ASSERT_EQ(SpanSpace(text), span_one_by_one(text)) << text;
    trimmed += got.size() < text.size();
  }
  EXPECT_GT(trimmed, 1000);
  EXPECT_EQ(TrimSpace("資料。\u3000 "), "資料。");  // 。 ends in a byte U+2002 also ends in
  EXPECT_EQ(TrimSpace("a\xE0\x80\xA0"), "a\xE0\x80\xA0");
}

// TextScan::nfc_yes, the per-character answers kept as met, against ICU's
// set of the characters NFC's quick check does not pass (No, Maybe or a
// combining class): every code point alone; and a text whose characters
// all pass is NFC beside Latin, Hangul and CJK neighbours.
TEST(ScanText, NfcYesIsTheQuickCheckOfEveryCharacter) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet fails(icu::UnicodeString(u"[[:NFC_QC=N:][:NFC_QC=M:][:^ccc=0:]]"), status);
  ASSERT_TRUE(U_SUCCESS(status));
  int failing = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string one = Utf8Of(c);
    const bool yes = ScanText(one).nfc_yes;
    ASSERT_EQ(yes, !fails.contains(c)) << std::hex << c;
    failing += !yes;
    if (!yes || (c > 0xFFFF && (c & 0xFF) != 0)) continue;  // the supplementary planes sampled
    for (const std::string& text : {one, "e" + one, one + "e", "\uAC00" + one, "資" + one + "料"}) {
      ASSERT_TRUE(ScanText(text).nfc_yes) << std::hex << c;
      ASSERT_EQ(Nfc(text), text) << std::hex << c;
    }
  }
  EXPECT_GT(failing, 1000);  // combining marks, compatibility ideographs, Hangul jamo...
}

// FoldKey as ICU alone makes it, the slow path: NFKC_Casefold of the text
// read into UTF-16 (ill-formed bytes become U+FFFD), every white space
// (IsSpace) then dropped.
std::string FoldKeyByIcu(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  EXPECT_TRUE(U_SUCCESS(status));
  const icu::UnicodeString folded = n->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string key;
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    const UChar32 c = folded.char32At(i);
    if (!IsSpace(c)) folded.tempSubString(i, U16_LENGTH(c)).toUTF8String(key);
  }
  return key;
}

// FoldKey's quick path (a well-formed text of characters inert under
// NFKC_Casefold is its own folding) agrees with ICU's folding for every
// code point alone and beside neighbours it could interact with (a
// letter, an ideograph, combining marks, white space); the supplementary
// planes sampled.
TEST(FoldKey, EveryCodePointFoldsAsIcuFoldsIt) {
  int changed = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string one = Utf8Of(c);
    const std::string key = FoldKey(one);
    ASSERT_EQ(key, FoldKeyByIcu(one)) << std::hex << c;
    changed += key != one;
    if (c > 0xFFFF && (c & 0xFF) != 0) continue;
    for (const std::string& text : {"a" + one, one + "a", "\u8CC7" + one + "\u6599", one + "\u0301\u0323",
                                    "\u1100" + one, one + " \u3000" + one}) {
      ASSERT_EQ(FoldKey(text), FoldKeyByIcu(text)) << std::hex << c;
    }
  }
  EXPECT_GT(changed, 5000);  // upper case, fullwidth forms, compatibility characters, white space...
}

// Over the samples' lines and cells and the random texts (ill-formed
// pieces among them), FoldKey agrees with ICU's folding; most sample texts
// take the quick path (else it would save nothing). Counter-examples whose
// characters are not all inert: fullwidth letters, a ligature, case, a
// parenthesized ideograph, a compatibility ideograph, combining marks after
// an inert base that canonical order swaps, a Hangul syllable's jamo.
TEST(FoldKey, AgreesWithIcuOverTheSamplesAndCounterExamples) {
  const std::pair<std::string, std::string> cases[] = {
      {"ＫＡ０１", "ka01"},          {"\uFB01le", "file"},           {"ISO 標準", "iso標準"},
      {"\u3231", "(\u682A)"},     {"\uF900\u8CC7", "\u8C48\u8CC7"}, {"\u8CC7\u0301\u0323", "\u8CC7\u0323\u0301"},
      {"\u1100\u1161", "\uAC00"}, {"資\u00AD料", "資料"},            {"資料 \t", "資料"},
  };
  for (const auto& [text, key] : cases) {
    EXPECT_EQ(FoldKey(text), key) << text;
    EXPECT_EQ(FoldKeyByIcu(text), key) << text;
  }
  std::vector<std::string> texts;
  AppendSampleLinesAndCells(&texts);
  const size_t samples = texts.size();
  AppendRandomTexts(&texts);
  size_t unchanged = 0;
  for (size_t t = 0; t < texts.size(); ++t) {
    const std::string key = FoldKey(texts[t]);
    ASSERT_EQ(key, FoldKeyByIcu(texts[t])) << texts[t];
    if (t < samples && key == texts[t]) ++unchanged;
  }
  EXPECT_GT(unchanged, samples / 4);
}

// SpanSpace and SpanNonSpace read a text as U8_NEXT does (an ill-formed
// sequence, an overlong C0 A0 or E0 80 A0 among them, is no white space,
// where ICU's span read those as spaces), and the letter-spacing test cut
// with them (and with the first white space found once) never skips a
// text RemoveLetterSpacing changes.
TEST(SpanSpace, CutsTokensAsU8NextReadsTheText) {
  std::vector<std::string> texts = {"", " ", "a\xC0\xA0" "b", "\xE0\x80\xA0", "服 務 機 關", "服\xC0\xA0務 機"};
  AppendSampleLinesAndCells(&texts);
  AppendRandomTexts(&texts);
  int letter_spaced = 0;
  for (const std::string& text : texts) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = static_cast<int32_t>(text.size());
    int32_t space = 0, non_space = 0;
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (!IsSpace(c)) break;
      space = i;
    }
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (IsSpace(c)) break;
      non_space = i;
    }
    ASSERT_EQ(SpanSpace(text), static_cast<size_t>(space)) << text;
    ASSERT_EQ(SpanNonSpace(text), static_cast<size_t>(non_space)) << text;
    if (RemoveLetterSpacing(text) != text) {
      ++letter_spaced;
      ASSERT_TRUE(RemoveLetterSpacingMayChange(text)) << text;
    }
  }
  EXPECT_GT(letter_spaced, 100);
}

}  // namespace
}  // namespace docpipe::unicode
