// Letters and digits OCR confuses (0/O, 1/l/I, I/J, 5/S), repaired by the
// document's own spelling: a code or word printed several times in a
// document is read right most of the time, so a reading that differs from
// the document's usual spelling only in confusable characters is that
// spelling (JNM2529 where the cover, the version table and the notes print
// INM2529; 0S where the document prints OS; the skill code 502 where the
// document prints S02 on every other page).
//
//   VoteConfusableTokens(&layout);   // after the ocr stage's rules
//
// A token is a run of ASCII letters and digits. Two tokens are confusable
// when they are equal once 0/O map to one class, 1/l/I/J to another and
// 5/S before a digit to a third (a code's letter: S02 read 502; O5 and OS
// stay apart). A
// token on an OCR page (Page::source kOcr) becomes the most frequent other
// spelling of its class in the whole document (every page, lines outside
// and inside tables counted once each) when
//   * that spelling occurs at least twice, and at least twice as often as
//     the token; three times for a token shorter than four characters
//     (A1 beside AI twice stays);
//   * the token or that spelling mixes letters and digits: two words
//     (JIS beside IIS) or two numbers (IO beside 10) are not votes, they
//     are different words.
// Text from a text layer is never changed (it counts in the vote).
#ifndef DOCPIPE_NORMALIZE_INPUT_CONFUSABLE_TOKENS_H_
#define DOCPIPE_NORMALIZE_INPUT_CONFUSABLE_TOKENS_H_

#include "extract/layout.h"

namespace docpipe {

void VoteConfusableTokens(Layout* layout);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_CONFUSABLE_TOKENS_H_
