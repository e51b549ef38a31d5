// The detail table (附錄2) flattened by another extractor.
//
// Lines are joined into blocks (text_blocks.h) with the table's own labels:
// an action code starts a row, a number "1." an item, "經濟部：" the
// indicators of one agency. Inside a row the order is: the code cell, the
// points (執行要點), the indicators (績效指標), the agency cell, and after a
// page break the tails of the cells the break cut.
//
//   * Points and indicators are both numbered from 1: the numbering starting
//     again, or an agency label, switches from points to indicators. A row
//     with a single unnumbered point prints it unnumbered.
//   * The agency cell is the last run of blocks shaped like an agency list
//     ("A、B(C、D)", rule agency_cell) that ends the row or is followed by a
//     page break (a repeated header row or an indented line).
//   * After the agency cell, a numbered block continues the points when its
//     number is the next point number, else the indicators; an unnumbered
//     block completes the first item (points first) that does not yet end a
//     sentence.
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "common/unicode.h"
#include "normalize/policy/action_plan_tables.h"
#include "normalize/repair/heading_label.h"

namespace docpipe {
namespace {

const std::vector<std::string_view> kDetailLabels = {"action_code", "heading_arabic", "agency_label"};

struct Item {
  std::string text;
  int number = 0;  // 0: unnumbered
  std::string agency;
};

struct RowReader {
  const RuleSet& rules;
  DetailedAction action;
  std::vector<Item> points;
  std::vector<Item> kpis;
  bool in_kpis = false;
  std::string agency;  // current indicator agency label
  const Regex& numbered = rules.Pattern("heading_arabic");
  const Regex& agency_label = rules.Pattern("agency_label");

  std::optional<std::pair<int, std::string>> Numbered(std::string_view text) const {
    auto groups = MatchTwoGroups(rules, numbered, text);
    if (!groups) return std::nullopt;
    return std::make_pair(std::atoi(groups->first.c_str()), std::move(groups->second));
  }

  int NextKpiNumber() const {
    int next = 1;
    for (const Item& k : kpis) {
      if (k.agency == agency && k.number > 0) next = k.number + 1;
    }
    return next;
  }

  void Push(std::vector<Item>* column, Item item) {
    if (column == &kpis) item.agency = agency;
    column->push_back(std::move(item));
  }

  // Text in the body of the row, before the agency cell.
  void Body(std::string_view text) {
    if (auto n = Numbered(text)) {
      if (!in_kpis && n->first == 1 && !points.empty()) in_kpis = true;
      Push(in_kpis ? &kpis : &points, {std::move(n->second), n->first, ""});
      return;
    }
    std::vector<Item>* column = in_kpis ? &kpis : &points;
    if (!column->empty() && !EndsSentence(column->back().text)) {
      column->back().text = unicode::JoinWrapped(column->back().text, text);
    } else if (!in_kpis && points.empty()) {
      Push(&points, {std::string(text), 0, ""});
    } else {
      in_kpis = true;
      Push(&kpis, {std::string(text), 0, ""});
    }
  }

  // Text after the agency cell: tails of cells a page break cut.
  void Tail(std::string_view text) {
    if (auto n = Numbered(text)) {
      int next_point = points.empty() ? 1 : points.back().number + 1;
      if (n->first == next_point && !in_kpis_by_label_only()) {
        Push(&points, {std::move(n->second), n->first, ""});
      } else {
        Push(&kpis, {std::move(n->second), n->first, ""});
      }
      return;
    }
    for (std::vector<Item>* column : {&points, &kpis}) {
      for (Item& item : *column) {
        if (!EndsSentence(item.text)) {
          item.text = unicode::JoinWrapped(item.text, text);
          return;
        }
      }
    }
    Push(in_kpis ? &kpis : &points, {std::string(text), 0, ""});
  }

  // Once an agency label follows the page break, numbers restart per agency
  // and belong to the indicators.
  bool in_kpis_by_label_only() const { return label_after_agency; }
  bool label_after_agency = false;

