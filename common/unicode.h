// Unicode decisions, all delegated to ICU: which characters are CJK, width
// folding, normalisation forms, and how two wrapped lines are joined.
//
// Strings are UTF-8 throughout the project; callers validate input once with
// FindInvalidUtf8 at the boundary and may then assume well-formed UTF-8.
#ifndef DOCPIPE_COMMON_UNICODE_H_
#define DOCPIPE_COMMON_UNICODE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace docpipe::unicode {

// Byte offset of the first ill-formed UTF-8 sequence, or nullopt.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// True for characters set solid in East Asian text: ideographs and kana,
// hangul, bopomofo (by ICU script) and anything East-Asian-Wide or Fullwidth
// (CJK punctuation such as 、。（）：). Such characters take no space
// between them when a line wraps.
bool IsCjk(int32_t c);

// A character no reader can read: U+FFFD, a control, private-use or
// unassigned code point (what a PDF font without a usable ToUnicode map
// gives). Decides whether a page's text layer is garbage that needs OCR.
bool IsUnreadable(int32_t c);

// ICU white space (includes U+3000 IDEOGRAPHIC SPACE and NBSP).
bool IsSpace(int32_t c);

// General category Cc (C0 and C1 controls, DEL): never text a PDF shows; a
// glyph that decodes to one had no Unicode mapping in its font.
bool IsControl(int32_t c);

// Whether another character is the same as `c` when case is ignored (ICU's
// case-insensitive closure: A/a, K/U+212A KELVIN SIGN, σ/ς/Σ). False for
// CJK ideographs, digits and most punctuation. For the regex prefilter
// (normalize/repair/regex.h).
bool HasCaseVariants(int32_t c);

// ICU's u_isalpha: general category L (any letter, of any script).
bool IsLetter(int32_t c);

// Whether a character opens or closes a bracket pair, by ICU's
// Bidi_Paired_Bracket_Type: ( [ { （ 「 are kOpen whatever their width.
enum class PairedBracket { kNone, kOpen, kClose };
PairedBracket PairedBracketOf(int32_t c);

std::string Nfc(std::string_view text);
std::string Nfkc(std::string_view text);

// The repairs below each come with a quick test, XMayChange(text): false
// only when X(text) == text (it is X's own quick exit), so that a caller
// applying many repairs to many cells (RuleSet::ApplyStage) need not copy
// and compare a cell a repair leaves alone.
bool NfcMayChange(std::string_view text);

// What a caller knows of a text's bytes: nothing (kUnchecked), or that they
// are well-formed UTF-8 (kValid: a reader checked them with FindInvalidUtf8,
// as ParseTabText does, and they are cut from the checked bytes at ASCII
// characters). A function told kValid may decode without checking, so
// ill-formed bytes given as kValid get wrong answers; kUnchecked is always
// right.
enum class Utf8 { kUnchecked, kValid };

// What one walk over a text's bytes tells the quick tests below, so that a
// caller that asks several of them of one text (RuleSet's stages) reads it
// once rather than once per test. Each XMayChange(text, ScanText(text))
// gives what XMayChange(text) gives.
struct TextScan {
  bool ascii = true;       // no byte >= 0x80: well-formed, NFC, and no CJK, fullwidth, radical or dash
  bool well_formed = true;  // FindInvalidUtf8(text) finds nothing
  // Every character passes NFC's quick check (ICU NFC_Quick_Check=Yes and
  // Canonical_Combining_Class 0): by UAX #15 a well-formed text of such
  // characters is NFC, whatever their order. False may still be NFC.
  bool nfc_yes = true;
  // A run of non-ASCII bytes between two ASCII letters or digits is one
  // hyphen-like character: only then can AsciiHyphensInCodes change the
  // text (AsciiHyphensInCodesMayChange).
  bool code_hyphen = false;
  size_t first_space = 0;  // offset of the first white space (IsSpace, as U8_NEXT reads), or text.size()
  // The tokens (runs of non-space, cut as SpanSpace and SpanNonSpace cut
  // them) as byte offsets [token_begin[t], token_end[t]), when the text has
  // at most kMaxTokens of them (most cells); token_count is -1 when it has
  // more, and a quick test then cuts the text itself.
  static constexpr int kMaxTokens = 8;
  int token_count = 0;
  uint32_t token_begin[kMaxTokens] = {};
  uint32_t token_end[kMaxTokens] = {};
};
// With Utf8::kValid the walk decodes without checking (well_formed is then
// true); the other fields are the same.
TextScan ScanText(std::string_view text, Utf8 known = Utf8::kUnchecked);

bool NfcMayChange(std::string_view text, const TextScan& scan);

// A key for comparing wordings: NFKC with case folding, all white space
// removed. "K12伺服器監控（錄製）" and "K12伺服器監控 (錄製)" share a key.
std::string FoldKey(std::string_view text);

