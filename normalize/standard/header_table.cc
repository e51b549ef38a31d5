#include "normalize/standard/header_table.h"

#include "common/unicode.h"
#include "normalize/standard/field_values.h"

namespace docpipe {

std::string* HeaderTable::Slot(HeaderLabel label) {
  switch (label) {
    case HeaderLabel::kCode: return &out_->code;
    case HeaderLabel::kJobCategoryName: return &job_category_name_;
    case HeaderLabel::kOccupationName: return &occupation_name_;
    case HeaderLabel::kCategory: return &out_->category.name;
    case HeaderLabel::kCategoryCode: return &out_->category.code;
    case HeaderLabel::kOccupation: return &out_->occupation.name;
    case HeaderLabel::kOccupationCode: return &out_->occupation.code;
    case HeaderLabel::kIndustry: return &out_->industry.name;
    case HeaderLabel::kIndustryCode: return &out_->industry.code;
    case HeaderLabel::kDescription: return &out_->description;
    default: return nullptr;
  }
}

void HeaderTable::SetLevel(const std::string& value, SourcePos pos) {
  if (value.empty()) return;
  out_->level = ParseLevel(rules_, value);
  out_->field_pos["level"] = pos;
  if (!out_->level) {
    out_->diagnostics.Warn("bad_level", "基準級別 is not a number: " + value, pos);
    out_->diagnostics.Unplaced(value, pos);
  }
}

void HeaderTable::SetField(HeaderLabel label, const std::string& value, SourcePos pos) {
  if (label == HeaderLabel::kLevel) return SetLevel(value, pos);
  std::string* slot = Slot(label);
  if (slot == nullptr) return;
  std::string repaired = unicode::CollapseSpaces(value);
  if (slot->empty()) {
    *slot = repaired;
  } else if (!repaired.empty()) {
    unicode::AppendWrapped(slot, repaired);
    *slot = unicode::CollapseSpaces(*slot);
  }
  if (const char* name = HeaderFieldName(label); name != nullptr && !out_->field_pos.count(name)) {
    out_->field_pos[name] = pos;
  }
}

void HeaderTable::AddRow(const CleanRow& row) {
  bool any_label = false;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    HeaderLabel label = HeaderLabelOf(row.keys[i]);
    if (label == HeaderLabel::kNone) continue;
    any_label = true;
    out_->diagnostics.Consumed(row.cells[i]);
    if (label == HeaderLabel::kNameGroup || label == HeaderLabel::kGroup) continue;
    // The value is the next non-empty cell that is not itself a label.
    std::string value;
    size_t j = i + 1;
    for (; j < row.cells.size(); ++j) {
      if (row.cells[j].empty()) continue;
      if (HeaderLabelOf(row.keys[j]) == HeaderLabel::kNone) value = row.cells[j];
      break;
    }
    SetField(label, value, row.pos);
    last_label_ = label;
    if (!value.empty()) i = j;
  }
  if (!any_label) {
    // A value wrapped onto a row of its own continues the last field.
    if (last_label_ != HeaderLabel::kNone && last_label_ != HeaderLabel::kLevel) {
      SetField(last_label_, row.Joined(), row.pos);
    } else {
      out_->diagnostics.Unplaced(row.AsRead(), row.pos);
    }
  }
}

void HeaderTable::Finish() {
  if (!occupation_name_.empty()) {
    out_->name = occupation_name_;
    out_->name_kind = "occupation";
    out_->field_pos["name"] = out_->field_pos["name_occupation"];
  } else if (!job_category_name_.empty()) {
    out_->name = job_category_name_;
    out_->name_kind = "job_category";
    out_->field_pos["name"] = out_->field_pos["name_job_category"];
  }
  out_->field_pos.erase("name_occupation");
  out_->field_pos.erase("name_job_category");
}

}  // namespace docpipe
