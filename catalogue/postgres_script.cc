#include "catalogue/postgres_script.h"

#include "catalogue/ddl.h"
#include "catalogue/table_schema.h"

namespace docpipe::catalogue {

std::string PostgresLoadScript() {
  std::string sql = "-- docpipe catalogue, schema version " + std::to_string(kCatalogueSchemaVersion) +
                    ": load the CSV export into PostgreSQL.\n"
                    "-- Run from this folder: psql -v ON_ERROR_STOP=1 -d DB -f load_postgres.sql\n"
                    "BEGIN;\n";
  for (const Table& table : CatalogueTables()) {
    sql += "\n-- " + table.description + "\n" + CreateTableSql(table, SqlDialect::kPostgres) + ";\n";
    sql += "\\copy " + QuoteIdentifier(table.name) + " FROM '" + table.name +
           ".csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')\n";
  }
  sql += "\n";
  for (const Table& table : CatalogueTables()) {
    for (const std::string& index : CreateIndexSql(table)) sql += index + ";\n";
  }
  for (const View& view : CatalogueViews()) sql += CreateViewSql(view) + ";\n";
  return sql + "COMMIT;\n";
}

}  // namespace docpipe::catalogue
