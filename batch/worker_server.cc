#include "batch/worker_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
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

// The channels carry frames: a 4-byte length, then a type byte and its
// fields (integers as 4 bytes in host order: both ends are one binary on
// one machine; strings as a length and their bytes).
//   run -> server:     'W' (a new worker, please)
//                      'X' kill_first (reap the worker, killing it first
//                          if asked)
//   server -> run:     'H' greeting (once, when warm)
//                      'P' pid, with the worker's socket and the read end
//                          of its stderr (SCM_RIGHTS): the answer to 'W'
//                      'F' reason (no worker could be started)
//                      'S' wstatus (the answer to 'X')
//   run -> worker:     'R' timeout argc arg... has_password [password] fresh
//   worker -> run:     'E' exit_code keeps_serving (when done; its stderr
//                      lines are in its pipe by then)
constexpr char kGreeting[] = "docpipe worker server 2";
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
  explicit FrameReader(std::string&&) = delete;  // it keeps a reference: not to a temporary
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

// A frame's bytes: its length, then `payload`.
std::string Framed(const std::string& payload) {
  std::string bytes;
  PutU32(&bytes, static_cast<uint32_t>(payload.size()));
  bytes += payload;
  return bytes;
}

// Sends bytes[done..]; false when the peer is gone (send(MSG_NOSIGNAL): a
// peer that is gone is an error here, not a SIGPIPE that would end the run).
bool SendRest(int fd, const std::string& bytes, size_t done) {
  while (done < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

bool SendFrame(int fd, const std::string& payload) { return SendRest(fd, Framed(payload), 0); }

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

// One 'R' frame: the request, or nullopt when it is broken.
std::optional<WorkerRequest> ParseRequest(const std::string& frame) {
  FrameReader in(frame);
  WorkerRequest request;
  if (in.Type() != 'R') return std::nullopt;
  request.timeout_seconds = static_cast<int>(in.U32());
  const uint32_t argc = in.U32();
  for (uint32_t i = 0; in.ok() && i < argc; ++i) request.args.push_back(in.String());
  if (in.U32() != 0) request.password = in.String();
  request.fresh_worker = in.U32() != 0;
  if (!in.ok() || request.args.empty()) return std::nullopt;
  return request;
}

// Whether a worker that has just finished a document still has room under
// its address-space ceiling (RLIMIT_AS, which normalize's --max-memory-mb
// sets) for the next: it holds at most half of it. What a worker keeps
// after a document (the allocator's free pages, caches) counts against
// that ceiling, and a fresh worker starts far below half of any ceiling a
// document can be run under.
bool HasRoomForAnotherDocument() {
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return true;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return false;
  unsigned long pages = 0;
  const int fields = std::fscanf(f, "%lu", &pages);
  std::fclose(f);
  if (fields != 1) return false;
  return static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) <= limit.rlim_cur / 2;
}

// The forked worker: set up as posix_spawn's file actions made a spawned
// one, then serves the requests the run sends on `control` (the server
// handed the run the other end), one at a time, until the run closes it or
// a document ends its service. It never returns and ends without running
// the server's atexit handlers or destructors (the server's state is not
// the worker's to tear down).
[[noreturn]] void ServeDocuments(int channel, int control, int err_write, pid_t server, const WorkerEntry& entry) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != server) _exit(127);  // the server died before the prctl
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGALRM, SIGABRT}) signal(sig, SIG_DFL);
  ::close(channel);
  const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null < 0 || ::dup2(null, STDOUT_FILENO) < 0 || ::dup2(err_write, STDERR_FILENO) < 0) _exit(126);
  ::close(null);
  ::close(err_write);
  // The socket stays open for the worker's life: above the password's
  // descriptor, which each request may take.
  if (control <= kWorkerPasswordFd) {
    const int moved = ::fcntl(control, F_DUPFD_CLOEXEC, kWorkerPasswordFd + 1);
    if (moved < 0) _exit(126);
    ::close(control);
    control = moved;
  }
  for (int served = 1;; ++served) {
    std::optional<std::string> frame = ReadFrame(control);
    if (!frame) _exit(0);  // the run is done with this worker
    std::optional<WorkerRequest> request = ParseRequest(*frame);
    if (!request) _exit(126);
    if (request->password) {
      Result<int> fd = PasswordPipe(*request->password);
      if (!fd.ok()) {
        std::fprintf(stderr, "docpipe worker: %s\n", fd.status().message().c_str());
        _exit(126);
      }
      if (::dup2(*fd, kWorkerPasswordFd) < 0) _exit(126);
      ::close(*fd);
    }
    const int code = entry(request->args);
    std::fflush(nullptr);
    if (request->password) ::close(kWorkerPasswordFd);
    // After a failure the worker's state is not trusted with another
    // document (an exception may have cut any work short).
    const bool keep = code == 0 && served < kDocumentsPerWorker && HasRoomForAnotherDocument();
    std::string done = "E";
    PutU32(&done, static_cast<uint32_t>(code));
    PutU32(&done, keep ? 1 : 0);
    if (!SendFrame(control, done) || !keep) _exit(code);
  }
}

