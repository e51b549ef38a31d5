#include "normalize/standard/standard_labels.h"

namespace docpipe {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

HeaderLabel HeaderLabelOf(const std::string& key) {
  if (key.empty()) return HeaderLabel::kNone;
  if (key == "職能基準代碼") return HeaderLabel::kCode;
  if (StartsWith(key, "職能基準名稱")) return HeaderLabel::kNameGroup;
  if (key == "職類") return HeaderLabel::kJobCategoryName;
  if (key == "職業") return HeaderLabel::kOccupationName;
  if (key == "所屬類別") return HeaderLabel::kGroup;
  if (key == "職類別") return HeaderLabel::kCategory;
  if (key == "職類別代碼") return HeaderLabel::kCategoryCode;
  if (key == "職業別") return HeaderLabel::kOccupation;
  if (key == "職業別代碼") return HeaderLabel::kOccupationCode;
  if (key == "行業別") return HeaderLabel::kIndustry;
  if (key == "行業別代碼") return HeaderLabel::kIndustryCode;
  if (key == "工作描述") return HeaderLabel::kDescription;
  if (key == "基準級別") return HeaderLabel::kLevel;
  return HeaderLabel::kNone;
}

const char* HeaderFieldName(HeaderLabel label) {
  switch (label) {
    case HeaderLabel::kCode: return "code";
    case HeaderLabel::kJobCategoryName: return "name_job_category";
    case HeaderLabel::kOccupationName: return "name_occupation";
    case HeaderLabel::kCategory: return "category.name";
    case HeaderLabel::kCategoryCode: return "category.code";
    case HeaderLabel::kOccupation: return "occupation.name";
    case HeaderLabel::kOccupationCode: return "occupation.code";
    case HeaderLabel::kIndustry: return "industry.name";
    case HeaderLabel::kIndustryCode: return "industry.code";
    case HeaderLabel::kDescription: return "description";
    case HeaderLabel::kLevel: return "level";
    default: return nullptr;
  }
}

}  // namespace docpipe
