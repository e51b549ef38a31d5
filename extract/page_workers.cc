#include "extract/page_workers.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <optional>

#include "extract/page_wire.h"

namespace docpipe {
namespace {

// A frame on a worker's pipe: one type byte, the payload's length (8 bytes),
// the payload.
enum FrameType : char {
  kPageFrame = 'P',
  kNoteFrame = 'N',
  kOutOfMemoryFrame = 'M',
  kErrorFrame = 'X',  // payload: what() of an exception
  kDoneFrame = 'D',
};
constexpr size_t kFrameHeader = 1 + sizeof(uint64_t);

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool SendFrame(int fd, FrameType type, const std::string& payload) {
  char header[kFrameHeader];
  header[0] = type;
  const uint64_t length = payload.size();
  std::memcpy(header + 1, &length, sizeof length);
  return WriteAll(fd, header, sizeof header) && WriteAll(fd, payload.data(), payload.size());
}

// Pages a chunk: about 16 chunks a worker. A worker claims the next chunk
// when it is done with one, so the workers end within a chunk of each other
// (about 1/16 of a worker's share) whatever the pages cost; a chunk is
// contiguous, so that pages that share objects (an object stream, a font)
// are mostly read by one process.
int ChunkSize(const PageWork& work) {
  const int pages = work.last - work.first + 1;
  const int chunks = work.workers * 16;
  return std::max(1, (pages + chunks - 1) / chunks);
}

// The number of the next chunk to claim, in memory the workers share (an
// anonymous shared mapping made before the forks; a lock-free atomic works
// across processes).
static_assert(std::atomic<int>::is_always_lock_free);
class ChunkCounter {
 public:
  ChunkCounter() {
    void* memory = ::mmap(nullptr, sizeof(std::atomic<int>), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (memory != MAP_FAILED) next_ = new (memory) std::atomic<int>(0);
  }
  ~ChunkCounter() {
    if (next_ != nullptr) ::munmap(next_, sizeof(std::atomic<int>));
  }
  ChunkCounter(const ChunkCounter&) = delete;
  ChunkCounter& operator=(const ChunkCounter&) = delete;
  bool ok() const { return next_ != nullptr; }
  int Claim() { return next_->fetch_add(1); }

 private:
  std::atomic<int>* next_ = nullptr;
};

// The child's whole life: read its chunks, send each page, end with _exit
// (no destructors or atexit handlers of the parent's objects run twice).
[[noreturn]] void RunWorker(ChunkCounter& chunks, const PageWork& work, int fd, pid_t parent,
                            const std::function<Page(int)>& read_page, const std::function<std::string()>& note) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) _exit(1);  // the parent ended before prctl
  // An abort must end this process by its signal, for the parent to see it
  // (the caller's SIGABRT handler would turn it into an exit code here).
  ::signal(SIGABRT, SIG_DFL);
  const int chunk = ChunkSize(work);
  try {
    for (int start = work.first + chunks.Claim() * chunk; start <= work.last; start = work.first + chunks.Claim() * chunk) {
      const int end = std::min(work.last, start + chunk - 1);
      for (int number = start; number <= end; ++number) {
        if (!SendFrame(fd, kPageFrame, EncodePage(read_page(number)))) _exit(1);
      }
    }
    std::string text = note ? note() : std::string();
    if (!text.empty() && !SendFrame(fd, kNoteFrame, text)) _exit(1);
    SendFrame(fd, kDoneFrame, "");
    _exit(0);
  } catch (const std::bad_alloc&) {
    SendFrame(fd, kOutOfMemoryFrame, "");
  } catch (const std::exception& e) {
    SendFrame(fd, kErrorFrame, e.what());
  } catch (...) {
    SendFrame(fd, kErrorFrame, "unknown exception");
  }
  _exit(1);
}

struct Worker {
  pid_t pid = -1;
  int fd = -1;
  std::string buffer;  // bytes received, not yet a whole frame
  bool done = false;
  bool out_of_memory = false;
  std::optional<std::string> error;
};

Status ReadInProcess(const PageWork& work, const std::function<Page(int)>& read_page,
                     const std::function<std::string()>& note, std::vector<std::string>* notes, const PageSink& take) {
  for (int number = work.first; number <= work.last; ++number) {
    if (Status taken = take(read_page(number), {}); !taken.ok()) return taken;
  }
  if (note && notes) {
    std::string text = note();
    if (!text.empty()) notes->push_back(std::move(text));
  }
  return Status::Ok();
}

// fork() copies only the calling thread: a lock another thread held (in
// malloc, in OpenMP's pool after an OCR in this process) stays held forever
// in the child. Only a process with one thread forks workers.
bool SingleThreaded() {
  std::error_code ec;
  int threads = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/self/task", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    ++threads;
  }
  return !ec && threads == 1;
}

