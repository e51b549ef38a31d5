#include "catalogue/version_changes.h"

#include <map>

#include "catalogue/standard_code.h"
#include "diff/standard_diff.h"
#include "model/standard_json.h"

namespace docpipe::catalogue {

namespace {

// The diff compares views; the one writer of the standard JSON feeds it, so
// the catalogue's changes are exactly those of `docpipe diff OLD NEW`.
diff::StandardView ViewOfDocument(const CatalogueDocument& doc) {
  return diff::ViewOf(CompetencyStandardToJson(std::get<CompetencyStandard>(doc.content), doc.source));
}

Value Side(const std::optional<diff::ItemSide>& side, bool code) {
  if (!side) return Value();
  return Value(code ? side->code : side->text);
}

}  // namespace

Status AddVersionChanges(const std::vector<CatalogueDocument>& documents, const std::vector<bool>& preferred,
                         RowSink* sink) {
  // standard_id -> version -> document index
  std::map<std::string, std::map<int64_t, size_t>> versions;
  for (size_t i = 0; i < documents.size(); ++i) {
    const auto* standard = std::get_if<CompetencyStandard>(&documents[i].content);
    if (!standard || !preferred[i]) continue;
    StandardCode code = SplitStandardCode(standard->code);
    if (code.version) versions[code.standard_id][*code.version] = i;
  }
  for (const auto& [standard_id, by_version] : versions) {
    for (auto next = by_version.begin(), prev = next++; next != by_version.end(); prev = next++) {
      const CatalogueDocument& old_doc = documents[prev->second];
      const CatalogueDocument& new_doc = documents[next->second];
      std::vector<diff::Change> changes = diff::DiffStandards(ViewOfDocument(old_doc), ViewOfDocument(new_doc), {});
      int64_t position = 0;
      for (const diff::Change& c : changes) {
        Status s = sink->Add(TableId::kChanges,
                             {standard_id, Value(prev->first), Value(next->first), old_doc.id, new_doc.id,
                              Value(++position), std::string(diff::ChangeTypeName(c.type)),
                              std::string(diff::ItemKindName(c.kind)), c.field, Side(c.new_side, true),
                              Side(c.old_side, true), Side(c.old_side, false), Side(c.new_side, false), c.duty,
                              c.task});
        if (!s.ok()) return s;
      }
    }
  }
  return Status::Ok();
}

}  // namespace docpipe::catalogue
