#include "normalize/input/tab_text.h"

#include <algorithm>

#include "common/unicode.h"

namespace docpipe {

Result<std::vector<TabRow>> ParseTabText(std::string_view bytes) {
  if (bytes.empty()) return Status::BadInput("empty file");
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status::BadInput("binary file, not text (NUL byte at offset " + std::to_string(nul) + ")");
  }
  if (auto bad = unicode::FindInvalidUtf8(bytes)) {
    return Status::BadInput("not UTF-8 text (invalid byte at offset " + std::to_string(*bad) + ")");
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::vector<TabRow> rows;
  rows.reserve(static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
  int number = 0;
  size_t start = 0;
  while (start <= bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    ++number;
    TabRow row;
    row.pos.line = number;
    size_t cell_start = 0;
    while (true) {
      size_t tab = line.find('\t', cell_start);
      std::string_view cell = line.substr(cell_start, tab == std::string_view::npos ? line.npos : tab - cell_start);
      if (cell.find('\r') == std::string_view::npos) {
        row.cells.emplace_back(cell);
      } else {
        std::string text;
        text.reserve(cell.size());
        for (char c : cell) {
          if (c != '\r') text.push_back(c);
        }
        row.cells.push_back(std::move(text));
      }
      if (tab == std::string_view::npos) break;
      cell_start = tab + 1;
    }
    rows.push_back(std::move(row));
    if (end == bytes.size()) break;
    start = end + 1;
  }
  return rows;
}

}  // namespace docpipe
