// The one line a command prints when it fails:
//
//   docpipe COMMAND: FILE: KIND: reason
//
// FILE is the file the failure is about: the one the Status names
// (Status::WithFile, e.g. the output that could not be written), else the
// one the command was working on. KIND is Status::KindName ("not found",
// "bad input", ...). The path is printed once.
#ifndef DOCPIPE_CLI_FAILURE_H_
#define DOCPIPE_CLI_FAILURE_H_

#include <string>

#include "common/status.h"

namespace docpipe {

std::string FailureLine(const char* command, const std::string& file, const Status& status);

// Writes FailureLine and a newline to stderr.
void PrintFailure(const char* command, const std::string& file, const Status& status);

}  // namespace docpipe

#endif  // DOCPIPE_CLI_FAILURE_H_
