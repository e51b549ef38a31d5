// Text blocks: paragraphs and table cells re-assembled from hard-wrapped lines.
//
// Another extractor leaves a plan's text one printed line per row, often with
// a blank row between wrapped lines, and marks the end of each paragraph or
// cell with trailing white space (Word's paragraph mark). A page break shows
// as a line starting with white space, which an indent also produces, so it
// is no evidence of anything. A block is therefore built as:
//
//   * blank rows are skipped: they never end a block;
//   * a line opening with punctuation that may not start a line (：、，。」）
//     by ICU's line-break property) continues the block before it;
//   * a line that opens with a label (第一章, 壹、, 一、, (一), 1., a code...,
//     by the rule names the caller gives) starts a new block;
//   * a heading marked by the input's markup (Markdown #, HTML <h2>) is a
//     block of its own;
//   * a line read from a PDF's layout ends its block, or lets the next line
//     continue it, as its layout says (TabRow::paragraph_end): a signature,
//     a form title or a label line that does not run to the column's edge
//     ends a paragraph although no punctuation says so;
//   * otherwise, when the document has end marks, a line continues the block
//     unless the previous line carried one; without end marks (a PDF), the
//     block ends after a line that ends a sentence (。！？；：) and after a
//     short labelled line (a heading such as "一、 目的").
//
// A line has an end mark when it ends in white space after a character that
// is not a Latin letter, digit or comma: a line wrapped between two Latin
// words also keeps its space ("Sony |PSN") and is no paragraph end.
//
//   std::vector<SourceLine> lines = PrepareLines(rows, rules);
//   std::vector<TextBlock> blocks = JoinBlocks(lines, 0, lines.size(), rules, kHeadingLabels);
#ifndef DOCPIPE_NORMALIZE_REPAIR_TEXT_BLOCKS_H_
#define DOCPIPE_NORMALIZE_REPAIR_TEXT_BLOCKS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "normalize/repair/rule_set.h"
#include "model/tab_row.h"

namespace docpipe {

// One row after the cell-stage repairs (markup removed, fake bold collapsed).
struct SourceLine {
  std::string text;                // trimmed, inner white space kept
  std::vector<std::string> cells;  // repaired and trimmed; several for a table row, whose empty cells are kept (cells stay under their header)
  SourcePos pos;
  bool indented = false;  // began with white space (page break or indent)
  bool end_mark = false;  // see above
  int heading_level = 0;  // TabRow::heading_level: a block of its own
  bool continues_table = false;  // TabRow's marks of a table a page break cut
  bool repeated_header = false;
  bool continues_row = false;
  int table = 0;                // TabRow's grid of a table the input knows
  int header_rows = 0;
  std::vector<CellSpan> spans;
  std::vector<int> continued_cells;  // TabRow::continued_cells
  bool title = false;     // the row is the document's title (TabRow::title)
  std::optional<bool> paragraph_end;  // TabRow::paragraph_end: known from a PDF's layout
  std::optional<double> indent;       // TabRow::indent and size: known from a PDF's layout
  double size = 0;
  bool IsBlank() const { return text.empty(); }
  bool IsTableRow() const { return cells.size() > 1; }
};

struct TextBlock {
  std::string text;  // lines joined with unicode::JoinWrapped, inner spacing kept
  std::vector<SourcePos> where;
  size_t first_line = 0;  // index into the lines
  size_t last_line = 0;
  bool indented = false;  // its first line began with white space
};

// Applies the "cell" stage of `rules` to every cell and records the marks.
std::vector<SourceLine> PrepareLines(const std::vector<TabRow>& rows, const RuleSet& rules);

// True when enough lines carry end marks for them to be trusted.
bool HasEndMarks(const std::vector<SourceLine>& lines);

// The names of the pattern rules whose match at the start of a line opens a
// heading or numbered item.
extern const std::vector<std::string_view> kHeadingLabels;

// True when `text` opens with a match of one of `label_rules`.
bool StartsWithLabel(const RuleSet& rules, const std::vector<std::string_view>& label_rules, std::string_view text);

// The same with the rules' matchers looked up once (LabelPatterns), for a
// scan of many lines; the pointers live as long as `rules`.
std::vector<const Regex*> LabelPatterns(const RuleSet& rules, const std::vector<std::string_view>& label_rules);
bool StartsWithLabel(const std::vector<const Regex*>& labels, std::string_view text);

// What JoinBlocks asks of every line: whether it opens with one of
// `label_rules` and whether it is a contents entry (pattern rule
// contents_entry). One pass of the set of those rules (RuleSet::PatternSet)
// rules out most lines for all of them at once, and only the rules it names
// are matched on their own: the same answers as StartsWithLabel of the
// rules' matchers and contents_entry's FullMatch, for a rule the set does
// not name would not match. Lives no longer than `rules`; one per scan (it
// reuses a buffer), not shared across threads.
class LineScan {
 public:
  LineScan(const RuleSet& rules, const std::vector<std::string_view>& label_rules);

  struct Answer {
    bool label = false;           // StartsWithLabel
    bool contents_entry = false;  // contents_entry matches all of the text...
    std::string_view entry_text;  // ...and this is its group 1
  };
  Answer Scan(std::string_view text);

 private:
  std::vector<const Regex*> labels_;
  const Regex* contents_entry_;
  const RegexSet* set_;  // the labels, then contents_entry; null: ask each
  std::vector<int> hits_;
};

struct BlockOptions {
  bool end_marks = true;  // trust end marks (see HasEndMarks)
  std::vector<std::string_view> label_rules = kHeadingLabels;
};

// Joins lines [begin, end) into blocks (see above). Table rows (several
// cells) are never joined; they become one block each with text = cells
// joined by TAB.
std::vector<TextBlock> JoinBlocks(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                                  const RuleSet& rules, const BlockOptions& options);

// A line as a caller shows it to JoinBlocks without copying it: one of its
// lines, with the caller's own `indented` mark (a table's body marks the
// line after a repeated header row as after a page break).
struct LineRef {
  const SourceLine* line = nullptr;  // the caller's, not owned
  bool indented = false;
};

// The same over a view of the caller's lines (those it leaves out are not
// in it): the blocks are those JoinBlocks makes of copies of the lines with
// `indented` set as given, and their first_line and last_line index `lines`.
std::vector<TextBlock> JoinBlocks(const std::vector<LineRef>& lines, const RuleSet& rules,
                                  const BlockOptions& options);

// True when the text ends a sentence: its last character (closing quotes
// and brackets skipped) is 。！？；.
bool EndsSentence(std::string_view text);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_TEXT_BLOCKS_H_
