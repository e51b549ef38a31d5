#include "extract/page_furniture.h"

#include <unicode/utf8.h>

#include <map>
#include <set>

#include "common/unicode.h"

namespace docpipe {
namespace {

enum class Band { kNone, kTop, kBottom };

Band BandOf(const TextLine& line, const Page& page, double band) {
  if (line.bbox.y1 <= page.height * band) return Band::kTop;
  if (line.bbox.y0 >= page.height * (1 - band)) return Band::kBottom;
  return Band::kNone;
}

}  // namespace

std::string FurnitureKey(const std::string& text) {
  std::string key = unicode::FoldKey(text);
  std::string out;
  bool in_digits = false;
  for (char c : key) {
    if (c >= '0' && c <= '9') {
      if (!in_digits) out.push_back('#');
      in_digits = true;
    } else {
      out.push_back(c);
      in_digits = false;
    }
  }
  return out;
}

bool IsPageNumberKey(const std::string& key) {
  // The words and signs page numbers are written with, after FoldKey.
  static const std::set<int32_t> kAllowed = {U'第', U'頁', U'页', U'共', U'p', U'a', U'g', U'e', U'o', U'f',
                                             U'-', U'/', U',', U'.', U'(', U')', U'|', U'—', U'–', U'・'};
  bool number = false;
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(key.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(key.data(), i, length, c);
    if (c == '#') {
      number = true;
    } else if (kAllowed.count(c) == 0) {
      return false;
    }
  }
  return number;
}

void LabelPageFurniture(Layout* layout, const FurnitureOptions& options) {
  // Pages on which each (band, key) occurs.
  std::map<std::pair<Band, std::string>, std::set<int>> pages_of;
  for (const Page& page : layout->pages) {
    for (const TextLine& line : page.lines) {
      Band band = BandOf(line, page, options.band);
      if (band != Band::kNone) pages_of[{band, FurnitureKey(line.text)}].insert(page.number);
    }
  }
  const size_t page_total = layout->pages.size();
  const double needed = std::max(2.0, options.min_page_share * static_cast<double>(page_total));
  for (Page& page : layout->pages) {
    for (TextLine& line : page.lines) {
      Band band = BandOf(line, page, options.band);
      if (band == Band::kNone) continue;
      std::string key = FurnitureKey(line.text);
      bool repeated = page_total >= 2 && static_cast<double>(pages_of[{band, key}].size()) >= needed;
      if (repeated || IsPageNumberKey(key)) line.role = band == Band::kTop ? LineRole::kHeader : LineRole::kFooter;
    }
  }
}

}  // namespace docpipe
