#include "normalize/policy/policy_parser.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <tuple>

#include "common/unicode.h"
#include "normalize/policy/action_plan_parser.h"
#include "normalize/policy/grid_builder.h"
#include "normalize/policy/block_reading.h"
#include "normalize/policy/contents_entries.h"
#include "normalize/policy/item_title.h"
#include "normalize/policy/list_starts.h"
#include "normalize/policy/list_table.h"
#include "normalize/policy/outline_builder.h"
#include "normalize/policy/policy_checks.h"
#include "normalize/repair/cut_row.h"
#include "normalize/repair/heading_label.h"
#include "normalize/repair/text_blocks.h"

namespace docpipe {
namespace {

// Captions and a first line that titles the document are short.
constexpr size_t kMaxCaptionLength = 60;

std::vector<TextBlock> BlocksOutside(const std::vector<SourceLine>& lines, const std::vector<LineRange>& used,
                                     const RuleSet& rules, const BlockOptions& options) {
  std::vector<TextBlock> blocks;
  size_t from = 0;
  auto add = [&](size_t to) {
    std::vector<TextBlock> part = JoinBlocks(lines, from, to, rules, options);
    blocks.insert(blocks.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  };
  for (const LineRange& range : used) {
    add(range.begin);
    from = range.end;
  }
  add(lines.size());
  return blocks;
}

// Places every block of a document once, in order: a table row, a contents
// line, a caption, a heading, or a paragraph of the innermost open node.
class Reader {
 public:
  Reader(const std::vector<SourceLine>& lines, const RuleSet& rules) : lines_(lines), rules_(rules) {}

  PolicyDocument Run();

 private:
  void FindTitle(std::vector<LineRange>* used);
  void ReadBlocks(const std::vector<LineRange>& used);
  void PlaceBlock(size_t* b);
  void AddTableRow(const TextBlock& block);
  bool TakeContentsLine(const TextBlock& block, const std::string& text);
  bool TakeCaption(const std::string& text, SourcePos pos, size_t* b);
  void AddHeading(const HeadingLabel& heading, const TextBlock& block);
  void AddParagraph(size_t b, const std::string& text, const TextBlock& block);
  void Finish();

  const std::vector<SourceLine>& lines_;
  const RuleSet& rules_;
  PolicyDocument doc_;
  OutlineBuilder outline_{&doc_};
  std::vector<TextBlock> blocks_;
  std::vector<BlockReading> readings_;
  std::vector<bool> contents_entry_;
  std::vector<std::optional<int>> next_list_starts_;
  // Items whose text is a sentence ("一、 國家資通安全政策之研擬。"), not a title.
  std::vector<bool> sentence_item_;
  StatedGoals stated_goals_;
  bool previous_was_table_row_ = false;
  bool previous_was_caption_ = false;
  int open_table_ = 0;  // the input's id of the table rows are added to (TabRow::table)
};

void Reader::FindTitle(std::vector<LineRange>* used) {
  // A PDF's title, known from its typography, is the title and no paragraph.
  for (size_t i = 0; i < lines_.size() && doc_.title.empty(); ++i) {
    if (!lines_[i].title || lines_[i].IsBlank()) continue;
    doc_.title = rules_.ApplyStage("text", lines_[i].text);  // a space the PDF shows stays (collapse_space_runs)
    used->push_back(LineRange{i, i + 1});
    std::sort(used->begin(), used->end(),
              [](const LineRange& a, const LineRange& b) { return a.begin < b.begin; });
  }
  // A first line that names a plan or directive (…作業要點) is the title even
  // when no end mark separates it from the lines after it (a PDF).
  for (size_t i = 0; i < lines_.size() && doc_.title.empty(); ++i) {
    if (lines_[i].IsBlank()) continue;
    const std::string& first = lines_[i].text;
    bool taken = !used->empty() && used->front().begin <= i;
    if (!taken && !lines_[i].IsTableRow() && !MatchHeading(rules_, first) && !EndsSentence(first) &&
        unicode::Length(first) <= kMaxCaptionLength && rules_.Matches("policy_title", first)) {
      doc_.title = rules_.ApplyStage("text", first);
      used->insert(used->begin(), LineRange{i, i + 1});
    }
    break;
  }
}

void Reader::ReadBlocks(const std::vector<LineRange>& used) {
  BlockOptions options;
  options.end_marks = HasEndMarks(lines_);
  blocks_ = BlocksOutside(lines_, used, rules_, options);
  readings_.resize(blocks_.size());
  for (size_t b = 0; b < blocks_.size(); ++b) {
    if (lines_[blocks_[b].first_line].IsTableRow()) continue;
    readings_[b].text = rules_.ApplyStage("text", blocks_[b].text);
    readings_[b].heading = MatchHeading(rules_, readings_[b].text);
  }
  contents_entry_ = ContentsEntries(readings_, rules_);
  next_list_starts_ = NextListStarts(readings_);
}

void Reader::AddTableRow(const TextBlock& block) {
  const SourcePos pos = block.where.front();
  const SourceLine& line = lines_[block.first_line];
  const std::vector<std::string>& cells = line.cells;
  // A part of a table that a page break cut belongs to the table before
  // it, across the footnotes and running caption between the parts.
  const bool continues = line.continues_table && !doc_.tables.empty();
  if (continues && pos.page > doc_.tables.back().last_page) doc_.tables.back().last_page = pos.page;
  // A row of another table the input knows (its id changes) opens a new
  // table even right under the last one.
  const bool other_table = line.table > 0 && line.table != open_table_;
  auto add_row = [&](PolicyTable* table) {
    std::vector<std::string> row_cells = cells;
    std::vector<CellSpan> spans = line.spans;
    // A cell merged over rows that the page break cut goes on in this row:
    // one cell in the grid, its text once, in the row where it starts (the
    // grid's row r is the table's body row r - 1 while they are in step).
    if (line.continues_table && table->grid.rows == static_cast<int>(table->rows.size()) + 1) {
      for (const auto& [start, col] : JoinCutCells(line.continued_cells, &row_cells, &spans, &table->grid)) {
        std::vector<std::string>& row_above = table->rows[static_cast<size_t>(start - 1)].cells;
        if (row_above.size() <= static_cast<size_t>(col)) row_above.resize(static_cast<size_t>(col) + 1);
        std::string& above = row_above[static_cast<size_t>(col)];
        above = above.empty() ? cells[static_cast<size_t>(col)]
                              : unicode::JoinWrapped(above, cells[static_cast<size_t>(col)]);
      }
    }
    table->rows.push_back({row_cells, block.where});
    AppendGridRow(row_cells, spans, &table->grid);
  };
  if (continues && line.repeated_header) {
    // dropped: the column header printed again on the new page
    for (const std::string& cell : cells) doc_.diagnostics.Consumed(cell);
  } else if (continues && IsRestOfCutRow({/*after_break=*/true, line.continues_row}) &&
             !doc_.tables.back().rows.empty() && doc_.tables.back().rows.back().cells.size() == cells.size()) {
    // The rest of the row the page break cut (normalize/repair/cut_row.h:
    // only extract's mark tells it here; the key is whatever it saw).
    PolicyTable& table = doc_.tables.back();
    PolicyTableRow& cut = table.rows.back();
    JoinCutRow(cells, &cut.cells);
    cut.where.insert(cut.where.end(), block.where.begin(), block.where.end());
    JoinGridRow(cells, line.spans, &table.grid);
  } else if (continues) {
    if (cells != doc_.tables.back().header) {
      add_row(&doc_.tables.back());
    } else {
      for (const std::string& cell : cells) doc_.diagnostics.Consumed(cell);
    }
  } else if (!previous_was_table_row_ || other_table) {
    PolicyTable table;
    if (previous_was_caption_) {
      table.caption = doc_.captions.back().label;
      table.title = doc_.captions.back().title;
    }
    table.node = outline_.Current();
    table.pos = pos;
    table.last_page = pos.page;
    table.header = cells;
    AppendGridRow(cells, line.spans, &table.grid);
    table.grid.header_rows = line.header_rows;
    doc_.tables.push_back(std::move(table));
    open_table_ = line.table;
  } else if (cells != doc_.tables.back().header) {  // a header repeated on a new page is dropped
    add_row(&doc_.tables.back());
    if (pos.page > doc_.tables.back().last_page) doc_.tables.back().last_page = pos.page;
  } else {
    for (const std::string& cell : cells) doc_.diagnostics.Consumed(cell);
  }
}

bool Reader::TakeContentsLine(const TextBlock& block, const std::string& text) {
  std::vector<std::string_view> groups;
  if (!rules_.Pattern("contents_entry").FullMatch(text, &groups) || groups.size() < 3 || groups[1].empty()) {
    return false;
  }
  const std::string_view entry_text = groups[1];
  const std::string entry_page(groups[2]);
  ContentsEntry entry;
  entry.text = unicode::CollapseSpaces(entry_text);
  entry.page = std::stoi(entry_page);  // at most four digits (the pattern)
  entry.where = block.where;
  doc_.contents.push_back(std::move(entry));
  // The dot leader between the words and the page number.
  std::string leader = text;
  leader.erase(leader.find(entry_text), entry_text.size());
  leader.erase(leader.rfind(entry_page), entry_page.size());
  doc_.diagnostics.Consumed(leader);
  return true;
}

// A caption (圖N / 表N); a table caption may head a list table, read here.
bool Reader::TakeCaption(const std::string& text, SourcePos pos, size_t* b) {
  auto caption = MatchTwoGroups(rules_, "caption", text);
  if (!caption || caption->second.empty() || EndsSentence(text) || unicode::Length(text) > kMaxCaptionLength) {
    return false;
  }
  std::string label = caption->first;
  doc_.captions.push_back({label.rfind("圖", 0) == 0 ? "figure" : "table", label,
                           unicode::CollapseSpaces(caption->second), outline_.Current(), pos});
  previous_was_caption_ = true;
  if (doc_.captions.back().kind == "table") {
    size_t next = *b + 1;
    if (std::optional<PolicyTable> table = ReadListTable(blocks_, &next, rules_, &doc_.diagnostics)) {
      table->caption = doc_.captions.back().label;
      table->title = doc_.captions.back().title;
      table->node = outline_.Current();
      doc_.tables.push_back(std::move(*table));
      *b = next - 1;
      previous_was_caption_ = false;
    }
  }
  return true;
}

void Reader::AddHeading(const HeadingLabel& heading, const TextBlock& block) {
  bool is_sentence = false;
  std::string title = ItemTitle(heading.rest, &is_sentence);
  const SourceLine& first = lines_[block.first_line];
  std::optional<Indentation> indentation;
  if (first.indent) indentation = Indentation{*first.indent, first.size};
  int node = outline_.Add(heading, title, block.where.front(), indentation);
  sentence_item_.resize(doc_.outline.size(), false);
  sentence_item_[node] = is_sentence;
  if (is_sentence) doc_.paragraphs.push_back({heading.rest, node, block.where});
}

void Reader::AddParagraph(size_t b, const std::string& text, const TextBlock& block) {
  if (auto goal = MatchTwoGroups(rules_, "goal_label", text)) {
    stated_goals_.emplace(goal->first, std::make_pair(unicode::CollapseSpaces(goal->second), block.where.front()));
  }
  int node = outline_.Current();
  // A paragraph after a list of sentence items that leads into a new list
  // of the same kind ("…如下：" before a second 一、) belongs to the
  // section holding both lists, not to the last item.
  if (node >= 0 && sentence_item_[node] && next_list_starts_[b] == doc_.outline[node].rank) {
    node = doc_.outline[node].parent;
  }
  doc_.paragraphs.push_back({text, node, block.where});
}

void Reader::PlaceBlock(size_t* b) {
  const TextBlock& block = blocks_[*b];
  const SourcePos pos = block.where.front();
  if (lines_[block.first_line].IsTableRow()) {
    AddTableRow(block);
    previous_was_table_row_ = true;
    previous_was_caption_ = false;
    return;
  }
  previous_was_table_row_ = false;
  previous_was_caption_ = false;
  const std::string& text = readings_[*b].text;
  const std::optional<HeadingLabel>& heading = readings_[*b].heading;
  if (TakeContentsLine(block, text)) return;
  if (*b == 0 && doc_.title.empty() && !heading && !EndsSentence(text) &&
      unicode::Length(text) <= kMaxCaptionLength) {
    doc_.title = text;
    return;
  }
  if (TakeCaption(text, pos, b)) return;
  if (heading && contents_entry_[*b]) {  // kept as text of the section that lists them
    doc_.paragraphs.push_back({text, outline_.Current(), block.where});
  } else if (!heading && lines_[block.first_line].heading_level > 0) {
    // A heading the markup marks (# Title, <h2>) without a printed label:
    // its level is its rank, its marker its label.
    const int level = lines_[block.first_line].heading_level;
    HeadingLabel marked{std::string(static_cast<size_t>(level), '#'), text, level, "markup"};
    outline_.Add(marked, text, pos);
    sentence_item_.resize(doc_.outline.size(), false);
  } else if (heading) {
    // What stands between the label and the title ("附錄一：" has "：").
    if (size_t at = text.find(heading->label); at != std::string::npos && !heading->rest.empty()) {
      const std::string after = text.substr(at + heading->label.size());
      const std::string first_char = unicode::FromCodePoints(std::u32string(1, unicode::FirstChar(heading->rest)));
      doc_.diagnostics.Consumed(after.substr(0, after.find(first_char)));
    }
    AddHeading(*heading, block);
  } else {
    AddParagraph(*b, text, block);
  }
}

void Reader::Finish() {
  outline_.Finish();
  if (doc_.title.empty()) {
    for (const Paragraph& p : doc_.paragraphs) {
      std::vector<std::string_view> groups;
      if (rules_.Pattern("self_title").PartialMatch(p.text, &groups) && groups.size() >= 2) {
        doc_.title = std::string(groups[1]);
        break;
      }
    }
  }
  // Tables read from lines or rebuilt (list tables, action-plan tables)
  // have one slot per cell.
  for (PolicyTable& table : doc_.tables) {
    if (table.grid.rows == 0) {
      AppendGridRow(table.header, {}, &table.grid);
      for (const PolicyTableRow& row : table.rows) AppendGridRow(row.cells, {}, &table.grid);
    }
    FinishGrid(table.grid.header_rows, &table.grid);
  }
  std::stable_sort(doc_.tables.begin(), doc_.tables.end(), [](const PolicyTable& a, const PolicyTable& b) {
    return std::tie(a.pos.page, a.pos.line) < std::tie(b.pos.page, b.pos.line);
  });
  CheckCounts(&doc_, rules_);
  CheckGoals(stated_goals_, &doc_);
  CheckTableSections(&doc_, rules_);
}

PolicyDocument Reader::Run() {
  std::vector<LineRange> used = ParseActionPlanTables(lines_, rules_, &doc_);
  FindTitle(&used);
  ReadBlocks(used);
  for (size_t b = 0; b < blocks_.size(); ++b) PlaceBlock(&b);
  Finish();
  return std::move(doc_);
}

}  // namespace

Result<PolicyDocument> ParsePolicyDocument(const std::vector<TabRow>& rows, const RuleSet& rules) {
  return ParsePolicyLines(PrepareLines(rows, rules), rules);
}

Result<PolicyDocument> ParsePolicyLines(const std::vector<SourceLine>& lines, const RuleSet& rules) {
  bool any_text = false;
  for (const SourceLine& line : lines) any_text = any_text || !line.IsBlank();
  if (!any_text) return Status::BadInput("no text");
  return Reader(lines, rules).Run();
}

}  // namespace docpipe
