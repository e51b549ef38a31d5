#include "pipeline/conservation.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "common/unicode.h"

namespace docpipe {
namespace {

using Counts = std::map<char32_t, long>;

// Members of a document that are not text of its input: provenance,
// positions, ids and line ranges.
bool IsBookkeeping(std::string_view key) {
  static constexpr std::string_view kKeys[] = {"source", "document_type", "schema_version", "field_lines",
                                               "source_lines", "location", "id", "node", "first", "last", "line",
                                               "pages"};
  return std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys);
}

// Every string (and number: a level, a contents entry's page) of the
// document, in document order, folded.
void CollectDocumentText(const nlohmann::ordered_json& value, std::u32string* out) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!IsBookkeeping(it.key())) CollectDocumentText(it.value(), out);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) CollectDocumentText(item, out);
  } else if (value.is_string()) {
    *out += ConservationFold(value.get_ref<const std::string&>(), nullptr);
  } else if (value.is_number_integer() || value.is_number_unsigned()) {
    *out += ConservationFold(value.dump(), nullptr);
  }
}

// What is left of the characters `input` once those of `accounted` are
// taken out (a multiset difference; a surplus on the accounted side counts
// for nothing). Both are sorted and walked side by side: a sort of each
// text costs less than a tree node per distinct character and a look-up
// per character.
Counts Difference(std::u32string input, std::u32string accounted) {
  std::sort(input.begin(), input.end());
  std::sort(accounted.begin(), accounted.end());
  Counts left;
  size_t j = 0;
  for (size_t i = 0; i < input.size();) {
    const char32_t c = input[i];
    size_t end = i;
    while (end < input.size() && input[end] == c) ++end;
    while (j < accounted.size() && accounted[j] < c) ++j;
    size_t have = j;
    while (have < accounted.size() && accounted[have] == c) ++have;
    const long n = static_cast<long>(end - i), had = static_cast<long>(have - j);
    if (n > had) left.emplace_hint(left.end(), c, n - had);
    i = end;
    j = have;
  }
  return left;
}

// One fragment of the input (a row, a layout line) with where it stands.
struct Fragment {
  std::string text;
  std::u32string folded;
  SourcePos pos;
};

// Pins the unaccounted characters on the fragments that hold them: first
// on fragments whose folded text is not found whole in the accounted text
// (the likely losses), then, for what is left, on the first fragments that
// hold the characters. One warning per fragment.
std::vector<Warning> Attribute(const std::vector<Fragment>& fragments, const std::u32string& accounted_text,
                               Counts left, const char* where_lost) {
  std::vector<std::u32string> lost(fragments.size());
  auto take = [&](size_t i) {
    for (char32_t c : fragments[i].folded) {
      auto it = left.find(c);
      if (it == left.end()) continue;
      lost[i].push_back(c);
      if (--it->second == 0) left.erase(it);
    }
  };
  for (size_t i = 0; i < fragments.size() && !left.empty(); ++i) {
    if (accounted_text.find(fragments[i].folded) == std::u32string::npos) take(i);
  }
  for (size_t i = 0; i < fragments.size() && !left.empty(); ++i) take(i);
  std::vector<Warning> warnings;
  for (size_t i = 0; i < fragments.size(); ++i) {
    if (lost[i].empty()) continue;
    std::string text = fragments[i].text;
    if (unicode::Length(text) > 80) text = unicode::FromCodePoints(unicode::ToCodePoints(text).substr(0, 80)) + "…";
    warnings.push_back({"characters_unaccounted",
                        std::to_string(lost[i].size()) + " characters " + where_lost + ": " +
                            unicode::FromCodePoints(lost[i]) + " (page " + std::to_string(fragments[i].pos.page) +
                            ", line " + std::to_string(fragments[i].pos.line) + ", read as: " + text + ")",
                        fragments[i].pos});
  }
  return warnings;
}

std::vector<Fragment> RowFragments(const std::vector<TabRow>& rows, const RuleSet* repairs) {
  std::vector<Fragment> fragments;
  for (const TabRow& row : rows) {
    Fragment fragment;
    fragment.pos = row.pos;
    for (const std::string& cell : row.cells) {
      if (cell.empty()) continue;
      fragment.text += fragment.text.empty() ? cell : " | " + cell;
      fragment.folded += ConservationFold(cell, repairs);
    }
    if (!fragment.folded.empty()) fragments.push_back(std::move(fragment));
  }
  return fragments;
}

}  // namespace

std::u32string ConservationFold(std::string_view text, const RuleSet* repairs) {
  std::u32string folded;
  std::string repaired;
  if (repairs != nullptr) {
    repaired = repairs->ApplyStage("cell", text);
    text = repaired;
  }
  for (char32_t c : unicode::ToCodePoints(unicode::Nfkc(text))) {
    if (!unicode::IsSpace(static_cast<int32_t>(c))) folded.push_back(c);
  }
  return folded;
}

std::vector<Warning> UnaccountedCharacters(const std::vector<TabRow>& rows, const nlohmann::ordered_json& document,
                                           const std::vector<std::string>& consumed, const RuleSet& rules) {
  const std::vector<Fragment> fragments = RowFragments(rows, &rules);
  std::u32string input;
  for (const Fragment& fragment : fragments) input += fragment.folded;
  std::u32string accounted_text;
  CollectDocumentText(document, &accounted_text);
  for (const std::string& text : consumed) accounted_text += ConservationFold(text, nullptr);
  Counts left = Difference(std::move(input), accounted_text);
  if (left.empty()) return {};
  return Attribute(fragments, accounted_text, std::move(left), "in no field, unparsed text or warning");
}

std::vector<Warning> UnaccountedLayoutCharacters(const Layout& layout, const std::vector<TabRow>& rows) {
  std::vector<Fragment> fragments;
  for (const Page& page : layout.pages) {
    int line_number = 0;
    auto add = [&](const TextLine& line) {
      ++line_number;
      Fragment fragment{line.text, ConservationFold(line.text, nullptr), {line_number, page.number}};
      if (!fragment.folded.empty()) fragments.push_back(std::move(fragment));
    };
    for (const TextLine& line : page.lines) {
      if (line.role == LineRole::kContent) add(line);
    }
    for (const Table& table : page.tables) {
      for (const Cell& cell : table.cells) {
        for (const TextLine& line : cell.lines) add(line);
      }
    }
  }
  std::u32string input;
  for (const Fragment& fragment : fragments) input += fragment.folded;
  std::u32string row_text;
  for (const Fragment& fragment : RowFragments(rows, nullptr)) row_text += fragment.folded;
  Counts left = Difference(std::move(input), row_text);
  if (left.empty()) return {};
  return Attribute(fragments, row_text, std::move(left), "of the layout in no row");
}

}  // namespace docpipe
