#include "cli/shared_options.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace docpipe {

CLI::Option* AddOutputOption(CLI::App* cmd, std::string* output, const std::string& what, bool to_stdout) {
  return cmd->add_option("-o,--output", *output, to_stdout ? what + " (written atomically); stdout when omitted" : what);
}

void AddPasswordOption(CLI::App* cmd, PasswordOption* password) {
  CLI::Option* text = cmd->add_option("--password", password->text,
                                      "Password of encrypted PDFs (visible to other users in `ps`: see --password-fd)");
  cmd->add_option("--password-fd", password->fd,
                  "Read the password from this open file descriptor (its first line), not from the command line")
      ->check(CLI::NonNegativeNumber)
      ->excludes(text);
}

Result<std::optional<std::string>> PasswordOption::Get() const {
  if (fd < 0) return text.empty() ? std::nullopt : std::optional<std::string>(text);
  std::string read;
  char buffer[256];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      read.append(buffer, static_cast<size_t>(n));
      if (read.find('\n') != std::string::npos || read.size() > 65536) break;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return Status::InvalidArgument("--password-fd " + std::to_string(fd) + ": cannot read: " + std::strerror(errno));
    }
    break;
  }
  ::close(fd);
  read = read.substr(0, read.find('\n'));
  if (!read.empty() && read.back() == '\r') read.pop_back();
  return std::optional<std::string>(read);
}

void AddCompactOption(CLI::App* cmd, bool* compact) {
  cmd->add_flag("--compact", *compact, "One-line JSON instead of indented");
}

void AddOcrOption(CLI::App* cmd, std::string* ocr) {
  cmd->add_option("--ocr", *ocr,
                  "Which pages are read by OCR: auto (pages with an image and no usable text layer), never, always")
      ->check(CLI::IsMember({"auto", "never", "always"}))
      ->capture_default_str();
}

void AddMemoryLimitOption(CLI::App* cmd, int* max_memory_mb, LimitScope scope) {
  cmd->add_option("--max-memory-mb", *max_memory_mb,
                  scope == LimitScope::kCommand
                      ? "Memory ceiling (address space) in MB; past it the command stops with exit 11 (0: none)"
                      : "Per-document memory limit (0: none)")
      ->check(CLI::Range(0, 1 << 20))
      ->capture_default_str();
}

void AddTimeoutOption(CLI::App* cmd, int* timeout_seconds, LimitScope scope) {
  if (scope == LimitScope::kCommand) {
    cmd->add_option("--timeout", *timeout_seconds,
                    "Time budget in seconds; past it the command stops with exit 11 (0: none)")
        ->check(CLI::Range(0, 86400))
        ->capture_default_str();
  } else {
    cmd->add_option("--timeout", *timeout_seconds, "Per-document time limit in seconds")
        ->check(CLI::Range(1, 86400))
        ->capture_default_str();
  }
}

void AddPageTimeoutOption(CLI::App* cmd, double* page_timeout_seconds) {
  cmd->add_option("--page-timeout", *page_timeout_seconds,
                  "PDF: time budget of each page in seconds; a page past it is reported failed and the "
                  "others are read (0: none)")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
}

void AddResourceLimitOptions(CLI::App* cmd, ResourceLimits* limits) {
  AddMemoryLimitOption(cmd, &limits->max_memory_mb, LimitScope::kCommand);
  AddTimeoutOption(cmd, &limits->timeout_seconds, LimitScope::kCommand);
  AddPageTimeoutOption(cmd, &limits->page_timeout_seconds);
}

void AddJobsOption(CLI::App* cmd, int* jobs) {
  cmd->add_option("-j,--jobs", *jobs,
                  "PDF: worker processes reading pages in parallel (0: one per core; 1: none). The "
                  "output is the same for any value; --max-memory-mb holds for each worker")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
}

}  // namespace docpipe
