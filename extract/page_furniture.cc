#include "extract/page_furniture.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
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
  for (char32_t code_point : unicode::ToCodePoints(key)) {
    const int32_t c = static_cast<int32_t>(code_point);
    if (c == '#') {
      number = true;
    } else if (kAllowed.count(c) == 0) {
      return false;
    }
  }
  return number;
}

namespace {

// The runs of digits of a line, in order.
std::vector<std::string> Numbers(const std::string& text) {
  std::vector<std::string> numbers;
  std::string key = unicode::FoldKey(text);
  for (size_t i = 0; i < key.size();) {
    if (key[i] < '0' || key[i] > '9') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < key.size() && key[end] >= '0' && key[end] <= '9') ++end;
    numbers.push_back(key.substr(i, end - i));
    i = end;
  }
  return numbers;
}

// Lines of one key that differ in at most one number (a page number) repeat;
// lines that differ in more (a date range per form: "101 年 03 月 22 日至 101
// 年 05 月 21 日") are content that happens to share a wording.
bool DifferInAtMostOneNumber(const std::vector<const TextLine*>& lines) {
  if (lines.empty()) return true;
  const std::vector<std::string> first = Numbers(lines.front()->text);
  std::vector<bool> varies(first.size(), false);
  for (const TextLine* line : lines) {
    std::vector<std::string> numbers = Numbers(line->text);
    for (size_t i = 0; i < first.size() && i < numbers.size(); ++i) varies[i] = varies[i] || numbers[i] != first[i];
  }
  return std::count(varies.begin(), varies.end(), true) <= 1;
}

// True when the page holds a table or a line whose key differs from `key`.
bool HoldsMoreThan(const Page& page, const std::string& key) {
  if (!page.tables.empty()) return true;
  for (const TextLine& line : page.lines) {
    if (FurnitureKey(line.text) != key) return true;
  }
  return false;
}

LineRole RoleByHalf(const TextLine& line, const Page& page) {
  return line.bbox.cy() < page.height / 2 ? LineRole::kHeader : LineRole::kFooter;
}

// The same key at the same height on most pages: each occurrence of a key
// is grouped with the others whose centres lie within the tolerance (sorted
// by height, greedy), and a group spread over enough pages is furniture.
void LabelRepeatedPositions(Layout* layout, const FurnitureOptions& options) {
  struct Occurrence {
    double cy;
    size_t page;
    size_t line;
  };
  std::map<std::string, std::vector<Occurrence>> by_key;
  std::vector<std::map<std::string, bool>> holds_more(layout->pages.size());
  for (size_t p = 0; p < layout->pages.size(); ++p) {
    const Page& page = layout->pages[p];
    for (size_t l = 0; l < page.lines.size(); ++l) {
      std::string key = FurnitureKey(page.lines[l].text);
      if (key.empty()) continue;
      if (!holds_more[p].count(key)) holds_more[p][key] = HoldsMoreThan(page, key);
      by_key[key].push_back({page.lines[l].bbox.cy(), p, l});
    }
  }
  // More than the share of the pages ("most pages"), and not fewer than the minimum.
  const double share = options.position_page_share * static_cast<double>(layout->pages.size());
  auto enough = [&](size_t pages) {
    return static_cast<double>(pages) > share && pages >= static_cast<size_t>(options.min_position_pages);
  };
  for (auto& [key, occurrences] : by_key) {
    if (!enough(occurrences.size())) continue;
    std::sort(occurrences.begin(), occurrences.end(),
              [](const Occurrence& a, const Occurrence& b) { return a.cy < b.cy; });
    for (size_t first = 0; first < occurrences.size();) {
      size_t end = first + 1;
      while (end < occurrences.size() && occurrences[end].cy - occurrences[first].cy <= options.position_tolerance) {
        ++end;
      }
      std::set<size_t> pages;
      std::vector<const TextLine*> lines;
      for (size_t i = first; i < end; ++i) {
        if (!holds_more[occurrences[i].page][key]) continue;
        pages.insert(occurrences[i].page);
        lines.push_back(&layout->pages[occurrences[i].page].lines[occurrences[i].line]);
      }
      if (enough(pages.size()) && DifferInAtMostOneNumber(lines)) {
        for (size_t i = first; i < end; ++i) {
          Page& page = layout->pages[occurrences[i].page];
          TextLine& line = page.lines[occurrences[i].line];
          if (line.role == LineRole::kContent && holds_more[occurrences[i].page][key]) {
            line.role = RoleByHalf(line, page);
          }
        }
      }
      first = end;
    }
  }
}

