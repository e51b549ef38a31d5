// Fake-bold collapse: undoes the text an extractor produced from headings
// that a word processor "emboldened" by printing them several times at
// almost the same position.
//
// Such a heading comes out either whole-phrase ("第一章第一章第一章第一章") or
// chunk by chunk, every chunk repeated the same number of times
// ("全球資安發全球資安發全球資安發全球資安發展展展展趨勢趨勢趨勢趨勢" =
// 全球資安發 展 趨勢, each x4; also punctuation "、、、、").
//
//   CollapseFakeBold(" 第一章第一章第一章第一章   前言前言前言前言 ")
//       == " 第一章   前言 "
//
// The rule, per line (white space is kept as it is):
//   * a token (a maximal run of non-space characters) is "k-printed" when it
//     splits completely into chunks c1^k c2^k ... cn^k, every chunk repeated
//     exactly k times in a row, and it contains a letter (ICU alphabetic, so
//     a Han character counts; "1111" and "————" are never collapsed);
//   * with k >= 3 such a token is collapsed on its own: real text almost
//     never repeats a whole token three times;
//   * with k == 2 it is collapsed only when every token of the line is
//     2-printed with a CJK character and the collapsed line has at least two
//     characters: a lone "謝謝", "一一" or "ABAB" is ordinary text.
// Real repeats inside a token ("行政院院本部", "個資資安") never cover the
// whole token, so they are untouched.
//
// Hand-written: no library undoes overprinted text.
#ifndef DOCPIPE_NORMALIZE_REPAIR_FAKE_BOLD_H_
#define DOCPIPE_NORMALIZE_REPAIR_FAKE_BOLD_H_

#include <string>
#include <string_view>

#include "common/unicode.h"

namespace docpipe {

// Collapses fake-bold tokens of one line or cell (see above). Text with
// several lines is handled line by line. Well-formed UTF-8 expected.
std::string CollapseFakeBold(std::string_view text);

// False only when CollapseFakeBold(text) == text (its quick exit: no token
// may start a repetition).
bool CollapseFakeBoldMayChange(std::string_view text);
// The same, with the first white space of `text` known (unicode::ScanText).
bool CollapseFakeBoldMayChange(std::string_view text, const unicode::TextScan& scan);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_FAKE_BOLD_H_
