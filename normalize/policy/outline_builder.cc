#include "normalize/policy/outline_builder.h"

#include <optional>

#include "common/unicode.h"

namespace docpipe {

int OutlineBuilder::Add(const HeadingLabel& heading, std::string title, SourcePos pos) {
  while (!open_.empty() && doc_->outline[open_.back()].rank >= heading.rank) open_.pop_back();
  CheckSequence(heading, pos);
  OutlineNode node;
  node.label = heading.label;
  node.title = std::move(title);
  node.rank = heading.rank;
  node.parent = open_.empty() ? -1 : open_.back();
  node.level = static_cast<int>(open_.size()) + 1;
  node.pos = pos;
  int index = static_cast<int>(doc_->outline.size());
  if (node.parent >= 0) doc_->outline[node.parent].children.push_back(index);
  doc_->outline.push_back(std::move(node));
  open_.push_back(index);
  return index;
}

// A label that skips numbers after its previous sibling of the same kind
// (四、 then 六、) is a warning: the document lost or misnumbered an item,
// and the outline would otherwise hide it. A list that starts again at one
// is no gap.
void OutlineBuilder::CheckSequence(const HeadingLabel& heading, SourcePos pos) {
  const std::vector<int>* siblings = &top_level_;
  if (!open_.empty()) siblings = &doc_->outline[open_.back()].children;
  const OutlineNode* previous = nullptr;
  for (auto it = siblings->rbegin(); it != siblings->rend() && previous == nullptr; ++it) {
    if (doc_->outline[*it].rank == heading.rank) previous = &doc_->outline[*it];
  }
  if (open_.empty()) top_level_.push_back(static_cast<int>(doc_->outline.size()));
  if (previous == nullptr) return;
  std::optional<long> before = unicode::NumeralValue(previous->label);
  std::optional<long> now = unicode::NumeralValue(heading.label);
  if (!before || !now || *now <= *before + 1 || *now == 1) return;
  const long missing = *now - *before - 1;
  doc_->diagnostics.Warn("outline_gap",
                         heading.label + " follows " + previous->label + ": " + std::to_string(missing) +
                             (missing == 1 ? " item is" : " items are") + " missing between them",
                         pos);
}

}  // namespace docpipe