// Appends what `fd` holds now (non-blocking) to `text`, up to 64 KiB kept;
// false once it is closed.
bool Drain(int fd, std::string* text) {
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      if (text->size() < 65536) text->append(buffer, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n != 0;
  }
}

// Reaps `pid` (killing it first unless it ended by itself): its status.
int Reap(pid_t pid, bool kill_first) {
  if (kill_first) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// A new worker, forked: its pid, and the server's ends of its socket and of
// its stderr (non-blocking), which go to the run. They are close on exec;
// close on exec does not apply to fork, so the server closes them once they
// are sent, and each worker closes what it inherits but needs.
struct NewWorker {
  pid_t pid = -1;
  int control = -1;
  int err = -1;
};

Result<NewWorker> StartWorker(int channel, const WorkerEntry& entry) {
  int control[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, control) != 0) {
    return Status::IoError(std::string("cannot create socket pair: ") + std::strerror(errno));
  }
  int err[2];
  if (pipe2(err, O_CLOEXEC) != 0) {
    const int saved = errno;
    ::close(control[0]);
    ::close(control[1]);
    return Status::IoError(std::string("cannot create pipe: ") + std::strerror(saved));
  }
  const pid_t self = ::getpid();
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t pid = fork();
  if (pid == 0) {
    ::close(control[0]);
    ::close(err[0]);
    ServeDocuments(channel, control[1], err[1], self, entry);
  }
  const int saved = errno;
  ::close(control[1]);
  ::close(err[1]);
  if (pid < 0) {
    ::close(control[0]);
    ::close(err[0]);
    return Status::IoError(std::string("cannot start worker: ") + std::strerror(saved));
  }
  fcntl(err[0], F_SETFL, O_NONBLOCK);
  // Best effort: the default 64 KiB holds any ordinary stderr too. The run
  // drains the pipe when the document is done and every 50 ms before, so a
  // worker that writes much is slowed, never stuck.
  fcntl(err[0], F_SETPIPE_SZ, 1 << 20);
  return NewWorker{pid, control[0], err[0]};
}

// One socket message over `size` bytes at `data`, with room for up to
// kMaxDescriptors descriptors (SCM_RIGHTS) beside them.
class SocketMessage {
 public:
  static constexpr size_t kMaxDescriptors = 4;
  SocketMessage(void* data, size_t size) : io_{data, size} {
    header_.msg_iov = &io_;
    header_.msg_iovlen = 1;
    header_.msg_control = control_;
    header_.msg_controllen = sizeof control_;
  }
  SocketMessage(const SocketMessage&) = delete;
  SocketMessage& operator=(const SocketMessage&) = delete;
  msghdr* get() { return &header_; }

 private:
  iovec io_;
  alignas(cmsghdr) char control_[CMSG_SPACE(kMaxDescriptors * sizeof(int))] = {};
  msghdr header_{};
};

