#include "catalogue/jsonl_writer.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/file_io.h"

namespace docpipe::catalogue {

JsonlWriter::JsonlWriter(std::string directory)
    : directory_(std::move(directory)), text_(kTableCount), rows_(kTableCount, 0) {}

Status JsonlWriter::Add(TableId table, const Row& row) {
  const std::vector<Column>& columns = TableOf(table).columns;
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (size_t i = 0; i < row.size(); ++i) {
    if (const auto* s = std::get_if<std::string>(&row[i])) {
      object[columns[i].name] = *s;
    } else if (const auto* n = std::get_if<int64_t>(&row[i])) {
      object[columns[i].name] = *n;
    } else {
      object[columns[i].name] = nullptr;
    }
  }
  // Replace, not throw, on invalid UTF-8: the writer must not end the export.
  text_[static_cast<size_t>(table)] += object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  ++rows_[static_cast<size_t>(table)];
  return Status::Ok();
}

Status JsonlWriter::Commit() {
  namespace fs = std::filesystem;
  for (const Table& table : CatalogueTables()) {
    const std::string name = table.name + ".jsonl";
    Status s = WriteFileAtomic((fs::path(directory_) / name).string(), text_[static_cast<size_t>(table.id)]);
    if (!s.ok()) return s;
    counts_[name] = rows_[static_cast<size_t>(table.id)];
  }
  return Status::Ok();
}

}  // namespace docpipe::catalogue
