#include "catalogue/table_schema.h"

#include <tuple>

namespace docpipe::catalogue {

namespace {

Column Text(std::string name) { return {std::move(name), ColumnType::kText, false}; }
Column OptText(std::string name) { return {std::move(name), ColumnType::kText, true}; }
Column Int(std::string name) { return {std::move(name), ColumnType::kInteger, false}; }
Column OptInt(std::string name) { return {std::move(name), ColumnType::kInteger, true}; }

// Where an item was read: first source line, and page for PDF inputs.
void AddLocation(std::vector<Column>* columns) {
  columns->push_back(OptInt("line"));
  columns->push_back(OptInt("page"));
}

Table Make(TableId id, std::string name, std::string description, std::vector<Column> columns,
           std::vector<std::string> key, std::vector<ForeignKey> fks = {},
           std::vector<std::vector<std::string>> indexes = {}, bool located = false) {
  if (located) AddLocation(&columns);
  return {id, std::move(name), std::move(description), std::move(columns), std::move(key), std::move(fks),
          std::move(indexes)};
}

ForeignKey ToDocument() { return {{"document_id"}, "documents", {"document_id"}}; }
ForeignKey ToStandard() { return {{"document_id"}, "standards", {"document_id"}}; }
ForeignKey ToPolicy() { return {{"document_id"}, "policy_documents", {"document_id"}}; }
ForeignKey ToParent(const std::string& column, const std::string& table, const std::string& referenced) {
  return {{"document_id", column}, table, {"document_id", referenced}};
}

std::vector<Table> BuildTables() {
  using T = TableId;
  const Column doc = Text("document_id");
  const Column pos = Int("position");
  std::vector<Table> t;
  t.push_back(Make(T::kCatalogueInfo, "catalogue_info", "what wrote the catalogue: schema_version, tool_version",
                   {Text("key"), Text("value")}, {"key"}));
  t.push_back(Make(T::kDocuments, "documents", "one row per input file of the run",
                   {doc, Text("output_path"), Text("source_path"), Text("sha256"), Text("format"),
                    Text("document_type"), OptText("code"), Text("title"), OptInt("pages"), Text("tool_version"),
                    Int("warnings"), Int("unparsed")},
                   {"document_id"}, {}, {{"code"}, {"sha256"}}));
  t.push_back(Make(T::kWarnings, "warnings", "anomalies of a document, with their location",
                   {doc, pos, Text("kind"), Text("message")}, {"document_id", "position"}, {ToDocument()},
                   {{"kind"}}, true));
  t.push_back(Make(T::kUnparsed, "unparsed", "text that could not be placed, with its location",
                   {doc, pos, Text("text")}, {"document_id", "position"}, {ToDocument()}, {}, true));

  t.push_back(Make(T::kStandards, "standards",
                   "competency standards; code split into standard_id and version; preferred marks the one "
                   "document chosen for its (standard_id, version) when several files hold it",
                   {doc, Text("code"), Text("standard_id"), OptInt("version"), Int("preferred"), Text("name"),
                    Text("name_kind"), Text("title"), Text("category_name"), Text("category_code"),
                    Text("occupation_name"), Text("occupation_code"), Text("industry_name"), Text("industry_code"),
                    Text("description"), OptInt("level")},
                   {"document_id"}, {ToDocument()}, {{"standard_id", "version"}, {"code"}}));
  t.push_back(Make(T::kVersionHistory, "version_history", "the version table printed in each standard",
                   {doc, pos, Text("version"), Text("code"), Text("name"), Text("status"), Text("note"),
                    Text("release_date")},
                   {"document_id", "position"}, {ToStandard()}, {{"code"}}, true));
  t.push_back(Make(T::kDuties, "duties", "duties (主要職責) of each standard", {doc, pos, Text("code"), Text("name")},
                   {"document_id", "position"}, {ToStandard()}, {{"document_id", "code"}}, true));
  t.push_back(Make(T::kTasks, "tasks", "tasks (工作任務) under their duty",
                   {doc, pos, Int("duty_position"), Text("duty_code"), Text("code"), Text("name"), OptInt("level")},
                   {"document_id", "position"}, {ToParent("duty_position", "duties", "position")},
                   {{"document_id", "code"}}, true));
  for (auto [id, name, what] : {std::tuple{T::kOutputs, "outputs", "work outputs (工作產出) of each task"},
                                std::tuple{T::kIndicators, "indicators", "behaviour indicators (行為指標) of each task"}}) {
    t.push_back(Make(id, name, what, {doc, pos, Int("task_position"), Text("task_code"), Text("code"), Text("text")},
                     {"document_id", "position"}, {ToParent("task_position", "tasks", "position")},
                     {{"document_id", "code"}}, true));
  }
  for (auto [id, name, what] : {std::tuple{T::kKnowledge, "knowledge", "the K dictionary (知識) of each standard"},
                                std::tuple{T::kSkills, "skills", "the S dictionary (技能) of each standard"}}) {
    t.push_back(Make(id, name, what, {doc, pos, Text("code"), Text("name")}, {"document_id", "position"},
                     {ToStandard()}, {{"document_id", "code"}}, true));
  }
  t.push_back(Make(T::kAttitudes, "attitudes", "attitudes (態度) of each standard",
                   {doc, pos, Text("code"), Text("name"), Text("description")}, {"document_id", "position"},
                   {ToStandard()}, {{"document_id", "code"}}, true));
  for (auto [id, name, column, what] :
       {std::tuple{T::kTaskKnowledge, "task_knowledge", "knowledge_code", "K codes a task refers to"},
        std::tuple{T::kTaskSkills, "task_skills", "skill_code", "S codes a task refers to"}}) {
    t.push_back(Make(id, name, what, {doc, Int("task_position"), pos, Text("task_code"), Text(column)},
                     {"document_id", "task_position", "position"}, {ToParent("task_position", "tasks", "position")},
                     {{"document_id", column}}));
  }
  t.push_back(Make(T::kNotes, "notes", "notes (備註) of each standard", {doc, pos, Text("text")},
                   {"document_id", "position"}, {ToStandard()}));

  t.push_back(Make(T::kPolicyDocuments, "policy_documents",
                   "plans, directives and generic documents, with the counts a plan states",
                   {doc, Text("document_type"), Text("title"), OptInt("stated_goals"), OptInt("stated_strategies"),
                    OptInt("stated_action_plans")},
                   {"document_id"}, {ToDocument()}));
  t.push_back(Make(T::kOutlineNodes, "outline_nodes", "headings and numbered items; parent_id NULL at the top",
                   {doc, Int("node_id"), OptInt("parent_id"), Text("label"), Text("title"), Int("level")},
                   {"document_id", "node_id"}, {ToPolicy(), ToParent("parent_id", "outline_nodes", "node_id")},
                   {{"document_id", "parent_id"}}, true));
  t.push_back(Make(T::kParagraphs, "paragraphs", "paragraphs in document order, under their outline node",
                   {doc, pos, OptInt("node_id"), Text("text")}, {"document_id", "position"},
                   {ToPolicy(), ToParent("node_id", "outline_nodes", "node_id")}, {{"document_id", "node_id"}},
                   true));
  t.push_back(Make(T::kCaptions, "captions", "figure and table captions (圖1, 表 2)",
                   {doc, pos, OptInt("node_id"), Text("kind"), Text("label"), Text("title")},
                   {"document_id", "position"}, {ToPolicy(), ToParent("node_id", "outline_nodes", "node_id")},
                   {{"document_id", "label"}}, true));
  t.push_back(Make(T::kPolicyTables, "document_tables", "tables of plans and documents; their cells in table_cells",
                   {doc, Int("table_position"), OptInt("node_id"), Text("caption"), Text("title"),
                    Int("column_count"), Int("row_count")},
                   {"document_id", "table_position"}, {ToPolicy(), ToParent("node_id", "outline_nodes", "node_id")},
                   {}, true));
  t.push_back(Make(T::kTableCells, "table_cells",
                   "every cell of document_tables, once, where it starts; row_number 0 is the header row, "
                   "column_number from 1; row_span, col_span: the rows and columns a merged cell covers",
                   {doc, Int("table_position"), Int("row_number"), Int("column_number"), Int("row_span"),
                    Int("col_span"), Text("text")},
                   {"document_id", "table_position", "row_number", "column_number"},
                   {ToParent("table_position", "document_tables", "table_position")}, {}, true));
  t.push_back(Make(T::kGoals, "goals", "goals (目標) of a plan", {doc, pos, Text("code"), Text("title")},
                   {"document_id", "position"}, {ToPolicy()}, {{"document_id", "code"}}));
  t.push_back(Make(T::kStrategies, "strategies", "strategies (策略) of a plan", {doc, pos, Text("code"), Text("title")},
                   {"document_id", "position"}, {ToPolicy()}, {{"document_id", "code"}}));
  t.push_back(Make(T::kActionPlans, "action_plans",
                   "action plans (行動方案) with their goal and strategy; sources: the tables that describe it",
                   {doc, pos, Text("code"), Text("title"), Text("goal_code"), Text("goal_title"), Text("strategy_code"),
                    Text("strategy_title"), Text("sources")},
                   {"document_id", "position"}, {ToPolicy()}, {{"document_id", "code"}}, true));
  t.push_back(Make(T::kActionPlanPoints, "action_plan_points", "the working points of each action plan",
                   {doc, Int("plan_position"), pos, Text("text")}, {"document_id", "plan_position", "position"},
                   {ToParent("plan_position", "action_plans", "position")}));
  t.push_back(Make(T::kActionPlanKpis, "action_plan_kpis", "KPIs of each action plan; agency \"\" when none is printed",
                   {doc, Int("plan_position"), pos, Text("agency"), Text("text")},
                   {"document_id", "plan_position", "position"},
                   {ToParent("plan_position", "action_plans", "position")}));
  t.push_back(Make(T::kActionPlanAgencies, "action_plan_agencies", "lead and co-organising agencies of each action plan",
                   {doc, Int("plan_position"), Text("role"), pos, Text("agency")},
                   {"document_id", "plan_position", "role", "position"},
                   {ToParent("plan_position", "action_plans", "position")}, {{"agency"}}));

  t.push_back(Make(T::kChanges, "changes",
                   "what docpipe diff finds between consecutive versions of one standard_id (preferred documents)",
                   {Text("standard_id"), Int("old_version"), Int("new_version"), Text("old_document_id"),
                    Text("new_document_id"), pos, Text("change_type"), Text("item_kind"), Text("field"),
                    OptText("code"), OptText("old_code"), OptText("old_text"), OptText("new_text"), Text("duty_code"),
                    Text("task_code")},
                   {"old_document_id", "new_document_id", "position"},
                   {{{"old_document_id"}, "standards", {"document_id"}},
                    {{"new_document_id"}, "standards", {"document_id"}}},
                   {{"standard_id", "new_version"}}));
  return t;
}

}  // namespace

const std::vector<Table>& CatalogueTables() {
  static const std::vector<Table>* tables = new std::vector<Table>(BuildTables());
  return *tables;
}

const Table& TableOf(TableId id) { return CatalogueTables()[static_cast<size_t>(id)]; }

const std::vector<View>& CatalogueViews() {
  // Written in the SQL both SQLite and PostgreSQL accept: no DISTINCT ON, no
  // window functions, so the load script can create the same views.
  static const std::vector<View>* views = new std::vector<View>{
      {"standard_versions",
       "SELECT s.standard_id, s.version, s.code, s.name, s.document_id, g.documents,\n"
       "       CASE WHEN EXISTS (SELECT 1 FROM standards n WHERE n.standard_id = s.standard_id\n"
       "                         AND n.version > s.version) THEN 0 ELSE 1 END AS is_latest\n"
       "FROM standards s\n"
       "JOIN (SELECT standard_id, version, COUNT(*) AS documents FROM standards\n"
       "      GROUP BY standard_id, version) g\n"
       "  ON g.standard_id = s.standard_id AND g.version = s.version\n"
       "WHERE s.preferred = 1 AND s.version IS NOT NULL"},
      {"latest_standards",
       "SELECT s.standard_id, s.version, s.code, s.name, s.document_id, s.title, s.level\n"
       "FROM standards s\n"
       "WHERE s.preferred = 1 AND s.version IS NOT NULL\n"
       "  AND NOT EXISTS (SELECT 1 FROM standards n WHERE n.standard_id = s.standard_id\n"
       "                  AND n.version > s.version)"},
  };
  return *views;
}

}  // namespace docpipe::catalogue
