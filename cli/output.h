// Where a subcommand's result goes: stdout, or a file written atomically
// (common/file_io.h), never half a file.
#ifndef DOCPIPE_CLI_OUTPUT_H_
#define DOCPIPE_CLI_OUTPUT_H_

#include <string>

#include "common/file_io.h"

namespace docpipe {

// Writes `text` to stdout when `path` is empty or "-", else atomically to
// `path`. Returns kExitOk, or kExitWriteFailed after printing the failure
// line "docpipe <command>: <path>: I/O error: <reason>" (cli/failure.h).
// `flush`: see WriteFileAtomic.
int EmitOutput(const char* command, const std::string& path, const std::string& text, Flush flush = Flush::kNow);

}  // namespace docpipe

#endif  // DOCPIPE_CLI_OUTPUT_H_
