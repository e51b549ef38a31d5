#include "normalize/repair/text_blocks.h"

#include <algorithm>
#include <cctype>

#include "common/unicode.h"

namespace docpipe {

const std::vector<std::string_view> kHeadingLabels = {
    "heading_chapter",    "heading_appendix", "heading_capital_number", "heading_cjk_number",
    "heading_paren_cjk", "heading_arabic",   "heading_paren_arabic",   "goal_label"};

namespace {

// Longest line that can be a heading on its own when there are no end marks.
constexpr size_t kMaxHeadingLine = 24;

// The end mark of a raw line: trailing white space after a character that a
// wrap between Latin words would also leave (letter, digit, comma) is none.
bool HasEndMark(std::string_view raw) {
  std::string_view body = unicode::TrimSpace(raw);
  if (body.empty() || body.size() == raw.size() || !unicode::IsSpace(unicode::LastChar(raw))) return false;
  int32_t last = unicode::LastChar(body);
  bool latin_wrap = last < 0x80 && (std::isalnum(last) || last == ',');
  return !latin_wrap;
}

bool IsClosingBracket(int32_t c) {
  switch (c) {
    case U'」': case U'』': case U'）': case U')': case U'”': case U'’': case U'】': case U'〕':
      return true;
    default:
      return false;
  }
}

// A line opening with punctuation that may not start a line (ICU line-break
// classes CL, CP, NS, EX: "：由核安會…", "、外交部…", "」，處理…") is the
// rest of the line before, whatever ended that one.
bool OpensWithNonStarter(std::string_view text) { return unicode::CannotBeginLine(text); }

}  // namespace

std::vector<SourceLine> PrepareLines(const std::vector<TabRow>& rows, const RuleSet& rules) {
  std::vector<SourceLine> lines;
  lines.reserve(rows.size());
  for (const TabRow& row : rows) {
    SourceLine line;
    line.pos = row.pos;
    line.title = row.title;
    line.paragraph_end = row.paragraph_end;
    line.indent = row.indent;
    line.size = row.size;
    // A table row keeps its empty cells, so that every cell stays under its
    // column's header; a row with one filled cell is a line of text, unless
    // it is a row of a table whose grid the input knows (a PDF table's
    // section row "一、商業服務業" stays in its table) or the rest of a row
    // a page break cut, to be joined cell by cell. Each cell is repaired
    // into the string the line keeps and trimmed in place; a line of one
    // cell that comes out empty (half a plan's rows) keeps none.
    const bool keeps_empty = row.continues_row || (row.table > 0 && row.cells.size() > 1);
    size_t filled = 0;
    for (const std::string& raw : row.cells) {
      std::string cell = rules.ApplyStage("cell", raw, row.utf8);
      std::replace(cell.begin(), cell.end(), '\n', ' ');
      const std::string_view trimmed = unicode::TrimSpace(cell);
      const size_t lead = static_cast<size_t>(trimmed.data() - cell.data());
      cell.resize(lead + trimmed.size());
      cell.erase(0, lead);
      filled += !cell.empty();
      if (cell.empty() && row.cells.size() == 1 && !keeps_empty) continue;
      if (line.cells.empty()) line.cells.reserve(row.cells.size());
      line.cells.push_back(std::move(cell));
    }
    if (filled <= 1 && !keeps_empty) {
      line.cells.erase(std::remove_if(line.cells.begin(), line.cells.end(),
                                      [](const std::string& cell) { return cell.empty(); }),
                       line.cells.end());
    }
    if (line.cells.size() == row.cells.size()) {
      line.table = row.table;
      line.header_rows = row.header_rows;
      line.spans = row.spans;
      line.continued_cells = row.continued_cells;
    }
    if (!row.cells.empty()) {
      const std::string& first = row.cells.front();
      line.indented = unicode::SpanSpace(first) > 0 && !line.cells.empty();
      line.end_mark = line.cells.size() == 1 && HasEndMark(row.cells.back());
    }
    line.heading_level = line.cells.size() == 1 ? row.heading_level : 0;
    line.continues_table = row.continues_table;
    line.repeated_header = row.repeated_header;
    line.continues_row = row.continues_row;
    size_t text_size = 0;
    for (const std::string& cell : line.cells) text_size += cell.empty() ? 0 : cell.size() + 1;
    line.text.reserve(text_size);
    for (const std::string& cell : line.cells) {
      if (cell.empty()) continue;
      if (!line.text.empty()) line.text += '\t';
      line.text += cell;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

bool HasEndMarks(const std::vector<SourceLine>& lines) {
  size_t text_lines = 0, marked = 0;
  for (const SourceLine& line : lines) {
    if (line.IsBlank() || line.IsTableRow() || line.heading_level > 0) continue;
    ++text_lines;
    if (line.end_mark) ++marked;
  }
  return marked >= 3 && marked * 20 >= text_lines;
}

std::vector<const Regex*> LabelPatterns(const RuleSet& rules, const std::vector<std::string_view>& label_rules) {
  std::vector<const Regex*> patterns;
  patterns.reserve(label_rules.size());
  for (std::string_view name : label_rules) patterns.push_back(&rules.Pattern(name));
  return patterns;
}

bool StartsWithLabel(const std::vector<const Regex*>& labels, std::string_view text) {
  for (const Regex* label : labels) {
    if (label->PartialMatch(text)) {
      // Patterns are anchored at the start with ^; an empty label (附錄
      // patterns allow an empty tail) still counts.
      return true;
    }
  }
  return false;
}

namespace {

std::vector<std::string_view> WithContentsEntry(std::vector<std::string_view> label_rules) {
  label_rules.push_back("contents_entry");
  return label_rules;
}

}  // namespace

LineScan::LineScan(const RuleSet& rules, const std::vector<std::string_view>& label_rules)
    : labels_(LabelPatterns(rules, label_rules)),
      contents_entry_(&rules.Pattern("contents_entry")),
      set_(rules.PatternSet(WithContentsEntry(label_rules))) {}

LineScan::Answer LineScan::Scan(std::string_view text) {
  const int n = static_cast<int>(labels_.size());
  hits_.clear();
  if (set_ != nullptr) {
    set_->Matching(text, &hits_);  // every index when RE2 could not decide
  } else {
    for (int i = 0; i <= n; ++i) hits_.push_back(i);
  }
  Answer answer;
  for (int hit : hits_) {
    if (hit < n && !answer.label) answer.label = labels_[static_cast<size_t>(hit)]->PartialMatch(text);
  }
  std::vector<std::string_view> groups;
  if (!hits_.empty() && hits_.back() == n && contents_entry_->FullMatch(text, &groups) && groups.size() >= 2) {
    answer.contents_entry = true;
    answer.entry_text = groups[1];
  }
  return answer;
}

bool StartsWithLabel(const RuleSet& rules, const std::vector<std::string_view>& label_rules, std::string_view text) {
  return StartsWithLabel(LabelPatterns(rules, label_rules), text);
}

bool EndsSentence(std::string_view text) {
  std::string_view s = unicode::TrimSpace(text);
  while (!s.empty() && IsClosingBracket(unicode::LastChar(s))) {
    s.remove_suffix(unicode::Utf8Length(unicode::LastChar(s)));
  }
  if (s.empty()) return false;
  switch (unicode::LastChar(s)) {
    case U'。': case U'！': case U'？': case U'；': case U'!': case U'?': case U';':
      return true;
    default:
      return false;
  }
}

namespace {

// JoinBlocks over lines [begin, end) of the caller's, each read as `at(i)`
// shows it (a LineRef): the one loop of both forms.
template <typename LineAt>
std::vector<TextBlock> JoinLines(size_t begin, size_t end, LineAt at, const RuleSet& rules,
                                 const BlockOptions& options) {
  std::vector<TextBlock> blocks;
  bool open = false;  // the last block may take the next line
  LineScan scan(rules, options.label_rules);
  for (size_t i = begin; i < end; ++i) {
    const LineRef ref = at(i);
    const SourceLine& line = *ref.line;
    if (line.IsBlank()) continue;
    bool continues = !blocks.empty() && !line.IsTableRow() && !at(blocks.back().last_line).line->IsTableRow() &&
                     line.heading_level == 0 && OpensWithNonStarter(line.text);
    // A table row starts a block of its own whatever it opens with.
    const LineScan::Answer asked = line.IsTableRow() ? LineScan::Answer() : scan.Scan(line.text);
    // An entry of a table of contents is a block of its own; a leader and
    // page number alone on a line finish the entry wrapped before them.
    const bool contents_line = asked.contents_entry;
    const std::string_view entry_text = contents_line ? asked.entry_text : std::string_view();
    bool starts_new = !continues && (!open || line.IsTableRow() || line.heading_level > 0 ||
                                     (contents_line && !entry_text.empty()) || asked.label);
    if (starts_new) {
      TextBlock block;
      block.text = line.text;
      block.first_line = i;
      block.indented = ref.indented;
      blocks.push_back(std::move(block));
    } else {
      unicode::AppendWrapped(&blocks.back().text, line.text);
    }
    blocks.back().last_line = i;
    if (line.IsTableRow() || line.heading_level > 0) {
      open = false;
    } else if (line.paragraph_end.has_value()) {
      open = !*line.paragraph_end;
    } else if (options.end_marks) {
      open = !line.end_mark;
    } else {
      // Without end marks, a short labelled line is a heading of its own
      // ("一、 出席人員"); a long one is an item whose text wraps.
      int32_t last = unicode::LastChar(line.text);
      // A heading whose bracket is still open runs on to the next line
      // ("（十）債權（總金額：新臺幣" / "元）").
      bool short_heading = starts_new && !unicode::HasOpenBracket(line.text) && unicode::Length(line.text) <= kMaxHeadingLine &&
                           asked.label && last != U'，' && last != U'、';
      open = !(short_heading || EndsSentence(line.text) || last == U'：' || last == U':');
    }
    if (contents_line) open = false;
  }
  // A block's positions are those of its non-blank lines, every line from
  // its first to its last (a blank line never ends a block): counted first,
  // so that each vector is allocated once.
  for (TextBlock& block : blocks) {
    size_t count = 0;
    for (size_t i = block.first_line; i <= block.last_line; ++i) count += !at(i).line->IsBlank();
    block.where.reserve(count);
    for (size_t i = block.first_line; i <= block.last_line; ++i) {
      const SourceLine& line = *at(i).line;
      if (!line.IsBlank()) block.where.push_back(line.pos);
    }
  }
  return blocks;
}

}  // namespace

std::vector<TextBlock> JoinBlocks(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                                  const RuleSet& rules, const BlockOptions& options) {
  auto at = [&lines](size_t i) { return LineRef{&lines[i], lines[i].indented}; };
  return JoinLines(begin, std::min(end, lines.size()), at, rules, options);
}

std::vector<TextBlock> JoinBlocks(const std::vector<LineRef>& lines, const RuleSet& rules,
                                  const BlockOptions& options) {
  auto at = [&lines](size_t i) { return lines[i]; };
  return JoinLines(0, lines.size(), at, rules, options);
}

}  // namespace docpipe
