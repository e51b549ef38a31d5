#include "normalize/policy/policy_parser.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "common/unicode.h"
#include "normalize/policy/action_plan_parser.h"
#include "normalize/repair/heading_label.h"
#include "normalize/policy/list_table.h"
#include "normalize/repair/text_blocks.h"

namespace docpipe {
namespace {

// A heading item longer than this is a sentence with a number, not a title.
constexpr size_t kMaxTitleLength = 40;
// Captions and the lead-in of an item ("標準規範組：由經濟部主辦…") are short.
constexpr size_t kMaxCaptionLength = 60;
constexpr size_t kMaxLeadInLength = 15;

class OutlineBuilder {
 public:
  explicit OutlineBuilder(PolicyDocument* doc) : doc_(doc) {}

  int Add(const HeadingLabel& heading, std::string title, SourcePos pos) {
    while (!open_.empty() && doc_->outline[open_.back()].rank >= heading.rank) open_.pop_back();
    CheckSequence(heading, pos);
    OutlineNode node;
    node.label = heading.label;
    node.title = std::move(title);
    node.rank = heading.rank;
    node.parent = open_.empty() ? -1 : open_.back();
    node.level = static_cast<int>(open_.size()) + 1;
    node.pos = pos;
    int index = static_cast<int>(doc_->outline.size());
    if (node.parent >= 0) doc_->outline[node.parent].children.push_back(index);
    doc_->outline.push_back(std::move(node));
    open_.push_back(index);
    return index;
  }

  int Current() const { return open_.empty() ? -1 : open_.back(); }

 private:
  // A label that skips numbers after its previous sibling of the same kind
  // (四、 then 六、) is a warning: the document lost or misnumbered an item,
  // and the outline would otherwise hide it. A list that starts again at one
  // is no gap.
  void CheckSequence(const HeadingLabel& heading, SourcePos pos) {
    const std::vector<int>* siblings = &top_level_;
    if (!open_.empty()) siblings = &doc_->outline[open_.back()].children;
    const OutlineNode* previous = nullptr;
    for (auto it = siblings->rbegin(); it != siblings->rend() && previous == nullptr; ++it) {
      if (doc_->outline[*it].rank == heading.rank) previous = &doc_->outline[*it];
    }
    if (open_.empty()) top_level_.push_back(static_cast<int>(doc_->outline.size()));
    if (previous == nullptr) return;
    std::optional<long> before = unicode::NumeralValue(previous->label);
    std::optional<long> now = unicode::NumeralValue(heading.label);
    if (!before || !now || *now <= *before + 1 || *now == 1) return;
    const long missing = *now - *before - 1;
    doc_->diagnostics.Warn("outline_gap",
                           heading.label + " follows " + previous->label + ": " + std::to_string(missing) +
                               (missing == 1 ? " item is" : " items are") + " missing between them",
                           pos);
  }

