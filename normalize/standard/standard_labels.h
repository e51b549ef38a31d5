// The labels of the competency standard's header table (職能基準代碼,
// 職能基準名稱, 所屬類別, 工作描述, 基準級別, ...) and the model field each
// fills.
#ifndef DOCPIPE_NORMALIZE_STANDARD_STANDARD_LABELS_H_
#define DOCPIPE_NORMALIZE_STANDARD_STANDARD_LABELS_H_

#include <cstddef>
#include <string>

namespace docpipe {

// Labels and column headers are short; longer cells are content and are
// never compared with them, which saves most of the folding work.
inline constexpr size_t kMaxLabelBytes = 96;

enum class HeaderLabel {
  kNone, kCode, kNameGroup, kJobCategoryName, kOccupationName, kGroup,
  kCategory, kCategoryCode, kOccupation, kOccupationCode, kIndustry, kIndustryCode,
  kDescription, kLevel,
};

// The label a cell names, matched on its unicode::FoldKey; kNone for any
// other cell.
HeaderLabel HeaderLabelOf(const std::string& key);

// The field_pos name of the field a label fills ("category.code"); nullptr
// for the group labels, which fill nothing themselves.
const char* HeaderFieldName(HeaderLabel label);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_STANDARD_LABELS_H_
