#include "model/tab_row.h"

namespace docpipe {

bool TabRow::IsBlank() const {
  for (const std::string& cell : cells) {
    for (char c : cell) {
      if (c != ' ' && c != '\t' && c != '\r') return false;
    }
  }
  return true;
}

}  // namespace docpipe
