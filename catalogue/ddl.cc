#include "catalogue/ddl.h"

namespace docpipe::catalogue {

namespace {

std::string List(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + QuoteIdentifier(n);
  return out;
}

}  // namespace

std::string QuoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CreateTableSql(const Table& table, SqlDialect dialect) {
  std::string sql = "CREATE TABLE " + QuoteIdentifier(table.name) + " (\n";
  for (const Column& c : table.columns) {
    const char* type = c.type == ColumnType::kText ? "TEXT" : (dialect == SqlDialect::kSqlite ? "INTEGER" : "BIGINT");
    sql += "  " + QuoteIdentifier(c.name) + " " + type + (c.nullable ? "" : " NOT NULL") + ",\n";
  }
  sql += "  PRIMARY KEY (" + List(table.primary_key) + ")";
  for (const ForeignKey& fk : table.foreign_keys) {
    sql += ",\n  FOREIGN KEY (" + List(fk.columns) + ") REFERENCES " + QuoteIdentifier(fk.table) + " (" +
           List(fk.referenced) + ")";
  }
  // SQLite: the table is its primary-key B-tree (no rowid, no second
  // index to maintain per insert); rows arrive in key order.
  return sql + (dialect == SqlDialect::kSqlite ? "\n) WITHOUT ROWID" : "\n)");
}

std::vector<std::string> CreateIndexSql(const Table& table) {
  std::vector<std::string> out;
  for (const std::vector<std::string>& columns : table.indexes) {
    std::string name = table.name;
    for (const std::string& c : columns) name += "_" + c;
    out.push_back("CREATE INDEX " + QuoteIdentifier(name + "_idx") + " ON " + QuoteIdentifier(table.name) + " (" +
                  List(columns) + ")");
  }
  return out;
}

std::string CreateViewSql(const View& view) { return "CREATE VIEW " + QuoteIdentifier(view.name) + " AS\n" + view.sql; }

}  // namespace docpipe::catalogue
