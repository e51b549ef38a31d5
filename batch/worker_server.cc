#include "batch/worker_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <thread>

extern char** environ;

namespace docpipe {
namespace {

using Clock = std::chrono::steady_clock;

// The channel carries frames: a 4-byte length, then a type byte and its
// fields (integers as 4 bytes in host order: both ends are one binary on
// one machine; strings as a length and their bytes).
//   run -> server:  'R' timeout argc arg... has_password [password]
//   server -> run:  'H' greeting (once, when warm)
//                   'P' pid of the forked worker (at once)
//                   'D' wstatus timed_out stderr (when it has ended)
constexpr char kGreeting[] = "docpipe worker server 1";
constexpr uint32_t kMaxFrame = 16u << 20;

void PutU32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutString(std::string* out, const std::string& s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

// Reads fields of a frame in order; any read past its end makes ok() false.
class FrameReader {
 public:
  explicit FrameReader(const std::string& frame) : frame_(frame) {}
  uint32_t U32() {
    uint32_t v = 0;
    if (pos_ + sizeof v > frame_.size()) {
      ok_ = false;
      return 0;
    }
    std::memcpy(&v, frame_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string String() {
    uint32_t n = U32();
    if (!ok_ || pos_ + n > frame_.size()) {
      ok_ = false;
      return "";
    }
    std::string s = frame_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  char Type() {
    if (pos_ >= frame_.size()) {
      ok_ = false;
      return 0;
    }
    return frame_[pos_++];
  }
  bool ok() const { return ok_; }

 private:
  const std::string& frame_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// send(MSG_NOSIGNAL): a peer that is gone is an error here, not a SIGPIPE
// that would end the run.
bool SendFrame(int fd, const std::string& payload) {
  std::string bytes;
  PutU32(&bytes, static_cast<uint32_t>(payload.size()));
  bytes += payload;
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

bool ReadExactly(int fd, char* buffer, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, buffer + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// One whole frame, or nullopt at the channel's end or on a broken frame.
std::optional<std::string> ReadFrame(int fd) {
  uint32_t size = 0;
  if (!ReadExactly(fd, reinterpret_cast<char*>(&size), sizeof size) || size == 0 || size > kMaxFrame) {
    return std::nullopt;
  }
  std::string frame(size, '\0');
  if (!ReadExactly(fd, frame.data(), size)) return std::nullopt;
  return frame;
}

// Waits (up to 2 s) until the killed `pid` is gone or a zombie: a worker
// whose server was killed is no longer anyone's child here, and what it
// was writing must have stopped before its leftovers are removed.
void AwaitGone(pid_t pid) {
  const auto deadline = Clock::now() + std::chrono::seconds(2);
  const std::string stat = "/proc/" + std::to_string(pid) + "/stat";
  while (Clock::now() < deadline) {
    FILE* f = std::fopen(stat.c_str(), "r");
    if (f == nullptr) return;
    char state = 0;
    const int fields = std::fscanf(f, "%*d (%*[^)]) %c", &state);
    std::fclose(f);
    if (fields != 1 || state == 'Z' || state == 'X') return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// Waits up to `ms` for `fd` to be readable (or closed).
bool Readable(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, ms) > 0;
}

// The forked child: becomes a worker as posix_spawn's file actions made
// one, runs `entry` and ends without running the server's atexit handlers
// or destructors (the server's state is not the child's to tear down).
[[noreturn]] void BecomeWorker(int channel, int err_write, int err_read, pid_t server, const WorkerRequest& request,
                               const WorkerEntry& entry) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != server) _exit(127);  // the server died before the prctl
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGALRM, SIGABRT}) signal(sig, SIG_DFL);
  ::close(channel);
  ::close(err_read);
  const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null < 0 || ::dup2(null, STDOUT_FILENO) < 0 || ::dup2(err_write, STDERR_FILENO) < 0) _exit(126);
  ::close(null);
  ::close(err_write);
  if (request.password) {
    Result<int> fd = PasswordPipe(*request.password);
    if (!fd.ok()) {
      std::fprintf(stderr, "docpipe worker: %s\n", fd.status().message().c_str());
      _exit(126);
    }
    if (::dup2(*fd, kWorkerPasswordFd) < 0) _exit(126);
    ::close(*fd);
  }
  const int code = entry(request.args);
  std::fflush(nullptr);
  _exit(code);
}

}  // namespace

Result<int> PasswordPipe(const std::string& password) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return Status::IoError(std::string("cannot create pipe: ") + std::strerror(errno));
  const std::string line = password + "\n";
  const ssize_t written = ::write(fds[1], line.data(), line.size());
  const int write_errno = errno;
  ::close(fds[1]);
  int read_end = fds[0];
  if (read_end <= kWorkerPasswordFd) {
    read_end = fcntl(fds[0], F_DUPFD_CLOEXEC, kWorkerPasswordFd + 1);
    ::close(fds[0]);
  }
  if (written != static_cast<ssize_t>(line.size()) || read_end < 0) {
    if (read_end >= 0) ::close(read_end);
    return Status::IoError(std::string("cannot hand the password to a worker: ") +
                           std::strerror(written < 0 ? write_errno : EMSGSIZE));
  }
  return read_end;
}

WorkerOutcome WaitForWorker(pid_t pid, int err_fd, int timeout_seconds, const std::function<bool()>& stop) {
  WorkerOutcome outcome;
  fcntl(err_fd, F_SETFL, O_NONBLOCK);
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_seconds + (timeout_seconds > 0 ? 2 : 0));
  bool stderr_closed = false;
  while (true) {
    // Wait on the worker's stderr: it wakes at its one line and at its end
    // (the pipe closes when the worker exits), so a finished document is
    // seen at once; the timeout bounds how late a Ctrl-C or the deadline
    // is noticed. After the close, the exit itself follows within moments.
    if (!stderr_closed) {
      Readable(err_fd, 50);
      char buffer[4096];
      ssize_t n;
      while ((n = ::read(err_fd, buffer, sizeof buffer)) > 0) {
        if (outcome.stderr_text.size() < 65536) outcome.stderr_text.append(buffer, static_cast<size_t>(n));
      }
      stderr_closed = n == 0;
    } else {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    if (waitpid(pid, &outcome.wstatus, WNOHANG) == pid) return outcome;
    if (stop && stop()) {
      kill(pid, SIGKILL);
      waitpid(pid, &outcome.wstatus, 0);
      outcome.interrupted = true;
      return outcome;
    }
    if (Clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &outcome.wstatus, 0);
      outcome.timed_out = true;
      return outcome;
    }
  }
}

int ServeWorkers(int channel, const WorkerEntry& entry) {
  const pid_t self = ::getpid();
  if (!SendFrame(channel, std::string("H") + kGreeting)) return 1;
  while (true) {
    std::optional<std::string> frame = ReadFrame(channel);
    if (!frame) return 0;  // the run closed the channel (or broke it)
    FrameReader in(*frame);
    WorkerRequest request;
    if (in.Type() != 'R') return 1;
    request.timeout_seconds = static_cast<int>(in.U32());
    const uint32_t argc = in.U32();
    for (uint32_t i = 0; in.ok() && i < argc; ++i) request.args.push_back(in.String());
    if (in.U32() != 0) request.password = in.String();
    if (!in.ok() || request.args.empty()) return 1;

    int err_pipe[2];
    std::string reply = "D";
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
      // As a worker that could not start: exit code 126 and the reason.
      PutU32(&reply, 126u << 8);
      PutU32(&reply, 0);
      PutString(&reply, std::string("cannot create pipe: ") + std::strerror(errno));
      if (!SendFrame(channel, reply)) return 1;
      continue;
    }
    std::fflush(nullptr);  // nothing buffered is written twice
    const pid_t pid = fork();
    if (pid == 0) BecomeWorker(channel, err_pipe[1], err_pipe[0], self, request, entry);
    ::close(err_pipe[1]);
    if (pid < 0) {
      ::close(err_pipe[0]);
      PutU32(&reply, 126u << 8);
      PutU32(&reply, 0);
      PutString(&reply, std::string("cannot start worker: ") + std::strerror(errno));
      if (!SendFrame(channel, reply)) return 1;
      continue;
    }
    std::string started = "P";
    PutU32(&started, static_cast<uint32_t>(pid));
    // The run still needs the pid to stop the worker on a Ctrl-C; if it is
    // gone, the worker dies with this server when the server ends.
    if (!SendFrame(channel, started)) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      return 1;
    }
    WorkerOutcome outcome = WaitForWorker(pid, err_pipe[0], request.timeout_seconds, nullptr);
    ::close(err_pipe[0]);
    PutU32(&reply, static_cast<uint32_t>(outcome.wstatus));
    PutU32(&reply, outcome.timed_out ? 1 : 0);
    PutString(&reply, outcome.stderr_text);
    if (!SendFrame(channel, reply)) return 1;
  }
}

