// SQL text for the catalogue's tables, indexes and views, generated from
// table_schema.h for SQLite (the embedded catalogue) and PostgreSQL (the
// load script written next to the CSV export). Identifiers are quoted, so
// no column name can clash with a keyword of either dialect.
#ifndef DOCPIPE_CATALOGUE_DDL_H_
#define DOCPIPE_CATALOGUE_DDL_H_

#include <string>
#include <vector>

#include "catalogue/table_schema.h"

namespace docpipe::catalogue {

enum class SqlDialect { kSqlite, kPostgres };

std::string QuoteIdentifier(const std::string& name);

// CREATE TABLE with columns, primary key and foreign keys.
std::string CreateTableSql(const Table& table, SqlDialect dialect);
// One CREATE INDEX statement per entry of table.indexes.
std::vector<std::string> CreateIndexSql(const Table& table);
std::string CreateViewSql(const View& view);

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_DDL_H_
