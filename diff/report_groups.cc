#include "diff/report_groups.h"

namespace docpipe::diff {
namespace {

const char* SectionHeading(ItemKind kind) {
  switch (kind) {
    case ItemKind::kHeader: return "Header (基本資料)";
    case ItemKind::kVersion: return "Versions (版本)";
    case ItemKind::kKnowledge: return "Knowledge (K 知識)";
    case ItemKind::kSkill: return "Skills (S 技能)";
    case ItemKind::kAttitude: return "Attitudes (A 態度)";
    case ItemKind::kNote: return "Notes (說明與補充事項)";
    default: return "";
  }
}

bool InDutyTable(ItemKind kind) { return *SectionHeading(kind) == '\0'; }

std::string DutyName(const StandardView& v, const std::string& code) {
  for (const DutyView& d : v.duties) {
    if (d.code == code) return d.name;
  }
  return "";
}

std::string TaskName(const StandardView& v, const std::string& code) {
  for (const TaskView& t : v.tasks) {
    if (t.code == code) return t.name;
  }
  return "";
}

std::string Heading(const std::string& code, std::string name_new, const std::string& name_old) {
  if (name_new.empty()) name_new = name_old;
  return name_new.empty() ? code : code + " " + name_new;
}

}  // namespace

std::vector<ReportGroup> GroupChanges(const DiffResult& result) {
  std::vector<ReportGroup> groups;
  std::string section, duty, task;  // keys of the open groups
  for (const Change& c : result.changes) {
    if (!InDutyTable(c.kind)) {
      if (groups.empty() || section != SectionHeading(c.kind)) {
        section = SectionHeading(c.kind);
        groups.push_back({1, section, {}});
      }
      groups.back().changes.push_back(&c);
      continue;
    }
    if (!section.empty() || groups.empty() || duty != c.duty) {
      section.clear();
      duty = c.duty;
      task.clear();
      groups.push_back(
          {1, Heading(duty, DutyName(result.new_view, duty), DutyName(result.old_view, duty)), {}});
    }
    if (!c.task.empty() && c.task != task) {
      task = c.task;
      groups.push_back(
          {2, Heading(task, TaskName(result.new_view, task), TaskName(result.old_view, task)), {}});
    }
    groups.back().changes.push_back(&c);
  }
  return groups;
}

std::string CodeLabel(const Change& c) {
  if (c.old_side && c.new_side && c.old_side->code != c.new_side->code) {
    return c.old_side->code + " → " + c.new_side->code;
  }
  return c.new_side ? c.new_side->code : c.old_side->code;
}

std::string KindLabel(ItemKind kind) {
  if (kind == ItemKind::kKnowledgeRef) return "K reference";
  if (kind == ItemKind::kSkillRef) return "S reference";
  return ItemKindName(kind);
}

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string TypeLabel(const Change& c) {
  if (c.type != ChangeType::kMoved) return ChangeTypeName(c.type);
  return c.old_side->path == c.new_side->path ? "renumbered" : "moved";
}

std::string FieldLabel(const Change& c) {
  if (c.type != ChangeType::kChanged) return "";
  if (c.kind == ItemKind::kHeader || c.kind == ItemKind::kVersion || c.field == "level" || c.field == "description") {
    return c.field;
  }
  return "";
}

std::vector<SummaryRow> SummaryRows(const std::vector<Change>& changes) {
  std::vector<SummaryRow> rows;
  const auto counts = CountChanges(changes);
  for (size_t k = 0; k < kItemKindCount; ++k) {
    if (counts[k].total() > 0) rows.push_back({KindLabel(static_cast<ItemKind>(k)), counts[k]});
  }
  return rows;
}

}  // namespace docpipe::diff
