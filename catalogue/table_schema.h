// The catalogue's tables, described once: every writer (SQLite, CSV, JSON
// Lines, the PostgreSQL load script) is driven by this description, so the
// database and the flat exports have the same tables, columns and keys.
//
// Keys are unique by construction: every row is keyed by its document's id
// (the input path relative to the run's input folder) plus the item's
// 1-based position in document order (and its parent's position, for items
// under an item). Printed codes are columns, indexed, never keys: a
// document may print a code twice (a `duplicate_code` warning), and the
// text and PDF of one standard share every code.
//
//   for (const Table& t : CatalogueTables()) ...  // in creation order
//   Row row = {Value("pdf/X.pdf"), Value(int64_t{1}), Value()};  // NULL last
#ifndef DOCPIPE_CATALOGUE_TABLE_SCHEMA_H_
#define DOCPIPE_CATALOGUE_TABLE_SCHEMA_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace docpipe::catalogue {

// Bumped whenever a table, column, key or view changes meaning. Stored as
// SQLite's user_version and as a row of `catalogue_info` in every format.
inline constexpr int kCatalogueSchemaVersion = 1;

// NULL, an integer or UTF-8 text.
using Value = std::variant<std::monostate, int64_t, std::string>;
using Row = std::vector<Value>;

enum class ColumnType { kText, kInteger };

struct Column {
  std::string name;
  ColumnType type = ColumnType::kText;
  bool nullable = false;
};

struct ForeignKey {
  std::vector<std::string> columns;
  std::string table;
  std::vector<std::string> referenced;
};

// Identifies a table; the order is the creation order (referenced tables
// first) and the index into CatalogueTables().
enum class TableId {
  kCatalogueInfo, kDocuments, kWarnings, kUnparsed,
  kStandards, kVersionHistory, kDuties, kTasks, kOutputs, kIndicators, kKnowledge, kSkills, kAttitudes,
  kTaskKnowledge, kTaskSkills, kNotes,
  kPolicyDocuments, kOutlineNodes, kParagraphs, kCaptions, kPolicyTables, kTableCells,
  kGoals, kStrategies, kActionPlans, kActionPlanPoints, kActionPlanKpis, kActionPlanAgencies,
  kChanges,
};
inline constexpr size_t kTableCount = 29;

struct Table {
  TableId id;
  std::string name;
  std::string description;  // one line, for docs and the load script
  std::vector<Column> columns;
  std::vector<std::string> primary_key;
  std::vector<ForeignKey> foreign_keys;
  std::vector<std::vector<std::string>> indexes;  // on the codes people join on
};

// Every table, in creation order (CatalogueTables()[i].id == TableId(i)).
const std::vector<Table>& CatalogueTables();
const Table& TableOf(TableId id);

struct View {
  std::string name;
  std::string sql;  // the SELECT, valid in SQLite and PostgreSQL
};
const std::vector<View>& CatalogueViews();

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_TABLE_SCHEMA_H_
