#include "model/document_reader.h"

#include <utility>

#include "common/json_parse.h"

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

#define DOCPIPE_TRY(expr)              \
  do {                                 \
    Status status_ = (expr);           \
    if (!status_.ok()) return status_; \
  } while (0)

// One JSON value and its path from the document root ("$.duties[0].code").
// Members the schema requires are read with Need::kRequired: missing is an
// error. Optional members keep the value the struct was built with.
// Type checks come before every get<>(), so nlohmann never throws here.
class In {
 public:
  enum class Need { kRequired, kOptional };

  In(const Json& json, std::string path) : json_(json), path_(std::move(path)) {}

  const Json& json() const { return json_; }

  Status Fail(const char* expected) const {
    return Status::BadInput(path_ + ": expected " + expected + ", found " + json_.type_name());
  }
  Status ExpectObject() const { return json_.is_object() ? Status::Ok() : Fail("an object"); }

  // Calls read(In member) for `key`; a missing optional member is skipped.
  template <typename F>
  Status Member(const char* key, Need need, F read) const {
    DOCPIPE_TRY(ExpectObject());
    auto it = json_.find(key);
    if (it == json_.end()) {
      if (need == Need::kOptional) return Status::Ok();
      return Status::BadInput(path_ + ": missing member \"" + key + "\"");
    }
    return read(In(*it, path_ + "." + key));
  }

  // Calls read(In element) for every element of the array at `key`.
  template <typename F>
  Status Each(const char* key, Need need, F read) const {
    return Member(key, need, [&](const In& array) -> Status {
      if (!array.json_.is_array()) return array.Fail("an array");
      for (size_t i = 0; i < array.json_.size(); ++i) {
        DOCPIPE_TRY(read(In(array.json_[i], array.path_ + "[" + std::to_string(i) + "]")));
      }
      return Status::Ok();
    });
  }

  // Calls read(In element) for every element of this array.
  template <typename F>
  Status Elements(F read) const {
    if (!json_.is_array()) return Fail("an array");
    for (size_t i = 0; i < json_.size(); ++i) {
      DOCPIPE_TRY(read(In(json_[i], path_ + "[" + std::to_string(i) + "]")));
    }
    return Status::Ok();
  }
  bool IsNull() const { return json_.is_null(); }

  Status String(std::string* out) const {
    if (!json_.is_string()) return Fail("a string");
    *out = json_.get<std::string>();
    return Status::Ok();
  }
  Status Int(int* out) const {
    if (!json_.is_number_integer()) return Fail("an integer");
    long long v = json_.get<long long>();
    if (v < -(1LL << 31) || v >= (1LL << 31)) return Fail("a 32-bit integer");
    *out = static_cast<int>(v);
    return Status::Ok();
  }
  // An integer or null.
  Status OptionalInt(std::optional<int>* out) const {
    if (json_.is_null()) {
      out->reset();
      return Status::Ok();
    }
    int v = 0;
    DOCPIPE_TRY(Int(&v));
    *out = v;
    return Status::Ok();
  }

  Status String(const char* key, Need need, std::string* out) const {
    return Member(key, need, [&](const In& m) { return m.String(out); });
  }
  Status OptionalInt(const char* key, Need need, std::optional<int>* out) const {
    return Member(key, need, [&](const In& m) { return m.OptionalInt(out); });
  }
  Status Strings(const char* key, Need need, std::vector<std::string>* out) const {
    out->clear();
    return Each(key, need, [&](const In& e) {
      out->emplace_back();
      return e.String(&out->back());
    });
  }

 private:
  const Json& json_;
  std::string path_;
};

using Need = In::Need;
constexpr Need kRequired = Need::kRequired;
constexpr Need kOptional = Need::kOptional;

// {"line": 3, "page": 1}
Status ReadPos(const In& in, SourcePos* pos) {
  DOCPIPE_TRY(in.Member("line", kRequired, [&](const In& m) { return m.Int(&pos->line); }));
  return in.Member("page", kOptional, [&](const In& m) { return m.Int(&pos->page); });
}
Status ReadLocation(const In& in, SourcePos* pos) {
  return in.Member("location", kRequired, [&](const In& m) { return ReadPos(m, pos); });
}

