#include "model/standard_json.h"

#include <algorithm>
#include <utility>

#include "common/version.h"
#include "model/json_build.h"

namespace docpipe {

using Json = nlohmann::ordered_json;

namespace {

// The tree is built member by member (model/json_build.h), with the
// model's strings moved in.
using json_build::Array;
using json_build::Object;
using json_build::Push;
using json_build::Put;

Json LevelToJson(const std::optional<int>& level) { return level ? Json(*level) : Json(nullptr); }

Json Items(std::vector<CodedItem>* items) {
  Json out = Array(items->size());
  for (CodedItem& item : *items) {
    Json object = Object(3);
    Put(&object, "code", std::move(item.code));
    Put(&object, "text", std::move(item.text));
    Put(&object, "source_lines", LinesToJson(item.where));
    Push(&out, std::move(object));
  }
  return out;
}

Json Codes(const std::vector<CodedItem>& items) {
  Json out = Array(items.size());
  // Each code once, in the order first printed. Compared as strings with
  // the items before: finding a code among the JSON values built a JSON
  // string of it for every comparison.
  for (auto item = items.begin(); item != items.end(); ++item) {
    const auto same = [&](const CodedItem& earlier) { return earlier.code == item->code; };
    if (std::none_of(items.begin(), item, same)) Push(&out, item->code);
  }
  return out;
}

Json Dictionary(std::vector<DictionaryEntry>* entries) {
  Json out = Array(entries->size());
  for (DictionaryEntry& e : *entries) {
    Json object = Object(3);
    Put(&object, "code", std::move(e.code));
    Put(&object, "name", std::move(e.name));
    Put(&object, "source_lines", LinesToJson(e.where));
    Push(&out, std::move(object));
  }
  return out;
}

Json NamedCodeToJson(NamedCode* named) {
  Json out = Object(2);
  Put(&out, "name", std::move(named->name));
  Put(&out, "code", std::move(named->code));
  return out;
}

Json TaskToJson(Task* task) {
  Json out = Object(8);
  Put(&out, "code", std::move(task->code));
  Put(&out, "name", std::move(task->name));
  Put(&out, "level", LevelToJson(task->level));
  Put(&out, "outputs", Items(&task->outputs));
  Put(&out, "indicators", Items(&task->indicators));
  Put(&out, "knowledge", Codes(task->knowledge));
  Put(&out, "skills", Codes(task->skills));
  Put(&out, "source_lines", LinesToJson(task->where));
  return out;
}

}  // namespace

Json SourceToJson(const SourceInfo& source) {
  Json out = Object(4);
  Put(&out, "path", source.path);
  Put(&out, "sha256", source.sha256);
  Put(&out, "format", source.format);
  if (source.pages) Put(&out, "pages", *source.pages);
  return out;
}

Json PosToJson(SourcePos pos) {
  Json out = Object(2);
  Put(&out, "line", pos.line < 1 ? 1 : pos.line);
  if (pos.page > 0) Put(&out, "page", pos.page);
  return out;
}

Json LinesToJson(const std::vector<SourcePos>& where) {
  Json out = Array(where.size());
  Json::array_t& lines = out.get_ref<Json::array_t&>();
  int last = 0;
  for (const SourcePos& p : where) {
    if (lines.empty() || last != p.line) lines.emplace_back(p.line);
    last = p.line;
  }
  return out;
}

void AddDiagnostics(Diagnostics* diagnostics, Json* out) {
  Json warnings = Array(diagnostics->warnings.size());
  for (Warning& w : diagnostics->warnings) {
    Json object = Object(3);
    Put(&object, "kind", std::move(w.kind));
    Put(&object, "message", std::move(w.message));
    Put(&object, "location", PosToJson(w.pos));
    Push(&warnings, std::move(object));
  }
  Json unparsed = Array(diagnostics->unparsed.size());
  for (UnparsedText& u : diagnostics->unparsed) {
    Json object = Object(2);
    Put(&object, "text", std::move(u.text));
    Put(&object, "location", PosToJson(u.pos));
    Push(&unparsed, std::move(object));
  }
  (*out)["warnings"] = std::move(warnings);
  (*out)["unparsed"] = std::move(unparsed);
}

Json CompetencyStandardToJson(CompetencyStandard s, const SourceInfo& source) {
  Json out = Object(23);
  Put(&out, "document_type", "competency_standard");
  Put(&out, "schema_version", kSchemaVersion);
  Put(&out, "source", SourceToJson(source));
  Put(&out, "code", std::move(s.code));
  Put(&out, "name", std::move(s.name));
  Put(&out, "name_kind", std::move(s.name_kind));
  Put(&out, "title", std::move(s.title));
  Put(&out, "category", NamedCodeToJson(&s.category));
  Put(&out, "occupation", NamedCodeToJson(&s.occupation));
  Put(&out, "industry", NamedCodeToJson(&s.industry));
  Put(&out, "description", std::move(s.description));
  Put(&out, "level", LevelToJson(s.level));
  Json versions = Array(s.versions.size());
  for (Version& v : s.versions) {
    Json object = Object(7);
    Put(&object, "version", std::move(v.version));
    Put(&object, "code", std::move(v.code));
    Put(&object, "name", std::move(v.name));
    Put(&object, "status", std::move(v.status));
    Put(&object, "note", std::move(v.note));
    Put(&object, "date", std::move(v.date));
    Put(&object, "source_lines", LinesToJson(v.where));
    Push(&versions, std::move(object));
  }
  Put(&out, "versions", std::move(versions));
  Json duties = Array(s.duties.size());
  for (Duty& duty : s.duties) {
    Json tasks = Array(duty.tasks.size());
    for (Task& task : duty.tasks) Push(&tasks, TaskToJson(&task));
    Json object = Object(4);
    Put(&object, "code", std::move(duty.code));
    Put(&object, "name", std::move(duty.name));
    Put(&object, "source_lines", LinesToJson(duty.where));
    Put(&object, "tasks", std::move(tasks));
    Push(&duties, std::move(object));
  }
  Put(&out, "duties", std::move(duties));
  Put(&out, "knowledge", Dictionary(&s.knowledge));
  Put(&out, "skills", Dictionary(&s.skills));
  Json attitudes = Array(s.attitudes.size());
  for (Attitude& a : s.attitudes) {
    Json object = Object(4);
    Put(&object, "code", std::move(a.code));
    Put(&object, "name", std::move(a.name));
    Put(&object, "description", std::move(a.description));
    Put(&object, "source_lines", LinesToJson(a.where));
    Push(&attitudes, std::move(object));
  }
  Put(&out, "attitudes", std::move(attitudes));
  Json notes = Array(s.notes.size());
  for (std::string& note : s.notes) Push(&notes, std::move(note));
  Put(&out, "notes", std::move(notes));
  AddDiagnostics(&s.diagnostics, &out);
  Json fields = Object(s.field_pos.size());
  for (const auto& [name, pos] : s.field_pos) Put(&fields, name.c_str(), pos.line < 1 ? 1 : pos.line);
  Put(&out, "field_lines", std::move(fields));
  return out;
}

}  // namespace docpipe
