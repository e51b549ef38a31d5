// HeaderTable: reads the competency standard's header table (職能基準代碼,
// 職能基準名稱, 所屬類別, 工作描述, 基準級別) into the model. A label's value is
// the next non-empty cell that is not itself a label; a row without labels
// continues the last field (a value wrapped onto a row of its own).
//
//   HeaderTable header(rules, &standard);
//   for (row : header_rows) header.AddRow(row);
//   header.Finish();  // sets name and name_kind
#ifndef DOCPIPE_NORMALIZE_STANDARD_HEADER_TABLE_H_
#define DOCPIPE_NORMALIZE_STANDARD_HEADER_TABLE_H_

#include <string>

#include "model/competency_standard.h"
#include "normalize/repair/rule_set.h"
#include "normalize/standard/clean_row.h"
#include "normalize/standard/standard_labels.h"

namespace docpipe {

class HeaderTable {
 public:
  // Both must outlive this object; fields, field_pos and diagnostics of
  // `out` are written.
  HeaderTable(const RuleSet& rules, CompetencyStandard* out) : rules_(rules), out_(out) {}

  void AddRow(const CleanRow& row);
  // The name is the occupation's (職業) if given, else the job category's
  // (職類).
  void Finish();

 private:
  void SetField(HeaderLabel label, const std::string& value, SourcePos pos);
  void SetLevel(const std::string& value, SourcePos pos);
  std::string* Slot(HeaderLabel label);

  const RuleSet& rules_;
  CompetencyStandard* out_;
  HeaderLabel last_label_ = HeaderLabel::kNone;
  std::string job_category_name_, occupation_name_;
};

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_HEADER_TABLE_H_
