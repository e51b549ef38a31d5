// File access for all stages: whole-file reads and atomic writes.
//
// WriteFileAtomic writes to a temporary file in the destination's directory,
// flushes it and renames it over the destination, so a reader (or an
// interrupted run) sees either the old file or the complete new one, never a
// partial file. On failure the temporary file is removed and the destination
// is untouched. The file is flushed to the disk before the rename (fsync)
// unless the caller flushes later: `docpipe run` writes thousands of
// outputs with Flush::kLater and flushes them all with one
// SyncFileSystem before it writes its index.
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

// When a written file reaches the disk: before its rename, or whenever the
// kernel writes it back (the caller then calls SyncFileSystem before it
// relies on it; until then a power cut may leave the file empty).
enum class Flush { kNow, kLater };

// Creates missing parent directories, then writes atomically (see above).
Status WriteFileAtomic(const std::string& path, std::string_view content, Flush flush = Flush::kNow);

// Flushes everything written to the file system that holds `path` (a file
// or folder) to its disk: syncfs(2). An IoError when it cannot.
Status SyncFileSystem(const std::string& path);

// WriteFileAtomic for content written in pieces (a large output that is
// never held whole): the pieces go to the temporary file, Commit renames it
// over `path`. Destroyed without a successful Commit, the temporary file is
// removed and `path` is untouched.
//
//   Result<std::unique_ptr<AtomicFileWriter>> out = AtomicFileWriter::Open(path);
//   (*out)->Write(piece); ... (*out)->Commit();
class AtomicFileWriter {
 public:
  static Result<std::unique_ptr<AtomicFileWriter>> Open(const std::string& path, Flush flush = Flush::kNow);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  Status Write(std::string_view piece);
  Status Commit();

 private:
  AtomicFileWriter(std::string path, std::string tmp, int fd, Flush flush)
      : path_(std::move(path)), tmp_(std::move(tmp)), fd_(fd), flush_(flush) {}
  std::string path_;
  std::string tmp_;
  int fd_ = -1;  // -1 once committed or failed
  Flush flush_;
};

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_FILE_IO_H_
