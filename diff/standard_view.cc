#include "diff/standard_view.h"

namespace docpipe::diff {
namespace {

using Json = nlohmann::ordered_json;

const Json& Member(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

std::string Text(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  return "";
}

std::string Str(const Json& j, const char* key) { return Text(Member(j, key)); }

const Json& List(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  const Json& m = Member(j, key);
  return m.is_array() ? m : kEmpty;
}

std::vector<std::string> Strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  for (const Json& s : List(j, key)) out.push_back(Text(s));
  return out;
}

std::vector<EntryView> Entries(const Json& doc, const char* key) {
  std::vector<EntryView> out;
  for (const Json& e : List(doc, key)) out.push_back({Str(e, "code"), Str(e, "name"), Str(e, "description")});
  return out;
}

}  // namespace

StandardView ViewOf(const Json& doc) {
  StandardView v;
  for (const char* key : {"code", "name", "name_kind", "title"}) v.header.emplace_back(key, Str(doc, key));
  for (const char* group : {"category", "occupation", "industry"}) {
    for (const char* key : {"name", "code"}) {
      v.header.emplace_back(std::string(group) + "." + key, Str(Member(doc, group), key));
    }
  }
  for (const char* key : {"description", "level"}) v.header.emplace_back(key, Str(doc, key));

  for (const Json& row : List(doc, "versions")) {
    VersionView version{Str(row, "version"), {}};
    for (const char* key : {"code", "name", "status", "note", "date"}) version.columns.emplace_back(key, Str(row, key));
    v.versions.push_back(std::move(version));
  }
  for (const Json& duty : List(doc, "duties")) {
    v.duties.push_back({Str(duty, "code"), Str(duty, "name")});
    for (const Json& task : List(duty, "tasks")) {
      const size_t t = v.tasks.size();
      v.tasks.push_back({Str(task, "code"), Str(task, "name"), Str(task, "level"), v.duties.size() - 1,
                         Strings(task, "knowledge"), Strings(task, "skills")});
      for (const Json& o : List(task, "outputs")) v.outputs.push_back({Str(o, "code"), Str(o, "text"), t});
      for (const Json& p : List(task, "indicators")) v.indicators.push_back({Str(p, "code"), Str(p, "text"), t});
    }
  }
  v.knowledge = Entries(doc, "knowledge");
  v.skills = Entries(doc, "skills");
  v.attitudes = Entries(doc, "attitudes");
  v.notes = Strings(doc, "notes");
  return v;
}

}  // namespace docpipe::diff
