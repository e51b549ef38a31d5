#include "diff/char_diff.h"

#include <dtl/dtl.hpp>

#include <algorithm>

#include "common/unicode.h"

namespace docpipe::diff {
namespace {

EditOp OpOf(dtl::edit_t type) {
  if (type == dtl::SES_DELETE) return EditOp::kDelete;
  if (type == dtl::SES_ADD) return EditOp::kInsert;
  return EditOp::kEqual;
}

// A run of equal code points, or one change: what was deleted and what was
// inserted between two equal runs.
struct Block {
  bool equal;
  std::u32string old_part, new_part;  // the same text when equal
};

// The shortest edit script of two rewordings often keeps single characters
// that happen to recur (配置安全網路環境 -> 建置並強化網路防護架構 keeps 置
// and 網路), which scatters the change into fragments nobody reads as
// edits. As diff-match-patch's semantic cleanup does (hand-written here:
// dtl has no such pass), an equality between two changes that is no longer
// than the larger side of each neighbouring change is folded into one
// replacement; this repeats until nothing changes.
void FoldShortEqualities(std::vector<Block>* blocks) {
  std::vector<Block>& b = *blocks;
  for (bool folded = true; folded;) {
    folded = false;
    for (size_t i = 1; i + 1 < b.size(); ++i) {
      if (!b[i].equal || b[i - 1].equal || b[i + 1].equal) continue;
      const size_t length = b[i].old_part.size();
      if (length > std::max(b[i - 1].old_part.size(), b[i - 1].new_part.size()) ||
          length > std::max(b[i + 1].old_part.size(), b[i + 1].new_part.size())) {
        continue;
      }
      Block merged{false, b[i - 1].old_part + b[i].old_part + b[i + 1].old_part,
                   b[i - 1].new_part + b[i].new_part + b[i + 1].new_part};
      b.erase(b.begin() + static_cast<std::ptrdiff_t>(i), b.begin() + static_cast<std::ptrdiff_t>(i) + 2);
      b[i - 1] = std::move(merged);
      folded = true;
      break;
    }
  }
}

}  // namespace

std::vector<EditRun> CharDiff(std::string_view old_text, std::string_view new_text) {
  const std::u32string a = unicode::ToCodePoints(old_text);
  const std::u32string b = unicode::ToCodePoints(new_text);
  dtl::Diff<char32_t, std::u32string> diff(a, b);
  diff.compose();

  // dtl interleaves deletions and insertions in the order its path takes;
  // between two equal runs we gather all deleted and all inserted code
  // points, so a replacement reads as "delete X, insert Y".
  std::vector<Block> blocks;
  for (const auto& [c, info] : diff.getSes().getSequence()) {
    const EditOp op = OpOf(info.type);
    const bool equal = op == EditOp::kEqual;
    if (blocks.empty() || blocks.back().equal != equal) blocks.push_back({equal, {}, {}});
    if (op != EditOp::kInsert) blocks.back().old_part.push_back(c);
    if (op != EditOp::kDelete) blocks.back().new_part.push_back(c);
  }
  FoldShortEqualities(&blocks);

  std::vector<EditRun> runs;
  for (const Block& block : blocks) {
    if (block.equal) {
      runs.push_back({EditOp::kEqual, unicode::FromCodePoints(block.old_part)});
      continue;
    }
    if (!block.old_part.empty()) runs.push_back({EditOp::kDelete, unicode::FromCodePoints(block.old_part)});
    if (!block.new_part.empty()) runs.push_back({EditOp::kInsert, unicode::FromCodePoints(block.new_part)});
  }
  return runs;
}

double SimilarityBound(size_t a_length, size_t b_length) {
  if (a_length + b_length == 0) return 1.0;
  return 2.0 * static_cast<double>(std::min(a_length, b_length)) / static_cast<double>(a_length + b_length);
}

double Similarity(const std::u32string& a, const std::u32string& b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  dtl::Diff<char32_t, std::u32string> diff(a, b);
  diff.onOnlyEditDistance();
  diff.compose();
  // Without substitutions, edit distance = |a| + |b| - 2·LCS.
  const double total = static_cast<double>(a.size() + b.size());
  return (total - static_cast<double>(diff.getEditDistance())) / total;
}

const char* EditOpName(EditOp op) {
  switch (op) {
    case EditOp::kEqual: return "equal";
    case EditOp::kDelete: return "delete";
    case EditOp::kInsert: return "insert";
  }
  return "equal";
}

}  // namespace docpipe::diff
