#include "normalize/standard/version_row.h"

#include "common/unicode.h"
#include "normalize/standard/field_values.h"

namespace docpipe {
namespace {

bool Contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

Version ReadVersionRow(const CleanRow& row, const std::vector<std::string>& columns, const RuleSet& rules,
                       Diagnostics* diagnostics) {
  Version version;
  version.where.push_back(row.pos);
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const std::string& text = row.cells[i];
    if (text.empty()) continue;
    const std::string& column = i < columns.size() ? columns[i] : std::string();
    std::string value = unicode::CollapseSpaces(text);
    if (column == "版本") {
      version.version = value;
    } else if (Contains(column, "代碼")) {
      version.code = value;
    } else if (Contains(column, "名稱")) {
      version.name = value;
    } else if (Contains(column, "狀態")) {
      version.status = value;
    } else if (Contains(column, "說明")) {
      version.note = value;
    } else if (Contains(column, "日期")) {
      version.date = ParseDate(rules, value);
      if (version.date.empty()) {
        diagnostics->Warn("bad_date", "version date is not a date: " + value, row.pos);
      }
    } else {
      diagnostics->Unplaced(value, row.pos);
    }
  }
  return version;
}

}  // namespace docpipe
