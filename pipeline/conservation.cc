#include "pipeline/conservation.h"

#include <map>

#include "common/unicode.h"

namespace docpipe {
namespace {

using Counts = std::map<char32_t, long>;

void Add(const std::u32string& chars, Counts* counts) {
  for (char32_t c : chars) ++(*counts)[c];
}

// Members of a document that are not text of its input: provenance,
// positions, ids and line ranges.
bool IsBookkeeping(const std::string& key) {
  static const char* const kKeys[] = {"source", "document_type", "schema_version", "field_lines", "source_lines",
                                      "location", "id", "node", "first", "last", "line", "pages"};
  for (const char* k : kKeys) {
    if (key == k) return true;
  }
  return false;
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
    *out += ConservationFold(value.get<std::string>(), nullptr);
  } else if (value.is_number_integer() || value.is_number_unsigned()) {
    *out += ConservationFold(value.dump(), nullptr);
  }
}

// What is left of `input` once `accounted` is taken out (a multiset
// difference; a surplus on the accounted side counts for nothing).
Counts Difference(const Counts& input, const Counts& accounted) {
  Counts left;
  for (const auto& [c, n] : input) {
    auto found = accounted.find(c);
    long have = found == accounted.end() ? 0 : found->second;
    if (n > have) left[c] = n - have;
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
  const std::string repaired = repairs != nullptr ? repairs->ApplyStage("cell", text) : std::string(text);
  for (char32_t c : unicode::ToCodePoints(unicode::Nfkc(repaired))) {
    if (!unicode::IsSpace(static_cast<int32_t>(c))) folded.push_back(c);
  }
  return folded;
}

std::vector<Warning> UnaccountedCharacters(const std::vector<TabRow>& rows, const nlohmann::ordered_json& document,
                                           const std::vector<std::string>& consumed, const RuleSet& rules) {
  const std::vector<Fragment> fragments = RowFragments(rows, &rules);
  Counts input;
  for (const Fragment& fragment : fragments) Add(fragment.folded, &input);
  std::u32string accounted_text;
  CollectDocumentText(document, &accounted_text);
  for (const std::string& text : consumed) accounted_text += ConservationFold(text, nullptr);
  Counts accounted;
  Add(accounted_text, &accounted);
  Counts left = Difference(input, accounted);
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
  Counts input;
  for (const Fragment& fragment : fragments) Add(fragment.folded, &input);
  std::u32string row_text;
  for (const Fragment& fragment : RowFragments(rows, nullptr)) row_text += fragment.folded;
  Counts accounted;
  Add(row_text, &accounted);
  Counts left = Difference(input, accounted);
  if (left.empty()) return {};
  return Attribute(fragments, row_text, std::move(left), "of the layout in no row");
}

}  // namespace docpipe
