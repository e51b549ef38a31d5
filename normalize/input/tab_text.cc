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
  // One row per line: memchr finds the line ends (std::count looks at
  // every byte on its own).
  size_t lines = 1;
  for (size_t at = bytes.find('\n'); at != std::string_view::npos; at = bytes.find('\n', at + 1)) ++lines;
  std::vector<TabRow> rows;
  rows.reserve(lines);
  int number = 0;
  size_t start = 0;
  while (start <= bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    ++number;
    TabRow& row = rows.emplace_back();
    row.pos.line = number;
    row.utf8 = unicode::Utf8::kValid;  // every byte checked above; cut at ASCII bytes, CR dropped
    size_t cells = 1;
    for (size_t tab = line.find('\t'); tab != std::string_view::npos; tab = line.find('\t', tab + 1)) ++cells;
    row.cells.reserve(cells);
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
    if (end == bytes.size()) break;
    start = end + 1;
  }
  return rows;
}

}  // namespace docpipe
