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

}  // namespace

std::vector<EditRun> CharDiff(std::string_view old_text, std::string_view new_text) {
  const std::u32string a = unicode::ToCodePoints(old_text);
  const std::u32string b = unicode::ToCodePoints(new_text);
  dtl::Diff<char32_t, std::u32string> diff(a, b);
  diff.compose();

  // dtl interleaves deletions and insertions in the order its path takes;
  // between two equal runs we collect all deleted and all inserted code
  // points separately, so a replacement reads as "delete X, insert Y".
  std::vector<EditRun> runs;
  std::u32string equal, deleted, inserted;
  auto flush_change = [&] {
    if (!deleted.empty()) runs.push_back({EditOp::kDelete, unicode::FromCodePoints(deleted)});
    if (!inserted.empty()) runs.push_back({EditOp::kInsert, unicode::FromCodePoints(inserted)});
    deleted.clear();
    inserted.clear();
  };
  auto flush_equal = [&] {
    if (!equal.empty()) runs.push_back({EditOp::kEqual, unicode::FromCodePoints(equal)});
    equal.clear();
  };
  for (const auto& [c, info] : diff.getSes().getSequence()) {
    switch (OpOf(info.type)) {
      case EditOp::kEqual:
        flush_change();
        equal.push_back(c);
        break;
      case EditOp::kDelete:
        flush_equal();
        deleted.push_back(c);
        break;
      case EditOp::kInsert:
        flush_equal();
        inserted.push_back(c);
        break;
    }
  }
  flush_change();
  flush_equal();
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
