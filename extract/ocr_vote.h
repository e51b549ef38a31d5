// VoteReadings: one reading of a region (a table cell) made from two OCR
// readings of it that differ only in context: Tesseract's LSTM reads some
// Han characters differently through a rectangle on the whole page and
// with the region cut out (軟體 read 軟自 one way and right the other, 鼓勵
// right one way and 豉勵 the other; bench/README.md "Wave 6: ocr5" and
// "Wave 7: ocr6"), and neither way is right on every document. Where the
// two disagree, the reading Tesseract is surer of wins.
//
//   std::vector<OcrLine> lines = VoteReadings(on_page, cut_out);
//
// Contract:
// - The result has `first`'s lines and words, in `first`'s order, with
//   their boxes: only the characters of words the two readings disagree on
//   can change. Characters `second` has alone that stand outside the line
//   of `first` they would join (a line `first` dropped) are not added:
//   extract/ocr_page.cc's second look at the ink left over reads those.
// - The characters (white space left out) are aligned by edit distance.
//   Within a word of `first` whose aligned characters in `second` are as
//   many (substitutions only), each differing character is the one with
//   the higher symbol confidence. Where they differ in number (a character
//   added or dropped), the whole word is `first`'s or the aligned span of
//   `second`'s, whichever has the higher mean symbol confidence. Ties keep
//   `first`.
// - A word whose characters changed, or that the two readings disagree
//   on, gets the lower of the two readings' confidences, so a word the
//   reader was unsure of stays flagged as low-confidence
//   (MarkOcrConfidence); a word both read alike keeps `first`'s.
// - An empty `first` or `second` gives `first` unchanged.
#ifndef DOCPIPE_EXTRACT_OCR_VOTE_H_
#define DOCPIPE_EXTRACT_OCR_VOTE_H_

#include <vector>

#include "extract/ocr_engine.h"

namespace docpipe {

std::vector<OcrLine> VoteReadings(const std::vector<OcrLine>& first, const std::vector<OcrLine>& second);

// The lowest word confidence of `lines`; 1 when there is no word.
double LowestWordConfidence(const std::vector<OcrLine>& lines);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_OCR_VOTE_H_
