#include "normalize/standard/row_stitcher.h"

#include <algorithm>

#include "common/unicode.h"
#include "normalize/repair/cut_row.h"

namespace docpipe {
namespace {

bool Contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

// Splits "T1.4監控與測試" into code "T1.4" and the rest; code is empty when
// the cell does not open with a T code.
std::pair<std::string, std::string> LeadingCode(const Regex& pattern, const std::string& cell) {
  std::vector<std::string_view> groups;
  if (!pattern.PrefixMatch(cell, &groups) || groups.size() < 2) return {"", cell};
  size_t end = static_cast<size_t>(groups[0].data() - cell.data()) + groups[0].size();
  return {std::string(groups[1].data(), groups[1].size()), cell.substr(end)};
}

int Depth(const std::string& code) {
  int dots = 0;
  for (char c : code) dots += c == '.';
  return dots;
}

}  // namespace

std::vector<Column> ColumnsFromHeader(const std::vector<std::string>& cleaned_cells) {
  std::vector<std::string> keys;
  for (const std::string& cell : cleaned_cells) keys.push_back(unicode::FoldKey(cell));
  return ColumnsFromKeys(keys);
}

namespace {

// The label of the duty column; ColumnOfKey asks for it first.
constexpr const char* kDutyLabel = "職責";

Column ColumnOfKey(const std::string& key) {
  if (Contains(key, kDutyLabel)) return Column::kDuty;
  if (Contains(key, "任務")) return Column::kTask;
  if (Contains(key, "產出")) return Column::kOutputs;
  if (Contains(key, "指標")) return Column::kIndicators;
  if (Contains(key, "knowledge") || Contains(key, "知識")) return Column::kKnowledge;
  if (Contains(key, "skill") || Contains(key, "技能")) return Column::kSkills;
  if (Contains(key, "級別")) return Column::kLevel;
  return Column::kOther;
}

}  // namespace

std::vector<Column> ColumnsFromKeys(const std::vector<std::string>& keys) {
  // A header has a duty column, the one ColumnOfKey names first: a row with
  // no key holding its label (nearly every row, and all are asked) is
  // answered after one search per key instead of ColumnOfKey's nine.
  const auto duty = [](const std::string& key) { return Contains(key, kDutyLabel); };
  if (std::none_of(keys.begin(), keys.end(), duty)) return {};
  std::vector<Column> columns;
  for (const std::string& key : keys) columns.push_back(ColumnOfKey(key));
  bool has_duty = std::find(columns.begin(), columns.end(), Column::kDuty) != columns.end();
  bool has_task = std::find(columns.begin(), columns.end(), Column::kTask) != columns.end();
  if (!has_duty || !has_task) columns.clear();
  return columns;
}

std::vector<Column> ColumnsFromSubHeader(const std::vector<std::string>& keys) {
  std::vector<Column> columns;
  bool any = false;
  for (const std::string& key : keys) {
    Column column = key.empty() ? Column::kOther : ColumnOfKey(key);
    if (!key.empty() && column == Column::kOther) return {};
    any = any || column != Column::kOther;
    columns.push_back(column);
  }
  if (!any) columns.clear();
  return columns;
}

RowStitcher::RowStitcher(const RuleSet& rules, std::vector<Column> columns)
    : rules_(rules), columns_(std::move(columns)) {}

void RowStitcher::AddHeader(SourcePos) { after_header_ = true; }

void RowStitcher::RefineColumns(const std::vector<Column>& sub_header) {
  for (size_t i = 0; i < sub_header.size() && i < columns_.size(); ++i) {
    if (sub_header[i] != Column::kOther && columns_[i] == Column::kOther) columns_[i] = sub_header[i];
  }
}

std::array<std::string, kColumnCount> RowStitcher::ByColumn(const std::vector<std::string>& cells) const {
  std::array<std::string, kColumnCount> by_column;
  for (size_t i = 0; i < cells.size(); ++i) {
    Column column = i < columns_.size() ? columns_[i] : Column::kOther;
    std::string& slot = by_column[static_cast<size_t>(column)];
    unicode::AppendWrapped(&slot, cells[i]);
  }
  return by_column;
}

void RowStitcher::AddRow(SourcePos pos, const std::vector<std::string>& cells, Diagnostics* diagnostics,
                         bool marked_cut) {
  const Regex& code_pattern = rules_.Pattern("duty_or_task_code");
  const std::array<std::string, kColumnCount> by_column = ByColumn(cells);
  const std::string& duty_cell = by_column[static_cast<size_t>(Column::kDuty)];
  const std::string& task_cell = by_column[static_cast<size_t>(Column::kTask)];
  const bool after_break = after_header_;
  after_header_ = false;

  auto [duty_code, duty_rest] = LeadingCode(code_pattern, duty_cell);
  auto [task_code, task_rest] = LeadingCode(code_pattern, task_cell);
  // A duty cell holding a task code (or the reverse) is a shifted row: the
  // extractor dropped an empty leading cell. Read it by its codes.
  if (!duty_code.empty() && Depth(duty_code) >= 1 && task_code.empty() && task_cell.empty()) {
    std::swap(task_code, duty_code);
    std::swap(task_rest, duty_rest);
  }
  // A duty cell without a duty code opens no duty: after a break it is the
  // rest of the cut duty's name (the shared cut-row rule, normalize/repair/
  // cut_row.h), elsewhere it is read so too, with a warning.
  const bool duty_goes_on = IsRestOfCutRow({after_break, marked_cut, /*key_opens_entry=*/false});
  if (!duty_code.empty() && Depth(duty_code) == 0) {
    duties_.push_back(RawDuty{duty_code, {}, {}, {pos}});
    if (!duty_rest.empty()) duties_.back().name.push_back({duty_rest, pos});
  } else if (!duty_cell.empty()) {
    AddDutyNameFragment(pos, duty_cell, duty_goes_on, diagnostics);
  }
  RawTask* task = OpenTask(pos, task_code, task_rest, task_cell, diagnostics);
  PlaceItemCells(pos, by_column, task, diagnostics);
  if (task == nullptr && task_code.empty() && !task_cell.empty()) diagnostics->Unplaced(task_cell, pos);
}

void RowStitcher::AddDutyNameFragment(SourcePos pos, const std::string& fragment, bool goes_on,
                                      Diagnostics* diagnostics) {
  if (duties_.empty()) {
    diagnostics->Unplaced(fragment, pos);
    return;
  }
  duties_.back().name.push_back({fragment, pos});
  duties_.back().rows.push_back(pos);
  if (!goes_on) {
    diagnostics->Warn("continued_row",
                      "duty cell without a duty code is read as the rest of " + duties_.back().code + "'s name", pos);
  }
}

// A task cell opening with a task code opens a task; one without a code
// (the rest of a task row a break cut, or a further row of a task merged
// over several rows) goes on with the current task.
RawTask* RowStitcher::OpenTask(SourcePos pos, const std::string& code, const std::string& rest,
                               const std::string& task_cell, Diagnostics* diagnostics) {
  if (!code.empty()) {
    if (duties_.empty()) {
      diagnostics->Warn("missing_duty", "task " + code + " appears before any duty", pos);
      duties_.push_back(RawDuty{"", {}, {}, {pos}});
    }
    duties_.back().tasks.push_back(RawTask{code, {}, {pos}});
    RawTask* task = &duties_.back().tasks.back();
    if (!rest.empty()) task->cells[static_cast<size_t>(Column::kTask)].push_back({rest, pos});
    return task;
  }
  if (duties_.empty() || duties_.back().tasks.empty()) return nullptr;
  RawTask* task = &duties_.back().tasks.back();
  task->rows.push_back(pos);
  if (!task_cell.empty()) task->cells[static_cast<size_t>(Column::kTask)].push_back({task_cell, pos});
  return task;
}

void RowStitcher::PlaceItemCells(SourcePos pos, const std::array<std::string, kColumnCount>& by_column,
                                 RawTask* task, Diagnostics* diagnostics) {
  for (size_t c = static_cast<size_t>(Column::kOutputs); c < kColumnCount; ++c) {
    const std::string& text = by_column[c];
    if (text.empty()) continue;
    if (task == nullptr || static_cast<Column>(c) == Column::kOther) {
      diagnostics->Unplaced(text, pos);
      continue;
    }
    task->cells[c].push_back({text, pos});
  }
}

}  // namespace docpipe
