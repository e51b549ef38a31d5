#include "normalize/policy/action_plan_parser.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/unicode.h"
#include "normalize/policy/action_plan_tables.h"
#include "normalize/repair/heading_label.h"

namespace docpipe {
namespace {

// A table runs from its header row to the next chapter or appendix heading.
size_t RegionEnd(const std::vector<SourceLine>& lines, size_t header, const RuleSet& rules) {
  const Regex& chapter = rules.Pattern("heading_chapter");
  const Regex& appendix = rules.Pattern("heading_appendix");
  for (size_t i = header + 1; i < lines.size(); ++i) {
    if (chapter.ScanMatch(lines[i].text) || appendix.ScanMatch(lines[i].text)) return i;
  }
  return lines.size();
}

// The caption above a table: the nearest non-blank line before its header,
// when it is a 表N caption or an appendix heading.
void CaptionAbove(const std::vector<SourceLine>& lines, size_t header, const RuleSet& rules, PolicyTable* table) {
  for (size_t i = header; i-- > 0;) {
    if (lines[i].IsBlank()) continue;
    for (std::string_view rule : {"caption", "heading_appendix"}) {
      if (auto groups = MatchTwoGroups(rules, rule, lines[i].text)) {
        table->caption = groups->first;
        table->title = unicode::CollapseSpaces(groups->second);
      }
    }
    return;
  }
}

std::set<std::string> Keys(const std::vector<std::string>& names) {
  std::set<std::string> keys;
  for (const std::string& n : names) keys.insert(unicode::FoldKey(n));
  return keys;
}

// The cells below are appended to in place, without a temporary string per
// piece.

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += "、";
    out += n;
  }
  return out;
}

std::string Numbered(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += '\n';
    out += std::to_string(i + 1);
    out += ". ";
    out += items[i];
  }
  return out;
}

std::string KpiCell(const std::vector<Kpi>& kpis) {
  std::string out, agency;
  bool first = true;
  auto add_line = [&out](std::string_view text, std::string_view end) {
    if (!out.empty()) out += '\n';
    out += text;
    out += end;
  };
  for (const Kpi& k : kpis) {
    if (first || k.agency != agency) {
      if (!k.agency.empty()) add_line(k.agency, "：");
      agency = k.agency;
    }
    add_line(k.text, "");
    first = false;
  }
  return out;
}

// Completes the assignment table's view of one action with the detail
// table's and reports where they disagree. Each action of either table is
// merged once: what the plan takes of them is moved out.
void Merge(AssignedAction* assigned_action, const AssignmentTable& table, DetailedAction* detail, ActionPlan* plan,
           Diagnostics* diagnostics) {
  AssignedAction& assigned = *assigned_action;
  std::string title = std::move(assigned.title);
  std::vector<std::string> tails = std::move(assigned.tails);
  if (detail != nullptr && !tails.empty() &&
      unicode::FoldKey(unicode::JoinWrapped(title, tails.front())) == unicode::FoldKey(detail->title)) {
    title = unicode::JoinWrapped(title, tails.front());  // the title was cut by a page break
    tails.erase(tails.begin());
  }
  std::vector<std::string> cells = std::move(assigned.agency_cells);
  for (const std::string& tail : tails) {
    if (cells.empty()) {
      cells.push_back(tail);
    } else {
      cells.back() = unicode::JoinWrapped(cells.back(), tail);
    }
  }
  std::vector<std::string> lead, co;
  if (!cells.empty()) lead = SplitAgencies(cells[0]);
  for (size_t i = 1; i < cells.size(); ++i) {
    for (std::string& name : SplitAgencies(cells[i])) co.push_back(std::move(name));
  }
  plan->code = std::move(assigned.code);
  plan->title = unicode::CollapseSpaces(title);
  plan->goal = table.goals.empty() ? CodedTitle{} : table.goals[assigned.goal];
  plan->strategy = table.strategies.empty() ? CodedTitle{} : table.strategies[assigned.strategy];
  plan->lead = lead;
  plan->co = co;
  plan->where = std::move(assigned.where);
  plan->sources.push_back("assignment");
  if (detail == nullptr) return;
  plan->sources.push_back("detail");
  SourcePos at = plan->where.front();
  if (unicode::FoldKey(plan->title) != unicode::FoldKey(detail->title)) {
    diagnostics->Warn("tables_disagree",
                      "action plan " + plan->code + ": title \"" + plan->title + "\" in the assignment table, \"" +
                          detail->title + "\" in the detail table",
                      at);
  }
  std::vector<std::string> all_assigned = lead;
  all_assigned.insert(all_assigned.end(), co.begin(), co.end());
  std::vector<std::string> all_detail = detail->lead;
  all_detail.insert(all_detail.end(), detail->co.begin(), detail->co.end());
  // With more than two agency cells the assignment table does not say where
  // the leads end: only the set of agencies can be compared.
  bool same = cells.size() <= 2 ? Keys(lead) == Keys(detail->lead) && Keys(co) == Keys(detail->co)
                                : Keys(all_assigned) == Keys(all_detail);
  if (!same) {
    diagnostics->Warn("tables_disagree",
                      "action plan " + plan->code + ": agencies " + JoinNames(lead) + " (" + JoinNames(co) +
                          ") in the assignment table, " + JoinNames(detail->lead) + " (" +
                          JoinNames(detail->co) + ") in the detail table",
                      at);
  }
  if (!detail->lead.empty()) {
    plan->lead = std::move(detail->lead);
    plan->co = std::move(detail->co);
  }
  plan->points = std::move(detail->points);
  plan->kpis = std::move(detail->kpis);
  plan->where.insert(plan->where.end(), detail->where.begin(), detail->where.end());
}

