#include "normalize/standard/section_titles.h"

#include "common/unicode.h"
#include "normalize/standard/standard_labels.h"

namespace docpipe {
namespace {

bool Contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

bool IsVersionHeader(const CleanRow& row) {
  bool version = false, code = false;
  for (const auto& key : row.keys) {
    version |= key == "版本";
    code |= Contains(key, "代碼");
  }
  return version && code;
}

bool IsAttitudeHeader(const CleanRow& row) {
  const std::string& key = row.keys[FirstNonEmptyIndex(row)];
  return Contains(key, "attitude") || (Contains(key, "職能內涵") && Contains(key, "態度"));
}

bool IsNotesHeader(const CleanRow& row) {
  const std::string& key = row.keys[FirstNonEmptyIndex(row)];
  return StartsWith(key, "說明與補充事項") || StartsWith(key, "說明及補充事項") || key == "補充說明";
}

std::string AfterTitle(const CleanRow& row) {
  std::string out;
  for (size_t i = FirstNonEmptyIndex(row) + 1; i < row.cells.size(); ++i) {
    unicode::AppendWrapped(&out, row.cells[i]);
  }
  return out;
}

bool LooksLikeVersionRow(const CleanRow& row) {
  const std::string& first = row.cells[FirstNonEmptyIndex(row)];
  std::string key = unicode::FoldKey(first.substr(0, 16));
  return !key.empty() && (key[0] == 'v' || (key[0] >= '0' && key[0] <= '9') || StartsWith(key, "第"));
}

bool HasHeaderLabel(const CleanRow& row) {
  for (const auto& key : row.keys) {
    HeaderLabel label = HeaderLabelOf(key);
    if (label != HeaderLabel::kNone && label != HeaderLabel::kJobCategoryName &&
        label != HeaderLabel::kOccupationName) {
      return true;
    }
  }
  return false;
}

}  // namespace docpipe