// Whether FoldKey(text) holds one of a few characters, answered without
// folding `text`. Exact for characters ICU calls inert under NFKC_Casefold
// (a CJK ideograph: it neither composes with a neighbour nor comes out of a
// composition), because then the folded text holds one exactly when the
// folding of one of its characters on its own does (U+2F2F ⼯ KANGXI
// RADICAL WORK folds to 工, U+FF08 （ to "("). Each character's own folding
// is asked of ICU once per process (a BMP table, filled as characters are
// met, shared by threads) rather than folding every text. Written by hand
// because ICU has no "which characters fold to X" query short of folding
// every character that changes under the mapping (≈ 11 M instructions, more
// than one document saves).
class FoldedCharacters {
 public:
  // `wanted`: UTF-8, each character inert under NFKC_Casefold (aborts
  // otherwise: a programming error).
  explicit FoldedCharacters(std::string_view wanted);
  ~FoldedCharacters();
  FoldedCharacters(const FoldedCharacters&) = delete;
  FoldedCharacters& operator=(const FoldedCharacters&) = delete;

  // True exactly when FoldKey(text) holds one of the wanted characters
  // (with Utf8::kValid, decoding without checking).
  bool MayHold(std::string_view text, Utf8 known = Utf8::kUnchecked) const;

 private:
  bool FoldingHolds(int32_t c) const;

  std::string wanted_;
  struct Table;
  Table* bmp_;
};

// Folds fullwidth Latin letters and digits (ＫＡ０１) to ASCII, leaving
// CJK punctuation as printed. The decision uses ICU's width property and
// NFKC mapping, not code point ranges. FoldWidthMayChange is exact: true
// when the text holds a character FoldWidth folds (a fullwidth comma alone
// is none).
std::string FoldWidth(std::string_view text);
bool FoldWidthMayChange(std::string_view text);
bool FoldWidthMayChange(std::string_view text, const TextScan& scan);

// The unified ideograph a CJK radical stands for, by the Unicode Character
// Database's Equivalent_Unified_Ideograph property (U+2F8F ⾏ -> U+884C 行,
// U+2ED1 ⻑ -> U+9577 長), or -1. Only characters ICU gives Radical=Yes
// (Kangxi Radicals, CJK Radicals Supplement) are mapped; CJK strokes and
// everything else give -1. NFKC folds most Kangxi radicals but almost none
// of the supplement, hence the UCD table (common/equivalent_ideographs.inc).
int32_t EquivalentIdeograph(int32_t c);

// Replaces every radical that has an equivalent ideograph by it. PDF fonts
// whose ToUnicode maps ideographs to radicals leave such text; a radical on
// its own in real prose is rare enough to be taken for that damage.
// `repaired`, when given, is increased by the number of replacements.
std::string UnifyRadicals(std::string_view text, int* repaired = nullptr);
bool UnifyRadicalsMayChange(std::string_view text);
bool UnifyRadicalsMayChange(std::string_view text, const TextScan& scan);

// Replaces hyphen-like characters (ICU Dash=Yes of category Pd or Sm and not
// East-Asian-Wide: U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, U+2012-U+2015,
// U+2212 MINUS, U+FF0D...) by '-' where they join ASCII letters and digits
// into a code-like token holding at least one letter: INM3513‐001v4,
// Plan‐Do‐Check‐Act. A dash between numbers only (2010–2015), next to CJK
// or spaces, and wave dashes (〜) stay. `repaired` as above.
std::string AsciiHyphensInCodes(std::string_view text, int* repaired = nullptr);
bool AsciiHyphensInCodesMayChange(std::string_view text);
bool AsciiHyphensInCodesMayChange(std::string_view text, const TextScan& scan);

// Adds to *radicals and *hyphens what UnifyRadicals(text) and
// AsciiHyphensInCodes(FoldWidth(text)) would count, without building either
// text when there is nothing to count: a text with neither a radical nor a
// hyphen-like character (one span of an ICU set) counts nothing, and a
// code's hyphen stands alone between ASCII letters or digits; most cells
// have none of these.
void CountRadicalsAndCodeHyphens(std::string_view text, int* radicals, int* hyphens);

// True when the first character of `text` may not begin a line (ICU
// Line_Break class CL, CP, EX or NS: 。、，．）」！？：；), i.e. it belongs
// to the text before it. Chinese typesetting lets such marks hang past the
// right edge of a line or a table cell.
bool CannotBeginLine(std::string_view text);

// True when `text` opens more brackets than it closes (ICU
// Bidi_Paired_Bracket_Type, so that full- and half-width brackets count
// alike): "（十）債權（總金額：新臺幣" runs on to its next line.
bool HasOpenBracket(std::string_view text);