void CheckPlan(const ActionPlan& plan, Diagnostics* diagnostics) {
  SourcePos at = plan.where.empty() ? SourcePos{} : plan.where.front();
  const std::string prefix = plan.strategy.code + ".";
  if (!plan.strategy.code.empty() && plan.code.compare(0, prefix.size(), prefix) != 0) {
    diagnostics->Warn("misnumbered_code",
                      "action plan " + plan.code + " is listed under strategy " + plan.strategy.code, at);
  }
  for (auto [count, what] : {std::pair{plan.points.size(), "points (執行要點)"},
                             std::pair{plan.kpis.size(), "performance indicators (績效指標)"},
                             std::pair{plan.lead.size(), "lead agency"}}) {
    if (count == 0) diagnostics->Warn("incomplete_action_plan", "action plan " + plan.code + " has no " + what, at);
  }
}

}  // namespace

std::vector<LineRange> ParseActionPlanTables(const std::vector<SourceLine>& lines, const RuleSet& rules,
                                             PolicyDocument* doc) {
  const Regex& assignment_header = rules.Pattern("assignment_table_header");
  const Regex& detail_header = rules.Pattern("detail_table_header");
  std::vector<LineRange> used;
  // Each table's lines, from its header row to its region's end.
  std::optional<LineRange> assignment_at, detail_at;
  for (size_t i = 0; i < lines.size(); ++i) {
    bool is_assignment = !assignment_at && assignment_header.ScanMatch(lines[i].text);
    bool is_detail = !detail_at && detail_header.ScanMatch(lines[i].text);
    if (!is_assignment && !is_detail) continue;
    size_t end = RegionEnd(lines, i, rules);
    (is_assignment ? assignment_at : detail_at) = LineRange{i, end};
    used.push_back({i, end});
    i = end - 1;
  }
  std::optional<AssignmentTable> assignment;
  std::optional<DetailTable> detail;
  PolicyTable assignment_view, detail_view;
  std::set<std::string> known_agencies;
  if (assignment_at) {
    size_t i = assignment_at->begin;
    assignment = ReadAssignmentTable(lines, i, assignment_at->end, rules, &doc->diagnostics);
    CaptionAbove(lines, i, rules, &assignment_view);
    assignment_view.pos = lines[i].pos;
    assignment_view.header = assignment->header;
    for (const AssignedAction& a : assignment->actions) {
      for (const std::string& cell : a.agency_cells) {
        for (const std::string& name : SplitAgencies(cell)) known_agencies.insert(unicode::FoldKey(name));
      }
    }
  }
  if (detail_at) {
    size_t i = detail_at->begin;
    detail = ReadDetailTable(lines, i, detail_at->end, rules, HasEndMarks(lines), known_agencies, &doc->diagnostics);
    CaptionAbove(lines, i, rules, &detail_view);
    detail_view.pos = lines[i].pos;
    detail_view.header = detail->header;
    // The table's view first: the plans then take the actions' contents.
    for (DetailedAction& d : detail->actions) {
      PolicyTableRow row;
      row.cells.reserve(4);
      row.cells.push_back(d.code + "." + d.title);
      row.cells.push_back(Numbered(d.points));
      row.cells.push_back(KpiCell(d.kpis));
      row.cells.push_back(std::move(d.agency_cell));
      row.where = d.where;
      detail_view.rows.push_back(std::move(row));
    }
  }
  if (!assignment && !detail) return used;

  std::map<std::string, DetailedAction*> details;
  if (detail) {
    for (DetailedAction& d : detail->actions) {
      if (!details.emplace(d.code, &d).second) {
        doc->diagnostics.Warn("duplicate_code", "action plan " + d.code + " appears twice in the detail table",
                              d.where.front());
      }
    }
  }
  std::set<std::string> seen;
  if (assignment) {
    doc->goals = assignment->goals;
    doc->strategies = assignment->strategies;
    for (AssignedAction& a : assignment->actions) {
      if (!seen.insert(a.code).second) {
        doc->diagnostics.Warn("duplicate_code", "action plan " + a.code + " appears twice in the assignment table",
                              a.where.front());
        continue;
      }
      auto it = details.find(a.code);
      DetailedAction* d = it == details.end() ? nullptr : it->second;
      if (detail && d == nullptr) {
        doc->diagnostics.Warn("missing_detail", "action plan " + a.code + " is not in the detail table",
                              a.where.front());
      }
      ActionPlan plan;
      Merge(&a, *assignment, d, &plan, &doc->diagnostics);
      doc->action_plans.push_back(std::move(plan));
    }
  }
  if (detail) {
    for (DetailedAction& d : detail->actions) {
      if (seen.count(d.code)) continue;
      seen.insert(d.code);
      if (assignment) {
        doc->diagnostics.Warn("missing_assignment", "action plan " + d.code + " is not in the assignment table",
                              d.where.front());
      }
      ActionPlan plan;
      plan.code = d.code;
      plan.title = std::move(d.title);
      plan.points = std::move(d.points);
      plan.kpis = std::move(d.kpis);
      plan.lead = std::move(d.lead);
      plan.co = std::move(d.co);
      plan.where = std::move(d.where);
      plan.sources.push_back("detail");
      if (assignment) {
        for (const CodedTitle& s : assignment->strategies) {
          if (d.code.compare(0, s.code.size() + 1, s.code + ".") == 0) plan.strategy = s;
        }
      }
      doc->action_plans.push_back(std::move(plan));
    }
  }
  for (const ActionPlan& plan : doc->action_plans) {
    CheckPlan(plan, &doc->diagnostics);
    if (assignment && std::count(plan.sources.begin(), plan.sources.end(), "assignment")) {
      PolicyTableRow row;
      row.cells.reserve(5);
      row.cells.push_back(plan.goal.code + "：" + plan.goal.title);
      row.cells.push_back(plan.strategy.code + "." + plan.strategy.title);
      row.cells.push_back(plan.code + "." + plan.title);
      row.cells.push_back(JoinNames(plan.lead));
      row.cells.push_back(JoinNames(plan.co));
      row.where = {plan.where.front()};
      assignment_view.rows.push_back(std::move(row));
    }
  }
  if (assignment) doc->tables.push_back(std::move(assignment_view));
  if (detail) doc->tables.push_back(std::move(detail_view));
  return used;
}

}  // namespace docpipe
