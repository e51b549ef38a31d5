#include "catalogue/csv_writer.h"

#include <filesystem>

#include "catalogue/postgres_script.h"
#include "common/file_io.h"

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

CsvWriter::CsvWriter(std::string directory)
    : directory_(std::move(directory)), text_(kTableCount), rows_(kTableCount, 0) {
  for (const Table& table : CatalogueTables()) {
    std::string& text = text_[static_cast<size_t>(table.id)];
    for (size_t i = 0; i < table.columns.size(); ++i) text += (i ? "," : "") + table.columns[i].name;
    text += "\r\n";
  }
}

Status CsvWriter::Add(TableId table, const Row& row) {
  std::string& text = text_[static_cast<size_t>(table)];
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) text += ',';
    if (const auto* s = std::get_if<std::string>(&row[i])) {
      text += s->empty() ? "\"\"" : CsvField(*s);
    } else if (const auto* n = std::get_if<int64_t>(&row[i])) {
      text += std::to_string(*n);
    }
  }
  text += "\r\n";
  ++rows_[static_cast<size_t>(table)];
  return Status::Ok();
}

Status CsvWriter::Commit() {
  namespace fs = std::filesystem;
  for (const Table& table : CatalogueTables()) {
    const std::string name = table.name + ".csv";
    Status s = WriteFileAtomic((fs::path(directory_) / name).string(), text_[static_cast<size_t>(table.id)]);
    if (!s.ok()) return s;
    counts_[name] = rows_[static_cast<size_t>(table.id)];
  }
  return WriteFileAtomic((fs::path(directory_) / "load_postgres.sql").string(), PostgresLoadScript());
}

}  // namespace docpipe::catalogue
