// The psql script written next to the CSV export: creates every table
// (PostgreSQL types, keys and foreign keys of table_schema.h), loads each
// TABLE.csv with \copy (client-side COPY ... CSV HEADER, so it runs without
// server file access), then the indexes and views, in one transaction.
// Run it from the export folder:
//   psql -v ON_ERROR_STOP=1 -d DB -f load_postgres.sql
#ifndef DOCPIPE_CATALOGUE_POSTGRES_SCRIPT_H_
#define DOCPIPE_CATALOGUE_POSTGRES_SCRIPT_H_

#include <string>

namespace docpipe::catalogue {

std::string PostgresLoadScript();

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_POSTGRES_SCRIPT_H_
