#include "diff/change_order.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <tuple>

namespace docpipe::diff {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Section of the report, and rank within a task for the duty table.
std::pair<int, int> Rank(ItemKind kind) {
  switch (kind) {
    case ItemKind::kHeader: return {0, 0};
    case ItemKind::kVersion: return {1, 0};
    case ItemKind::kDuty: return {2, 0};
    case ItemKind::kTask: return {2, 1};
    case ItemKind::kOutput: return {2, 2};
    case ItemKind::kIndicator: return {2, 3};
    case ItemKind::kKnowledgeRef: return {2, 4};
    case ItemKind::kSkillRef: return {2, 5};
    case ItemKind::kKnowledge: return {3, 0};
    case ItemKind::kSkill: return {4, 0};
    case ItemKind::kAttitude: return {5, 0};
    case ItemKind::kNote: return {6, 0};
  }
  return {7, 0};
}

const std::string& ShownCode(const Change& c) { return c.new_side ? c.new_side->code : c.old_side->code; }

}  // namespace

int CompareCodes(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (IsDigit(a[i]) && IsDigit(b[j])) {
      size_t i_end = i, j_end = j;
      while (i_end < a.size() && IsDigit(a[i_end])) ++i_end;
      while (j_end < b.size() && IsDigit(b[j_end])) ++j_end;
      // Compare the values without converting: strip leading zeros, then
      // the longer run is larger, else the first differing digit decides.
      std::string_view x = a.substr(i, i_end - i), y = b.substr(j, j_end - j);
      x.remove_prefix(std::min(x.find_first_not_of('0'), x.size()));
      y.remove_prefix(std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
      if (int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
      i = i_end;
      j = j_end;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
    ++i, ++j;
  }
  if (i == a.size() && j == b.size()) return 0;
  return i == a.size() ? -1 : 1;
}

void SortChanges(std::vector<Change>* changes) {
  std::stable_sort(changes->begin(), changes->end(), [](const Change& x, const Change& y) {
    const auto [x_section, x_rank] = Rank(x.kind);
    const auto [y_section, y_rank] = Rank(y.kind);
    if (x_section != y_section) return x_section < y_section;
    if (int c = CompareCodes(x.duty, y.duty); c != 0) return c < 0;
    if (int c = CompareCodes(x.task, y.task); c != 0) return c < 0;
    if (x_rank != y_rank) return x_rank < y_rank;
    if (x.kind == ItemKind::kHeader) return false;  // keep the fields' order
    if (int c = CompareCodes(ShownCode(x), ShownCode(y)); c != 0) return c < 0;
    return CompareCodes(x.old_side ? x.old_side->code : "", y.old_side ? y.old_side->code : "") < 0;
  });
}

}  // namespace docpipe::diff