// Sends a frame with two descriptors (SCM_RIGHTS) on its first byte.
bool SendFrameWithDescriptors(int fd, const std::string& payload, int first, int second) {
  std::string bytes = Framed(payload);
  SocketMessage message(bytes.data(), bytes.size());
  const int fds[2] = {first, second};
  message.get()->msg_controllen = CMSG_SPACE(sizeof fds);  // exactly the one header sent
  cmsghdr* header = CMSG_FIRSTHDR(message.get());
  header->cmsg_level = SOL_SOCKET;
  header->cmsg_type = SCM_RIGHTS;
  header->cmsg_len = CMSG_LEN(sizeof fds);
  std::memcpy(CMSG_DATA(header), fds, sizeof fds);
  ssize_t n;
  while ((n = ::sendmsg(fd, message.get(), MSG_NOSIGNAL)) < 0 && errno == EINTR) {
  }
  return n > 0 && SendRest(fd, bytes, static_cast<size_t>(n));
}

// One whole frame and the descriptors that came with its first bytes (close
// on exec; any beyond `max_fds`, or with a frame that turns out broken, are
// closed), or nullopt at the channel's end or on a broken frame.
std::optional<std::string> ReadFrameWithDescriptors(int fd, std::vector<int>* fds, size_t max_fds) {
  uint32_t size = 0;
  SocketMessage message(&size, sizeof size);
  ssize_t n;
  while ((n = ::recvmsg(fd, message.get(), MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) {
  }
  for (cmsghdr* h = CMSG_FIRSTHDR(message.get()); n > 0 && h != nullptr; h = CMSG_NXTHDR(message.get(), h)) {
    if (h->cmsg_level != SOL_SOCKET || h->cmsg_type != SCM_RIGHTS) continue;
    const size_t count = (h->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int received = -1;
      std::memcpy(&received, CMSG_DATA(h) + i * sizeof(int), sizeof(int));
      if (fds->size() < max_fds) {
        fds->push_back(received);
      } else {
        ::close(received);
      }
    }
  }
  auto broken = [fds] {
    for (int received : *fds) ::close(received);
    fds->clear();
    return std::nullopt;
  };
  if (n <= 0) return broken();
  if (static_cast<size_t>(n) < sizeof size &&
      !ReadExactly(fd, reinterpret_cast<char*>(&size) + n, sizeof size - static_cast<size_t>(n))) {
    return broken();
  }
  if (size == 0 || size > kMaxFrame) return broken();
  std::string frame(size, '\0');
  if (!ReadExactly(fd, frame.data(), size)) return broken();
  return frame;
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
      stderr_closed = !Drain(err_fd, &outcome.stderr_text);
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
  if (!SendFrame(channel, std::string("H") + kGreeting)) return 1;
  // The worker, while it is this server's unreaped child: the run may kill
  // it by its pid until it asks for it to be reaped ('X').
  pid_t worker = -1;
  int code = 0;
  while (true) {
    std::optional<std::string> frame = ReadFrame(channel);
    if (!frame) break;  // the run closed the channel (or broke it)
    FrameReader in(*frame);
    const char type = in.Type();
    if (type == 'W') {
      if (worker > 0) Reap(worker, /*kill_first=*/true);  // the run asks only once it is done with it
      worker = -1;
      Result<NewWorker> started = StartWorker(channel, entry);
      if (!started.ok()) {
        std::string reply = "F";
        PutString(&reply, started.status().message());
        if (!SendFrame(channel, reply)) {
          code = 1;
          break;
        }
        continue;
      }
      worker = started->pid;
      std::string reply = "P";
      PutU32(&reply, static_cast<uint32_t>(worker));
      const bool sent = SendFrameWithDescriptors(channel, reply, started->control, started->err);
      // The run's copies are the worker's only peers now: when the run
      // closes its end of the socket, the worker sees the end of it.
      ::close(started->control);
      ::close(started->err);
      if (!sent) {
        code = 1;
        break;
      }
    } else if (type == 'X') {
      const bool kill_first = in.U32() != 0;
      if (!in.ok() || worker <= 0) {
        code = 1;
        break;
      }
      std::string reply = "S";
      PutU32(&reply, static_cast<uint32_t>(Reap(worker, kill_first)));
      worker = -1;
      if (!SendFrame(channel, reply)) {
        code = 1;
        break;
      }
    } else {
      code = 1;
      break;
    }
  }
  if (worker > 0) Reap(worker, /*kill_first=*/true);
  return code;
}

WorkerServerClient::~WorkerServerClient() {
  // The worker sees its socket close and exits; an idle server ends by
  // itself when its channel closes (it reaps its worker and exits), so
  // that its and its workers' CPU time is counted where the run's is
  // (time(1), getrusage); one that does not within a second is killed.
  const pid_t worker = worker_pid_;  // before CloseWorker forgets it
  CloseWorker();
  if (pid_ > 0 && channel_ >= 0) {
    ::close(channel_);
    channel_ = -1;
    const auto deadline = Clock::now() + std::chrono::seconds(1);
    while (Clock::now() < deadline) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  // Its worker dies with it (PR_SET_PDEATHSIG), a moment later: waited for,
  // so that nothing the run started outlives it. Only waited for, not
  // signalled: the server may have reaped it already.
  Kill(worker, /*signal_worker=*/false);
}

void WorkerServerClient::CloseWorker() {
  if (worker_control_ >= 0) ::close(worker_control_);
  if (worker_err_ >= 0) ::close(worker_err_);
  worker_control_ = worker_err_ = -1;
  worker_pid_ = -1;
  worker_served_ = 0;
}

int WorkerServerClient::Kill(pid_t worker, bool signal_worker) {
  // Signalled only while it is the server's unreaped child: not a reused pid.
  if (worker > 0 && signal_worker) kill(worker, SIGKILL);
  CloseWorker();
  if (channel_ >= 0) ::close(channel_);
  channel_ = -1;
  int wstatus = 0;
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    if (waitpid(pid_, &wstatus, 0) != pid_) wstatus = SIGKILL;
  }
  pid_ = -1;
  if (worker > 0) AwaitGone(worker);
  return wstatus;
}

Status WorkerServerClient::Start(const std::string& executable, const std::vector<std::string>& args,
                                 const std::function<bool()>& stop) {
  Kill();
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
      Kill();
      return Status::IoError("the worker server did not answer");
    }
  }
  std::optional<std::string> hello = ReadFrame(channel_);
  if (!hello || *hello != std::string("H") + kGreeting) {
    Kill();
    return Status::IoError("the worker server did not answer");
  }
  return Status::Ok();
}