// True when nothing stands above the line: no other line, not even
// furniture (else the line under a running header would be the next
// candidate, and a form's first line after it), no table.
bool IsTopmost(const Page& page, const TextLine& line) {
  for (const TextLine& other : page.lines) {
    if (&other != &line && other.bbox.cy() < line.bbox.cy()) return false;
  }
  for (const Table& table : page.tables) {
    if (table.bbox.cy() < line.bbox.cy()) return false;
  }
  return true;
}

// The running header of one part of a document: the same key at the same
// height as the first thing on each of a run of consecutive pages, each
// holding other content (tisa's "服務提供模式：…" atop pages 2–14 of 37,
// above a continued table). A form's title repeated lower on each page of
// a gazette has lines above it and is not affected; neither is a heading
// atop a page or two. The body keeps one printing of the line. Only headers: the last line of a run of pages (a
// form's closing line where no page number stands below it) is too often
// content.
void LabelPartHeaders(Layout* layout, const FurnitureOptions& options) {
  struct Candidate {
    std::string key;
    double cy;
    TextLine* line;
  };
  // The topmost line of each page, if it is content and shares the page.
  std::vector<std::optional<Candidate>> topmost(layout->pages.size());
  for (size_t p = 0; p < layout->pages.size(); ++p) {
    Page& page = layout->pages[p];
    for (TextLine& line : page.lines) {
      if (line.role != LineRole::kContent || !IsTopmost(page, line)) continue;
      std::string key = FurnitureKey(line.text);
      if (!key.empty() && HoldsMoreThan(page, key)) topmost[p] = Candidate{key, line.bbox.cy(), &line};
      break;
    }
  }
  for (size_t first = 0; first < topmost.size();) {
    if (!topmost[first]) {
      ++first;
      continue;
    }
    const Candidate& head = *topmost[first];
    size_t end = first + 1;
    while (end < topmost.size() && topmost[end] && topmost[end]->key == head.key &&
           layout->pages[end].number == layout->pages[end - 1].number + 1 &&
           std::abs(topmost[end]->cy - head.cy) <= options.position_tolerance) {
      ++end;
    }
    std::vector<const TextLine*> lines;
    for (size_t i = first; i < end; ++i) lines.push_back(topmost[i]->line);
    if (end - first >= static_cast<size_t>(options.min_run_pages) && DifferInAtMostOneNumber(lines)) {
      // The body keeps one printing: the run's first, unless the line is
      // content elsewhere (tisa prints it under the caption of page 1).
      const bool printed_elsewhere = std::any_of(layout->pages.begin(), layout->pages.end(), [&](const Page& page) {
        return std::any_of(page.lines.begin(), page.lines.end(), [&](const TextLine& line) {
          return line.role == LineRole::kContent && FurnitureKey(line.text) == head.key &&
                 std::find(lines.begin(), lines.end(), &line) == lines.end();
        });
      });
      for (size_t i = printed_elsewhere ? first : first + 1; i < end; ++i) topmost[i]->line->role = LineRole::kHeader;
    }
    first = end;
  }
}

}  // namespace

Page FurnitureSkeleton(const Page& page) {
  Page skeleton;
  skeleton.number = page.number;
  skeleton.width = page.width;
  skeleton.height = page.height;
  skeleton.lines.reserve(page.lines.size());
  for (const TextLine& line : page.lines) {
    TextLine& kept = skeleton.lines.emplace_back();
    kept.text = line.text;
    kept.bbox = line.bbox;
    kept.role = line.role;
  }
  skeleton.tables.reserve(page.tables.size());
  for (const Table& table : page.tables) skeleton.tables.emplace_back().bbox = table.bbox;
  return skeleton;
}

void LabelPageFurniture(Layout* layout, const FurnitureOptions& options) {
  // Pages on which each (band, key) occurs beside other content.
  std::map<std::pair<Band, std::string>, std::set<int>> pages_of;
  for (const Page& page : layout->pages) {
    for (const TextLine& line : page.lines) {
      Band band = BandOf(line, page, options.band);
      std::string key = FurnitureKey(line.text);
      if (band != Band::kNone && HoldsMoreThan(page, key)) pages_of[{band, key}].insert(page.number);
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
  LabelRepeatedPositions(layout, options);
  LabelPartHeaders(layout, options);

  // Furniture never takes the whole document.
  for (const Page& page : layout->pages) {
    if (!page.tables.empty()) return;
    for (const TextLine& line : page.lines) {
      if (line.role == LineRole::kContent) return;
    }
  }
  for (Page& page : layout->pages) {
    for (TextLine& line : page.lines) line.role = LineRole::kContent;
  }
}

}  // namespace docpipe