WorkerServerClient::~WorkerServerClient() { Kill(-1); }

void WorkerServerClient::Kill(pid_t worker) {
  if (worker > 0) kill(worker, SIGKILL);  // still the server's child (not reaped): not a reused pid
  if (channel_ >= 0) ::close(channel_);
  channel_ = -1;
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  pid_ = -1;
  if (worker > 0) AwaitGone(worker);
}

Status WorkerServerClient::Start(const std::string& executable, const std::vector<std::string>& args,
                                 const std::function<bool()>& stop) {
  Kill(-1);
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    return Status::IoError(std::string("cannot create socket pair: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], kWorkerServerChannelFd);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> argv_strings = {"docpipe"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  argv_strings.push_back("--parent-pid");
  argv_strings.push_back(std::to_string(::getpid()));
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, executable.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    return Status::IoError(std::string("cannot start the worker server: ") + std::strerror(spawned));
  }
  pid_ = pid;
  channel_ = fds[0];
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (!Readable(channel_, 50)) {
    if ((stop && stop()) || Clock::now() > deadline) {
      Kill(-1);
      return Status::IoError("the worker server did not answer");
    }
  }
  std::optional<std::string> hello = ReadFrame(channel_);
  if (!hello || *hello != std::string("H") + kGreeting) {
    Kill(-1);
    return Status::IoError("the worker server did not answer");
  }
  return Status::Ok();
}

WorkerOutcome WorkerServerClient::Run(const WorkerRequest& request, const std::function<bool()>& stop) {
  WorkerOutcome outcome;
  pid_t worker = -1;
  auto lost = [&] {
    // The server ended (or broke the protocol): reap it for its status.
    if (channel_ >= 0) ::close(channel_);
    channel_ = -1;
    int wstatus = 0;
    if (pid_ > 0 && waitpid(pid_, &wstatus, 0) != pid_) wstatus = SIGKILL;
    pid_ = -1;
    if (worker > 0) AwaitGone(worker);  // killed with its server (PR_SET_PDEATHSIG)
    outcome.server_lost = true;
    outcome.wstatus = wstatus;
    return outcome;
  };
  if (!running()) return lost();
  std::string frame = "R";
  PutU32(&frame, static_cast<uint32_t>(request.timeout_seconds));
  PutU32(&frame, static_cast<uint32_t>(request.args.size()));
  for (const std::string& a : request.args) PutString(&frame, a);
  PutU32(&frame, request.password ? 1 : 0);
  if (request.password) PutString(&frame, *request.password);
  if (!SendFrame(channel_, frame)) {
    kill(pid_, SIGKILL);  // whatever it is doing, it no longer serves
    return lost();
  }
  // The server enforces the deadline; this backstop only covers a server
  // that hangs itself.
  const auto backstop = Clock::now() + std::chrono::seconds(request.timeout_seconds + 30);
  while (true) {
    if (Readable(channel_, 50)) {
      std::optional<std::string> reply = ReadFrame(channel_);
      if (!reply) {
        kill(pid_, SIGKILL);  // a broken frame: stop it before reaping it
        return lost();
      }
      FrameReader in(*reply);
      const char type = in.Type();
      if (type == 'P') {
        worker = static_cast<pid_t>(in.U32());
        outcome.worker_started = true;
      } else if (type == 'D') {
        outcome.wstatus = static_cast<int>(in.U32());
        outcome.timed_out = in.U32() != 0;
        outcome.stderr_text = in.String();
        if (!in.ok()) {
          kill(pid_, SIGKILL);
          return lost();
        }
        return outcome;
      } else {
        kill(pid_, SIGKILL);
        return lost();
      }
      continue;
    }
    if (stop && stop()) {
      Kill(worker);
      outcome.interrupted = true;
      return outcome;
    }
    if (request.timeout_seconds > 0 && Clock::now() > backstop) {
      Kill(worker);
      outcome.timed_out = true;
      return outcome;
    }
  }
}

}  // namespace docpipe
