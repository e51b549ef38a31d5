// The model of a competency standard (職能基準), filled by
// ParseCompetencyStandard and written by CompetencyStandardToJson. Field
// meanings are in schema/competency-standard.schema.json.
#ifndef DOCPIPE_MODEL_COMPETENCY_STANDARD_H_
#define DOCPIPE_MODEL_COMPETENCY_STANDARD_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/coded_item.h"
#include "model/diagnostics.h"

namespace docpipe {

struct NamedCode {
  std::string name;
  std::string code;
};

struct Version {
  std::string version, code, name, status, note, date;
  std::vector<SourcePos> where;
};

struct Task {
  std::string code;
  std::string name;
  std::optional<int> level;
  std::vector<CodedItem> outputs;
  std::vector<CodedItem> indicators;
  std::vector<CodedItem> knowledge;  // code + name as printed in this row
  std::vector<CodedItem> skills;
  std::vector<SourcePos> where;
};

struct Duty {
  std::string code;
  std::string name;
  std::vector<Task> tasks;
  std::vector<SourcePos> where;
};

struct DictionaryEntry {
  std::string code;
  std::string name;
  std::vector<SourcePos> where;
};

struct Attitude {
  std::string code, name, description;
  std::vector<SourcePos> where;
};

struct CompetencyStandard {
  std::string title;
  std::string code;
  std::string name;
  std::string name_kind = "occupation";
  NamedCode category, occupation, industry;
  std::string description;
  std::optional<int> level;
  std::vector<Version> versions;
  std::vector<Duty> duties;
  std::vector<DictionaryEntry> knowledge;  // filled by CheckCompetencyStandard
  std::vector<DictionaryEntry> skills;
  std::vector<Attitude> attitudes;
  std::vector<std::string> notes;
  std::map<std::string, SourcePos> field_pos;  // header field -> where read
  Diagnostics diagnostics;
};

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_COMPETENCY_STANDARD_H_