void KillAll(std::vector<Worker>& workers) {
  for (Worker& w : workers) {
    if (w.pid > 0) ::kill(w.pid, SIGKILL);
  }
}

// Takes the whole frames at the front of `w.buffer`; false on a frame that
// does not belong (a page out of range or twice): the worker is broken, or
// when `take` fails (its status in *taken).
bool TakeFrames(Worker& w, const PageWork& work, std::vector<bool>* seen, std::vector<std::string>* notes,
                const PageSink& take, Status* taken) {
  size_t at = 0;
  while (w.buffer.size() - at >= kFrameHeader) {
    uint64_t length = 0;
    std::memcpy(&length, w.buffer.data() + at + 1, sizeof length);
    if (w.buffer.size() - at - kFrameHeader < length) break;
    const char type = w.buffer[at];
    std::string_view payload(w.buffer.data() + at + kFrameHeader, static_cast<size_t>(length));
    at += kFrameHeader + static_cast<size_t>(length);
    switch (type) {
      case kPageFrame: {
        Result<Page> page = DecodePage(payload);
        if (!page.ok()) {
          w.error = page.status().message();
          return false;
        }
        const int slot = page->number - work.first;
        if (slot < 0 || slot >= static_cast<int>(seen->size()) || (*seen)[static_cast<size_t>(slot)]) {
          w.error = "page " + std::to_string(page->number) + " sent out of range or twice";
          return false;
        }
        (*seen)[static_cast<size_t>(slot)] = true;
        *taken = take(std::move(*page), payload);
        if (!taken->ok()) return false;
        break;
      }
      case kNoteFrame:
        if (notes) notes->emplace_back(payload);
        break;
      case kOutOfMemoryFrame:
        w.out_of_memory = true;
        break;
      case kErrorFrame:
        w.error = std::string(payload);
        break;
      case kDoneFrame:
        w.done = true;
        break;
      default:
        w.error = "unknown frame from a page worker";
        return false;
    }
  }
  w.buffer.erase(0, at);
  return true;
}

std::string HowItEnded(int status) {
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  return "status " + std::to_string(status);
}

}  // namespace

int AvailableCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<int>(n) : 1;
}

