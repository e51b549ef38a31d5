// The content of a competency-standard JSON document, flattened for
// comparison. Only content is read: provenance (source, source_lines,
// field_lines, warnings, unparsed) has no place here, so it can never show
// up as a difference.
#ifndef DOCPIPE_DIFF_STANDARD_VIEW_H_
#define DOCPIPE_DIFF_STANDARD_VIEW_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "model/competency_standard.h"

namespace docpipe::diff {

// (name, value) pairs in a fixed order; numbers and null as text ("4", "").
using Fields = std::vector<std::pair<std::string, std::string>>;

struct DutyView {
  std::string code, name;
};

struct TaskView {
  std::string code, name, level;
  size_t duty = 0;  // index into StandardView::duties
  std::vector<std::string> knowledge, skills;
};

// A work output or a behaviour indicator.
struct LeafView {
  std::string code, text;
  size_t task = 0;  // index into StandardView::tasks
};

// A K, S or A entry (description empty for K and S).
struct EntryView {
  std::string code, name, description;
};

struct VersionView {
  std::string label;  // "V4"
  Fields columns;     // code, name, status, note, date
};

struct StandardView {
  Fields header;  // "code", "name", ..., "category.name", ..., "level"
  std::vector<VersionView> versions;
  std::vector<DutyView> duties;
  std::vector<TaskView> tasks;  // all duties' tasks in document order
  std::vector<LeafView> outputs, indicators;
  std::vector<EntryView> knowledge, skills, attitudes;
  std::vector<std::string> notes;
};

StandardView ViewOf(const CompetencyStandard& standard);

// The document read by model/document_reader.h; a document that is not a
// well-formed competency standard gives an empty view (LoadStandard has
// already refused such a document with its reason).
StandardView ViewOf(const nlohmann::ordered_json& document);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_STANDARD_VIEW_H_