bool WorkerServerClient::AwaitServer(const std::function<bool()>& stop, bool* stopped) {
  // The server answers at once (a fork, or a wait for a worker that has
  // ended or was just killed); the backstop covers a server that hangs.
  const auto backstop = Clock::now() + std::chrono::seconds(30);
  while (!Readable(channel_, 50)) {
    if (stop && stop()) {
      *stopped = true;
      return false;
    }
    if (Clock::now() > backstop) return false;
  }
  return true;
}

std::optional<int> WorkerServerClient::ReapWorker(bool kill_first, std::string* stderr_text) {
  std::string ask = "X";
  PutU32(&ask, kill_first ? 1 : 0);
  bool stopped = false;
  std::optional<std::string> reply;
  if (SendFrame(channel_, ask) && AwaitServer(nullptr, &stopped)) reply = ReadFrame(channel_);
  const std::string reply_text = reply.value_or("");
  FrameReader in(reply_text);
  const bool answered = reply && in.Type() == 'S';
  const int wstatus = static_cast<int>(in.U32());
  if (!answered || !in.ok()) return std::nullopt;
  // Reaped: everything it wrote is in the pipe.
  if (stderr_text != nullptr) Drain(worker_err_, stderr_text);
  CloseWorker();
  return wstatus;
}

