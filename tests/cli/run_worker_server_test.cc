// `docpipe run --isolation process` with its worker servers (one per run
// thread, batch/worker_server.h): the same outputs and index as thread
// isolation; a worker that crashes or passes the memory ceiling fails its
// document alone; a killed server is replaced; a Ctrl-C still stops the run;
// and no server or worker outlives the run. A worker serves documents until
// one fails (or it nears its memory ceiling), and a document that fails in
// a worker that served others is redone in a fresh one.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "batch/worker_server.h"
#include "tests/cli/run_command.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;
const std::string kSamples = std::string(DOCPIPE_SOURCE_DIR) + "/samples";

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A file of /proc/PID, "" when the process is gone, before or while it is
// read (a read then fails with ESRCH, which an ifstream throws on).
std::string ReadProc(pid_t pid, const char* file) {
  const std::string path = "/proc/" + std::to_string(pid) + "/" + file;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  std::string text;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<size_t>(n));
  ::close(fd);
  return n < 0 ? "" : text;
}

// /proc/PID/cmdline with its NULs as spaces ("" for a zombie or none).
std::string CommandLine(pid_t pid) {
  std::string text = ReadProc(pid, "cmdline");
  for (char& c : text) c = c == '\0' ? ' ' : c;
  return text;
}

// The state letter and the parent of PID from /proc/PID/stat; state 0
// when it is gone.
std::pair<char, pid_t> StateAndParent(pid_t pid) {
  const std::string stat = ReadProc(pid, "stat");
  const size_t close = stat.rfind(')');
  if (close == std::string::npos || close + 4 >= stat.size()) return {0, 0};
  return {stat[close + 2], static_cast<pid_t>(std::atoi(stat.c_str() + close + 4))};
}

// Running (not gone, not a zombie).
bool Alive(pid_t pid) {
  const char state = StateAndParent(pid).first;
  return state != 0 && state != 'Z' && state != 'X';
}

// The living processes, other than this one, for which `keep` holds.
template <typename Keep>
std::vector<pid_t> ProcessesWhere(Keep keep) {
  std::vector<pid_t> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = std::stoi(name);
    if (pid != ::getpid() && keep(pid) && Alive(pid)) found.push_back(pid);
  }
  return found;
}

// The living children of `parent` (a server's: its forked workers).
std::vector<pid_t> Children(pid_t parent) {
  return ProcessesWhere([parent](pid_t pid) { return StateAndParent(pid).second == parent; });
}

// The processes (not zombies) whose command line holds `needle`.
std::vector<pid_t> ProcessesMentioning(const std::string& needle) {
  return ProcessesWhere([&needle](pid_t pid) { return CommandLine(pid).find(needle) != std::string::npos; });
}

class RunWorkerServerTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    in_ = dir_ / "in";
    out_ = dir_ / "out";
    fs::create_directories(in_);
  }
  void CopyTextSamples(const std::string& prefix = "") {
    for (const auto& e : fs::directory_iterator(kSamples + "/text")) {
      fs::copy_file(e.path(), in_ / (prefix + e.path().filename().string()));
    }
  }
  // index.jsonl as records by path, without the seconds each took.
  std::map<std::string, nlohmann::json> Index(const fs::path& out) {
    std::map<std::string, nlohmann::json> records;
    std::ifstream in(out / "index.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      EXPECT_TRUE(j.is_object()) << "broken index line: " << line;
      if (!j.is_object()) continue;
      j.erase("seconds");
      records[j["path"].get<std::string>()] = j;
    }
    return records;
  }
  // Starts `docpipe run ARGS` with stderr to dir_/log; returns its pid.
  pid_t StartRun(const std::vector<std::string>& args) {
    const std::string log = (dir_ / "log").string();
    pid_t pid = fork();
    if (pid == 0) {
      if (std::freopen(log.c_str(), "w", stderr) == nullptr) _exit(126);
      std::vector<std::string> all = {"docpipe", "run"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(kDocpipe.c_str(), argv.data());
      _exit(127);
    }
    return pid;
  }
  // The run's worker servers: its children started as `__worker-server`
  // (their forked workers have the same command line, another parent).
  std::vector<pid_t> Servers(pid_t run) {
    std::vector<pid_t> servers;
    for (pid_t pid : ProcessesMentioning("__worker-server --parent-pid " + std::to_string(run) + " ")) {
      if (StateAndParent(pid).second == run) servers.push_back(pid);
    }
    return servers;
  }
  fs::path in_, out_;
};