// Removes white space whose neighbours on both sides are CJK (the spaces a
// line wrap or an extractor put inside a Chinese word), collapses every other
// run of white space to one ASCII space, and trims both ends. Spaces between
// Latin words, or a Latin word and a number or a CJK character, remain.
std::string CollapseSpaces(std::string_view text);
// For CollapseSpaces and CollapseSpaceRuns: `text` holds white space.
bool SpacesMayChange(std::string_view text);
bool SpacesMayChange(std::string_view text, const TextScan& scan);

// Collapses every run of white space to one ASCII space and trims both ends,
// keeping a space between CJK characters: in a PDF's text layer, extract
// put it there because the page shows a gap (extract/line_builder.h).
std::string CollapseSpaceRuns(std::string_view text);

// Removes letter-spacing from East Asian text: the white space between two
// CJK letters (Han, kana, hangul, bopomofo by ICU script) next to a run of
// at least two letters that each stand alone between spaces, as in a
// spaced-out label ("服 務 機 關" -> "服務機關", "傳 真 機：02" -> "傳真機：02").
// One lone letter is not letter-spacing ("第 1 章 總則" stays); space
// between two CJK words of several letters ("臺北市 新北市"), and any space
// next to a Latin word, a number or punctuation, stays; other white space is
// kept as it is.
std::string RemoveLetterSpacing(std::string_view text);
bool RemoveLetterSpacingMayChange(std::string_view text);
bool RemoveLetterSpacingMayChange(std::string_view text, const TextScan& scan);

// Joins two pieces of one paragraph that a line or page break separated: no
// space when either side of the break is CJK, one space otherwise.
std::string JoinWrapped(std::string_view left, std::string_view right);

// *text = JoinWrapped(*text, right), appending in place rather than
// building a new string: for a caller that joins many lines into one text.
// `right` must not point into *text.
void AppendWrapped(std::string* text, std::string_view right);

// `text` without leading and trailing ASCII white space (tab, CR, LF, space).
std::string_view TrimAscii(std::string_view text);

// `text` without leading and trailing white space (IsSpace), each end's
// character read as FirstChar and LastChar read it (so an ill-formed
// sequence, U+FFFD, is no white space). Only characters whose first byte
// can begin white space are decoded.
std::string_view TrimSpace(std::string_view text);

// First and last code points of a UTF-8 string (-1 when empty).
int32_t FirstChar(std::string_view text);
int32_t LastChar(std::string_view text);

// Number of code points.
size_t Length(std::string_view text);

// The numeric value (ICU's Numeric_Value property) of the only numeral in
// `text`: 1 for "一、", "(1)", "壹、", "第一章"; nullopt when `text` holds no
// numeral or more than one ("十一、", "12.").
std::optional<double> SoleNumeralValue(std::string_view text);

// The one character that several code points, all mapped from one glyph,
// stand for: when they are not all the same code point and, radicals set
// aside (ICU Radical property: ⾏ U+2F8F, ⺠ U+2EA0), NFKC folds each of them
// to the same single code point (the ideograph U+884C 行 and a compatibility
// ideograph U+FA08 行, as macOS Quartz writes them), that code point;
// nullopt otherwise. A ligature such as "ff" (the same code point twice) or
// "fi" is no such glyph.
std::optional<char32_t> SoleFoldedChar(std::u32string_view chars);

// The number a label's numerals write, by ICU's Numeric_Value: positional
// digits (12.) and Chinese numerals with their multipliers 十 百 千
// (十一、 is 11, 二十三 is 23, 壹拾貳 is 12); other characters are skipped.
// nullopt when `text` holds no numeral.
std::optional<long> NumeralValue(std::string_view text);

// Code points of well-formed UTF-8 (an ill-formed sequence becomes U+FFFD),
// and back.
std::u32string ToCodePoints(std::string_view text);
std::string FromCodePoints(std::u32string_view chars);

// The number of leading bytes of `text` that are white space (IsSpace), and
// that are not: a text splits into its tokens (runs of non-space) with the
// two, decoding only the characters whose first byte can begin white
// space. An ill-formed sequence counts as U+FFFD (as U8_NEXT reads it),
// which is not white space.
size_t SpanSpace(std::string_view text);
size_t SpanNonSpace(std::string_view text);

// Appends the UTF-8 bytes of code point `c` to *out; a surrogate or a value
// past U+10FFFF appends nothing.
void AppendUtf8(char32_t c, std::string* out);

// The number of bytes UTF-8 takes for `c` (1-4); 0 for a surrogate, a
// negative value or one past U+10FFFF.
size_t Utf8Length(int32_t c);

// Bytes in any encoding made valid UTF-8: every well-formed sequence is
// kept, every ill-formed one (ICU's maximal subpart) becomes U+FFFD.
std::string ToValidUtf8(std::string_view bytes);

}  // namespace docpipe::unicode

#endif  // DOCPIPE_COMMON_UNICODE_H_
