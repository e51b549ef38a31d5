#include "diff/standard_view.h"

#include "model/document_reader.h"

namespace docpipe::diff {
namespace {

std::string Level(const std::optional<int>& level) { return level ? std::to_string(*level) : ""; }

std::vector<std::string> Codes(const std::vector<CodedItem>& items) {
  std::vector<std::string> out;
  for (const CodedItem& item : items) out.push_back(item.code);
  return out;
}

std::vector<EntryView> Entries(const std::vector<DictionaryEntry>& entries) {
  std::vector<EntryView> out;
  for (const DictionaryEntry& e : entries) out.push_back({e.code, e.name, ""});
  return out;
}

}  // namespace

StandardView ViewOf(const CompetencyStandard& s) {
  StandardView v;
  v.header = {{"code", s.code},
              {"name", s.name},
              {"name_kind", s.name_kind},
              {"title", s.title},
              {"category.name", s.category.name},
              {"category.code", s.category.code},
              {"occupation.name", s.occupation.name},
              {"occupation.code", s.occupation.code},
              {"industry.name", s.industry.name},
              {"industry.code", s.industry.code},
              {"description", s.description},
              {"level", Level(s.level)}};
  for (const Version& version : s.versions) {
    v.versions.push_back({version.version,
                          {{"code", version.code},
                           {"name", version.name},
                           {"status", version.status},
                           {"note", version.note},
                           {"date", version.date}}});
  }
  for (const Duty& duty : s.duties) {
    v.duties.push_back({duty.code, duty.name});
    for (const Task& task : duty.tasks) {
      const size_t t = v.tasks.size();
      v.tasks.push_back({task.code, task.name, Level(task.level), v.duties.size() - 1, Codes(task.knowledge),
                         Codes(task.skills)});
      for (const CodedItem& o : task.outputs) v.outputs.push_back({o.code, o.text, t});
      for (const CodedItem& p : task.indicators) v.indicators.push_back({p.code, p.text, t});
    }
  }
  v.knowledge = Entries(s.knowledge);
  v.skills = Entries(s.skills);
  for (const Attitude& a : s.attitudes) v.attitudes.push_back({a.code, a.name, a.description});
  v.notes = s.notes;
  return v;
}

StandardView ViewOf(const nlohmann::ordered_json& document) {
  Result<Document> doc = ReadDocument(document);
  if (!doc.ok() || !doc->standard) return {};
  return ViewOf(*doc->standard);
}

}  // namespace docpipe::diff
