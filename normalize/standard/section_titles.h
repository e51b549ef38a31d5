// Which part of a competency standard a row opens: the version table's
// header, the attitudes' or the notes' title, a header-table label.
// Each predicate takes a row with at least one non-empty cell.
#ifndef DOCPIPE_NORMALIZE_STANDARD_SECTION_TITLES_H_
#define DOCPIPE_NORMALIZE_STANDARD_SECTION_TITLES_H_

#include <string>

#include "normalize/standard/clean_row.h"

namespace docpipe {

// 版本 | 職能基準代碼 | ...
bool IsVersionHeader(const CleanRow& row);
// A section title in the row's first non-empty cell; the cells after it, if
// any, are already the section's content (some forms print them side by side).
bool IsAttitudeHeader(const CleanRow& row);
bool IsNotesHeader(const CleanRow& row);
// The content cells after a section title, joined as one line.
std::string AfterTitle(const CleanRow& row);
// A version-table row starts with a version label: V4, v1.0, 第2版, 2.
bool LooksLikeVersionRow(const CleanRow& row);
// The row names a header-table field (not only 職類 or 職業, which also head
// other tables).
bool HasHeaderLabel(const CleanRow& row);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_SECTION_TITLES_H_
