#include "cli/failure.h"

#include <iostream>

namespace docpipe {

std::string FailureLine(const char* command, const std::string& file, const Status& status) {
  const std::string& named = status.file().empty() ? file : status.file();
  return std::string("docpipe ") + command + ": " + named + ": " + status.KindName() + ": " + status.message();
}

void PrintFailure(const char* command, const std::string& file, const Status& status) {
  std::cerr << FailureLine(command, file, status) << "\n";
}

}  // namespace docpipe