// "source_lines": [3, 4] -> one SourcePos per line.
Status ReadSourceLines(const In& in, Need need, std::vector<SourcePos>* where) {
  where->clear();
  return in.Each("source_lines", need, [&](const In& e) {
    where->emplace_back();
    return e.Int(&where->back().line);
  });
}

Status ReadSource(const In& in, SourceInfo* source) {
  return in.Member("source", kRequired, [&](const In& s) -> Status {
    DOCPIPE_TRY(s.String("path", kRequired, &source->path));
    DOCPIPE_TRY(s.String("sha256", kRequired, &source->sha256));
    DOCPIPE_TRY(s.String("format", kRequired, &source->format));
    return s.OptionalInt("pages", kOptional, &source->pages);
  });
}

Status ReadDiagnostics(const In& in, Diagnostics* d) {
  DOCPIPE_TRY(in.Each("warnings", kRequired, [&](const In& e) -> Status {
    Warning w;
    DOCPIPE_TRY(e.String("kind", kRequired, &w.kind));
    DOCPIPE_TRY(e.String("message", kRequired, &w.message));
    DOCPIPE_TRY(ReadLocation(e, &w.pos));
    d->warnings.push_back(std::move(w));
    return Status::Ok();
  }));
  return in.Each("unparsed", kRequired, [&](const In& e) -> Status {
    UnparsedText u;
    DOCPIPE_TRY(e.String("text", kRequired, &u.text));
    DOCPIPE_TRY(ReadLocation(e, &u.pos));
    d->unparsed.push_back(std::move(u));
    return Status::Ok();
  });
}

// ---- competency standard (model/standard_json.cc) ----

Status ReadNamedCode(const In& in, const char* key, NamedCode* out) {
  return in.Member(key, kRequired, [&](const In& m) -> Status {
    DOCPIPE_TRY(m.String("name", kRequired, &out->name));
    return m.String("code", kRequired, &out->code);
  });
}

Status ReadVersion(const In& in, Version* v) {
  DOCPIPE_TRY(in.String("version", kRequired, &v->version));
  DOCPIPE_TRY(in.String("code", kRequired, &v->code));
  DOCPIPE_TRY(in.String("name", kRequired, &v->name));
  DOCPIPE_TRY(in.String("status", kRequired, &v->status));
  DOCPIPE_TRY(in.String("note", kRequired, &v->note));
  DOCPIPE_TRY(in.String("date", kRequired, &v->date));
  return ReadSourceLines(in, kOptional, &v->where);
}

// outputs and indicators: {"code", "text", "source_lines"}.
Status ReadCodedItems(const In& in, const char* key, std::vector<CodedItem>* items) {
  return in.Each(key, kRequired, [&](const In& e) -> Status {
    CodedItem item;
    DOCPIPE_TRY(e.String("code", kRequired, &item.code));
    DOCPIPE_TRY(e.String("text", kRequired, &item.text));
    DOCPIPE_TRY(ReadSourceLines(e, kOptional, &item.where));
    items->push_back(std::move(item));
    return Status::Ok();
  });
}

// A task's knowledge and skills: codes only.
Status ReadCodes(const In& in, const char* key, std::vector<CodedItem>* items) {
  return in.Each(key, kRequired, [&](const In& e) -> Status {
    CodedItem item;
    DOCPIPE_TRY(e.String(&item.code));
    items->push_back(std::move(item));
    return Status::Ok();
  });
}

Status ReadTask(const In& in, Task* t) {
  DOCPIPE_TRY(in.String("code", kRequired, &t->code));
  DOCPIPE_TRY(in.String("name", kRequired, &t->name));
  DOCPIPE_TRY(in.OptionalInt("level", kRequired, &t->level));
  DOCPIPE_TRY(ReadCodedItems(in, "outputs", &t->outputs));
  DOCPIPE_TRY(ReadCodedItems(in, "indicators", &t->indicators));
  DOCPIPE_TRY(ReadCodes(in, "knowledge", &t->knowledge));
  DOCPIPE_TRY(ReadCodes(in, "skills", &t->skills));
  return ReadSourceLines(in, kRequired, &t->where);
}

