// Test helper: text lines as the one-cell TabRows ParseTabText would give.
#ifndef DOCPIPE_TESTS_NORMALIZE_TEST_ROWS_H_
#define DOCPIPE_TESTS_NORMALIZE_TEST_ROWS_H_

#include <string>
#include <vector>

#include "normalize/input/tab_text.h"

namespace docpipe {

inline std::vector<TabRow> RowsOf(const std::vector<std::string>& lines) {
  std::vector<TabRow> rows;
  int n = 0;
  for (const std::string& line : lines) {
    TabRow row;
    row.pos = {++n, 0};
    row.cells = {line};
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace docpipe

#endif  // DOCPIPE_TESTS_NORMALIZE_TEST_ROWS_H_
