// Subcommands of the `docpipe` binary. Each Add*Command registers one CLI11
// subcommand whose callback stores its exit code in *exit_code and prints
// at most one line per failure to stderr.
#ifndef DOCPIPE_CLI_COMMANDS_H_
#define DOCPIPE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace docpipe {

void AddNormalizeCommand(CLI::App& app, int* exit_code);
void AddValidateCommand(CLI::App& app, int* exit_code);
void AddExtractCommand(CLI::App& app, int* exit_code);
void AddRunCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);
void AddDiffCommand(CLI::App& app, int* exit_code);
// `__worker-server`: not listed by --help; started by `run` (process
// isolation) once per run thread (batch/worker_server.h).
void AddWorkerServerCommand(CLI::App& app, int* exit_code);

}  // namespace docpipe

#endif  // DOCPIPE_CLI_COMMANDS_H_