Status ReadDuty(const In& in, Duty* d) {
  DOCPIPE_TRY(in.String("code", kRequired, &d->code));
  DOCPIPE_TRY(in.String("name", kRequired, &d->name));
  DOCPIPE_TRY(ReadSourceLines(in, kOptional, &d->where));
  return in.Each("tasks", kRequired, [&](const In& e) -> Status {
    d->tasks.emplace_back();
    return ReadTask(e, &d->tasks.back());
  });
}

Status ReadDictionary(const In& in, const char* key, std::vector<DictionaryEntry>* entries) {
  return in.Each(key, kRequired, [&](const In& e) -> Status {
    DictionaryEntry entry;
    DOCPIPE_TRY(e.String("code", kRequired, &entry.code));
    DOCPIPE_TRY(e.String("name", kRequired, &entry.name));
    DOCPIPE_TRY(ReadSourceLines(e, kOptional, &entry.where));
    entries->push_back(std::move(entry));
    return Status::Ok();
  });
}

Status ReadAttitude(const In& in, Attitude* a) {
  DOCPIPE_TRY(in.String("code", kRequired, &a->code));
  DOCPIPE_TRY(in.String("name", kRequired, &a->name));
  DOCPIPE_TRY(in.String("description", kRequired, &a->description));
  return ReadSourceLines(in, kOptional, &a->where);
}

Status ReadCompetencyStandard(const In& in, CompetencyStandard* s) {
  DOCPIPE_TRY(in.String("code", kRequired, &s->code));
  DOCPIPE_TRY(in.String("name", kRequired, &s->name));
  DOCPIPE_TRY(in.String("name_kind", kRequired, &s->name_kind));
  DOCPIPE_TRY(in.String("title", kOptional, &s->title));
  DOCPIPE_TRY(ReadNamedCode(in, "category", &s->category));
  DOCPIPE_TRY(ReadNamedCode(in, "occupation", &s->occupation));
  DOCPIPE_TRY(ReadNamedCode(in, "industry", &s->industry));
  DOCPIPE_TRY(in.String("description", kRequired, &s->description));
  DOCPIPE_TRY(in.OptionalInt("level", kRequired, &s->level));
  DOCPIPE_TRY(in.Each("versions", kRequired, [&](const In& e) {
    s->versions.emplace_back();
    return ReadVersion(e, &s->versions.back());
  }));
  DOCPIPE_TRY(in.Each("duties", kRequired, [&](const In& e) {
    s->duties.emplace_back();
    return ReadDuty(e, &s->duties.back());
  }));
  DOCPIPE_TRY(ReadDictionary(in, "knowledge", &s->knowledge));
  DOCPIPE_TRY(ReadDictionary(in, "skills", &s->skills));
  DOCPIPE_TRY(in.Each("attitudes", kRequired, [&](const In& e) {
    s->attitudes.emplace_back();
    return ReadAttitude(e, &s->attitudes.back());
  }));
  DOCPIPE_TRY(in.Strings("notes", kRequired, &s->notes));
  DOCPIPE_TRY(ReadDiagnostics(in, &s->diagnostics));
  return in.Member("field_lines", kOptional, [&](const In& fields) -> Status {
    DOCPIPE_TRY(fields.ExpectObject());
    for (auto it = fields.json().begin(); it != fields.json().end(); ++it) {
      SourcePos pos;
      DOCPIPE_TRY(In(it.value(), "$.field_lines." + it.key()).Int(&pos.line));
      s->field_pos[it.key()] = pos;
    }
    return Status::Ok();
  });
}

// ---- policy and generic documents (model/policy_json.cc) ----

