// Runs a shell command for the CLI and golden tests; captures output and the
// exit code.
#ifndef DOCPIPE_TESTS_CLI_RUN_COMMAND_H_
#define DOCPIPE_TESTS_CLI_RUN_COMMAND_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace docpipe::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

inline CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string Quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace docpipe::testing

#endif  // DOCPIPE_TESTS_CLI_RUN_COMMAND_H_
