#include "catalogue/jsonl_writer.h"

#include <nlohmann/json.hpp>

namespace docpipe::catalogue {

void JsonlWriter::AppendRow(const Table& table, const Row& row, std::string* text) const {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (size_t i = 0; i < row.size(); ++i) {
    const std::string& name = table.columns[i].name;
    if (const auto* s = std::get_if<std::string>(&row[i])) {
      object[name] = *s;
    } else if (const auto* n = std::get_if<int64_t>(&row[i])) {
      object[name] = *n;
    } else {
      object[name] = nullptr;
    }
  }
  // Replace, not throw, on invalid UTF-8: the writer must not end the export.
  *text += object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace docpipe::catalogue
