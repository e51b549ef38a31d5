#include "catalogue/text_table_writer.h"

#include <filesystem>

#include "common/file_io.h"

namespace docpipe::catalogue {

TextTableWriter::TextTableWriter(std::string directory, std::string extension)
    : directory_(std::move(directory)),
      extension_(std::move(extension)),
      text_(kTableCount),
      rows_(kTableCount, 0) {}

std::string TextTableWriter::Header(const Table&) const { return ""; }

std::vector<std::pair<std::string, std::string>> TextTableWriter::ExtraFiles() const { return {}; }

Status TextTableWriter::Add(TableId table, const Row& row) {
  AppendRow(TableOf(table), row, &text_[static_cast<size_t>(table)]);
  ++rows_[static_cast<size_t>(table)];
  return Status::Ok();
}

Status TextTableWriter::Commit() {
  namespace fs = std::filesystem;
  for (const Table& table : CatalogueTables()) {
    const std::string name = table.name + "." + extension_;
    const size_t id = static_cast<size_t>(table.id);
    Status s = WriteFileAtomic((fs::path(directory_) / name).string(), Header(table) + text_[id]);
    if (!s.ok()) return s;
    counts_[name] = rows_[id];
  }
  for (const auto& [name, content] : ExtraFiles()) {
    Status s = WriteFileAtomic((fs::path(directory_) / name).string(), content);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace docpipe::catalogue
