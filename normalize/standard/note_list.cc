#include "normalize/standard/note_list.h"

#include <re2/re2.h>

#include "common/unicode.h"

namespace docpipe {
namespace {

// Paragraphs: each line, further split where block markup stood.
std::vector<std::string> Paragraphs(const std::vector<Fragment>& lines) {
  std::vector<std::string> paragraphs;
  for (const Fragment& line : lines) {
    size_t start = 0;
    while (start <= line.text.size()) {
      size_t end = line.text.find('\n', start);
      if (end == std::string::npos) end = line.text.size();
      std::string paragraph = unicode::CollapseSpaces(line.text.substr(start, end - start));
      if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
      start = end + 1;
    }
  }
  return paragraphs;
}

bool IsLabel(const std::string& p) {
  return (p.size() >= 3 && p.compare(p.size() - 3, 3, "：") == 0) || (!p.empty() && p.back() == ':');
}

// A labelled note run on after a full stop starts a note of its own.
void SplitAtLabels(const std::string& note, const RuleSet& rules, std::vector<std::string>* notes) {
  const re2::RE2& label = rules.Pattern("note_label");
  re2::StringPiece rest(note), found;
  size_t start = 0;
  while (RE2::PartialMatch(rest, label, &found)) {
    const size_t at = static_cast<size_t>(found.data() - note.data());
    notes->push_back(unicode::CollapseSpaces(note.substr(start, at - start)));
    start = at;
    rest = re2::StringPiece(found.data(), note.size() - at);
    rest.remove_prefix(found.size());
  }
  notes->push_back(unicode::CollapseSpaces(note.substr(start)));
}

}  // namespace

std::vector<std::string> ReadNotes(const std::vector<Fragment>& lines, const RuleSet& rules) {
  std::vector<std::string> paragraphs = Paragraphs(lines);
  std::vector<std::string> notes;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    std::string note = paragraphs[i];
    // A label paragraph ("其他補充說明：") introduces the one after it.
    if (IsLabel(note) && i + 1 < paragraphs.size() && !IsLabel(paragraphs[i + 1])) {
      note = unicode::CollapseSpaces(note + paragraphs[++i]);
    }
    SplitAtLabels(note, rules, &notes);
  }
  return notes;
}

}  // namespace docpipe
