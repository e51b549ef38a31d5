#include "diff/change.h"

namespace docpipe::diff {

const char* ItemKindName(ItemKind kind) {
  switch (kind) {
    case ItemKind::kHeader: return "header";
    case ItemKind::kVersion: return "version";
    case ItemKind::kDuty: return "duty";
    case ItemKind::kTask: return "task";
    case ItemKind::kOutput: return "output";
    case ItemKind::kIndicator: return "indicator";
    case ItemKind::kKnowledgeRef: return "knowledge_ref";
    case ItemKind::kSkillRef: return "skill_ref";
    case ItemKind::kKnowledge: return "knowledge";
    case ItemKind::kSkill: return "skill";
    case ItemKind::kAttitude: return "attitude";
    case ItemKind::kNote: return "note";
  }
  return "header";
}

const char* ChangeTypeName(ChangeType type) {
  switch (type) {
    case ChangeType::kAdded: return "added";
    case ChangeType::kRemoved: return "removed";
    case ChangeType::kChanged: return "changed";
    case ChangeType::kMoved: return "moved";
  }
  return "changed";
}

std::array<ChangeCounts, kItemKindCount> CountChanges(const std::vector<Change>& changes) {
  std::array<ChangeCounts, kItemKindCount> counts{};
  for (const Change& c : changes) {
    ChangeCounts& n = counts[static_cast<size_t>(c.kind)];
    switch (c.type) {
      case ChangeType::kAdded: ++n.added; break;
      case ChangeType::kRemoved: ++n.removed; break;
      case ChangeType::kChanged: ++n.changed; break;
      case ChangeType::kMoved: ++n.moved; break;
    }
  }
  return counts;
}

}  // namespace docpipe::diff