Status ReadNodeRef(const In& in, int* node) {
  return in.Member("node", kRequired, [&](const In& m) -> Status {
    if (m.json().is_null()) {
      *node = -1;
      return Status::Ok();
    }
    return m.Int(node);
  });
}

Status ReadCodedTitle(const In& in, CodedTitle* c) {
  DOCPIPE_TRY(in.String("code", kRequired, &c->code));
  return in.String("title", kRequired, &c->title);
}

// The outline is written as a tree whose nodes carry their index ("id") in
// PolicyDocument::outline; it is read back into that flat vector. Depth is
// bounded by the parser's depth limit.
Status ReadOutlineNode(const In& in, int parent, PolicyDocument* doc) {
  int id = -1;
  DOCPIPE_TRY(in.Member("id", kRequired, [&](const In& m) { return m.Int(&id); }));
  if (id < 0 || id > 1000000) return Status::BadInput("outline node id " + std::to_string(id) + " out of range");
  if (static_cast<size_t>(id) >= doc->outline.size()) doc->outline.resize(static_cast<size_t>(id) + 1);
  OutlineNode& node = doc->outline[static_cast<size_t>(id)];
  node.parent = parent;
  node.level = 0;
  DOCPIPE_TRY(in.String("label", kRequired, &node.label));
  DOCPIPE_TRY(in.String("title", kRequired, &node.title));
  DOCPIPE_TRY(in.Member("level", kRequired, [&](const In& m) { return m.Int(&doc->outline[id].level); }));
  DOCPIPE_TRY(ReadLocation(in, &doc->outline[id].pos));
  if (parent >= 0) doc->outline[static_cast<size_t>(parent)].children.push_back(id);
  return in.Each("children", kRequired, [&](const In& e) { return ReadOutlineNode(e, id, doc); });
}

Status ReadParagraph(const In& in, Paragraph* p) {
  DOCPIPE_TRY(in.String("text", kRequired, &p->text));
  DOCPIPE_TRY(ReadNodeRef(in, &p->node));
  SourcePos first;
  DOCPIPE_TRY(ReadLocation(in, &first));
  DOCPIPE_TRY(ReadSourceLines(in, kRequired, &p->where));
  if (p->where.empty()) p->where.push_back(first);
  p->where.front() = first;  // the location keeps the page
  return Status::Ok();
}

Status ReadCaption(const In& in, Caption* c) {
  DOCPIPE_TRY(in.String("kind", kRequired, &c->kind));
  DOCPIPE_TRY(in.String("label", kRequired, &c->label));
  DOCPIPE_TRY(in.String("title", kRequired, &c->title));
  DOCPIPE_TRY(ReadNodeRef(in, &c->node));
  return ReadLocation(in, &c->pos);
}

// The grid's cells; the matrix is derived from them (GridMatrix) and must
// agree with them.
Status ReadTableGrid(const In& in, TableGrid* grid) {
  DOCPIPE_TRY(in.Member("rows", kRequired, [&](const In& m) { return m.Int(&grid->rows); }));
  DOCPIPE_TRY(in.Member("cols", kRequired, [&](const In& m) { return m.Int(&grid->cols); }));
  DOCPIPE_TRY(in.Member("header_rows", kRequired, [&](const In& m) { return m.Int(&grid->header_rows); }));
  DOCPIPE_TRY(in.Each("cells", kRequired, [&](const In& e) -> Status {
    TableCell cell;
    DOCPIPE_TRY(e.Member("row", kRequired, [&](const In& m) { return m.Int(&cell.row); }));
    DOCPIPE_TRY(e.Member("col", kRequired, [&](const In& m) { return m.Int(&cell.col); }));
    DOCPIPE_TRY(e.Member("row_span", kRequired, [&](const In& m) { return m.Int(&cell.row_span); }));
    DOCPIPE_TRY(e.Member("col_span", kRequired, [&](const In& m) { return m.Int(&cell.col_span); }));
    DOCPIPE_TRY(e.String("text", kRequired, &cell.text));
    grid->cells.push_back(std::move(cell));
    return Status::Ok();
  }));
  if (Status s = CheckTableGrid(*grid); !s.ok()) return Status::BadInput("tables: " + s.message());
  const auto expected = GridMatrix(*grid);
  size_t r = 0;
  DOCPIPE_TRY(in.Each("matrix", kRequired, [&](const In& row) -> Status {
    if (r >= expected.size()) return Status::BadInput("tables: the grid's matrix has more rows than the grid");
    size_t c = 0;
    DOCPIPE_TRY(row.Elements([&](const In& slot) -> Status {
      if (c >= expected[r].size()) return Status::BadInput("tables: a matrix row is longer than the grid");
      std::optional<std::string> value;
      if (!slot.IsNull()) {
        value.emplace();
        DOCPIPE_TRY(slot.String(&*value));
      }
      if (value != expected[r][c++]) return Status::BadInput("tables: the grid's matrix disagrees with its cells");
      return Status::Ok();
    }));
    if (c != expected[r].size()) return Status::BadInput("tables: a matrix row is shorter than the grid");
    ++r;
    return Status::Ok();
  }));
  if (r != expected.size()) return Status::BadInput("tables: the grid's matrix is not rows x cols");
  return Status::Ok();
}

