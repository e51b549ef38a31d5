// Worker processes of `docpipe run --isolation process`, and the server
// that forks them so that each document does not pay a process start.
//
// A worker runs `docpipe normalize IN -o OUT ...` (the CLI entry point, with
// that argv) with its stdout on /dev/null, its stderr (one line on failure)
// collected, and its password, if any, read from kWorkerPasswordFd. Started
// per document with posix_spawn + exec, each paid the dynamic loader, the
// rules' RE2 compiles and the schemas' load (8-11 ms of CPU, three times the
// normalize of a 31 KB text). A worker server is started once per run
// thread; it forks the workers, and the run thread talks to each worker
// directly:
//
//   run thread                 worker server (docpipe __worker-server)
//   WorkerServerClient --W---> warmed up once; forks a worker and hands
//                      <--P--  the run its pid, its socket and its stderr
//     .Run(request) ---R-----------------------------> worker: runs the
//                   <--E------------------------------ request's entry(args)
//                   ---X--> reaps the worker (killed first when the run
//                   <--S--  says so: past the deadline), its status
//
// A document wakes the run thread once and the worker once: the server
// sleeps while its worker serves documents. It keeps the worker as its
// unreaped child until the run asks it to reap it, so that the pid the run
// was told stays the worker's, safe to kill on a Ctrl-C or past the
// deadline, which the run keeps.
//
// A forked worker is its own process, with its own limits (normalize's
// --max-memory-mb and --timeout apply to it), stdout, stderr and password
// descriptor: a crash, an allocation past the ceiling or an endless loop
// ends it alone. It serves documents one after another, so that a document
// costs neither a fork nor the page faults of a fresh process (≈ 600 a
// document, 3 ms of CPU), and ends after a document that failed, after
// kDocumentsPerWorker documents, or when it holds more than half of its
// address-space ceiling; the next request then gets a new one. The outcome
// says whether the worker had served documents before (`worker_reused`), so
// that the run can redo a failure in a fresh worker (WorkerRequest::
// fresh_worker): what a document gets never depends on the documents before
// it. The server is single-threaded (fork is safe) and does no work itself,
// so it does not grow with documents. Both the server and each worker die
// with their parent (PR_SET_PDEATHSIG): a killed run leaves none behind.
#ifndef DOCPIPE_BATCH_WORKER_SERVER_H_
#define DOCPIPE_BATCH_WORKER_SERVER_H_

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace docpipe {

// The worker's descriptor for the password: the first after stdin, stdout
// and stderr.
constexpr int kWorkerPasswordFd = 3;

// The descriptor on which a worker server finds its channel to the run (a
// stream socket), when started by WorkerServerClient::Start.
constexpr int kWorkerServerChannelFd = 3;

// A pipe holding `password` and then its end: returns the read end, close
// on exec and above kWorkerPasswordFd (so that a dup2 to it clears
// close-on-exec: a dup2 onto itself would not).
Result<int> PasswordPipe(const std::string& password);

// How a worker ended.
struct WorkerOutcome {
  int wstatus = 0;           // waitpid's status (of the server when server_lost)
  bool timed_out = false;    // past the deadline: killed
  bool interrupted = false;  // `stop` said so: killed
  bool server_lost = false;  // the worker server ended before it answered
  bool worker_started = false;  // the server said which worker runs the document
  bool worker_reused = false;   // that worker had served other documents before
  pid_t worker_pid = -1;        // that worker (server: -1)
  std::string stderr_text;   // the first 64 KiB
};

// Waits for the child `pid` whose stderr is the read end `err_fd` (left
// open), collecting its stderr, until it exits; kills it (SIGKILL) and
// reaps it past timeout_seconds + 2 (timeout_seconds > 0) or when `stop`
// (may be empty; polled every 50 ms) returns true.
WorkerOutcome WaitForWorker(pid_t pid, int err_fd, int timeout_seconds, const std::function<bool()>& stop);

// One document for a worker: its argv (argv[0] included, exactly what a
// spawned worker gets), its password (never on the argv) and its time
// budget for WaitForWorker.
struct WorkerRequest {
  std::vector<std::string> args;
  std::optional<std::string> password;
  int timeout_seconds = 300;
  bool fresh_worker = false;  // run it in a new worker, not in one that served others
};

// Documents one worker serves at most before the server forks a new one: a
// bound on anything that would grow with documents, at a fork every
// thousand documents.
constexpr int kDocumentsPerWorker = 1000;

// The worker's entry point, run in the forked worker with each request's
// argv: returns the exit code. Whatever it leaves in stdio buffers is
// flushed before the worker reports the document done. It must leave
// nothing behind that changes the next document's result (the normalize
// command does not: its limits end with the document, and thread isolation
// runs the same pipeline over many documents in one process).
using WorkerEntry = std::function<int(const std::vector<std::string>& args)>;

// The server's loop: serves requests from `channel` one at a time until it
// closes (returns 0) or breaks (returns 1). Call from a single-threaded
// process, after warming what `entry` needs (the point of the server).
int ServeWorkers(int channel, const WorkerEntry& entry);

// The run's side of one worker server and of its worker. Not thread-safe:
// one per run thread. The destructor ends the worker and the server
// (closing their sockets: the worker exits, the server reaps it and exits;
// SIGKILL if it has not within a second) and reaps the server.
class WorkerServerClient {
 public:
  WorkerServerClient() = default;
  WorkerServerClient(const WorkerServerClient&) = delete;
  WorkerServerClient& operator=(const WorkerServerClient&) = delete;
  ~WorkerServerClient();

  // Starts `executable args...` with the channel on kWorkerServerChannelFd
  // and waits (up to 60 s, or until `stop`) for its handshake. An error
  // when it cannot be started or does not answer; nothing is left running.
  Status Start(const std::string& executable, const std::vector<std::string>& args,
               const std::function<bool()>& stop);

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

  // Runs one request on the worker, asking the server for a new one first
  // when there is none (or request.fresh_worker). On `stop` the worker and
  // the server are killed (interrupted); past the deadline (timeout_seconds
  // + 2, when > 0) the worker is (timed_out). When the server ends or
  // hangs before it answers (server_lost, wstatus is the server's) it is
  // killed and reaped, and running() turns false.
  WorkerOutcome Run(const WorkerRequest& request, const std::function<bool()>& stop);

 private:
  // Ends the server (SIGKILL) and reaps it: its wait status (0 when there
  // was none). `worker` (> 0), killed first when `signal_worker`, is waited
  // for: it dies with the server (PR_SET_PDEATHSIG).
  int Kill(pid_t worker = -1, bool signal_worker = false);
  void CloseWorker();       // forgets the worker, closing its descriptors
  // Waits for the server's answer: false when `stop` (then *stopped) or
  // when it does not answer within 30 s.
  bool AwaitServer(const std::function<bool()>& stop, bool* stopped);
  // Has the server reap the worker (killing it first if asked): its
  // waitpid status, with what it wrote appended to *stderr_text; nullopt
  // when the server does not answer (lost).
  std::optional<int> ReapWorker(bool kill_first, std::string* stderr_text);

  pid_t pid_ = -1;
  int channel_ = -1;
  pid_t worker_pid_ = -1;    // the server's worker ('P'), until the server is asked to reap it
  int worker_control_ = -1;  // its socket
  int worker_err_ = -1;      // the read end of its stderr (non-blocking)
  int worker_served_ = 0;    // documents it has finished
};

}  // namespace docpipe

#endif  // DOCPIPE_BATCH_WORKER_SERVER_H_
