#include "normalize/standard/attitude_list.h"

#include <string>

#include "common/unicode.h"

namespace docpipe {
namespace {

std::string Trim(std::string_view s) { return std::string(unicode::TrimAscii(s)); }

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

Attitude ReadAttitude(const CodedItem& item) {
  Attitude attitude;
  attitude.code = item.code;
  attitude.where = item.where;
  std::string text = item.text;
  for (const char* colon : {"：", ":"}) {
    if (StartsWith(text, colon)) text = Trim(text.substr(std::string(colon).size()));
  }
  size_t cut = std::string::npos, width = 0;
  for (const char* colon : {"：", ":"}) {
    size_t at = text.find(colon);
    if (at != std::string::npos && at < cut) {
      cut = at;
      width = std::string(colon).size();
    }
  }
  if (cut == std::string::npos) {
    attitude.name = text;
  } else {
    attitude.name = Trim(text.substr(0, cut));
    attitude.description = Trim(text.substr(cut + width));
  }
  return attitude;
}

}  // namespace

std::vector<Attitude> ReadAttitudes(const std::vector<Fragment>& lines, const RuleSet& rules,
                                    Diagnostics* diagnostics) {
  SplitCell cell = SplitItems(lines, rules.Pattern("attitude_code"));
  if (!cell.leading.empty()) diagnostics->Unplaced(cell.leading, cell.leading_pos);
  std::vector<Attitude> attitudes;
  for (const CodedItem& item : cell.items) attitudes.push_back(ReadAttitude(item));
  return attitudes;
}

}  // namespace docpipe
