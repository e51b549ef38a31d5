// The model of a government plan or directive (and of any document of
// unknown family, read generically), filled by ParsePolicyDocument and
// written by PolicyDocumentToJson. Field meanings are in
// schema/policy-document.schema.json.
#ifndef DOCPIPE_MODEL_POLICY_DOCUMENT_H_
#define DOCPIPE_MODEL_POLICY_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/table_grid.h"

namespace docpipe {

// One heading or numbered item. Nodes live in PolicyDocument::outline in
// document order; `parent` and `children` are indexes into that vector.
struct OutlineNode {
  std::string label;  // as printed: 第一章, 壹、, 一、, (一), 1., 附錄2
  std::string title;  // heading words; empty for an item that is a sentence
  int rank = 0;       // kind of label: 1 chapter/appendix ... 6 (1)
  int level = 0;      // depth in the tree, 1 for a top-level node
  int parent = -1;
  std::vector<int> children;
  SourcePos pos;
};

struct Paragraph {
  std::string text;  // joined across wrapped lines and page breaks
  int node = -1;     // the outline node it belongs to, -1 before any
  std::vector<SourcePos> where;
};

struct Caption {
  std::string kind;   // "figure" (圖) or "table" (表)
  std::string label;  // as printed: 圖1, 表 2
  std::string title;
  int node = -1;
  SourcePos pos;
};

struct PolicyTableRow {
  std::vector<std::string> cells;
  std::vector<SourcePos> where;
};

struct PolicyTable {
  std::string caption;  // label of its caption (表 2), empty if none
  std::string title;
  std::vector<std::string> header;
  std::vector<PolicyTableRow> rows;
  int node = -1;
  SourcePos pos;       // where it starts; pos.page is its first page
  int last_page = 0;   // the page its last row stands on (0 without pages)
  // The same table as its printed grid: row 0 is `header`, row r the body
  // row rows[r - 1]; merged cells once with their spans (model/table_grid.h).
  TableGrid grid;
};

struct Kpi {
  std::string agency;  // the agency printed before the indicators, or ""
  std::string text;
};

struct CodedTitle {
  std::string code;
  std::string title;
};

struct ActionPlan {
  std::string code;   // 1.1.1, as printed without the trailing dot
  std::string title;
  CodedTitle goal;      // 目標一 / its wording
  CodedTitle strategy;  // 1.1 / its wording
  std::vector<std::string> points;
  std::vector<Kpi> kpis;
  std::vector<std::string> lead;
  std::vector<std::string> co;
  std::vector<std::string> sources;  // which tables described it: "表 2", "附錄2"
  std::vector<SourcePos> where;
};

// How many goals, strategies and action plans the document says it has,
// and how many were found.
struct PlanCounts {
  std::optional<int> goals, strategies, action_plans;
  SourcePos pos;
};

// One entry of a table of contents printed with dot leaders and page
// numbers ("陸、實施要點 ……23"): a pointer into the document, not a section
// or paragraph of its own.
struct ContentsEntry {
  std::string text;           // the entry's words, without leader and number
  std::optional<int> page;    // the page number it prints
  std::vector<SourcePos> where;
};

struct PolicyDocument {
  std::string title;
  std::vector<ContentsEntry> contents;
  std::vector<OutlineNode> outline;
  std::vector<Paragraph> paragraphs;
  std::vector<Caption> captions;
  std::vector<PolicyTable> tables;
  std::vector<ActionPlan> action_plans;
  std::vector<CodedTitle> goals;
  std::vector<CodedTitle> strategies;
  std::optional<PlanCounts> stated_counts;
  Diagnostics diagnostics;
};

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_POLICY_DOCUMENT_H_