  PolicyDocument* doc_;
  std::vector<int> open_;
  std::vector<int> top_level_;
};

// The title of a numbered item: its words when it is a heading; when it is a
// sentence, the short lead-in before its first colon, else nothing.
std::string ItemTitle(const std::string& rest, bool* is_sentence) {
  // A heading never holds a full stop.
  *is_sentence = EndsSentence(rest) || unicode::Length(rest) > kMaxTitleLength || rest.find("。") != std::string::npos;
  if (!*is_sentence) return rest;
  const std::string colon = "：";
  size_t at = rest.find(colon);
  if (at == std::string::npos) return "";
  std::string lead = rest.substr(0, at);
  if (unicode::Length(lead) > kMaxLeadInLength || lead.find("，") != std::string::npos) return "";
  return lead;
}

std::vector<TextBlock> BlocksOutside(const std::vector<SourceLine>& lines, const std::vector<LineRange>& used,
                                     const RuleSet& rules, const BlockOptions& options) {
  std::vector<TextBlock> blocks;
  size_t from = 0;
  auto add = [&](size_t to) {
    std::vector<TextBlock> part = JoinBlocks(lines, from, to, rules, options);
    blocks.insert(blocks.end(), part.begin(), part.end());
  };
  for (const LineRange& range : used) {
    add(range.begin);
    from = range.end;
  }
  add(lines.size());
  return blocks;
}

// The text and heading of each block that is not a table row.
struct BlockReading {
  std::string text;
  std::optional<HeadingLabel> heading;
};

// A heading's title as a table of contents would list it: folded, without
// dot leader and page number; empty for a sentence item, which no contents
// lists.
std::string ContentsKey(const RuleSet& rules, const HeadingLabel& heading) {
  std::string title;
  if (!RE2::FullMatch(heading.rest, rules.Pattern("toc_title"), &title)) return "";
  if (unicode::Length(title) > kMaxTitleLength) return "";
  return unicode::FoldKey(title);
}

// Marks the entries of a table of contents: a run of two or more headings
// with nothing between them, each of which the document repeats later as a
// heading of the same label and title (one title may be cut short: "…說明"
// lists "…說明表"). They are not sections of their own.
// One pass from the end keeps, per label, the sorted titles seen so far, so
// that a document of many headings costs n log n, not n squared.
std::vector<bool> ContentsEntries(const std::vector<BlockReading>& blocks, const RuleSet& rules) {
  const size_t n = blocks.size();
  std::vector<bool> repeated(n, false);
  std::map<std::string, std::set<std::string>> later;  // label -> folded titles after this block
  for (size_t i = n; i-- > 0;) {
    if (!blocks[i].heading) continue;
    const std::string key = ContentsKey(rules, *blocks[i].heading);
    if (key.empty()) continue;
    std::set<std::string>& titles = later[blocks[i].heading->label];
    // A later title that starts with this one...
    auto it = titles.lower_bound(key);
    repeated[i] = it != titles.end() && it->compare(0, key.size(), key) == 0;
    // ...or one that this title starts with (a prefix ending at a character).
    for (size_t cut = 1; cut < key.size() && !repeated[i]; ++cut) {
      if ((static_cast<unsigned char>(key[cut]) & 0xC0) != 0x80) repeated[i] = titles.count(key.substr(0, cut)) > 0;
    }
    titles.insert(key);
  }
  std::vector<bool> entry(n, false);
  for (size_t i = 0; i < n;) {
    size_t end = i;
    while (end < n && repeated[end]) ++end;
    if (end - i >= 2) std::fill(entry.begin() + i, entry.begin() + end, true);
    i = end == i ? i + 1 : end;
  }
  return entry;
}

// For each block, whether the first heading after it starts a new list
// (its number is one), and at which rank; nullopt when no heading follows
// before a table row or the end. Computed backwards in one pass.
std::vector<std::optional<int>> NextListStarts(const std::vector<BlockReading>& blocks) {
  std::vector<std::optional<int>> starts(blocks.size());
  std::optional<int> next;  // for the block before the one being read
  for (size_t i = blocks.size(); i-- > 0;) {
    starts[i] = next;
    const std::optional<HeadingLabel>& heading = blocks[i].heading;
    if (blocks[i].text.empty()) {
      next.reset();  // a table row
    } else if (heading) {
      next = unicode::SoleNumeralValue(heading->label) == 1.0 ? std::optional<int>(heading->rank) : std::optional<int>(0);
    }
  }
  return starts;
}

void CheckCounts(PolicyDocument* doc, const RuleSet& rules) {
  for (const Paragraph& p : doc->paragraphs) {
    int goals = 0, strategies = 0, actions = 0;
    if (RE2::PartialMatch(p.text, rules.Pattern("plan_counts"), &goals, &strategies, &actions)) {
      doc->stated_counts = PlanCounts{goals, strategies, actions, p.where.front()};
      break;
    }
  }
  if (doc->action_plans.empty()) return;
  if (!doc->stated_counts) {
    doc->diagnostics.Warn("count_unstated", "the document does not state how many action plans it has", {});
    return;
  }
  const PlanCounts& stated = *doc->stated_counts;
  for (auto [what, said, found] : {std::tuple{"goals", stated.goals, doc->goals.size()},
                                   std::tuple{"strategies", stated.strategies, doc->strategies.size()},
                                   std::tuple{"action plans", stated.action_plans, doc->action_plans.size()}}) {
    if (said && static_cast<size_t>(*said) != found) {
      doc->diagnostics.Warn("count_mismatch",
                            std::string("the document states ") + std::to_string(*said) + " " + what + ", found " +
                                std::to_string(found),
                            stated.pos);
    }
  }
}

// Goals stated in the text ("目標一：強化…") must match the assignment table's.
void CheckGoals(const std::map<std::string, std::pair<std::string, SourcePos>>& stated, PolicyDocument* doc) {
  for (const CodedTitle& goal : doc->goals) {
    auto it = stated.find(goal.code);
    if (it == stated.end()) continue;
    if (unicode::FoldKey(it->second.first) != unicode::FoldKey(goal.title)) {
      doc->diagnostics.Warn("tables_disagree",
                            goal.code + ": \"" + it->second.first + "\" in the text, \"" + goal.title +
                                "\" in the assignment table",
                            it->second.second);
    }
  }
}

}  // namespace

Result<PolicyDocument> ParsePolicyDocument(const std::vector<TabRow>& rows, const RuleSet& rules) {
  PolicyDocument doc;
  std::vector<SourceLine> lines = PrepareLines(rows, rules);
  bool any_text = false;
  for (const SourceLine& line : lines) any_text = any_text || !line.IsBlank();
  if (!any_text) return Status::BadInput("no text");

  std::vector<LineRange> used = ParseActionPlanTables(lines, rules, &doc);
  BlockOptions options;
  options.end_marks = HasEndMarks(lines);
  // A PDF's title, known from its typography, is the title and no paragraph.
  for (size_t i = 0; i < lines.size() && doc.title.empty(); ++i) {
    if (!lines[i].title || lines[i].IsBlank()) continue;
    doc.title = unicode::CollapseSpaces(rules.ApplyStage("text", lines[i].text));
    used.push_back(LineRange{i, i + 1});
    std::sort(used.begin(), used.end(),
              [](const LineRange& a, const LineRange& b) { return a.begin < b.begin; });
  }
  // A first line that names a plan or directive (…作業要點) is the title even
  // when no end mark separates it from the lines after it (a PDF).
  for (size_t i = 0; i < lines.size() && doc.title.empty(); ++i) {
    if (lines[i].IsBlank()) continue;
    const std::string& first = lines[i].text;
    bool taken = !used.empty() && used.front().begin <= i;
    if (!taken && !lines[i].IsTableRow() && !MatchHeading(rules, first) && !EndsSentence(first) &&
        unicode::Length(first) <= kMaxCaptionLength && rules.Matches("policy_title", first)) {
      doc.title = rules.ApplyStage("text", first);
      used.insert(used.begin(), LineRange{i, i + 1});
    }
    break;
  }
  std::vector<TextBlock> blocks = BlocksOutside(lines, used, rules, options);

  std::vector<BlockReading> readings(blocks.size());
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (lines[blocks[b].first_line].IsTableRow()) continue;
    readings[b].text = rules.ApplyStage("text", blocks[b].text);
    readings[b].heading = MatchHeading(rules, readings[b].text);
  }
  const std::vector<bool> contents_entry = ContentsEntries(readings, rules);
  const std::vector<std::optional<int>> next_list_starts = NextListStarts(readings);

