#include "model/policy_json.h"

#include <algorithm>
#include <utility>

#include "common/version.h"
#include "model/json_build.h"

namespace docpipe {

using Json = nlohmann::ordered_json;
using json_build::Array;
using json_build::Object;
using json_build::Push;
using json_build::Put;
using json_build::Strings;

namespace {

Json NodeRef(int node) { return node < 0 ? Json(nullptr) : Json(node); }

Json OutlineNodeToJson(PolicyDocument* doc, int index) {
  OutlineNode& node = doc->outline[index];
  Json children = Array(node.children.size());
  for (int child : node.children) Push(&children, OutlineNodeToJson(doc, child));
  Json out = Object(6);
  Put(&out, "id", index);
  Put(&out, "label", std::move(node.label));
  Put(&out, "title", std::move(node.title));
  Put(&out, "level", node.level);
  Put(&out, "location", PosToJson(node.pos));
  Put(&out, "children", std::move(children));
  return out;
}

Json CodedTitleToJson(CodedTitle* c) {
  Json out = Object(2);
  Put(&out, "code", std::move(c->code));
  Put(&out, "title", std::move(c->title));
  return out;
}

Json CodedTitles(std::vector<CodedTitle>* titles) {
  Json out = Array(titles->size());
  for (CodedTitle& c : *titles) Push(&out, CodedTitleToJson(&c));
  return out;
}

// The grid with its cells and, for readers that want a data frame as it is
// (pandas.DataFrame(matrix)), the rectangular matrix: null where a merged
// cell covers a slot it does not start in.
// The cells' texts are moved into the tree, after the matrix has its copies.
Json GridToJson(TableGrid* grid) {
  std::vector<std::vector<std::optional<std::string>>> rows = GridMatrix(*grid);
  Json cells = Array(grid->cells.size());
  for (TableCell& c : grid->cells) {
    Json cell = Object(5);
    Put(&cell, "row", c.row);
    Put(&cell, "col", c.col);
    Put(&cell, "row_span", c.row_span);
    Put(&cell, "col_span", c.col_span);
    Put(&cell, "text", std::move(c.text));
    Push(&cells, std::move(cell));
  }
  Json matrix = Array(rows.size());
  for (auto& row : rows) {
    Json slots = Array(row.size());
    for (auto& slot : row) Push(&slots, slot ? Json(std::move(*slot)) : Json(nullptr));
    Push(&matrix, std::move(slots));
  }
  Json out = Object(5);
  Put(&out, "rows", grid->rows);
  Put(&out, "cols", grid->cols);
  Put(&out, "header_rows", grid->header_rows);
  Put(&out, "cells", std::move(cells));
  Put(&out, "matrix", std::move(matrix));
  return out;
}

Json TableToJson(PolicyTable* t) {
  Json rows = Array(t->rows.size());
  for (PolicyTableRow& r : t->rows) {
    Json row = Object(2);
    Put(&row, "cells", Strings(&r.cells));
    Put(&row, "source_lines", LinesToJson(r.where));
    Push(&rows, std::move(row));
  }
  Json out = Object(8);
  Put(&out, "caption", std::move(t->caption));
  Put(&out, "title", std::move(t->title));
  Put(&out, "header", Strings(&t->header));
  Put(&out, "rows", std::move(rows));
  Put(&out, "grid", GridToJson(&t->grid));
  Put(&out, "node", NodeRef(t->node));
  Put(&out, "location", PosToJson(t->pos));
  // A table of a paged input states the pages it spans, one page or a
  // table that page breaks cut, joined into one.
  if (t->pos.page > 0) {
    Json pages = Object(2);
    Put(&pages, "first", t->pos.page);
    Put(&pages, "last", std::max(t->pos.page, t->last_page));
    Put(&out, "pages", std::move(pages));
  }
  return out;
}

Json ActionPlanToJson(ActionPlan* a) {
  Json kpis = Array(a->kpis.size());
  for (Kpi& k : a->kpis) {
    Json kpi = Object(2);
    Put(&kpi, "agency", std::move(k.agency));
    Put(&kpi, "text", std::move(k.text));
    Push(&kpis, std::move(kpi));
  }
  Json out = Object(10);
  Put(&out, "code", std::move(a->code));
  Put(&out, "title", std::move(a->title));
  Put(&out, "goal", CodedTitleToJson(&a->goal));
  Put(&out, "strategy", CodedTitleToJson(&a->strategy));
  Put(&out, "points", Strings(&a->points));
  Put(&out, "kpis", std::move(kpis));
  Put(&out, "lead", Strings(&a->lead));
  Put(&out, "co", Strings(&a->co));
  Put(&out, "sources", Strings(&a->sources));
  Put(&out, "source_lines", LinesToJson(a->where));
  return out;
}

}  // namespace

Json PolicyDocumentToJson(PolicyDocument doc, const SourceInfo& source, const std::string& document_type) {
  Json out = Object(16);
  Put(&out, "document_type", document_type);
  Put(&out, "schema_version", kSchemaVersion);
  Put(&out, "source", SourceToJson(source));
  Put(&out, "title", std::move(doc.title));
  // Written only when the document has a table of contents, so that the
  // output of a document without one keeps its shape.
  if (!doc.contents.empty()) {
    Json contents = Array(doc.contents.size());
    for (ContentsEntry& entry : doc.contents) {
      Json object = Object(4);
      Put(&object, "text", std::move(entry.text));
      Put(&object, "page", entry.page ? Json(*entry.page) : Json(nullptr));
      Put(&object, "location", PosToJson(entry.where.front()));
      Put(&object, "source_lines", LinesToJson(entry.where));
      Push(&contents, std::move(object));
    }
    Put(&out, "contents", std::move(contents));
  }
  Json outline = Array(doc.outline.size());
  for (size_t i = 0; i < doc.outline.size(); ++i) {
    if (doc.outline[i].parent < 0) Push(&outline, OutlineNodeToJson(&doc, static_cast<int>(i)));
  }
  Put(&out, "outline", std::move(outline));
  Json paragraphs = Array(doc.paragraphs.size());
  for (Paragraph& p : doc.paragraphs) {
    Json object = Object(4);
    Put(&object, "text", std::move(p.text));
    Put(&object, "node", NodeRef(p.node));
    Put(&object, "location", PosToJson(p.where.front()));
    Put(&object, "source_lines", LinesToJson(p.where));
    Push(&paragraphs, std::move(object));
  }
  Put(&out, "paragraphs", std::move(paragraphs));
  Json captions = Array(doc.captions.size());
  for (Caption& c : doc.captions) {
    Json object = Object(5);
    Put(&object, "kind", std::move(c.kind));
    Put(&object, "label", std::move(c.label));
    Put(&object, "title", std::move(c.title));
    Put(&object, "node", NodeRef(c.node));
    Put(&object, "location", PosToJson(c.pos));
    Push(&captions, std::move(object));
  }
  Put(&out, "captions", std::move(captions));
  Json tables = Array(doc.tables.size());
  for (PolicyTable& t : doc.tables) Push(&tables, TableToJson(&t));
  Put(&out, "tables", std::move(tables));
  Put(&out, "goals", CodedTitles(&doc.goals));
  Put(&out, "strategies", CodedTitles(&doc.strategies));
  Json plans = Array(doc.action_plans.size());
  for (ActionPlan& a : doc.action_plans) Push(&plans, ActionPlanToJson(&a));
  Put(&out, "action_plans", std::move(plans));
  if (doc.stated_counts) {
    const PlanCounts& c = *doc.stated_counts;
    auto value = [](const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); };
    Json counts = Object(4);
    Put(&counts, "goals", value(c.goals));
    Put(&counts, "strategies", value(c.strategies));
    Put(&counts, "action_plans", value(c.action_plans));
    Put(&counts, "location", PosToJson(c.pos));
    Put(&out, "stated_counts", std::move(counts));
  } else {
    Put(&out, "stated_counts", nullptr);
  }
  AddDiagnostics(&doc.diagnostics, &out);
  return out;
}

}  // namespace docpipe
