#include "normalize/policy/outline_builder.h"

#include <algorithm>
#include <map>

#include "common/unicode.h"

namespace docpipe {
namespace {

// Two labels stand at one indentation when their starts differ by less
// than half a character: the same tab stop, measured by a text layer's
// glyph boxes.
constexpr double kSameIndent = 0.5;

double Tolerance(const Indentation& a, const Indentation& b) {
  return kSameIndent * std::max({a.size, b.size, 1.0});
}

}  // namespace

int OutlineBuilder::Add(const HeadingLabel& heading, std::string title, SourcePos pos,
                        std::optional<Indentation> indentation) {
  while (!open_.empty() && doc_->outline[open_.back()].rank >= heading.rank) open_.pop_back();
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
  keys_.push_back(Key{heading.kind, indentation});
  open_.push_back(index);
  return index;
}

void OutlineBuilder::Nest(const std::vector<int>& target) {
  std::vector<OutlineNode>& nodes = doc_->outline;
  for (OutlineNode& node : nodes) node.children.clear();
  std::vector<int> open;
  for (size_t i = 0; i < nodes.size(); ++i) {
    while (!open.empty() && nodes[open.back()].rank >= nodes[i].rank) open.pop_back();
    // Lifted: close the open nodes set at this label's indentation or right
    // of it, down to the target level; a node set left of it stays open
    // (the label is visibly inside it).
    const std::optional<Indentation>& mine = keys_[i].indentation;
    while (target[i] > 0 && static_cast<int>(open.size()) >= target[i] && mine) {
      const std::optional<Indentation>& theirs = keys_[open.back()].indentation;
      if (!theirs || theirs->x < mine->x - Tolerance(*mine, *theirs)) break;
      open.pop_back();
    }
    nodes[i].parent = open.empty() ? -1 : open.back();
    nodes[i].level = static_cast<int>(open.size()) + 1;
    if (nodes[i].parent >= 0) nodes[nodes[i].parent].children.push_back(static_cast<int>(i));
    open.push_back(static_cast<int>(i));
  }
}

std::vector<int> OutlineBuilder::TargetLevels() const {
  const std::vector<OutlineNode>& nodes = doc_->outline;
  // A chapter or appendix opens a part with a numbering of its own (an
  // appendix's 壹、 under 附錄二 is no sibling of the body's 壹、).
  std::map<std::pair<int, std::string>, std::vector<int>> groups;  // (part, kind) -> nodes
  int part = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].rank == 1) part = static_cast<int>(i);
    if (keys_[i].indentation) groups[{part, keys_[i].kind}].push_back(static_cast<int>(i));
  }
  std::vector<int> target(nodes.size(), 0);
  for (auto& [unused, members] : groups) {
    std::sort(members.begin(), members.end(),
              [&](int a, int b) { return keys_[a].indentation->x < keys_[b].indentation->x; });
    // Runs of members whose starts follow each other within the tolerance.
    size_t begin = 0;
    for (size_t end = 1; end <= members.size(); ++end) {
      if (end < members.size()) {
        const Indentation& a = *keys_[members[end - 1]].indentation;
        const Indentation& b = *keys_[members[end]].indentation;
        if (b.x - a.x < Tolerance(a, b)) continue;
      }
      int shallowest = nodes[members[begin]].level;
      for (size_t m = begin; m < end; ++m) shallowest = std::min(shallowest, nodes[members[m]].level);
      for (size_t m = begin; m < end; ++m) {
        if (nodes[members[m]].level > shallowest) target[members[m]] = shallowest;
      }
      begin = end;
    }
  }
  return target;
}

void OutlineBuilder::Finish() {
  std::vector<OutlineNode>& nodes = doc_->outline;
  std::vector<int> printed_parent(nodes.size()), printed_level(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) printed_parent[i] = nodes[i].parent, printed_level[i] = nodes[i].level;
  std::vector<int> target(nodes.size(), 0);
  // Lifting a label lifts what it holds, which may leave another kind at
  // two levels: repeat until the levels settle (each round only lifts).
  for (size_t round = 0; round <= nodes.size(); ++round) {
    Nest(target);
    bool changed = false;
    std::vector<int> more = TargetLevels();
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (more[i] > 0 && (target[i] == 0 || more[i] < target[i])) target[i] = more[i], changed = true;
    }
    if (!changed) break;
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    const std::string level = std::to_string(nodes[i].level);
    if (nodes[i].level < printed_level[i] && printed_parent[i] >= 0) {
      const std::string& under = nodes[printed_parent[i]].label;
      doc_->diagnostics.Warn("outline_level",
                             nodes[i].label + " nests under " + under + " by its printed rank but is set at " + under +
                                 "'s indentation, where labels of its kind stand at level " + level +
                                 ": placed at level " + level,
                             nodes[i].pos);
    }
    // The other disagreement: a label the rank nests inside a heading set
    // to the right of it (no level can be given that the page shows).
    const int parent = nodes[i].parent;
    const std::optional<Indentation>& mine = keys_[i].indentation;
    if (parent >= 0 && mine && keys_[parent].indentation &&
        mine->x < keys_[parent].indentation->x - Tolerance(*mine, *keys_[parent].indentation)) {
      doc_->diagnostics.Warn("outline_level",
                             nodes[i].label + " nests under " + nodes[parent].label +
                                 " by its printed rank but is set left of it",
                             nodes[i].pos);
    }
  }
  CheckSequences();
}

// A label that skips numbers after its previous sibling of the same kind
// (四、 then 六、) is a warning: the document lost or misnumbered an item,
// and the outline would otherwise hide it. A list that starts again at one
// is no gap.
void OutlineBuilder::CheckSequences() {
  const std::vector<OutlineNode>& nodes = doc_->outline;
  std::map<std::pair<int, std::string>, int> last;  // (parent, kind) -> the previous sibling
  for (size_t i = 0; i < nodes.size(); ++i) {
    auto [it, first] = last.try_emplace({nodes[i].parent, keys_[i].kind}, static_cast<int>(i));
    if (first) continue;
    const OutlineNode& previous = nodes[it->second];
    it->second = static_cast<int>(i);
    std::optional<long> before = unicode::NumeralValue(previous.label);
    std::optional<long> now = unicode::NumeralValue(nodes[i].label);
    if (!before || !now || *now <= *before + 1 || *now == 1) continue;
    const long missing = *now - *before - 1;
    doc_->diagnostics.Warn("outline_gap",
                           nodes[i].label + " follows " + previous.label + ": " + std::to_string(missing) +
                               (missing == 1 ? " item is" : " items are") + " missing between them",
                           nodes[i].pos);
  }
}

}  // namespace docpipe