Status ReadPolicyTable(const In& in, PolicyTable* t) {
  DOCPIPE_TRY(in.String("caption", kRequired, &t->caption));
  DOCPIPE_TRY(in.String("title", kRequired, &t->title));
  DOCPIPE_TRY(in.Strings("header", kRequired, &t->header));
  DOCPIPE_TRY(in.Each("rows", kRequired, [&](const In& e) -> Status {
    PolicyTableRow row;
    DOCPIPE_TRY(e.Strings("cells", kRequired, &row.cells));
    DOCPIPE_TRY(ReadSourceLines(e, kRequired, &row.where));
    t->rows.push_back(std::move(row));
    return Status::Ok();
  }));
  // A document written before tables kept their grid has none: its rows
  // are the grid, one slot per cell.
  bool has_grid = false;
  DOCPIPE_TRY(in.Member("grid", kOptional, [&](const In& g) {
    has_grid = true;
    return ReadTableGrid(g, &t->grid);
  }));
  if (!has_grid) {
    std::vector<std::vector<std::string>> rows{t->header};
    for (const PolicyTableRow& row : t->rows) rows.push_back(row.cells);
    t->grid = GridFromRows(rows);
  }
  if (t->grid.rows != 0 && static_cast<size_t>(t->grid.rows) != t->rows.size() + 1) {
    return Status::BadInput("tables: the grid must hold the header row and every body row");
  }
  DOCPIPE_TRY(ReadNodeRef(in, &t->node));
  DOCPIPE_TRY(ReadLocation(in, &t->pos));
  return in.Member("pages", kOptional, [&](const In& pages) -> Status {
    int first = 0;
    DOCPIPE_TRY(pages.Member("first", kRequired, [&](const In& m) { return m.Int(&first); }));
    DOCPIPE_TRY(pages.Member("last", kRequired, [&](const In& m) { return m.Int(&t->last_page); }));
    if (first != t->pos.page || t->last_page < first) {
      return Status::BadInput("tables: pages must run from the location's page forward");
    }
    return Status::Ok();
  });
}

Status ReadActionPlan(const In& in, ActionPlan* a) {
  DOCPIPE_TRY(in.String("code", kRequired, &a->code));
  DOCPIPE_TRY(in.String("title", kRequired, &a->title));
  DOCPIPE_TRY(in.Member("goal", kRequired, [&](const In& m) { return ReadCodedTitle(m, &a->goal); }));
  DOCPIPE_TRY(in.Member("strategy", kRequired, [&](const In& m) { return ReadCodedTitle(m, &a->strategy); }));
  DOCPIPE_TRY(in.Strings("points", kRequired, &a->points));
  DOCPIPE_TRY(in.Each("kpis", kRequired, [&](const In& e) -> Status {
    Kpi k;
    DOCPIPE_TRY(e.String("agency", kRequired, &k.agency));
    DOCPIPE_TRY(e.String("text", kRequired, &k.text));
    a->kpis.push_back(std::move(k));
    return Status::Ok();
  }));
  DOCPIPE_TRY(in.Strings("lead", kRequired, &a->lead));
  DOCPIPE_TRY(in.Strings("co", kRequired, &a->co));
  DOCPIPE_TRY(in.Strings("sources", kRequired, &a->sources));
  return ReadSourceLines(in, kRequired, &a->where);
}

