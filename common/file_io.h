// File access for all stages: whole-file reads and atomic writes.
//
// WriteFileAtomic writes to a temporary file in the destination's directory,
// flushes it and renames it over the destination, so a reader (or an
// interrupted run) sees either the old file or the complete new one, never a
// partial file. On failure the temporary file is removed and the destination
// is untouched.
#ifndef DOCPIPE_COMMON_FILE_IO_H_
#define DOCPIPE_COMMON_FILE_IO_H_

#include <memory>
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

// WriteFileAtomic for content written in pieces (a large output that is
// never held whole): the pieces go to the temporary file, Commit renames it
// over `path`. Destroyed without a successful Commit, the temporary file is
// removed and `path` is untouched.
//
//   Result<std::unique_ptr<AtomicFileWriter>> out = AtomicFileWriter::Open(path);
//   (*out)->Write(piece); ... (*out)->Commit();
class AtomicFileWriter {
 public:
  static Result<std::unique_ptr<AtomicFileWriter>> Open(const std::string& path);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  Status Write(std::string_view piece);
  Status Commit();

 private:
  AtomicFileWriter(std::string path, std::string tmp, int fd)
      : path_(std::move(path)), tmp_(std::move(tmp)), fd_(fd) {}
  std::string path_;
  std::string tmp_;
  int fd_ = -1;  // -1 once committed or failed
};

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_FILE_IO_H_
