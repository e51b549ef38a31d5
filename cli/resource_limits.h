// ResourceLimits: the memory ceiling and time budget of one standalone
// `extract` or `normalize` (and of each `run` worker, which is one).
//
//   ResourceLimits limits;                 // the documented defaults
//   limits.timeout_seconds = 60;
//   ApplyResourceLimits("extract", input, limits);
//   ... the work ...
//   EndLimitedWork();                      // before printing or writing anything
//
// A document may make a library hang or allocate without end (a JBIG2 image
// of 100000 x 100000 pixels, a form field whose parent is its own kid); the
// process must still end. Memory: RLIMIT_AS, so an allocation past the
// ceiling fails (std::bad_alloc, or a library abort, both reported as
// "limit exceeded"). Time: a one-shot timer whose signal handler writes the
// one line `docpipe COMMAND: FILE: limit exceeded: ...` and ends the process
// with kExitLimit at once, wherever the main thread is stuck. Nothing has
// been written then: outputs are written after EndLimitedWork().
//
// Between the two calls stderr points to /dev/null: libraries that print
// (poppler's "Out of memory") cannot add lines to the command's one line.
// Not under AddressSanitizer, whose reports must be seen.
#ifndef DOCPIPE_CLI_RESOURCE_LIMITS_H_
#define DOCPIPE_CLI_RESOURCE_LIMITS_H_

#include <CLI/CLI.hpp>
#include <string>

namespace docpipe {

struct ResourceLimits {
  int max_memory_mb = 1024;   // address space of the process; 0: none
  int timeout_seconds = 300;  // wall-clock time of the whole command; 0: none
  double page_timeout_seconds = 60;  // PDF: each page's drawing; past it the page fails alone; 0: none
};

// Adds --max-memory-mb, --timeout and --page-timeout (defaults shown) to `cmd`.
void AddResourceLimitOptions(CLI::App* cmd, ResourceLimits* limits);

// Adds -j/--jobs (page worker processes for one PDF; 0, the default: one
// per core) to `cmd`. The limits above hold for each worker process: the
// memory ceiling is per process (RLIMIT_AS is inherited), the time budget is
// the parent's and ends its workers with it.
void AddJobsOption(CLI::App* cmd, int* jobs);

// Applies both limits to this process and installs the handlers that turn
// a timeout or a library abort under the memory ceiling into one line and
// kExitLimit. Call once, before the work.
void ApplyResourceLimits(const char* command, const std::string& input, const ResourceLimits& limits);

// Cancels the time budget and gives stderr back (the work is done; writing
// the output is bounded).
void EndLimitedWork();

// The message of an allocation that failed under the ceiling.
std::string OutOfMemoryMessage(const ResourceLimits& limits);

}  // namespace docpipe

#endif  // DOCPIPE_CLI_RESOURCE_LIMITS_H_