Status ReadPagesInWorkers(const PageWork& work, const std::function<Page(int)>& read_page,
                          const std::function<std::string()>& note, std::vector<std::string>* notes,
                          const PageSink& take) {
  if (work.workers <= 1 || work.last <= work.first || !SingleThreaded()) {
    return ReadInProcess(work, read_page, note, notes, take);
  }
  ChunkCounter chunks;
  if (!chunks.ok()) return ReadInProcess(work, read_page, note, notes, take);
  const pid_t parent = ::getpid();
  std::vector<Worker> workers(static_cast<size_t>(work.workers));
  for (int k = 0; k < work.workers; ++k) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      KillAll(workers);
      for (Worker& w : workers) {
        if (w.fd >= 0) ::close(w.fd);
        if (w.pid > 0) ::waitpid(w.pid, nullptr, 0);
      }
      return ReadInProcess(work, read_page, note, notes, take);
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(fds[0]);
      for (int j = 0; j < k; ++j) ::close(workers[static_cast<size_t>(j)].fd);
      RunWorker(chunks, work, fds[1], parent, read_page, note);
    }
    ::close(fds[1]);
    if (pid < 0) {
      ::close(fds[0]);
      KillAll(workers);
      for (Worker& w : workers) {
        if (w.fd >= 0) ::close(w.fd);
        if (w.pid > 0) ::waitpid(w.pid, nullptr, 0);
      }
      return ReadInProcess(work, read_page, note, notes, take);
    }
    workers[static_cast<size_t>(k)].pid = pid;
    workers[static_cast<size_t>(k)].fd = fds[0];
  }

  std::vector<bool> seen(static_cast<size_t>(work.last - work.first + 1), false);
  std::vector<std::string> worker_notes;
  Status taken = Status::Ok();  // what `take` said of the last page
  bool broken = false;
  Worker* culprit = nullptr;  // the first worker that ended without its result
  std::vector<char> chunk(size_t{1} << 16);
  for (;;) {
    std::vector<pollfd> open;
    std::vector<Worker*> owners;
    for (Worker& w : workers) {
      if (w.fd < 0) continue;
      open.push_back({w.fd, POLLIN, 0});
      owners.push_back(&w);
    }
    if (open.empty()) break;
    if (::poll(open.data(), open.size(), -1) < 0) {
      if (errno == EINTR) continue;
      broken = true;
      break;
    }
    for (size_t i = 0; i < open.size(); ++i) {
      if (open[i].revents == 0) continue;
      Worker& w = *owners[i];
      ssize_t n = ::read(w.fd, chunk.data(), chunk.size());
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) {
        w.buffer.append(chunk.data(), static_cast<size_t>(n));
        if (TakeFrames(w, work, &seen, &worker_notes, take, &taken)) continue;
        if (!taken.ok()) {
          broken = true;
          break;
        }
      }
      ::close(w.fd);
      w.fd = -1;
      if (!w.done && !culprit) culprit = &w;
      broken |= !w.done;
    }
    if (broken) break;
  }
  if (broken) KillAll(workers);
  std::string failure = culprit ? "" : "lost contact with the workers";
  bool out_of_memory = false, aborted = false;
  for (Worker& w : workers) {
    if (w.fd >= 0) ::close(w.fd);
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (w.done) continue;
    out_of_memory |= w.out_of_memory;
    aborted |= WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
    if (&w == culprit) failure = w.error ? *w.error : HowItEnded(status);
  }
  if (!taken.ok()) return taken;
  if (out_of_memory) throw std::bad_alloc();
  if (aborted) std::abort();
  if (broken) return Status::Internal("a page worker ended without its pages (" + failure + ")");
  for (bool got : seen) {
    if (!got) return Status::Internal("a page worker did not send all its pages");
  }
  if (notes) notes->insert(notes->end(), worker_notes.begin(), worker_notes.end());
  return Status::Ok();
}

Result<std::vector<Page>> ReadPagesInWorkers(const PageWork& work, const std::function<Page(int)>& read_page,
                                             const std::function<std::string()>& note,
                                             std::vector<std::string>* notes) {
  std::vector<std::optional<Page>> pages(static_cast<size_t>(std::max(0, work.last - work.first + 1)));
  Status read = ReadPagesInWorkers(work, read_page, note, notes, [&](Page page, std::string_view) {
    pages[static_cast<size_t>(page.number - work.first)] = std::move(page);
    return Status::Ok();
  });
  if (!read.ok()) return read;
  std::vector<Page> out;
  out.reserve(pages.size());
  for (std::optional<Page>& page : pages) {
    if (!page) return Status::Internal("a page worker did not send all its pages");
    out.push_back(std::move(*page));
  }
  return out;
}

}  // namespace docpipe
