#include "model/standard_json.h"

#include "common/version.h"

namespace docpipe {

using Json = nlohmann::ordered_json;

Json SourceToJson(const SourceInfo& source) {
  Json out = {{"path", source.path}, {"sha256", source.sha256}, {"format", source.format}};
  if (source.pages) out["pages"] = *source.pages;
  return out;
}

Json PosToJson(SourcePos pos) {
  Json out = {{"line", pos.line < 1 ? 1 : pos.line}};
  if (pos.page > 0) out["page"] = pos.page;
  return out;
}

Json LinesToJson(const std::vector<SourcePos>& where) {
  Json out = Json::array();
  for (const SourcePos& p : where) {
    if (out.empty() || out.back() != p.line) out.push_back(p.line);
  }
  return out;
}

void AddDiagnostics(const Diagnostics& diagnostics, Json* out) {
  Json warnings = Json::array();
  for (const Warning& w : diagnostics.warnings) {
    warnings.push_back({{"kind", w.kind}, {"message", w.message}, {"location", PosToJson(w.pos)}});
  }
  Json unparsed = Json::array();
  for (const UnparsedText& u : diagnostics.unparsed) {
    unparsed.push_back({{"text", u.text}, {"location", PosToJson(u.pos)}});
  }
  (*out)["warnings"] = std::move(warnings);
  (*out)["unparsed"] = std::move(unparsed);
}

namespace {

Json Items(const std::vector<CodedItem>& items) {
  Json out = Json::array();
  for (const CodedItem& item : items) {
    out.push_back({{"code", item.code}, {"text", item.text}, {"source_lines", LinesToJson(item.where)}});
  }
  return out;
}

Json Codes(const std::vector<CodedItem>& items) {
  Json out = Json::array();
  for (const CodedItem& item : items) {
    if (std::find(out.begin(), out.end(), item.code) == out.end()) out.push_back(item.code);
  }
  return out;
}

Json Dictionary(const std::vector<DictionaryEntry>& entries) {
  Json out = Json::array();
  for (const DictionaryEntry& e : entries) {
    out.push_back({{"code", e.code}, {"name", e.name}, {"source_lines", LinesToJson(e.where)}});
  }
  return out;
}

}  // namespace

Json CompetencyStandardToJson(const CompetencyStandard& s, const SourceInfo& source) {
  Json out;
  out["document_type"] = "competency_standard";
  out["schema_version"] = kSchemaVersion;
  out["source"] = SourceToJson(source);
  out["code"] = s.code;
  out["name"] = s.name;
  out["name_kind"] = s.name_kind;
  out["title"] = s.title;
  out["category"] = {{"name", s.category.name}, {"code", s.category.code}};
  out["occupation"] = {{"name", s.occupation.name}, {"code", s.occupation.code}};
  out["industry"] = {{"name", s.industry.name}, {"code", s.industry.code}};
  out["description"] = s.description;
  out["level"] = s.level ? Json(*s.level) : Json(nullptr);
  Json versions = Json::array();
  for (const Version& v : s.versions) {
    versions.push_back({{"version", v.version},
                        {"code", v.code},
                        {"name", v.name},
                        {"status", v.status},
                        {"note", v.note},
                        {"date", v.date},
                        {"source_lines", LinesToJson(v.where)}});
  }
  out["versions"] = std::move(versions);
  Json duties = Json::array();
  for (const Duty& duty : s.duties) {
    Json tasks = Json::array();
    for (const Task& task : duty.tasks) {
      tasks.push_back({{"code", task.code},
                       {"name", task.name},
                       {"level", task.level ? Json(*task.level) : Json(nullptr)},
                       {"outputs", Items(task.outputs)},
                       {"indicators", Items(task.indicators)},
                       {"knowledge", Codes(task.knowledge)},
                       {"skills", Codes(task.skills)},
                       {"source_lines", LinesToJson(task.where)}});
    }
    duties.push_back({{"code", duty.code},
                      {"name", duty.name},
                      {"source_lines", LinesToJson(duty.where)},
                      {"tasks", std::move(tasks)}});
  }
  out["duties"] = std::move(duties);
  out["knowledge"] = Dictionary(s.knowledge);
  out["skills"] = Dictionary(s.skills);
  Json attitudes = Json::array();
  for (const Attitude& a : s.attitudes) {
    attitudes.push_back({{"code", a.code},
                         {"name", a.name},
                         {"description", a.description},
                         {"source_lines", LinesToJson(a.where)}});
  }
  out["attitudes"] = std::move(attitudes);
  out["notes"] = s.notes;
  AddDiagnostics(s.diagnostics, &out);
  Json fields = Json::object();
  for (const auto& [name, pos] : s.field_pos) fields[name] = pos.line < 1 ? 1 : pos.line;
  out["field_lines"] = std::move(fields);
  return out;
}

}  // namespace docpipe
