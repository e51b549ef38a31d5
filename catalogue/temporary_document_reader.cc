#include "catalogue/temporary_document_reader.h"

#include <stdexcept>

#include "common/json_parse.h"

namespace docpipe::catalogue {

namespace {

using Json = nlohmann::json;

// Thrown inside this file only, caught in ReadDocumentJsonTemporarily.
struct Malformed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const Json& At(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) throw Malformed(std::string("expected an object around ") + key);
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}
std::string Str(const Json& j, const char* key) {
  const Json& v = At(j, key);
  if (v.is_null()) return "";
  if (!v.is_string()) throw Malformed(std::string(key) + ": expected a string");
  return v.get<std::string>();
}
std::optional<int> OptInt(const Json& j, const char* key) {
  const Json& v = At(j, key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_number_integer()) throw Malformed(std::string(key) + ": expected an integer");
  return v.get<int>();
}
const Json& Arr(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  const Json& v = At(j, key);
  if (v.is_null()) return kEmpty;
  if (!v.is_array()) throw Malformed(std::string(key) + ": expected an array");
  return v;
}
std::vector<std::string> Strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  for (const Json& v : Arr(j, key)) {
    if (!v.is_string()) throw Malformed(std::string(key) + ": expected strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}
SourcePos Location(const Json& j) {
  const Json& loc = At(j, "location");
  if (loc.is_null()) return {};
  return {OptInt(loc, "line").value_or(0), OptInt(loc, "page").value_or(0)};
}
std::vector<SourcePos> Lines(const Json& j) {
  std::vector<SourcePos> out;
  for (const Json& v : Arr(j, "source_lines")) {
    if (!v.is_number_integer()) throw Malformed("source_lines: expected integers");
    out.push_back({v.get<int>(), 0});
  }
  return out;
}
std::vector<CodedItem> Items(const Json& j, const char* key) {
  std::vector<CodedItem> out;
  for (const Json& v : Arr(j, key)) out.push_back({Str(v, "code"), Str(v, "text"), Lines(v)});
  return out;
}
std::vector<CodedItem> Refs(const Json& j, const char* key) {
  std::vector<CodedItem> out;
  for (std::string& code : Strings(j, key)) out.push_back({std::move(code), "", {}});
  return out;
}
std::vector<DictionaryEntry> Dictionary(const Json& j, const char* key) {
  std::vector<DictionaryEntry> out;
  for (const Json& v : Arr(j, key)) out.push_back({Str(v, "code"), Str(v, "name"), Lines(v)});
  return out;
}
NamedCode Named(const Json& j, const char* key) {
  const Json& v = At(j, key);
  if (v.is_null()) return {};
  return {Str(v, "name"), Str(v, "code")};
}
Diagnostics ReadDiagnostics(const Json& j) {
  Diagnostics d;
  for (const Json& w : Arr(j, "warnings")) d.warnings.push_back({Str(w, "kind"), Str(w, "message"), Location(w)});
  for (const Json& u : Arr(j, "unparsed")) d.unparsed.push_back({Str(u, "text"), Location(u)});
  return d;
}

CompetencyStandard ReadStandard(const Json& j) {
  CompetencyStandard s;
  s.title = Str(j, "title");
  s.code = Str(j, "code");
  s.name = Str(j, "name");
  s.name_kind = Str(j, "name_kind");
  s.category = Named(j, "category");
  s.occupation = Named(j, "occupation");
  s.industry = Named(j, "industry");
  s.description = Str(j, "description");
  s.level = OptInt(j, "level");
  for (const Json& v : Arr(j, "versions")) {
    s.versions.push_back({Str(v, "version"), Str(v, "code"), Str(v, "name"), Str(v, "status"), Str(v, "note"),
                          Str(v, "date"), Lines(v)});
  }
  for (const Json& d : Arr(j, "duties")) {
    Duty duty{Str(d, "code"), Str(d, "name"), {}, Lines(d)};
    for (const Json& t : Arr(d, "tasks")) {
      duty.tasks.push_back({Str(t, "code"), Str(t, "name"), OptInt(t, "level"), Items(t, "outputs"),
                            Items(t, "indicators"), Refs(t, "knowledge"), Refs(t, "skills"), Lines(t)});
    }
    s.duties.push_back(std::move(duty));
  }
  s.knowledge = Dictionary(j, "knowledge");
  s.skills = Dictionary(j, "skills");
  for (const Json& a : Arr(j, "attitudes")) {
    s.attitudes.push_back({Str(a, "code"), Str(a, "name"), Str(a, "description"), Lines(a)});
  }
  s.notes = Strings(j, "notes");
  s.diagnostics = ReadDiagnostics(j);
  return s;
}

int NodeRef(const Json& j) { return OptInt(j, "node").value_or(-1); }

void ReadOutline(const Json& node, int parent, PolicyDocument* doc) {
  const std::optional<int> id = OptInt(node, "id");
  if (!id || *id != static_cast<int>(doc->outline.size())) throw Malformed("outline: ids out of document order");
  OutlineNode n;
  n.label = Str(node, "label");
  n.title = Str(node, "title");
  n.level = OptInt(node, "level").value_or(0);
  n.parent = parent;
  n.pos = Location(node);
  doc->outline.push_back(n);
  if (parent >= 0) doc->outline[parent].children.push_back(*id);
  for (const Json& child : Arr(node, "children")) ReadOutline(child, *id, doc);
}

CodedTitle Coded(const Json& j) { return {Str(j, "code"), Str(j, "title")}; }

PolicyDocument ReadPolicy(const Json& j) {
  PolicyDocument d;
  d.title = Str(j, "title");
  for (const Json& node : Arr(j, "outline")) ReadOutline(node, -1, &d);
  for (const Json& p : Arr(j, "paragraphs")) {
    std::vector<SourcePos> where = Lines(p);
    SourcePos loc = Location(p);
    if (where.empty()) where.push_back(loc);
    where.front() = loc;  // the location carries the page
    d.paragraphs.push_back({Str(p, "text"), NodeRef(p), std::move(where)});
  }
  for (const Json& c : Arr(j, "captions")) {
    d.captions.push_back({Str(c, "kind"), Str(c, "label"), Str(c, "title"), NodeRef(c), Location(c)});
  }
  for (const Json& t : Arr(j, "tables")) {
    PolicyTable table;
    table.caption = Str(t, "caption");
    table.title = Str(t, "title");
    table.header = Strings(t, "header");
    for (const Json& r : Arr(t, "rows")) table.rows.push_back({Strings(r, "cells"), Lines(r)});
    table.node = NodeRef(t);
    table.pos = Location(t);
    d.tables.push_back(std::move(table));
  }
  for (const Json& g : Arr(j, "goals")) d.goals.push_back(Coded(g));
  for (const Json& s : Arr(j, "strategies")) d.strategies.push_back(Coded(s));
  for (const Json& a : Arr(j, "action_plans")) {
    ActionPlan plan;
    plan.code = Str(a, "code");
    plan.title = Str(a, "title");
    if (!At(a, "goal").is_null()) plan.goal = Coded(At(a, "goal"));
    if (!At(a, "strategy").is_null()) plan.strategy = Coded(At(a, "strategy"));
    plan.points = Strings(a, "points");
    for (const Json& k : Arr(a, "kpis")) plan.kpis.push_back({Str(k, "agency"), Str(k, "text")});
    plan.lead = Strings(a, "lead");
    plan.co = Strings(a, "co");
    plan.sources = Strings(a, "sources");
    plan.where = Lines(a);
    d.action_plans.push_back(std::move(plan));
  }
  const Json& counts = At(j, "stated_counts");
  if (!counts.is_null()) {
    d.stated_counts = PlanCounts{OptInt(counts, "goals"), OptInt(counts, "strategies"),
                                 OptInt(counts, "action_plans"), Location(counts)};
  }
  d.diagnostics = ReadDiagnostics(j);
  return d;
}

}  // namespace

Result<CatalogueDocument> ReadDocumentJsonTemporarily(std::string_view text) {
  Result<Json> json = ParseUntrustedJson(text);
  if (!json.ok()) return json.status();
  try {
    CatalogueDocument doc;
    doc.document_type = Str(*json, "document_type");
    const Json& source = At(*json, "source");
    doc.source = {Str(source, "path"), Str(source, "sha256"), Str(source, "format"), OptInt(source, "pages")};
    if (doc.document_type == "competency_standard") {
      doc.content = ReadStandard(*json);
    } else if (doc.document_type == "policy_document" || doc.document_type == "generic_document") {
      doc.content = ReadPolicy(*json);
    } else {
      return Status::Unsupported("document_type \"" + doc.document_type + "\" is not one docpipe writes");
    }
    return doc;
  } catch (const std::exception& e) {
    return Status::BadInput(std::string("malformed document: ") + e.what());
  }
}

}  // namespace docpipe::catalogue
