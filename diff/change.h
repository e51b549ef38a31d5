// The differences between two versions of a competency standard, as a list
// of Change records (serialised by diff/diff_json.h, printed by the reports).
//
// Each Change is about one item of one kind: a header field, a duty, a task,
// a work output, an indicator, a per-task K or S reference, a K/S/A
// dictionary entry, a version row or a note. It is one of
//   added    only in the new version (new_side set);
//   removed  only in the old version (old_side set);
//   changed  the same item at the same place, its `field` worded differently;
//   moved    the same or nearly the same wording under another code or
//            another parent: renumbered (same parent) or moved (other parent).
// Renumbering that follows from an ancestor's renumbering (P1.2.1 -> P1.3.1
// because task T1.2 became T1.3) is implied and not reported again.
#ifndef DOCPIPE_DIFF_CHANGE_H_
#define DOCPIPE_DIFF_CHANGE_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "diff/char_diff.h"
#include "diff/standard_view.h"

namespace docpipe::diff {

enum class ItemKind {
  kHeader, kVersion, kDuty, kTask, kOutput, kIndicator, kKnowledgeRef, kSkillRef,
  kKnowledge, kSkill, kAttitude, kNote,
};
inline constexpr size_t kItemKindCount = 12;

enum class ChangeType { kAdded, kRemoved, kChanged, kMoved };

const char* ItemKindName(ItemKind kind);        // "header", "knowledge_ref", ...
const char* ChangeTypeName(ChangeType type);    // "added", "removed", ...

// One side of a change: the item as it reads in one version.
struct ItemSide {
  std::string code;               // as printed; a note's 1-based position; empty for header fields
  std::vector<std::string> path;  // codes of the ancestors, outermost first: {"T1", "T1.2"}
  std::string text;               // the value of the change's field
};

// What an added or removed duty or task held, so a reader sees it without
// the other document.
struct ContentItem {
  ItemKind kind;
  std::string code;
  std::string parent;  // code of the task or duty it belongs to
  std::string text;
};

struct Change {
  ItemKind kind = ItemKind::kHeader;
  ChangeType type = ChangeType::kChanged;
  // The compared field: "name" (duties, tasks, K/S/A entries), "text"
  // (outputs, indicators, notes), "level", "description", a version row's
  // column, or a header field's path such as "category.name".
  std::string field;
  std::optional<ItemSide> old_side;  // absent for added
  std::optional<ItemSide> new_side;  // absent for removed
  // Character-level edit script old -> new; set when both sides exist and
  // their texts differ beyond width, case and spacing.
  std::vector<EditRun> edits;
  double similarity = 1.0;  // of the folded texts, for changed and moved
  // A renumbered K or S entry: codes (new version) of the tasks whose
  // references were renumbered with it. Those references are not reported
  // as separate changes.
  std::vector<std::string> references_updated;
  std::vector<ContentItem> content;  // added or removed duty or task
  // Where a report shows the change: codes of the duty and task it belongs
  // to, in the new version where they exist there, else in the old. Empty
  // outside the duty table; `task` empty for a duty.
  std::string duty, task;
};

// One of the two compared documents, as reports name it.
struct DiffInput {
  std::string path;  // as given on the command line
  std::string code;  // the standard's code, e.g. INM3513-001v3
  std::string name;
};

// Everything a report needs: both inputs, their content (for the names of
// duties and tasks a report groups by) and the changes
// (diff/standard_diff.h).
struct DiffResult {
  DiffInput old_input, new_input;
  StandardView old_view, new_view;
  std::vector<Change> changes;
};

struct ChangeCounts {
  int added = 0, removed = 0, changed = 0, moved = 0;
  int total() const { return added + removed + changed + moved; }
};

// Counts per kind, indexed by static_cast<size_t>(ItemKind).
std::array<ChangeCounts, kItemKindCount> CountChanges(const std::vector<Change>& changes);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_CHANGE_H_