// Every output byte and every index field as with thread isolation (which
// runs the same pipeline in the run's own process), for texts and PDFs.
TEST_F(RunWorkerServerTest, OutputsAndIndexAreThoseOfThreadIsolation) {
  CopyTextSamples();
  for (const auto& e : fs::directory_iterator(kSamples + "/pdf")) fs::copy_file(e.path(), in_ / e.path().filename());
  const fs::path thread_out = dir_ / "thread";
  testing::CommandResult process =
      RunCommand(kDocpipe + " run -q -j 2 " + Quote(in_.string()) + " -o " + Quote(out_.string()));
  ASSERT_EQ(process.exit_code, 0) << process.output;
  testing::CommandResult thread = RunCommand(kDocpipe + " run -q -j 2 --isolation thread " + Quote(in_.string()) +
                                             " -o " + Quote(thread_out.string()));
  ASSERT_EQ(thread.exit_code, 0) << thread.output;
  std::map<std::string, nlohmann::json> a = Index(out_), b = Index(thread_out);
  ASSERT_EQ(a.size(), 10u);
  EXPECT_EQ(a, b);
  for (const auto& [path, record] : a) {
    const std::string output = record["output"].get<std::string>();
    EXPECT_TRUE(Slurp(out_ / output) == Slurp(thread_out / output)) << output;
  }
}

// A worker that dies of a signal fails its document with today's words;
// the documents after it, served by the same server, succeed.
TEST_F(RunWorkerServerTest, ACrashingWorkerFailsItsDocumentAlone) {
  CopyTextSamples("a-");
  CopyTextSamples("b-");
  testing::CommandResult r = RunCommand("DOCPIPE_WORKER_CRASH_FOR_TESTS=a-INM2529 " + kDocpipe + " run -q -j 1 " +
                                        Quote(in_.string()) + " -o " + Quote(out_.string()));
  EXPECT_EQ(r.exit_code, 10) << r.output;
  std::map<std::string, nlohmann::json> index = Index(out_);
  ASSERT_EQ(index.size(), 8u) << r.output;
  for (const auto& [path, record] : index) {
    if (path == "a-INM2529-002v2.txt") {
      EXPECT_EQ(record["status"], "failed") << record.dump();
      EXPECT_EQ(record["error"], "worker crashed: Segmentation fault") << record.dump();
      EXPECT_EQ(record["exit_code"], -SIGSEGV) << record.dump();
      EXPECT_FALSE(fs::exists(out_ / "a-INM2529-002v2.json"));
    } else {
      EXPECT_EQ(record["status"], "ok") << record.dump();
    }
  }
  EXPECT_NE(r.output.find("failed: a-INM2529-002v2.txt: worker crashed: Segmentation fault"), std::string::npos)
      << r.output;
}

// A document past --max-memory-mb (40 MB of layout JSON, about ten times
// that in memory) fails with the ceiling's one line; the others succeed.
TEST_F(RunWorkerServerTest, ADocumentPastTheMemoryCeilingFailsAlone) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "no memory ceiling under AddressSanitizer (it reserves terabytes of address space)";
#endif
  std::string numbers;
  numbers.reserve(41u << 20);
  while (numbers.size() < (40u << 20)) numbers += "[1.5,2.5,3.5,4.5],";
  std::ofstream(in_ / "b-huge.json.txt") << "{\"document_type\":\"layout\",\"pages\":[" + numbers + "[]]}";
  CopyTextSamples("a-");
  CopyTextSamples("c-");
  testing::CommandResult r = RunCommand(kDocpipe + " run -q -j 1 --max-memory-mb 250 " + Quote(in_.string()) +
                                        " -o " + Quote(out_.string()));
  EXPECT_EQ(r.exit_code, 10) << r.output;
  std::map<std::string, nlohmann::json> index = Index(out_);
  ASSERT_EQ(index.size(), 9u) << r.output;
  for (const auto& [path, record] : index) {
    if (path == "b-huge.json.txt") {
      EXPECT_EQ(record["status"], "failed") << record.dump();
      EXPECT_EQ(record["exit_code"], 11) << record.dump();
      EXPECT_NE(record["error"].get<std::string>().find("limit exceeded"), std::string::npos) << record.dump();
      EXPECT_NE(record["error"].get<std::string>().find("--max-memory-mb"), std::string::npos) << record.dump();
    } else {
      EXPECT_EQ(record["status"], "ok") << record.dump();
    }
  }
}