  OutlineBuilder outline(&doc);
  // Items whose text is a sentence ("一、 國家資通安全政策之研擬。"), not a title.
  std::vector<bool> sentence_item;
  std::map<std::string, std::pair<std::string, SourcePos>> stated_goals;
  bool previous_was_table_row = false;
  bool previous_was_caption = false;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const TextBlock& block = blocks[b];
    const SourcePos pos = block.where.front();
    if (lines[block.first_line].IsTableRow()) {
      const SourceLine& line = lines[block.first_line];
      const std::vector<std::string>& cells = line.cells;
      // A part of a table that a page break cut belongs to the table before
      // it, across the footnotes and running caption between the parts.
      const bool continues = line.continues_table && !doc.tables.empty();
      if (continues && pos.page > doc.tables.back().last_page) doc.tables.back().last_page = pos.page;
      if (continues && line.repeated_header) {
        // dropped: the column header printed again on the new page
        for (const std::string& cell : cells) doc.diagnostics.Consumed(cell);
      } else if (continues && line.continues_row && !doc.tables.back().rows.empty() &&
                 doc.tables.back().rows.back().cells.size() == cells.size()) {
        PolicyTableRow& cut = doc.tables.back().rows.back();
        for (size_t c = 0; c < cells.size(); ++c) {
          if (cells[c].empty()) continue;
          cut.cells[c] = cut.cells[c].empty() ? cells[c] : unicode::JoinWrapped(cut.cells[c], cells[c]);
        }
        cut.where.insert(cut.where.end(), block.where.begin(), block.where.end());
      } else if (continues) {
        if (cells != doc.tables.back().header) {
          doc.tables.back().rows.push_back({cells, block.where});
        } else {
          for (const std::string& cell : cells) doc.diagnostics.Consumed(cell);
        }
      } else if (!previous_was_table_row) {
        PolicyTable table;
        if (previous_was_caption) {
          table.caption = doc.captions.back().label;
          table.title = doc.captions.back().title;
        }
        table.node = outline.Current();
        table.pos = pos;
        table.last_page = pos.page;
        table.header = cells;
        doc.tables.push_back(std::move(table));
      } else if (cells != doc.tables.back().header) {  // a header repeated on a new page is dropped
        doc.tables.back().rows.push_back({cells, block.where});
        if (pos.page > doc.tables.back().last_page) doc.tables.back().last_page = pos.page;
      } else {
        for (const std::string& cell : cells) doc.diagnostics.Consumed(cell);
      }
      previous_was_table_row = true;
      previous_was_caption = false;
      continue;
    }
    previous_was_table_row = false;
    previous_was_caption = false;
    const std::string& text = readings[b].text;
    const std::optional<HeadingLabel>& heading = readings[b].heading;
    std::string entry_text, entry_page;
    if (RE2::FullMatch(text, rules.Pattern("contents_entry"), &entry_text, &entry_page) && !entry_text.empty()) {
      ContentsEntry entry;
      entry.text = unicode::CollapseSpaces(entry_text);
      entry.page = std::stoi(entry_page);  // at most four digits (the pattern)
      entry.where = block.where;
      doc.contents.push_back(std::move(entry));
      // The dot leader between the words and the page number.
      std::string leader = text;
      leader.erase(leader.find(entry_text), entry_text.size());
      leader.erase(leader.rfind(entry_page), entry_page.size());
      doc.diagnostics.Consumed(leader);
      continue;
    }
    if (b == 0 && doc.title.empty() && !heading && !EndsSentence(text) &&
        unicode::Length(text) <= kMaxCaptionLength) {
      doc.title = text;
      continue;
    }
    if (auto caption = MatchTwoGroups(rules, "caption", text);
        caption && !caption->second.empty() && !EndsSentence(text) && unicode::Length(text) <= kMaxCaptionLength) {
      std::string label = caption->first;
      doc.captions.push_back({label.rfind("圖", 0) == 0 ? "figure" : "table", label,
                              unicode::CollapseSpaces(caption->second), outline.Current(), pos});
      previous_was_caption = true;
      if (doc.captions.back().kind == "table") {
        size_t next = b + 1;
        if (std::optional<PolicyTable> table = ReadListTable(blocks, &next, rules, &doc.diagnostics)) {
          table->caption = doc.captions.back().label;
          table->title = doc.captions.back().title;
          table->node = outline.Current();
          doc.tables.push_back(std::move(*table));
          b = next - 1;
          previous_was_caption = false;
        }
      }
      continue;
    }
    if (heading && contents_entry[b]) {  // kept as text of the section that lists them
      doc.paragraphs.push_back({text, outline.Current(), block.where});
      continue;
    }
    if (!heading && lines[block.first_line].heading_level > 0) {
      // A heading the markup marks (# Title, <h2>) without a printed label:
      // its level is its rank, its marker its label.
      const int level = lines[block.first_line].heading_level;
      HeadingLabel marked{std::string(static_cast<size_t>(level), '#'), text, level};
      outline.Add(marked, text, pos);
      sentence_item.resize(doc.outline.size(), false);
      continue;
    }
    if (heading) {
      // What stands between the label and the title ("附錄一：" has "：").
      if (size_t at = text.find(heading->label); at != std::string::npos && !heading->rest.empty()) {
        const std::string after = text.substr(at + heading->label.size());
        const std::string first_char = unicode::FromCodePoints(std::u32string(1, unicode::FirstChar(heading->rest)));
        doc.diagnostics.Consumed(after.substr(0, after.find(first_char)));
      }
      bool is_sentence = false;
      std::string title = ItemTitle(heading->rest, &is_sentence);
      int node = outline.Add(*heading, title, pos);
      sentence_item.resize(doc.outline.size(), false);
      sentence_item[node] = is_sentence;
      if (is_sentence) doc.paragraphs.push_back({heading->rest, node, block.where});
      continue;
    }
    if (auto goal = MatchTwoGroups(rules, "goal_label", text)) {
      stated_goals.emplace(goal->first, std::make_pair(unicode::CollapseSpaces(goal->second), pos));
    }
    int node = outline.Current();
    // A paragraph after a list of sentence items that leads into a new list
    // of the same kind ("…如下：" before a second 一、) belongs to the
    // section holding both lists, not to the last item.
    if (node >= 0 && sentence_item[node] && next_list_starts[b] == doc.outline[node].rank) {
      node = doc.outline[node].parent;
    }
    doc.paragraphs.push_back({text, node, block.where});
  }

  if (doc.title.empty()) {
    for (const Paragraph& p : doc.paragraphs) {
      std::string name;
      if (RE2::PartialMatch(p.text, rules.Pattern("self_title"), &name)) {
        doc.title = name;
        break;
      }
    }
  }
  std::stable_sort(doc.tables.begin(), doc.tables.end(),
                   [](const PolicyTable& a, const PolicyTable& b) {
                     return std::tie(a.pos.page, a.pos.line) < std::tie(b.pos.page, b.pos.line);
                   });
  CheckCounts(&doc, rules);
  CheckGoals(stated_goals, &doc);
  return doc;
}

}  // namespace docpipe
