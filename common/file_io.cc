#include "common/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace docpipe {
namespace fs = std::filesystem;

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound("no such file");
  if (fs::is_directory(path, ec)) return Status::InvalidArgument("is a directory");
  std::ifstream in(path, std::ios::binary);
  // An input that exists but cannot be read is, for the caller, an input it
  // cannot have (exit 3), not a failed write.
  if (!in) return Status::NotFound(std::string("cannot open: ") + std::strerror(errno));
  // Read straight into the string, sized from the file when it has a size
  // (a pipe or a /proc file says 0 and grows as read): an ostringstream
  // would hold the input twice (its buffer and the copy it returns) and
  // fault its doubling buffer in again at every step.
  std::string bytes;
  const std::uintmax_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
  if (!ec && size > 0) bytes.reserve(static_cast<size_t>(size) + 1);
  constexpr size_t kChunk = 1 << 16;
  size_t used = 0;
  while (in) {
    bytes.resize(std::max(bytes.capacity(), used + kChunk));
    in.read(bytes.data() + used, static_cast<std::streamsize>(bytes.size() - used));
    used += static_cast<size_t>(in.gcount());
  }
  if (in.bad()) return Status::NotFound("read failed");
  bytes.resize(used);
  return bytes;
}

Result<std::unique_ptr<AtomicFileWriter>> AtomicFileWriter::Open(const std::string& path, Flush flush) {
  fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) return Status::IoError(std::string("cannot create directory: ") + ec.message()).WithFile(path);
  }
  std::string tmp = path + ".tmp.XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) return Status::IoError(std::string("cannot create temporary file: ") + std::strerror(errno)).WithFile(path);
  return std::unique_ptr<AtomicFileWriter>(new AtomicFileWriter(path, std::move(tmp), fd, flush));
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(tmp_.c_str());
}

Status AtomicFileWriter::Write(std::string_view piece) {
  if (fd_ < 0) return Status::IoError("write after the end").WithFile(path_);
  const char* p = piece.data();
  size_t left = piece.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = std::strerror(errno);
      ::close(fd_);
      ::unlink(tmp_.c_str());
      fd_ = -1;
      return Status::IoError(std::string("write failed: ") + why).WithFile(path_);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status AtomicFileWriter::Commit() {
  if (fd_ < 0) return Status::IoError("write after the end").WithFile(path_);
  const int fd = fd_;
  fd_ = -1;
  // mkstemp creates 0600; outputs are ordinary files.
  ::fchmod(fd, 0644);
  if ((flush_ == Flush::kNow && ::fsync(fd) != 0) || ::close(fd) != 0) {
    ::unlink(tmp_.c_str());
    return Status::IoError(std::string("flush failed: ") + std::strerror(errno)).WithFile(path_);
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp_.c_str());
    return Status::IoError(std::string("rename failed: ") + why).WithFile(path_);
  }
  return Status::Ok();
}

Status WriteFileAtomic(const std::string& path, std::string_view content, Flush flush) {
  Result<std::unique_ptr<AtomicFileWriter>> out = AtomicFileWriter::Open(path, flush);
  if (!out.ok()) return out.status();
  if (Status written = (*out)->Write(content); !written.ok()) return written;
  return (*out)->Commit();
}

Status SyncFileSystem(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(std::string("cannot open to flush: ") + std::strerror(errno)).WithFile(path);
  const int synced = ::syncfs(fd);
  const int why = errno;
  ::close(fd);
  if (synced != 0) return Status::IoError(std::string("flush failed: ") + std::strerror(why)).WithFile(path);
  return Status::Ok();
}

}  // namespace docpipe
