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

std::string Nfc(std::string_view text);
std::string Nfkc(std::string_view text);

// A key for comparing wordings: NFKC with case folding, all white space
// removed. "K12伺服器監控（錄製）" and "K12伺服器監控 (錄製)" share a key.
std::string FoldKey(std::string_view text);

// Folds fullwidth Latin letters and digits (ＫＡ０１) to ASCII, leaving
// CJK punctuation as printed. The decision uses ICU's width property and
// NFKC mapping, not code point ranges.
std::string FoldWidth(std::string_view text);

// Removes white space whose neighbours on both sides are CJK (the spaces a
// line wrap or an extractor put inside a Chinese word), collapses every other
// run of white space to one ASCII space, and trims both ends. Spaces between
// Latin words, or a Latin word and a number or a CJK character, remain.
std::string CollapseSpaces(std::string_view text);

// Joins two pieces of one paragraph that a line or page break separated: no
// space when either side of the break is CJK, one space otherwise.
std::string JoinWrapped(std::string_view left, std::string_view right);

// `text` without leading and trailing ASCII white space (tab, CR, LF, space).
std::string_view TrimAscii(std::string_view text);

// First and last code points of a UTF-8 string (-1 when empty).
int32_t FirstChar(std::string_view text);
int32_t LastChar(std::string_view text);

// Number of code points.
size_t Length(std::string_view text);

// The numeric value (ICU's Numeric_Value property) of the only numeral in
// `text`: 1 for "一、", "(1)", "壹、", "第一章"; nullopt when `text` holds no
// numeral or more than one ("十一、", "12.").
std::optional<double> SoleNumeralValue(std::string_view text);

// Code points of well-formed UTF-8 (an ill-formed sequence becomes U+FFFD),
// and back.
std::u32string ToCodePoints(std::string_view text);
std::string FromCodePoints(std::u32string_view chars);

}  // namespace docpipe::unicode

#endif  // DOCPIPE_COMMON_UNICODE_H_