WorkerOutcome WorkerServerClient::Run(const WorkerRequest& request, const std::function<bool()>& stop) {
  WorkerOutcome outcome;
  pid_t worker = -1;
  auto lost = [&] {
    // The server ended (or broke the protocol, or hangs): killed, and
    // reaped for its status. A worker it had dies with it
    // (PR_SET_PDEATHSIG); not signalled: a server that ended may no longer
    // hold it.
    outcome.wstatus = Kill(worker, /*signal_worker=*/false);
    outcome.server_lost = true;
    return outcome;
  };
  if (!running()) return lost();
  if (request.fresh_worker && worker_pid_ > 0) {
    worker = worker_pid_;
    if (!ReapWorker(/*kill_first=*/true, nullptr)) return lost();
    worker = -1;
  }
  if (worker_pid_ <= 0) {
    bool stopped = false;
    std::optional<std::string> reply;
    std::vector<int> fds;
    if (SendFrame(channel_, "W") && AwaitServer(stop, &stopped)) reply = ReadFrameWithDescriptors(channel_, &fds, 2);
    if (stopped) {
      Kill();
      outcome.interrupted = true;
      return outcome;
    }
    const std::string reply_text = reply.value_or("");
    FrameReader in(reply_text);
    const char type = reply ? in.Type() : 0;
    if (type == 'F') {
      // As a worker that could not start: exit code 126 and the reason.
      outcome.wstatus = 126 << 8;
      outcome.stderr_text = in.String();
      for (int fd : fds) ::close(fd);
      if (!in.ok()) return lost();
      return outcome;
    }
    const pid_t pid = static_cast<pid_t>(in.U32());
    if (type != 'P' || !in.ok() || pid <= 0 || fds.size() != 2) {
      for (int fd : fds) ::close(fd);
      return lost();
    }
    worker_pid_ = pid;
    worker_control_ = fds[0];
    worker_err_ = fds[1];
    worker_served_ = 0;
  }
  worker = worker_pid_;
  outcome.worker_started = true;
  outcome.worker_pid = worker;
  outcome.worker_reused = worker_served_ > 0;
  // The worker ended, was killed or broke the protocol: reaped by the
  // server, with all it wrote to stderr.
  auto ended = [&](bool kill_first) {
    std::optional<int> wstatus = ReapWorker(kill_first, &outcome.stderr_text);
    if (!wstatus) return lost();
    outcome.wstatus = *wstatus;
    return outcome;
  };
  std::string frame = "R";
  PutU32(&frame, static_cast<uint32_t>(request.timeout_seconds));
  PutU32(&frame, static_cast<uint32_t>(request.args.size()));
  for (const std::string& a : request.args) PutString(&frame, a);
  PutU32(&frame, request.password ? 1 : 0);
  if (request.password) PutString(&frame, *request.password);
  PutU32(&frame, request.fresh_worker ? 1 : 0);
  // Gone before it could take the document: as a worker that ended.
  if (!SendFrame(worker_control_, frame)) return ended(/*kill_first=*/true);
  const auto deadline = Clock::now() + std::chrono::seconds(request.timeout_seconds + 2);
  bool err_open = true;
  while (true) {
    // Only the socket wakes the run: the worker's stderr (its index summary
    // line, written just before its done frame) would wake it once more per
    // document for nothing. The pipe is drained at each wake and every 50 ms.
    const bool readable = Readable(worker_control_, 50);
    if (err_open) err_open = Drain(worker_err_, &outcome.stderr_text);
    if (readable) {
      std::optional<std::string> reply = ReadFrame(worker_control_);
      const std::string reply_text = reply.value_or("");
      FrameReader in(reply_text);
      const bool done = reply && in.Type() == 'E';
      const uint32_t code = done ? in.U32() : 0;
      const bool keep = done && in.U32() != 0;
      if (!done || !in.ok()) {
        // It ended (crashed, ran out of time by its own alarm, was killed)
        // or broke the protocol (then it is killed): its status, and all
        // its stderr.
        return ended(/*kill_first=*/reply.has_value());
      }
      // Its stderr lines were written before the frame was sent: they are
      // in the pipe.
      Drain(worker_err_, &outcome.stderr_text);
      ++worker_served_;
      if (!keep) return ended(/*kill_first=*/false);  // it exits with `code`
      outcome.wstatus = static_cast<int>((code & 0xff) << 8);  // as waitpid reports an exit with `code`
      return outcome;
    }
    if (stop && stop()) {
      Kill(worker, /*signal_worker=*/true);
      outcome.interrupted = true;
      return outcome;
    }
    if (request.timeout_seconds > 0 && Clock::now() > deadline) {
      outcome = ended(/*kill_first=*/true);
      outcome.timed_out = !outcome.server_lost;
      return outcome;
    }
  }
}

}  // namespace docpipe
