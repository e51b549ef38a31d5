#include "cli/output.h"

#include <iostream>

#include "common/exit_codes.h"
#include "cli/failure.h"
#include "common/file_io.h"

namespace docpipe {

int EmitOutput(const char* command, const std::string& path, const std::string& text, Flush flush) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return kExitOk;
  }
  Status written = WriteFileAtomic(path, text, flush);
  if (!written.ok()) {
    PrintFailure(command, path, written);
    return kExitWriteFailed;
  }
  return kExitOk;
}

}  // namespace docpipe
