// The two flattened action-plan tables of a plan, each read on its own (see
// action_plan_parser.h for the whole picture). Internal to normalize.
#ifndef DOCPIPE_NORMALIZE_POLICY_ACTION_PLAN_TABLES_H_
#define DOCPIPE_NORMALIZE_POLICY_ACTION_PLAN_TABLES_H_

#include <set>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/policy_document.h"
#include "normalize/repair/rule_set.h"
#include "normalize/repair/text_blocks.h"

namespace docpipe {

// One row of the assignment table (表 2).
struct AssignedAction {
  std::string code;
  std::string title;
  size_t goal = 0;      // index into AssignmentTable::goals
  size_t strategy = 0;  // index into AssignmentTable::strategies
  // Agency cells as printed, in order (lead, then co-organisers); when more
  // than two, where the leads end is not known.
  std::vector<std::string> agency_cells;
  // Text that followed a page break inside the row after the goal was
  // complete: the tail of the title or of an agency cell.
  std::vector<std::string> tails;
  std::vector<SourcePos> where;
};

struct AssignmentTable {
  std::vector<std::string> header;
  std::vector<CodedTitle> goals;
  std::vector<CodedTitle> strategies;
  std::vector<AssignedAction> actions;
};

// Reads lines [begin, end): the first is the header row.
AssignmentTable ReadAssignmentTable(const std::vector<SourceLine>& lines, size_t begin, size_t end,
                                    const RuleSet& rules, Diagnostics* diagnostics);

// One row of the detail table (附錄2).
struct DetailedAction {
  std::string code;
  std::string title;
  std::vector<std::string> points;
  std::vector<Kpi> kpis;
  std::vector<std::string> lead;
  std::vector<std::string> co;
  std::string agency_cell;  // as printed, spaces collapsed
  std::vector<SourcePos> where;
};

struct DetailTable {
  std::vector<std::string> header;
  std::vector<DetailedAction> actions;
};

// `known_agencies` (FoldKeys) are agencies the document names elsewhere;
// they locate an agency cell glued to a cell a page break cut.
DetailTable ReadDetailTable(const std::vector<SourceLine>& lines, size_t begin, size_t end, const RuleSet& rules,
                            bool end_marks, const std::set<std::string>& known_agencies, Diagnostics* diagnostics);

// Header cells of a header row: its white-space separated words.
std::vector<std::string> HeaderCells(const std::string& text);

// Names of an agency list "A、B、C", trimmed, empty names dropped.
std::vector<std::string> SplitAgencies(const std::string& text);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_ACTION_PLAN_TABLES_H_
