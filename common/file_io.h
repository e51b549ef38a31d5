// File access for all stages: whole-file reads and atomic writes.
//
// WriteFileAtomic writes to a temporary file in the destination's directory,
// flushes it and renames it over the destination, so a reader (or an
// interrupted run) sees either the old file or the complete new one, never a
// partial file. On failure the temporary file is removed and the destination
// is untouched.
#ifndef DOCPIPE_COMMON_FILE_IO_H_
#define DOCPIPE_COMMON_FILE_IO_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace docpipe {

// Reads the whole file. NotFound if it does not exist or cannot be opened or
// read (permissions, I/O error); InvalidArgument for a directory. The
// message does not repeat the path: the caller names it.
Result<std::string> ReadFile(const std::string& path);

// Creates missing parent directories, then writes atomically (see above).
Status WriteFileAtomic(const std::string& path, std::string_view content);

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_FILE_IO_H_
