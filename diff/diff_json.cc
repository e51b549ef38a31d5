#include "diff/diff_json.h"

namespace docpipe::diff {
namespace {

using Json = nlohmann::ordered_json;

Json InputToJson(const DiffInput& input) {
  return Json{{"path", input.path}, {"code", input.code}, {"name", input.name}};
}

Json SideToJson(const ItemSide& side) {
  return Json{{"code", side.code}, {"path", side.path}, {"text", side.text}};
}

Json ChangeToJson(const Change& c) {
  Json j{{"kind", ItemKindName(c.kind)}, {"change", ChangeTypeName(c.type)}, {"field", c.field}};
  if (c.old_side) j["old"] = SideToJson(*c.old_side);
  if (c.new_side) j["new"] = SideToJson(*c.new_side);
  if (!c.edits.empty()) {
    Json edits = Json::array();
    for (const EditRun& run : c.edits) edits.push_back(Json{{"op", EditOpName(run.op)}, {"text", run.text}});
    j["edits"] = std::move(edits);
  }
  if (c.type == ChangeType::kChanged || c.type == ChangeType::kMoved) j["similarity"] = c.similarity;
  if (!c.references_updated.empty()) j["references_updated"] = c.references_updated;
  if (!c.content.empty()) {
    Json content = Json::array();
    for (const ContentItem& item : c.content) {
      content.push_back(
          Json{{"kind", ItemKindName(item.kind)}, {"code", item.code}, {"parent", item.parent}, {"text", item.text}});
    }
    j["content"] = std::move(content);
  }
  j["duty"] = c.duty;
  j["task"] = c.task;
  return j;
}

}  // namespace

Json DiffToJson(const DiffResult& result) {
  Json by_kind = Json::object();
  const auto counts = CountChanges(result.changes);
  for (size_t k = 0; k < kItemKindCount; ++k) {
    const ChangeCounts& n = counts[k];
    by_kind[ItemKindName(static_cast<ItemKind>(k))] =
        Json{{"added", n.added}, {"removed", n.removed}, {"changed", n.changed}, {"moved", n.moved}};
  }
  Json changes = Json::array();
  for (const Change& c : result.changes) changes.push_back(ChangeToJson(c));
  return Json{{"document_type", "diff"},
              {"schema_version", kDiffSchemaVersion},
              {"old", InputToJson(result.old_input)},
              {"new", InputToJson(result.new_input)},
              {"identical", result.changes.empty()},
              {"summary", Json{{"total", result.changes.size()}, {"by_kind", std::move(by_kind)}}},
              {"changes", std::move(changes)}};
}

}  // namespace docpipe::diff
