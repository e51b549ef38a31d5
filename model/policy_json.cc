#include "model/policy_json.h"

#include <algorithm>

#include "common/version.h"

namespace docpipe {

using Json = nlohmann::ordered_json;

namespace {

Json NodeRef(int node) { return node < 0 ? Json(nullptr) : Json(node); }

Json OutlineNodeToJson(const PolicyDocument& doc, int index) {
  const OutlineNode& node = doc.outline[index];
  Json children = Json::array();
  for (int child : node.children) children.push_back(OutlineNodeToJson(doc, child));
  return {{"id", index},          {"label", node.label},       {"title", node.title},
          {"level", node.level},  {"location", PosToJson(node.pos)}, {"children", std::move(children)}};
}

Json CodedTitleToJson(const CodedTitle& c) { return {{"code", c.code}, {"title", c.title}}; }

// The grid with its cells and, for readers that want a data frame as it is
// (pandas.DataFrame(matrix)), the rectangular matrix: null where a merged
// cell covers a slot it does not start in.
Json GridToJson(const TableGrid& grid) {
  Json cells = Json::array();
  for (const TableCell& c : grid.cells) {
    cells.push_back({{"row", c.row}, {"col", c.col}, {"row_span", c.row_span}, {"col_span", c.col_span},
                     {"text", c.text}});
  }
  Json matrix = Json::array();
  for (const auto& row : GridMatrix(grid)) {
    Json slots = Json::array();
    for (const auto& slot : row) slots.push_back(slot ? Json(*slot) : Json(nullptr));
    matrix.push_back(std::move(slots));
  }
  return {{"rows", grid.rows},          {"cols", grid.cols},       {"header_rows", grid.header_rows},
          {"cells", std::move(cells)}, {"matrix", std::move(matrix)}};
}

}  // namespace

Json PolicyDocumentToJson(const PolicyDocument& doc, const SourceInfo& source, const std::string& document_type) {
  Json out;
  out["document_type"] = document_type;
  out["schema_version"] = kSchemaVersion;
  out["source"] = SourceToJson(source);
  out["title"] = doc.title;
  // Written only when the document has a table of contents, so that the
  // output of a document without one keeps its shape.
  if (!doc.contents.empty()) {
    Json contents = Json::array();
    for (const ContentsEntry& entry : doc.contents) {
      contents.push_back({{"text", entry.text},
                          {"page", entry.page ? Json(*entry.page) : Json(nullptr)},
                          {"location", PosToJson(entry.where.front())},
                          {"source_lines", LinesToJson(entry.where)}});
    }
    out["contents"] = std::move(contents);
  }
  Json outline = Json::array();
  for (size_t i = 0; i < doc.outline.size(); ++i) {
    if (doc.outline[i].parent < 0) outline.push_back(OutlineNodeToJson(doc, static_cast<int>(i)));
  }
  out["outline"] = std::move(outline);
  Json paragraphs = Json::array();
  for (const Paragraph& p : doc.paragraphs) {
    paragraphs.push_back({{"text", p.text},
                          {"node", NodeRef(p.node)},
                          {"location", PosToJson(p.where.front())},
                          {"source_lines", LinesToJson(p.where)}});
  }
  out["paragraphs"] = std::move(paragraphs);
  Json captions = Json::array();
  for (const Caption& c : doc.captions) {
    captions.push_back({{"kind", c.kind},
                        {"label", c.label},
                        {"title", c.title},
                        {"node", NodeRef(c.node)},
                        {"location", PosToJson(c.pos)}});
  }
  out["captions"] = std::move(captions);
  Json tables = Json::array();
  for (const PolicyTable& t : doc.tables) {
    Json rows = Json::array();
    for (const PolicyTableRow& r : t.rows) rows.push_back({{"cells", r.cells}, {"source_lines", LinesToJson(r.where)}});
    tables.push_back({{"caption", t.caption},
                      {"title", t.title},
                      {"header", t.header},
                      {"rows", std::move(rows)},
                      {"grid", GridToJson(t.grid)},
                      {"node", NodeRef(t.node)},
                      {"location", PosToJson(t.pos)}});
    // A table of a paged input states the pages it spans, one page or a
    // table that page breaks cut, joined into one.
    if (t.pos.page > 0) tables.back()["pages"] = {{"first", t.pos.page}, {"last", std::max(t.pos.page, t.last_page)}};
  }
  out["tables"] = std::move(tables);
  Json goals = Json::array();
  for (const CodedTitle& g : doc.goals) goals.push_back(CodedTitleToJson(g));
  out["goals"] = std::move(goals);
  Json strategies = Json::array();
  for (const CodedTitle& s : doc.strategies) strategies.push_back(CodedTitleToJson(s));
  out["strategies"] = std::move(strategies);
  Json plans = Json::array();
  for (const ActionPlan& a : doc.action_plans) {
    Json kpis = Json::array();
    for (const Kpi& k : a.kpis) kpis.push_back({{"agency", k.agency}, {"text", k.text}});
    plans.push_back({{"code", a.code},
                     {"title", a.title},
                     {"goal", CodedTitleToJson(a.goal)},
                     {"strategy", CodedTitleToJson(a.strategy)},
                     {"points", a.points},
                     {"kpis", std::move(kpis)},
                     {"lead", a.lead},
                     {"co", a.co},
                     {"sources", a.sources},
                     {"source_lines", LinesToJson(a.where)}});
  }
  out["action_plans"] = std::move(plans);
  if (doc.stated_counts) {
    const PlanCounts& c = *doc.stated_counts;
    auto value = [](const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); };
    out["stated_counts"] = {{"goals", value(c.goals)},
                            {"strategies", value(c.strategies)},
                            {"action_plans", value(c.action_plans)},
                            {"location", PosToJson(c.pos)}};
  } else {
    out["stated_counts"] = nullptr;
  }
  AddDiagnostics(doc.diagnostics, &out);
  return out;
}

}  // namespace docpipe