  void Text(std::string_view text, bool after_agency) {
    if (auto label = MatchTwoGroups(rules, agency_label, text)) {
      in_kpis = true;
      agency = std::move(label->first);
      if (after_agency) label_after_agency = true;
      if (!label->second.empty()) Text(label->second, after_agency);
      return;
    }
    if (after_agency) {
      Tail(text);
    } else {
      Body(text);
    }
  }
};

// Splits a block at a run-in item: "建構資安警示等級及燈號。 1. 103 年完成"
// holds the last point and the first indicator, printed side by side.
// The parts are views into `text`.
std::vector<std::string_view> SplitRunIn(std::string_view text, const RuleSet& rules) {
  std::vector<std::string_view> parts;
  const Regex& numbered = rules.Pattern("heading_arabic");
  const std::string_view stop = "。";
  size_t start = 0, search = 0;
  while (true) {
    size_t at = text.find(stop, search);
    if (at == std::string::npos) break;
    size_t after = at + stop.size();
    size_t next = after;
    while (next < text.size() && text[next] == ' ') ++next;
    if (next > after && next < text.size() && numbered.PartialMatch(text.substr(next))) {
      parts.push_back(text.substr(start, after - start));
      start = next;
    }
    search = after;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// Agency-cell text: spaces collapsed, a leading 、 (the cell continued from
// the block before) dropped.
std::string AgencyText(const std::string& text) {
  std::string collapsed = unicode::CollapseSpaces(text);
  const std::string comma = "、";
  if (collapsed.rfind(comma, 0) == 0) collapsed.erase(0, comma.size());
  return collapsed;
}

// The lead and co-agencies of a cell that is only agency names (rule
// "agency_cell"); false when it is not.
bool MatchAgencyCell(const RuleSet& rules, std::string_view text, std::string* lead, std::string* co) {
  std::vector<std::string_view> groups;
  if (!rules.Pattern("agency_cell").FullMatch(text, &groups) || groups.size() < 3) return false;
  lead->assign(groups[1]);
  co->assign(groups[2]);
  return true;
}

// What the agency rules say of one block (or text), read once: finding a
// row's agency cell asks it of a block up to four times, and reading the
// cell, twice per row, again.
struct AgencyReading {
  std::string collapsed;  // AgencyText
  std::string lead, co;   // MatchAgencyCell of `collapsed`; empty when it does not match
  // Only agency names, at least one: not a label or a numbered item.
  bool is_agency = false;
  mutable std::optional<std::string> first_key;  // FirstAgencyKey, when first asked
};

AgencyReading ReadAgency(const RuleSet& rules, const std::string& text) {
  AgencyReading r;
  r.collapsed = AgencyText(text);
  const bool matched = MatchAgencyCell(rules, r.collapsed, &r.lead, &r.co);
  // The label rules last: most blocks are no agency cell at all. Only
  // whether they match is asked (MatchTwoGroups' answer: a match with its
  // two groups), not their groups.
  auto is_label = [&](std::string_view rule) {
    const Regex& pattern = rules.Pattern(rule);
    return pattern.GroupCount() >= 2 && pattern.PartialMatch(r.collapsed);
  };
  r.is_agency = !r.collapsed.empty() && matched && (!r.lead.empty() || !r.co.empty()) && !is_label("agency_label") &&
                !is_label("heading_arabic");
  return r;
}

// A row's blocks with what the agency rules say of each, read when first
// asked: finding the agency cell reads the blocks from the row's end back
// to the cell, so the blocks before it (most of a row) are never read.
struct RowBlocks {
  std::pair<std::string, std::string> code;  // the action_code match of the first block
  std::vector<TextBlock> blocks;
  mutable std::vector<std::optional<AgencyReading>> readings;  // parallel to blocks

  const AgencyReading& Agency(size_t b, const RuleSet& rules) const {
    if (readings.size() != blocks.size()) readings.resize(blocks.size());
    if (!readings[b]) readings[b] = ReadAgency(rules, blocks[b].text);
    return *readings[b];
  }
  // After `blocks` changed: every reading is read again when asked.
  void Forget() { readings.clear(); }
};

// The first agency a cell names, as a FoldKey.
const std::string& FirstAgencyKey(const AgencyReading& r) {
  if (!r.first_key) {
    std::vector<std::string> names = SplitAgencies(r.lead.empty() ? r.co : r.lead);
    r.first_key = names.empty() ? "" : unicode::FoldKey(names.front());
  }
  return *r.first_key;
}

// The agency cell of a row: the last run of agency-shaped blocks that ends
// the row or is followed by a page break. With `known` (FoldKeys), a block
// must also open with a known agency. [first, last) are the row's blocks
// after its code block; returns {last, last} when there is none.
std::pair<size_t, size_t> FindAgencyRun(const RowBlocks& row, size_t first, size_t last,
                                        const std::set<std::string>* known, const RuleSet& rules) {
  const std::vector<TextBlock>& blocks = row.blocks;
  auto is_agency = [&](size_t b) {
    const AgencyReading& reading = row.Agency(b, rules);
    return reading.is_agency && (known == nullptr || known->count(FirstAgencyKey(reading)));
  };
  for (size_t i = last; i-- > first;) {
    if (!is_agency(i)) continue;
    size_t run_begin = i;
    while (run_begin > first && !blocks[run_begin].indented && is_agency(run_begin - 1)) {
      --run_begin;
    }
    if (i + 1 == last || blocks[i + 1].indented) return {run_begin, i + 1};
    i = run_begin;
  }
  return {last, last};
}

// When a page break cut the cell before the agency cell, the extractor glued
// the two: "每年檢討政府機關保密裝備之部" + "資通安全辦公" + "室、各機關(國安局)".
// The agency cell then starts at one of the block's lines, with an agency
// the document names elsewhere. Splits block `b` there; false if no such line.
bool SplitGluedAgency(const std::vector<LineRef>& body, const std::set<std::string>& known, const RuleSet& rules,
                      size_t b, std::vector<TextBlock>* blocks) {
  const TextBlock& block = (*blocks)[b];
  for (size_t k = block.first_line + 1; k <= block.last_line; ++k) {
    std::string suffix;
    for (size_t i = k; i <= block.last_line; ++i) unicode::AppendWrapped(&suffix, body[i].line->text);
    const AgencyReading reading = ReadAgency(rules, suffix);
    if (!reading.is_agency || !known.count(FirstAgencyKey(reading))) continue;
    TextBlock head, tail;
    for (size_t i = block.first_line; i <= block.last_line; ++i) {
      TextBlock& part = i < k ? head : tail;
      if (part.where.empty()) part.first_line = i;
      unicode::AppendWrapped(&part.text, body[i].line->text);
      part.where.push_back(body[i].line->pos);
      part.last_line = i;
    }
    head.indented = block.indented;
    (*blocks)[b] = std::move(head);
    blocks->insert(blocks->begin() + static_cast<std::ptrdiff_t>(b) + 1, std::move(tail));
    return true;
  }
  return false;
}

struct AgencyCell {
  std::vector<std::string> lead, co;
  std::string text;
};

AgencyCell ReadAgencyCell(const RowBlocks& row, size_t begin, size_t end, const RuleSet& rules) {
  AgencyCell cell;
  for (size_t i = begin; i < end; ++i) {
    const AgencyReading& reading = row.Agency(i, rules);
    const std::string& collapsed = reading.collapsed;
    for (std::string& name : SplitAgencies(reading.lead)) cell.lead.push_back(std::move(name));
    for (std::string& name : SplitAgencies(reading.co)) cell.co.push_back(std::move(name));
    cell.text += (cell.text.empty() || collapsed.rfind("(", 0) == 0 || collapsed.rfind("（", 0) == 0 ? "" : "、") +
                 collapsed;
  }
  return cell;
}

DetailedAction ReadRow(RowBlocks row, const std::vector<LineRef>& body, const std::set<std::string>& known, const RuleSet& rules,
                       Diagnostics* diagnostics) {
  std::vector<TextBlock>& blocks = row.blocks;
  RowReader reader{rules, {}, {}, {}, false, {}};
  reader.action.code = row.code.first;
  reader.action.title = unicode::CollapseSpaces(row.code.second);
  size_t where_count = 0;
  for (const TextBlock& block : blocks) where_count += block.where.size();
  reader.action.where.reserve(where_count);
  for (const TextBlock& block : blocks) {
    reader.action.where.insert(reader.action.where.end(), block.where.begin(), block.where.end());
  }
  auto [agency_begin, agency_end] = FindAgencyRun(row, 1, blocks.size(), &known, rules);
  AgencyCell cell;
  if (agency_begin < agency_end) cell = ReadAgencyCell(row, agency_begin, agency_end, rules);
  if (cell.lead.empty()) {
    // Candidates for a glued agency cell: the block before the run found,
    // or else any block that ends the row or precedes a page break.
    for (size_t b = agency_begin < agency_end ? agency_begin : blocks.size(); b-- > 1;) {
      bool candidate = agency_begin < agency_end ? b + 1 == agency_begin
                                                 : b + 1 == blocks.size() || blocks[b + 1].indented;
      if (candidate && SplitGluedAgency(body, known, rules, b, &blocks)) {
        row.Forget();
        std::tie(agency_begin, agency_end) = FindAgencyRun(row, 1, blocks.size(), &known, rules);
        cell = agency_begin < agency_end ? ReadAgencyCell(row, agency_begin, agency_end, rules) : AgencyCell{};
        break;
      }
      if (agency_begin < agency_end) break;
    }
  }
  if (agency_begin == agency_end) {
    diagnostics->Warn("missing_agency", "action plan " + reader.action.code + " has no lead agency cell",
                      blocks.front().where.front());
  } else {
    reader.action.lead = std::move(cell.lead);
    reader.action.co = std::move(cell.co);
    reader.action.agency_cell = std::move(cell.text);
  }
  for (size_t i = 1; i < blocks.size(); ++i) {
    if (i >= agency_begin && i < agency_end) continue;
    for (std::string_view part : SplitRunIn(blocks[i].text, rules)) reader.Text(part, i >= agency_end);
  }
  reader.action.points.reserve(reader.points.size());
  for (Item& p : reader.points) reader.action.points.push_back(unicode::CollapseSpaces(p.text));
  reader.action.kpis.reserve(reader.kpis.size());
  for (Item& k : reader.kpis) reader.action.kpis.push_back({std::move(k.agency), unicode::CollapseSpaces(k.text)});
  return std::move(reader.action);
}

}  // namespace

DetailTable ReadDetailTable(const std::vector<SourceLine>& lines, size_t begin, size_t end, const RuleSet& rules,
                            bool end_marks, const std::set<std::string>& known_agencies, Diagnostics* diagnostics) {
  DetailTable table;
  table.header = HeaderCells(lines[begin].text);
  // Drop repeated header rows; the line after one starts a new page. The
  // body is a view of the lines (JoinBlocks' LineRef), not a copy.
  std::vector<LineRef> body;
  body.reserve(end - begin);
  bool page_break = false;
  const Regex& header = rules.Pattern("detail_table_header");
  for (size_t i = begin + 1; i < end; ++i) {
    if (lines[i].IsBlank()) continue;
    if (header.ScanMatch(lines[i].text)) {
      page_break = true;
      continue;
    }
    body.push_back({&lines[i], lines[i].indented || page_break});
    page_break = false;
  }
  BlockOptions options;
  options.end_marks = end_marks;
  options.label_rules = kDetailLabels;
  std::vector<TextBlock> blocks = JoinBlocks(body, rules, options);

  // Rows: from one action code to the next.
  std::vector<RowBlocks> rows;
  const Regex& action_code = rules.Pattern("action_code");
  for (TextBlock& block : blocks) {
    if (auto code = MatchTwoGroups(rules, action_code, block.text)) {
      rows.emplace_back();
      rows.back().code = std::move(*code);
    } else if (rows.empty()) {
      diagnostics->Unplaced(unicode::CollapseSpaces(block.text), block.where.front());
      continue;
    }
    rows.back().blocks.push_back(std::move(block));
  }
  // The agencies this document names: those given, and those that head the
  // agency cells of at least two rows (a real agency recurs; text a page
  // break glued to an agency cell does not).
  std::set<std::string> known = known_agencies;
  std::map<std::string, int> rows_naming;
  for (const RowBlocks& row : rows) {
    auto [b, e] = FindAgencyRun(row, 1, row.blocks.size(), nullptr, rules);
    AgencyCell cell = ReadAgencyCell(row, b, e, rules);
    std::set<std::string> names;
    for (const std::string& name : cell.lead) names.insert(unicode::FoldKey(name));
    for (const std::string& name : cell.co) names.insert(unicode::FoldKey(name));
    for (const std::string& key : names) {
      if (++rows_naming[key] == 2) known.insert(key);
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    table.actions.push_back(ReadRow(std::move(rows[r]), body, known, rules, diagnostics));
  }
  return table;
}

}  // namespace docpipe
