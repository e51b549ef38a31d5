// How the human reports (Markdown, HTML) arrange changes: a summary, then
// one group per section and, inside the duty table, per duty and per task.
#ifndef DOCPIPE_DIFF_REPORT_GROUPS_H_
#define DOCPIPE_DIFF_REPORT_GROUPS_H_

#include <string>
#include <vector>

#include "diff/change.h"

namespace docpipe::diff {

struct ReportGroup {
  int depth = 1;          // 1 section or duty, 2 task within a duty
  std::string heading;    // "Header", "T1 規劃、配置與測試網路伺服器安全", "T1.2 準備…"
  std::vector<const Change*> changes;  // in report order; may be empty for a duty heading
};

// Groups result.changes (already in SortChanges order) in order. A task's
// group is preceded by its duty's group, which is created empty when only
// the task changed. Names come from the new version, else the old.
std::vector<ReportGroup> GroupChanges(const DiffResult& result);

// "T1.2 → T1.3" for a moved item, else the shown code.
std::string CodeLabel(const Change& change);

// Human names of kinds and types: "indicator", "K reference", "renumbered"
// (moved within the same parent) or "moved".
std::string KindLabel(ItemKind kind);
std::string TypeLabel(const Change& change);

// The changed field when the kind alone does not say it ("status" of a
// version row, "level" of a task, a header field's path), else "".
std::string FieldLabel(const Change& change);

// Text for HTML (and for Markdown, which passes HTML through): & < > "
// replaced by entities.
std::string EscapeHtml(const std::string& text);

// One line of the summary: counts of a kind that has changes.
struct SummaryRow {
  std::string kind;
  ChangeCounts counts;
};
std::vector<SummaryRow> SummaryRows(const std::vector<Change>& changes);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_REPORT_GROUPS_H_
