#include "common/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::NotFound("read failed");
  return buffer.str();
}

Status WriteFileAtomic(const std::string& path, std::string_view content) {
  fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) return Status::IoError(std::string("cannot create directory: ") + ec.message()).WithFile(path);
  }
  std::string tmp = path + ".tmp.XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) return Status::IoError(std::string("cannot create temporary file: ") + std::strerror(errno)).WithFile(path);
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return Status::IoError(std::string("write failed: ") + why).WithFile(path);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  // mkstemp creates 0600; outputs are ordinary files.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Status::IoError(std::string("flush failed: ") + std::strerror(errno)).WithFile(path);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return Status::IoError(std::string("rename failed: ") + why).WithFile(path);
  }
  return Status::Ok();
}

}  // namespace docpipe
