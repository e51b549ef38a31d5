// RowStitcher: rebuilds the duty table (主要職責 / 工作任務 / ...) from its
// rows, joining rows that a page break cut in two.
//
// The idea: in these forms a duty cell is merged over its task rows and a
// task row never starts without a task code. So a row whose task cell does
// not open with a task code (T1.4) is not a new task: it is the rest of the
// current task's row, continued after the page's repeated header row. Its
// cells are fragments to append to the current task's cells: "T1.4監控與測試
// 網路伺服器" + "安全", "O2.2.3稽" + "核報告 O2.2.4矯正措施文件". A duty cell
// that does not open with a duty code (T1) likewise continues the current
// duty's name. Repeated header rows are recognised and dropped. Whether a
// row after a break is the rest of the cut row is the shared rule of
// normalize/repair/cut_row.h, the one extract applies to a PDF's layout: the
// key cell of a fresh row opens an entry (here: with its code).
//
//   RowStitcher stitcher(rules, columns);
//   for (row : rows) header ? stitcher.AddHeader(pos) : stitcher.AddRow(pos, cells);
//   std::vector<RawDuty> duties = stitcher.Finish(&diagnostics);
#ifndef DOCPIPE_NORMALIZE_STANDARD_ROW_STITCHER_H_
#define DOCPIPE_NORMALIZE_STANDARD_ROW_STITCHER_H_

#include <array>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "normalize/standard/item_splitter.h"
#include "normalize/repair/rule_set.h"

namespace docpipe {

enum class Column { kDuty, kTask, kOutputs, kIndicators, kLevel, kKnowledge, kSkills, kOther };
inline constexpr size_t kColumnCount = 8;

// Maps the cells of a duty-table header row to columns by their words
// (職責, 任務, 產出, 指標, 級別, knowledge/知識, skills/技能). Returns an empty
// vector when the row is not such a header.
std::vector<Column> ColumnsFromHeader(const std::vector<std::string>& cleaned_cells);
// The same on cells already folded with unicode::FoldKey.
std::vector<Column> ColumnsFromKeys(const std::vector<std::string>& keys);
// The second row of a two-row header, whose first row spans columns
// (職能內涵 over 知識 (K=knowledge) | 技能 (S=skills)): the column each cell
// names, kOther for an empty cell. Empty when a non-empty cell names no
// column, i.e. the row is not such a header row.
std::vector<Column> ColumnsFromSubHeader(const std::vector<std::string>& keys);

struct RawTask {
  std::string code;
  std::array<std::vector<Fragment>, kColumnCount> cells;  // task name in kTask
  std::vector<SourcePos> rows;
};

struct RawDuty {
  std::string code;
  std::vector<Fragment> name;
  std::vector<RawTask> tasks;
  std::vector<SourcePos> rows;
};

class RowStitcher {
 public:
  RowStitcher(const RuleSet& rules, std::vector<Column> columns);

  // A repeated column header row (a page break happened just before it).
  void AddHeader(SourcePos pos);
  // A table break without a repeated header: a blank row between table rows
  // (a page break in TAB text; the end of one pipe or HTML table and the
  // start of the next, when the extractor did not repeat the header).
  // The next row may continue a cut row, as after AddHeader.
  void AddBreak(SourcePos pos) { AddHeader(pos); }
  // A second header row: its named columns replace kOther ones.
  void RefineColumns(const std::vector<Column>& sub_header);
  // A body row; cells already cleaned of markup (stage "cell").
  // `marked_cut`: the extractor saw the row go on from the row a page break
  // cut (TabRow::continues_row), which counts as a break before it.
  void AddRow(SourcePos pos, const std::vector<std::string>& cells, Diagnostics* diagnostics,
              bool marked_cut = false);

  std::vector<RawDuty> Finish() { return std::move(duties_); }

 private:
  // The row's cells gathered by column (two cells of one column joined).
  std::array<std::string, kColumnCount> ByColumn(const std::vector<std::string>& cells) const;
  // A duty cell without a duty code: the rest of the current duty's name,
  // warned unless it `goes_on` after a break.
  void AddDutyNameFragment(SourcePos pos, const std::string& fragment, bool goes_on, Diagnostics* diagnostics);
  // The task the row belongs to (a new one for a task code), or nullptr.
  RawTask* OpenTask(SourcePos pos, const std::string& code, const std::string& rest, const std::string& task_cell,
                    Diagnostics* diagnostics);
  // Outputs, indicators, level, K and S cells into `task`; unplaced without one.
  void PlaceItemCells(SourcePos pos, const std::array<std::string, kColumnCount>& by_column, RawTask* task,
                      Diagnostics* diagnostics);

  const RuleSet& rules_;
  std::vector<Column> columns_;
  std::vector<RawDuty> duties_;
  bool after_header_ = false;
};

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_ROW_STITCHER_H_
