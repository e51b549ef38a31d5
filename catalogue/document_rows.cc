#include "catalogue/document_rows.h"

#include <algorithm>

#include "catalogue/standard_code.h"

namespace docpipe::catalogue {

namespace {

using T = TableId;

Value Int(int64_t v) { return Value(v); }
Value Opt(const std::optional<int>& v) { return v ? Value(int64_t{*v}) : Value(); }
// 0 means "not known" in SourcePos (no page for text inputs).
Value Known(int v) { return v > 0 ? Value(int64_t{v}) : Value(); }
Value Line(const SourcePos& p) { return Known(p.line); }
Value Page(const SourcePos& p) { return Known(p.page); }
SourcePos First(const std::vector<SourcePos>& where) { return where.empty() ? SourcePos{} : where.front(); }
Value Node(int node) { return node < 0 ? Value() : Value(int64_t{node}); }

// Adds rows and keeps the first failure, so producers read as a list of
// Add calls.
class Rows {
 public:
  explicit Rows(RowSink* sink) : sink_(sink) {}
  void Add(TableId table, Row row) {
    if (status_.ok()) status_ = sink_->Add(table, row);
  }
  const Status& status() const { return status_; }

 private:
  RowSink* sink_;
  Status status_;
};

void AddStandard(const std::string& id, const CompetencyStandard& s, bool preferred, Rows* rows) {
  StandardCode code = SplitStandardCode(s.code);
  rows->Add(T::kStandards,
            {id, s.code, code.standard_id, code.version ? Value(*code.version) : Value(), Int(preferred ? 1 : 0),
             s.name, s.name_kind, s.title, s.category.name, s.category.code, s.occupation.name, s.occupation.code,
             s.industry.name, s.industry.code, s.description, Opt(s.level)});
  int64_t n = 0;
  for (const Version& v : s.versions) {
    const SourcePos p = First(v.where);
    rows->Add(T::kVersionHistory, {id, Int(++n), v.version, v.code, v.name, v.status, v.note, v.date, Line(p), Page(p)});
  }
  int64_t duty_n = 0, task_n = 0, output_n = 0, indicator_n = 0;
  for (const Duty& duty : s.duties) {
    const SourcePos dp = First(duty.where);
    rows->Add(T::kDuties, {id, Int(++duty_n), duty.code, duty.name, Line(dp), Page(dp)});
    for (const Task& task : duty.tasks) {
      const SourcePos tp = First(task.where);
      rows->Add(T::kTasks,
                {id, Int(++task_n), Int(duty_n), duty.code, task.code, task.name, Opt(task.level), Line(tp), Page(tp)});
      for (const CodedItem& o : task.outputs) {
        const SourcePos p = First(o.where);
        rows->Add(T::kOutputs, {id, Int(++output_n), Int(task_n), task.code, o.code, o.text, Line(p), Page(p)});
      }
      for (const CodedItem& o : task.indicators) {
        const SourcePos p = First(o.where);
        rows->Add(T::kIndicators, {id, Int(++indicator_n), Int(task_n), task.code, o.code, o.text, Line(p), Page(p)});
      }
      int64_t k = 0;
      for (const CodedItem& ref : task.knowledge) rows->Add(T::kTaskKnowledge, {id, Int(task_n), Int(++k), task.code, ref.code});
      int64_t sk = 0;
      for (const CodedItem& ref : task.skills) rows->Add(T::kTaskSkills, {id, Int(task_n), Int(++sk), task.code, ref.code});
    }
  }
  for (auto [table, entries] : {std::pair{T::kKnowledge, &s.knowledge}, std::pair{T::kSkills, &s.skills}}) {
    int64_t i = 0;
    for (const DictionaryEntry& e : *entries) {
      const SourcePos p = First(e.where);
      rows->Add(table, {id, Int(++i), e.code, e.name, Line(p), Page(p)});
    }
  }
  int64_t a = 0;
  for (const Attitude& att : s.attitudes) {
    const SourcePos p = First(att.where);
    rows->Add(T::kAttitudes, {id, Int(++a), att.code, att.name, att.description, Line(p), Page(p)});
  }
  int64_t note = 0;
  for (const std::string& text : s.notes) rows->Add(T::kNotes, {id, Int(++note), text});
}

std::string JoinSources(const std::vector<std::string>& sources) {
  std::string out;
  for (const std::string& s : sources) out += (out.empty() ? "" : "; ") + s;
  return out;
}

void AddPolicy(const std::string& id, const std::string& type, const PolicyDocument& d, Rows* rows) {
  const std::optional<PlanCounts>& c = d.stated_counts;
  rows->Add(T::kPolicyDocuments, {id, type, d.title, c ? Opt(c->goals) : Value(), c ? Opt(c->strategies) : Value(),
                                  c ? Opt(c->action_plans) : Value()});
  // Parents before children, so the self-reference holds row by row.
  for (size_t i = 0; i < d.outline.size(); ++i) {
    const OutlineNode& node = d.outline[i];
    rows->Add(T::kOutlineNodes, {id, Int(static_cast<int64_t>(i)), Node(node.parent), node.label, node.title,
                                 Int(node.level), Line(node.pos), Page(node.pos)});
  }
  int64_t n = 0;
  for (const Paragraph& p : d.paragraphs) {
    const SourcePos pos = First(p.where);
    rows->Add(T::kParagraphs, {id, Int(++n), Node(p.node), p.text, Line(pos), Page(pos)});
  }
  n = 0;
  for (const Caption& cap : d.captions) {
    rows->Add(T::kCaptions, {id, Int(++n), Node(cap.node), cap.kind, cap.label, cap.title, Line(cap.pos), Page(cap.pos)});
  }
  n = 0;
  for (const PolicyTable& table : d.tables) {
    ++n;
    // The grid has the header as row 0 and body row r as row r; a merged
    // cell is one row of table_cells, at the slot where it starts.
    rows->Add(T::kPolicyTables, {id, Int(n), Node(table.node), table.caption, table.title,
                                 Int(static_cast<int64_t>(table.grid.cols)),
                                 Int(static_cast<int64_t>(table.rows.size())), Line(table.pos), Page(table.pos)});
    for (const TableCell& cell : table.grid.cells) {
      const size_t r = static_cast<size_t>(cell.row);
      const SourcePos pos = r == 0 || r > table.rows.size() ? table.pos : First(table.rows[r - 1].where);
      rows->Add(T::kTableCells, {id, Int(n), Int(cell.row), Int(static_cast<int64_t>(cell.col) + 1),
                                 Int(cell.row_span), Int(cell.col_span), cell.text, Line(pos), Page(pos)});
    }
  }
  n = 0;
  for (const CodedTitle& g : d.goals) rows->Add(T::kGoals, {id, Int(++n), g.code, g.title});
  n = 0;
  for (const CodedTitle& s : d.strategies) rows->Add(T::kStrategies, {id, Int(++n), s.code, s.title});
  n = 0;
  for (const ActionPlan& plan : d.action_plans) {
    const SourcePos pos = First(plan.where);
    rows->Add(T::kActionPlans, {id, Int(++n), plan.code, plan.title, plan.goal.code, plan.goal.title,
                                plan.strategy.code, plan.strategy.title, JoinSources(plan.sources), Line(pos),
                                Page(pos)});
    int64_t i = 0;
    for (const std::string& point : plan.points) rows->Add(T::kActionPlanPoints, {id, Int(n), Int(++i), point});
    i = 0;
    for (const Kpi& kpi : plan.kpis) rows->Add(T::kActionPlanKpis, {id, Int(n), Int(++i), kpi.agency, kpi.text});
    for (auto [role, agencies] : {std::pair{"lead", &plan.lead}, std::pair{"co", &plan.co}}) {
      i = 0;
      for (const std::string& agency : *agencies) {
        rows->Add(T::kActionPlanAgencies, {id, Int(n), std::string(role), Int(++i), agency});
      }
    }
  }
}

const Diagnostics& DiagnosticsOf(const CatalogueDocument& doc) {
  if (const auto* s = std::get_if<CompetencyStandard>(&doc.content)) return s->diagnostics;
  return std::get<PolicyDocument>(doc.content).diagnostics;
}

}  // namespace

Status AddDocumentRows(const CatalogueDocument& doc, bool preferred, RowSink* sink) {
  Rows rows(sink);
  const Diagnostics& diagnostics = DiagnosticsOf(doc);
  const auto* standard = std::get_if<CompetencyStandard>(&doc.content);
  const std::string title = standard ? standard->title : std::get<PolicyDocument>(doc.content).title;
  rows.Add(T::kDocuments, {doc.id, doc.output_path, doc.source.path, doc.source.sha256, doc.source.format,
                           doc.document_type, standard ? Value(standard->code) : Value(), title,
                           Opt(doc.source.pages), doc.tool_version, Int(static_cast<int64_t>(diagnostics.warnings.size())),
                           Int(static_cast<int64_t>(diagnostics.unparsed.size()))});
  int64_t n = 0;
  for (const Warning& w : diagnostics.warnings) {
    rows.Add(T::kWarnings, {doc.id, Int(++n), w.kind, w.message, Line(w.pos), Page(w.pos)});
  }
  n = 0;
  for (const UnparsedText& u : diagnostics.unparsed) {
    rows.Add(T::kUnparsed, {doc.id, Int(++n), u.text, Line(u.pos), Page(u.pos)});
  }
  if (standard) {
    AddStandard(doc.id, *standard, preferred, &rows);
  } else {
    AddPolicy(doc.id, doc.document_type, std::get<PolicyDocument>(doc.content), &rows);
  }
  return rows.status();
}

}  // namespace docpipe::catalogue
