// Character-level comparison of two wordings, over Unicode code points.
//
// CJK text has no word boundaries, so the unit of an edit is one code point,
// never a byte or a word. The shortest edit script comes from dtl (Wu's
// O(NP) algorithm); this file adapts it to UTF-8, groups the script into
// runs a report can print, and folds short equalities trapped between two
// changes into one replacement, so a rewritten phrase reads as
// "delete old phrase, insert new phrase" instead of a scatter of fragments.
//
//   std::vector<EditRun> runs = CharDiff("分析與檢討文件", "分析與審查文件");
//   // {equal "分析與"} {delete "檢討"} {insert "審查"} {equal "文件"}
#ifndef DOCPIPE_DIFF_CHAR_DIFF_H_
#define DOCPIPE_DIFF_CHAR_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

namespace docpipe::diff {

enum class EditOp { kEqual, kDelete, kInsert };

// A maximal run of code points with the same operation, as UTF-8.
struct EditRun {
  EditOp op;
  std::string text;
  bool operator==(const EditRun& o) const { return op == o.op && text == o.text; }
};

// Edit script turning old_text into new_text. Concatenating the kEqual and
// kDelete runs gives old_text; kEqual and kInsert runs give new_text. Within
// one change the deleted run comes before the inserted one. Empty when both
// are empty. Not always the shortest script (see above), always a correct
// one. Inputs must be well-formed UTF-8.
std::vector<EditRun> CharDiff(std::string_view old_text, std::string_view new_text);

// Similarity in [0, 1] of two code point sequences: 2·LCS / (|a| + |b|)
// (1 for two empty sequences). Callers pass folded text (unicode::FoldKey)
// so that width, case and spacing do not count.
double Similarity(const std::u32string& a, const std::u32string& b);

// Upper bound of Similarity from the lengths alone, for cheap pruning.
double SimilarityBound(size_t a_length, size_t b_length);

const char* EditOpName(EditOp op);  // "equal", "delete", "insert"

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_CHAR_DIFF_H_