// A server killed (SIGKILL) midway, with its worker, is replaced: every
// document is ok, or (the one it was serving) failed as a crash; none is
// left out, and neither the killed server nor its worker lives on.
TEST_F(RunWorkerServerTest, AKilledServerIsReplacedAndTheRunCompletes) {
  for (int i = 0; i < 40; ++i) CopyTextSamples("d" + std::to_string(i) + "-");
  const pid_t run = StartRun({"-q", "-j", "1", in_.string(), "-o", out_.string()});
  ASSERT_GT(run, 0);
  std::vector<pid_t> servers;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while ((servers = Servers(run)).empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(servers.size(), 1u);
  // Midway: once some documents are done.
  while (std::distance(fs::directory_iterator(out_), fs::directory_iterator()) < 20 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  const std::vector<pid_t> workers = Children(servers[0]);
  ASSERT_EQ(kill(servers[0], SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(run, &status, 0), run);
  const std::string log = Slurp(dir_ / "log");
  ASSERT_TRUE(WIFEXITED(status)) << log;
  EXPECT_TRUE(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 10) << log;
  std::map<std::string, nlohmann::json> index = Index(out_);
  EXPECT_EQ(index.size(), 160u) << log;
  int failed = 0;
  for (const auto& [path, record] : index) {
    if (record["status"] == "ok") continue;
    ++failed;
    EXPECT_EQ(record["error"], "worker crashed: Killed") << record.dump();
  }
  EXPECT_LE(failed, 1) << log;
  EXPECT_FALSE(Alive(servers[0]));
  for (pid_t pid : workers) EXPECT_FALSE(Alive(pid)) << pid;
  EXPECT_TRUE(Servers(run).empty());
}

// Ctrl-C: the run stops within moments with its summary, its servers and
// their workers gone; a later run finishes the rest.
TEST_F(RunWorkerServerTest, SigintStopsTheRunItsServersAndTheirWorkers) {
  for (const auto& e : fs::directory_iterator(kSamples + "/pdf")) fs::copy_file(e.path(), in_ / e.path().filename());
  const pid_t run = StartRun({"-q", "-j", "2", in_.string(), "-o", out_.string()});
  ASSERT_GT(run, 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  // Once both servers have a worker at a PDF.
  std::vector<pid_t> servers, workers;
  while (std::chrono::steady_clock::now() < deadline) {
    servers = Servers(run);
    workers.clear();
    for (pid_t server : servers) {
      for (pid_t worker : Children(server)) workers.push_back(worker);
    }
    if (workers.size() >= 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_EQ(servers.size(), 2u);
  EXPECT_EQ(workers.size(), 2u);
  const auto sent = std::chrono::steady_clock::now();
  kill(run, SIGINT);
  int status = 0;
  ASSERT_EQ(waitpid(run, &status, 0), run);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
  const std::string log = Slurp(dir_ / "log");
  ASSERT_TRUE(WIFEXITED(status)) << "a signal escaped";
  if (WEXITSTATUS(status) == 0) GTEST_SKIP() << "the run finished before the signal";
  EXPECT_EQ(WEXITSTATUS(status), 130) << log;
  EXPECT_LT(seconds, 5.0) << log;  // moments, with room for a sanitizer build on a busy machine
  EXPECT_NE(log.find("run again to resume"), std::string::npos) << log;
  for (pid_t pid : servers) EXPECT_FALSE(Alive(pid)) << pid << ": " << CommandLine(pid);
  for (pid_t pid : workers) EXPECT_FALSE(Alive(pid)) << pid;
  EXPECT_TRUE(Servers(run).empty());
  testing::CommandResult again = RunCommand(kDocpipe + " run -q -j 2 " + Quote(in_.string()) + " -o " +
                                            Quote(out_.string()));
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(Index(out_).size(), 6u);
}

// A run that ends normally ends its servers: none is left, nor any worker.
TEST_F(RunWorkerServerTest, NoServerOrWorkerOutlivesTheRun) {
  for (int i = 0; i < 10; ++i) CopyTextSamples("d" + std::to_string(i) + "-");
  const pid_t run = StartRun({"-q", "-j", "2", in_.string(), "-o", out_.string()});
  ASSERT_GT(run, 0);
  // Every server and worker seen while the run lasts.
  std::set<pid_t> seen;
  int status = 0;
  while (waitpid(run, &status, WNOHANG) == 0) {
    for (pid_t server : Servers(run)) {
      seen.insert(server);
      for (pid_t worker : Children(server)) seen.insert(worker);
    }
  }
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << Slurp(dir_ / "log");
  EXPECT_EQ(Index(out_).size(), 40u);
  EXPECT_GE(seen.size(), 2u);
  for (pid_t pid : seen) EXPECT_FALSE(Alive(pid)) << pid;
}

// A server that does not end within a second of its channel's close (here:
// stopped, and its worker too) is killed, and its worker, which dies with
// it a moment later, is gone too when the run's side is:
// NoServerOrWorkerOutlivesTheRun failed once under a loaded suite, a worker
// seen alive just after its run had ended. With the direct channel the
// client forgot the worker before waiting for it; this failed 3 times in 5
// then.
TEST_F(RunWorkerServerTest, AServerThatDoesNotEndLeavesNoWorkerBehind) {
  CopyTextSamples();
  pid_t server = -1, worker = -1;
  {
    WorkerServerClient client;
    ASSERT_TRUE(client.Start(kDocpipe, {"__worker-server"}, nullptr).ok());
    WorkerRequest request;
    request.args = {"docpipe", "normalize", (in_ / "IIS3513-001v4.txt").string(), "-o", (dir_ / "a.json").string(),
                    "-j", "1"};
    const WorkerOutcome outcome = client.Run(request, nullptr);
    ASSERT_TRUE(WIFEXITED(outcome.wstatus) && WEXITSTATUS(outcome.wstatus) == 0) << outcome.stderr_text;
    server = client.pid();
    worker = outcome.worker_pid;
    ASSERT_GT(worker, 0);
    ASSERT_EQ(kill(server, SIGSTOP), 0);
    // Stopped too, the worker does not end by itself at its socket's close:
    // it dies only with its server.
    ASSERT_EQ(kill(worker, SIGSTOP), 0);
  }
  EXPECT_FALSE(Alive(server));
  EXPECT_FALSE(Alive(worker));
}

// The servers end by themselves when the run is done (they end their
// workers and exit), so that time(1) or a scheduler's accounting sees the
// workers' CPU time under the run's: the same order as thread isolation's
// (killed servers left it out: a twentieth of it).
TEST_F(RunWorkerServerTest, TheRunsCpuTimeIncludesItsWorkers) {
  for (int i = 0; i < 20; ++i) CopyTextSamples("d" + std::to_string(i) + "-");
  auto cpu_seconds = [&](const std::string& isolation, const fs::path& out) {
    const pid_t run = StartRun({"-q", "-j", "2", "--isolation", isolation, in_.string(), "-o", out.string()});
    int status = 0;
    rusage usage{};
    EXPECT_EQ(wait4(run, &status, 0, &usage), run);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << Slurp(dir_ / "log");
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  };
  const double thread = cpu_seconds("thread", dir_ / "thread");
  const double process = cpu_seconds("process", out_);
  EXPECT_EQ(Index(out_).size(), 80u);
  ASSERT_GT(thread, 0.0);
  EXPECT_GT(process, thread / 2) << "process " << process << " s, thread " << thread << " s";
}

// The run's side of one worker server, driven request by request.
class WorkerServerTest : public RunWorkerServerTest {
 protected:
  void SetUp() override {
    RunWorkerServerTest::SetUp();
    CopyTextSamples();
    ASSERT_TRUE(client_.Start(kDocpipe, {"__worker-server"}, nullptr).ok());
  }
  // `docpipe normalize NAME -o NAME.json` (NAME in in_) on the server.
  WorkerOutcome Normalize(const std::string& name, bool fresh = false, int max_memory_mb = 1024) {
    WorkerRequest request;
    request.args = {"docpipe", "normalize", (in_ / name).string(), "-o", (dir_ / (name + ".json")).string(),
                    "-j", "1", "--max-memory-mb", std::to_string(max_memory_mb)};
    request.fresh_worker = fresh;
    return client_.Run(request, nullptr);
  }
  // A document that never ends (no --timeout of its own): its input is a
  // FIFO nobody writes to.
  WorkerRequest NeverEndingRequest() {
    EXPECT_EQ(::mkfifo((in_ / "never.txt").c_str(), 0600), 0);
    WorkerRequest request;
    request.args = {"docpipe", "normalize", (in_ / "never.txt").string(), "-o", (dir_ / "never.json").string(),
                    "-j", "1"};
    return request;
  }
  static bool Ok(const WorkerOutcome& outcome) {
    return WIFEXITED(outcome.wstatus) && WEXITSTATUS(outcome.wstatus) == 0;
  }
  WorkerServerClient client_;
};

// One worker serves document after document, each output byte-equal to
// that of a `docpipe normalize` process of its own; a failed document ends
// its worker, and the next document gets a new one; so does a request for a
// fresh worker.
TEST_F(WorkerServerTest, AWorkerServesDocumentsUntilOneFails) {
  const std::vector<std::string> names = {"IIS3513-001v4.txt", "national-cybersecurity-plan-2013-2016.txt",
                                          "INM2529-002v2.txt"};
  std::vector<WorkerOutcome> outcomes;
  for (const std::string& name : names) outcomes.push_back(Normalize(name));
  for (size_t i = 0; i < names.size(); ++i) {
    ASSERT_TRUE(Ok(outcomes[i])) << names[i] << ": " << outcomes[i].stderr_text;
    EXPECT_EQ(outcomes[i].worker_pid, outcomes[0].worker_pid) << names[i];
    EXPECT_EQ(outcomes[i].worker_reused, i > 0) << names[i];
    const fs::path alone = dir_ / ("alone-" + names[i] + ".json");
    testing::CommandResult r = RunCommand(kDocpipe + " normalize -j 1 " + Quote((in_ / names[i]).string()) +
                                          " -o " + Quote(alone.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(Slurp(alone) == Slurp(dir_ / (names[i] + ".json"))) << names[i];
  }
  EXPECT_GT(outcomes[0].worker_pid, 0);

  const WorkerOutcome missing = Normalize("no-such-file.txt");
  ASSERT_TRUE(WIFEXITED(missing.wstatus));
  EXPECT_EQ(WEXITSTATUS(missing.wstatus), 3) << missing.stderr_text;
  EXPECT_NE(missing.stderr_text.find("no-such-file.txt"), std::string::npos) << missing.stderr_text;
  EXPECT_EQ(missing.worker_pid, outcomes[0].worker_pid);
  EXPECT_TRUE(missing.worker_reused);
  EXPECT_FALSE(Alive(missing.worker_pid));  // ended after its failure

  const WorkerOutcome after = Normalize("INM3513-001v4.txt");
  ASSERT_TRUE(Ok(after)) << after.stderr_text;
  EXPECT_NE(after.worker_pid, outcomes[0].worker_pid);
  EXPECT_FALSE(after.worker_reused);
  const WorkerOutcome again = Normalize("INM3513-001v4.txt");
  EXPECT_EQ(again.worker_pid, after.worker_pid);
  const WorkerOutcome fresh = Normalize("INM3513-001v4.txt", /*fresh=*/true);
  ASSERT_TRUE(Ok(fresh)) << fresh.stderr_text;
  EXPECT_NE(fresh.worker_pid, after.worker_pid);
  EXPECT_FALSE(fresh.worker_reused);
  EXPECT_FALSE(Alive(after.worker_pid));
}

// The server tells the run a worker's pid once, when the worker starts,
// not with every document; a stop during a later document must still kill
// that worker (and the server), by the pid told before. The document here
// never ends: its input is a FIFO nobody writes to.
TEST_F(WorkerServerTest, AStopInAReusedWorkersDocumentKillsThatWorker) {
  const WorkerOutcome first = Normalize("IIS3513-001v4.txt");
  ASSERT_TRUE(Ok(first)) << first.stderr_text;
  ASSERT_GT(first.worker_pid, 0);
  ASSERT_TRUE(Alive(first.worker_pid));
  WorkerRequest request = NeverEndingRequest();
  const auto asked = std::chrono::steady_clock::now();
  const WorkerOutcome stopped = client_.Run(request, [&] {
    return std::chrono::steady_clock::now() - asked > std::chrono::milliseconds(300);
  });
  EXPECT_TRUE(stopped.interrupted);
  EXPECT_TRUE(stopped.worker_started);
  EXPECT_EQ(stopped.worker_pid, first.worker_pid);
  EXPECT_FALSE(Alive(first.worker_pid));
  EXPECT_FALSE(client_.running());
}

// Counter-example: after a worker ended (its document failed), the next
// document's worker is a new one, and the run is told its pid.
TEST_F(WorkerServerTest, TheRunIsToldOfEachNewWorker) {
  const WorkerOutcome failed = Normalize("no-such-file.txt");
  ASSERT_TRUE(WIFEXITED(failed.wstatus));
  ASSERT_EQ(WEXITSTATUS(failed.wstatus), 3) << failed.stderr_text;
  EXPECT_FALSE(Alive(failed.worker_pid));
  const WorkerOutcome next = Normalize("IIS3513-001v4.txt");
  ASSERT_TRUE(Ok(next)) << next.stderr_text;
  EXPECT_TRUE(next.worker_started);
  EXPECT_GT(next.worker_pid, 0);
  EXPECT_NE(next.worker_pid, failed.worker_pid);
  EXPECT_TRUE(Alive(next.worker_pid));
  const WorkerOutcome fresh = Normalize("IIS3513-001v4.txt", /*fresh=*/true);
  ASSERT_TRUE(Ok(fresh)) << fresh.stderr_text;
  EXPECT_NE(fresh.worker_pid, next.worker_pid);
  EXPECT_TRUE(Alive(fresh.worker_pid));
  EXPECT_FALSE(Alive(next.worker_pid));
}

// The run talks to its worker directly: once the worker is told of, the
// server is not on a document's path (it sleeps until it is asked for a
// worker or to reap one), so a stopped server does not hold up documents.
TEST_F(WorkerServerTest, AWorkerServesDocumentsWhileItsServerSleeps) {
  const WorkerOutcome first = Normalize("IIS3513-001v4.txt");
  ASSERT_TRUE(Ok(first)) << first.stderr_text;
  ASSERT_EQ(kill(client_.pid(), SIGSTOP), 0);
  const auto asked = std::chrono::steady_clock::now();
  std::vector<WorkerOutcome> outcomes;
  for (const char* name : {"INM2529-002v2.txt", "national-cybersecurity-plan-2013-2016.txt"}) {
    WorkerRequest request;
    request.args = {"docpipe", "normalize", (in_ / name).string(), "-o", (dir_ / (std::string(name) + ".json")).string(),
                    "-j", "1"};
    request.timeout_seconds = 20;
    outcomes.push_back(client_.Run(request, [&] {
      return std::chrono::steady_clock::now() - asked > std::chrono::seconds(20);
    }));
  }
  ASSERT_EQ(kill(client_.pid(), SIGCONT), 0);
  for (const WorkerOutcome& outcome : outcomes) {
    EXPECT_TRUE(Ok(outcome)) << outcome.stderr_text;
    EXPECT_FALSE(outcome.interrupted);
    EXPECT_EQ(outcome.worker_pid, first.worker_pid);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(10));
}

// Past its deadline (timeout_seconds + 2) a document's worker is killed
// and reaped; the server lives on and gives the next document a new
// worker. The document here never ends: its input is a FIFO nobody writes
// to, and the worker's own --timeout is not given.
TEST_F(WorkerServerTest, AWorkerPastTheDeadlineIsKilledAndTheServerGoesOn) {
  const WorkerOutcome first = Normalize("IIS3513-001v4.txt");
  ASSERT_TRUE(Ok(first)) << first.stderr_text;
  WorkerRequest request = NeverEndingRequest();
  request.timeout_seconds = 1;
  const auto asked = std::chrono::steady_clock::now();
  const WorkerOutcome late = client_.Run(request, nullptr);
  const auto took = std::chrono::steady_clock::now() - asked;
  EXPECT_TRUE(late.timed_out);
  EXPECT_FALSE(late.server_lost);
  EXPECT_TRUE(WIFSIGNALED(late.wstatus) && WTERMSIG(late.wstatus) == SIGKILL) << late.wstatus;
  EXPECT_EQ(late.worker_pid, first.worker_pid);
  EXPECT_GE(took, std::chrono::seconds(3));
  EXPECT_LT(took, std::chrono::seconds(10));
  EXPECT_EQ(StateAndParent(first.worker_pid).first, 0) << "not reaped";
  EXPECT_TRUE(client_.running());
  const WorkerOutcome next = Normalize("IIS3513-001v4.txt");
  ASSERT_TRUE(Ok(next)) << next.stderr_text;
  EXPECT_NE(next.worker_pid, first.worker_pid);
  EXPECT_FALSE(next.worker_reused);
}

// A server killed while its worker runs a document (here: one that never
// ends, its input a FIFO) takes the worker with it (PR_SET_PDEATHSIG): the
// run sees the worker's socket close, cannot have it reaped, and reports
// the server lost, its status the server's, with the worker gone too.
TEST_F(WorkerServerTest, AServerKilledDuringADocumentIsLostWithItsWorker) {
  const WorkerOutcome first = Normalize("IIS3513-001v4.txt");
  ASSERT_TRUE(Ok(first)) << first.stderr_text;
  WorkerRequest request = NeverEndingRequest();
  request.timeout_seconds = 60;
  const pid_t server = client_.pid();
  const auto asked = std::chrono::steady_clock::now();
  bool killed = false;
  const WorkerOutcome lost = client_.Run(request, [&] {
    if (!killed && std::chrono::steady_clock::now() - asked > std::chrono::milliseconds(200)) {
      killed = kill(server, SIGKILL) == 0;
    }
    return std::chrono::steady_clock::now() - asked > std::chrono::seconds(20);
  });
  ASSERT_TRUE(killed);
  EXPECT_TRUE(lost.server_lost);
  EXPECT_FALSE(lost.interrupted);
  EXPECT_TRUE(lost.worker_started);
  EXPECT_EQ(lost.worker_pid, first.worker_pid);
  EXPECT_TRUE(WIFSIGNALED(lost.wstatus) && WTERMSIG(lost.wstatus) == SIGKILL) << lost.wstatus;
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(10));
  EXPECT_FALSE(client_.running());
  EXPECT_FALSE(Alive(first.worker_pid));
  EXPECT_FALSE(Alive(server));
}

// The worker's socket and stderr reach the run's process close on exec: a
// program the run starts (another server, a spawned worker) holds neither,
// so a worker always sees its socket close when the run is done with it.
TEST_F(WorkerServerTest, TheWorkersDescriptorsInTheRunAreCloseOnExec) {
  auto descriptors = [] {
    std::map<int, bool> close_on_exec;
    for (const auto& e : fs::directory_iterator("/proc/self/fd")) {
      const int fd = std::stoi(e.path().filename().string());
      const int flags = fcntl(fd, F_GETFD);
      if (flags >= 0) close_on_exec[fd] = (flags & FD_CLOEXEC) != 0;
    }
    return close_on_exec;
  };
  const std::map<int, bool> before = descriptors();
  const WorkerOutcome first = Normalize("IIS3513-001v4.txt");
  ASSERT_TRUE(Ok(first)) << first.stderr_text;
  int added = 0;
  for (const auto& [fd, cloexec] : descriptors()) {
    if (before.count(fd) != 0) continue;
    ++added;
    EXPECT_TRUE(cloexec) << "fd " << fd;
  }
  EXPECT_EQ(added, 2);  // the worker's socket and its stderr
}

// A worker serving several encrypted PDFs reads each one's password from
// its descriptor anew (a run's retry in a fresh worker would hide a worker
// that does not: this asks the server directly).
TEST_F(WorkerServerTest, AWorkerGetsThePasswordOfEveryDocument) {
  if (std::system("qpdf --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "qpdf is not installed";
  for (const char* name : {"a.pdf", "b.pdf"}) {
    ASSERT_EQ(std::system(("qpdf --encrypt s3cret owner 256 -- " + Quote(kSamples + "/pdf/INM2529-002v2.pdf") + " " +
                           Quote((in_ / name).string())).c_str()),
              0);
  }
  std::vector<WorkerOutcome> outcomes;
  for (const char* name : {"a.pdf", "b.pdf"}) {
    WorkerRequest request;
    request.args = {"docpipe", "normalize", (in_ / name).string(), "-o", (dir_ / (std::string(name) + ".json")).string(),
                    "-j", "1", "--password-fd", std::to_string(kWorkerPasswordFd)};
    request.password = "s3cret";
    outcomes.push_back(client_.Run(request, nullptr));
    ASSERT_TRUE(Ok(outcomes.back())) << name << ": " << outcomes.back().stderr_text;
  }
  EXPECT_EQ(outcomes[1].worker_pid, outcomes[0].worker_pid);
  EXPECT_TRUE(outcomes[1].worker_reused);
  EXPECT_TRUE(Slurp(dir_ / "a.pdf.json").find("\"competency_standard\"") != std::string::npos);
}

// A worker that holds more than half of its address-space ceiling after a
// document is not given another; one far below it is.
TEST_F(WorkerServerTest, AWorkerPastHalfItsMemoryCeilingIsReplaced) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "no memory ceiling under AddressSanitizer (it reserves terabytes of address space)";
#endif
  // The server's address space: where every worker starts.
  std::istringstream statm(ReadProc(client_.pid(), "statm"));
  unsigned long pages = 0;
  ASSERT_TRUE(statm >> pages);
  const long start_mb = static_cast<long>(pages * sysconf(_SC_PAGESIZE) >> 20);
  ASSERT_GT(start_mb, 0);
  // Room for a 12 KB text, but less than twice the start.
  const int tight = static_cast<int>(start_mb * 3 / 2);
  const WorkerOutcome first = Normalize("IIS3513-001v4.txt", false, tight);
  ASSERT_TRUE(Ok(first)) << "ceiling " << tight << " MB: " << first.stderr_text;
  const WorkerOutcome second = Normalize("IIS3513-001v4.txt", false, tight);
  ASSERT_TRUE(Ok(second)) << second.stderr_text;
  EXPECT_NE(second.worker_pid, first.worker_pid) << "ceiling " << tight << " MB, start " << start_mb << " MB";
  EXPECT_FALSE(second.worker_reused);
  // Counter-example: a ceiling of many times the start keeps the worker.
  const int roomy = static_cast<int>(start_mb * 8);
  const WorkerOutcome third = Normalize("IIS3513-001v4.txt", false, roomy);
  const WorkerOutcome fourth = Normalize("IIS3513-001v4.txt", false, roomy);
  ASSERT_TRUE(Ok(third) && Ok(fourth)) << third.stderr_text << fourth.stderr_text;
  EXPECT_EQ(fourth.worker_pid, third.worker_pid);
  EXPECT_TRUE(fourth.worker_reused);
}

// A document that fails only because its worker had served others (here:
// a test hook that crashes reused workers only) is redone in a fresh
// worker, and its outcome is the fresh worker's: every document ok, every
// output as thread isolation writes it. ACrashingWorkerFailsItsDocumentAlone
// is the counter-example: a document that fails in a fresh worker too stays
// failed.
TEST_F(RunWorkerServerTest, ADocumentFailingInAReusedWorkerIsRedoneInAFreshOne) {
  CopyTextSamples("a-");
  CopyTextSamples("b-");
  testing::CommandResult r = RunCommand("DOCPIPE_WORKER_CRASH_FOR_TESTS=reused:a-INM2529 " + kDocpipe +
                                        " run -q -j 1 " + Quote(in_.string()) + " -o " + Quote(out_.string()));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const fs::path thread_out = dir_ / "thread";
  testing::CommandResult thread = RunCommand(kDocpipe + " run -q -j 1 --isolation thread " + Quote(in_.string()) +
                                             " -o " + Quote(thread_out.string()));
  ASSERT_EQ(thread.exit_code, 0) << thread.output;
  std::map<std::string, nlohmann::json> a = Index(out_), b = Index(thread_out);
  ASSERT_EQ(a.size(), 8u) << r.output;
  EXPECT_EQ(a, b);
  for (const auto& [path, record] : a) {
    EXPECT_EQ(record["status"], "ok") << record.dump();
    const std::string output = record["output"].get<std::string>();
    EXPECT_TRUE(Slurp(out_ / output) == Slurp(thread_out / output)) << output;
  }
  // No leftovers of the crashed attempt beside the outputs.
  for (const auto& e : fs::directory_iterator(out_)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos) << e.path();
  }
}

}  // namespace
}  // namespace docpipe
