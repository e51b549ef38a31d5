// Options that several commands take, each defined once here so that its
// name, check and default read the same in every command's --help.
//
//   CLI::App* cmd = app.add_subcommand("extract", "...");
//   AddOutputOption(cmd, &args->output, "Output layout JSON");
//   AddPasswordOption(cmd, &args->password);
//   AddCompactOption(cmd, &args->compact);
//   AddResourceLimitOptions(cmd, &args->limits);
#ifndef DOCPIPE_CLI_SHARED_OPTIONS_H_
#define DOCPIPE_CLI_SHARED_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/resource_limits.h"
#include "common/status.h"

namespace docpipe {

// -o,--output. `what` names the output ("Output layout JSON"); for a file,
// `to_stdout` adds that it is written atomically and goes to stdout when
// omitted. Returns the option, for a command to add its default.
CLI::Option* AddOutputOption(CLI::App* cmd, std::string* output, const std::string& what, bool to_stdout = true);

// --password TEXT or --password-fd N: opens encrypted PDFs. A password on
// the command line is visible to every user of the machine (`ps`); from a
// file descriptor it is not (`run` hands its workers the password that
// way). Get() reads the descriptor once (its first line) and closes it.
struct PasswordOption {
  std::string text;
  int fd = -1;
  // The password to try: nullopt when neither option was given;
  // InvalidArgument when the descriptor cannot be read.
  Result<std::optional<std::string>> Get() const;
};
void AddPasswordOption(CLI::App* cmd, PasswordOption* password);

// --compact: one-line JSON instead of indented.
void AddCompactOption(CLI::App* cmd, bool* compact);

// --ocr auto|never|always (default auto).
void AddOcrOption(CLI::App* cmd, std::string* ocr);

// --max-memory-mb (0-1048576, 0: none) and --timeout: what each limits is
// `scope`. A command's own budget (kCommand) allows 0 for none; a run's
// per-document budget (kEachDocument) needs at least one second, since a
// worker given none would be stopped at once.
enum class LimitScope { kCommand, kEachDocument };
void AddMemoryLimitOption(CLI::App* cmd, int* max_memory_mb, LimitScope scope);
void AddTimeoutOption(CLI::App* cmd, int* timeout_seconds, LimitScope scope);

// --page-timeout (seconds, 0: none).
void AddPageTimeoutOption(CLI::App* cmd, double* page_timeout_seconds);

// The three limits of a standalone extract or normalize (defaults shown).
void AddResourceLimitOptions(CLI::App* cmd, ResourceLimits* limits);

// -j/--jobs: page worker processes for one PDF (0, the default: one per
// core; 1: none). The limits above hold for each worker process: the memory
// ceiling is per process (RLIMIT_AS is inherited), the time budget is the
// parent's and ends its workers with it.
void AddJobsOption(CLI::App* cmd, int* jobs);

}  // namespace docpipe

#endif  // DOCPIPE_CLI_SHARED_OPTIONS_H_
