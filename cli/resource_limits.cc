#include "cli/resource_limits.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstring>

#include "common/exit_codes.h"

namespace docpipe {
namespace {

// Written by the signal handlers with write(2): only async-signal-safe calls
// are allowed there, so the lines are formatted beforehand.
char g_timeout_line[4096];
char g_abort_line[4096];
size_t g_timeout_length = 0;
size_t g_abort_length = 0;
int g_stderr = STDERR_FILENO;  // the real stderr while the work runs

size_t Format(char* buffer, size_t size, const std::string& line) {
  std::string text = line.substr(0, size - 2) + "\n";
  std::memcpy(buffer, text.data(), text.size());
  return text.size();
}

void OnTimeout(int) {
  ssize_t ignored = ::write(g_stderr, g_timeout_line, g_timeout_length);
  (void)ignored;
  _exit(kExitLimit);
}

// Libraries (poppler's gmalloc) abort when an allocation fails; under a
// memory ceiling that is the ceiling, not a bug.
void OnAbort(int) {
  ssize_t ignored = ::write(g_stderr, g_abort_line, g_abort_length);
  (void)ignored;
  _exit(kExitLimit);
}

bool UnderAddressSanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}

}  // namespace

std::string OutOfMemoryMessage(const ResourceLimits& limits) {
  return "limit exceeded: the document needs more memory than the ceiling of " +
         std::to_string(limits.max_memory_mb) + " MB (--max-memory-mb)";
}

void ApplyResourceLimits(const char* command, const std::string& input, const ResourceLimits& limits) {
  const std::string prefix = std::string("docpipe ") + command + ": " + input + ": ";
  // ASan reserves terabytes of address space up front: no ceiling there.
  if (limits.max_memory_mb > 0 && !UnderAddressSanitizer()) {
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(limits.max_memory_mb) * 1024 * 1024;
    setrlimit(RLIMIT_AS, &limit);
    g_abort_length = Format(g_abort_line, sizeof g_abort_line,
                            prefix + "limit exceeded: a library aborted, most likely on an allocation past the "
                                     "memory ceiling of " + std::to_string(limits.max_memory_mb) +
                                " MB (--max-memory-mb)");
    signal(SIGABRT, OnAbort);
  }
  if (limits.timeout_seconds > 0) {
    g_timeout_length = Format(g_timeout_line, sizeof g_timeout_line,
                              prefix + "limit exceeded: not done after the time budget of " +
                                  std::to_string(limits.timeout_seconds) + " s (--timeout)");
    struct sigaction action {};
    action.sa_handler = OnTimeout;
    sigemptyset(&action.sa_mask);
    sigaction(SIGALRM, &action, nullptr);
    alarm(static_cast<unsigned>(limits.timeout_seconds));
  }
  if (!UnderAddressSanitizer()) {
    int saved = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved >= 0 && null >= 0 && ::dup2(null, STDERR_FILENO) >= 0) g_stderr = saved;
    if (null >= 0) ::close(null);
  }
}

void EndLimitedWork() {
  alarm(0);
  if (g_stderr != STDERR_FILENO) {
    ::dup2(g_stderr, STDERR_FILENO);
    ::close(g_stderr);
    g_stderr = STDERR_FILENO;
  }
}

}  // namespace docpipe