Status ReadStatedCounts(const In& in, std::optional<PlanCounts>* out) {
  return in.Member("stated_counts", kRequired, [&](const In& m) -> Status {
    if (m.json().is_null()) {
      out->reset();
      return Status::Ok();
    }
    PlanCounts c;
    DOCPIPE_TRY(m.OptionalInt("goals", kRequired, &c.goals));
    DOCPIPE_TRY(m.OptionalInt("strategies", kRequired, &c.strategies));
    DOCPIPE_TRY(m.OptionalInt("action_plans", kRequired, &c.action_plans));
    DOCPIPE_TRY(ReadLocation(m, &c.pos));
    *out = c;
    return Status::Ok();
  });
}

Status ReadPolicyDocument(const In& in, PolicyDocument* doc) {
  DOCPIPE_TRY(in.String("title", kRequired, &doc->title));
  DOCPIPE_TRY(in.Each("outline", kRequired, [&](const In& e) { return ReadOutlineNode(e, -1, doc); }));
  DOCPIPE_TRY(in.Each("paragraphs", kRequired, [&](const In& e) {
    doc->paragraphs.emplace_back();
    return ReadParagraph(e, &doc->paragraphs.back());
  }));
  DOCPIPE_TRY(in.Each("captions", kRequired, [&](const In& e) {
    doc->captions.emplace_back();
    return ReadCaption(e, &doc->captions.back());
  }));
  DOCPIPE_TRY(in.Each("tables", kRequired, [&](const In& e) {
    doc->tables.emplace_back();
    return ReadPolicyTable(e, &doc->tables.back());
  }));
  DOCPIPE_TRY(in.Each("goals", kRequired, [&](const In& e) {
    doc->goals.emplace_back();
    return ReadCodedTitle(e, &doc->goals.back());
  }));
  DOCPIPE_TRY(in.Each("strategies", kRequired, [&](const In& e) {
    doc->strategies.emplace_back();
    return ReadCodedTitle(e, &doc->strategies.back());
  }));
  DOCPIPE_TRY(in.Each("action_plans", kRequired, [&](const In& e) {
    doc->action_plans.emplace_back();
    return ReadActionPlan(e, &doc->action_plans.back());
  }));
  DOCPIPE_TRY(ReadStatedCounts(in, &doc->stated_counts));
  return ReadDiagnostics(in, &doc->diagnostics);
}

}  // namespace

Result<Document> ReadDocument(const Json& json) {
  In root(json, "$");
  Document doc;
  Status s = root.String("document_type", kRequired, &doc.document_type);
  if (!s.ok()) return s;
  if (doc.document_type == "competency_standard") {
    doc.standard.emplace();
    s = ReadCompetencyStandard(root, &*doc.standard);
  } else if (doc.document_type == "policy_document" || doc.document_type == "generic_document") {
    doc.policy.emplace();
    s = ReadPolicyDocument(root, &*doc.policy);
  } else {
    return Status::Unsupported("not a docpipe document (document_type \"" + doc.document_type + "\")");
  }
  if (s.ok()) s = root.String("schema_version", kRequired, &doc.schema_version);
  if (s.ok()) s = ReadSource(root, &doc.source);
  if (!s.ok()) return s;
  return doc;
}

Result<Document> ReadDocumentJson(std::string_view bytes) {
  Result<Json> json = ParseUntrustedOrderedJson(bytes);
  if (!json.ok()) return json.status();
  return ReadDocument(*json);
}

}  // namespace docpipe
