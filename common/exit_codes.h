// The exit codes of `docpipe`, one per kind of failure (documented in the
// README). diff follows diff(1) instead: 0 same, 1 different, 2 trouble.
#ifndef DOCPIPE_COMMON_EXIT_CODES_H_
#define DOCPIPE_COMMON_EXIT_CODES_H_

#include "common/status.h"

namespace docpipe {

enum ExitCode : int {
  kExitOk = 0,
  kExitDiffFound = 1,     // diff only: the inputs differ
  kExitUsage = 2,         // bad command line (diff: any trouble)
  kExitNotFound = 3,      // an input does not exist or cannot be read
  kExitBadInput = 4,      // empty, binary, invalid UTF-8, corrupt or truncated
  kExitUnsupported = 5,   // readable, but not a document we can model
  kExitEncrypted = 6,     // PDF needs a password, or the one given is wrong
  kExitInvalid = 7,       // a result or a validated file breaks its schema
  kExitWriteFailed = 8,   // the output could not be written
  kExitInternal = 9,      // a bug
  kExitSomeFailed = 10,   // batch: at least one input failed
  kExitLimit = 11,        // a resource bound: memory ceiling, time budget, or no page read within the page bounds
  kExitInterrupted = 130, // run: stopped by SIGINT/SIGTERM (128 + SIGINT); resumable
};

int ExitCodeFor(const Status& status);

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_EXIT_CODES_H_
