#include "catalogue/csv_writer.h"

#include "catalogue/postgres_script.h"

namespace docpipe::catalogue {

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvWriter::Header(const Table& table) const {
  std::string text;
  for (size_t i = 0; i < table.columns.size(); ++i) text += (i ? "," : "") + table.columns[i].name;
  return text + "\r\n";
}

void CsvWriter::AppendRow(const Table&, const Row& row, std::string* text) const {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) *text += ',';
    if (const auto* s = std::get_if<std::string>(&row[i])) {
      *text += s->empty() ? "\"\"" : CsvField(*s);
    } else if (const auto* n = std::get_if<int64_t>(&row[i])) {
      *text += std::to_string(*n);
    }
  }
  *text += "\r\n";
}

std::vector<std::pair<std::string, std::string>> CsvWriter::ExtraFiles() const {
  return {{"load_postgres.sql", PostgresLoadScript()}};
}

}  // namespace docpipe::catalogue
