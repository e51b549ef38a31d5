#include "batch/batch_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>

#include "batch/worker_server.h"
#include "common/exit_codes.h"
#include "common/file_io.h"
#include "common/json_parse.h"
#include "common/json_text.h"
#include "common/sha256.h"
#include "common/version.h"
#include "pipeline/pipeline.h"

extern char** environ;

namespace docpipe {
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What a worker reports about one document.
struct WorkResult {
  bool ok = false;
  std::string error;
  int exit_code = 0;
  bool interrupted = false;  // stopped by BatchOptions::stop: not a result
};

// What a worker wrote, as it says (the document in this process, a worker
// process's index summary line), so that the run need not read the output
// back and parse it again.
struct WrittenOutput {
  std::string output_sha256;
  Result<DocumentSummary> summary;
};

bool Stopping(const BatchOptions& options) { return options.stop != nullptr && options.stop->load(); }

// A worker killed by the user's Ctrl-C (or a SIGTERM), not by its document.
bool StoppedByUser(int wstatus) {
  return WIFSIGNALED(wstatus) && (WTERMSIG(wstatus) == SIGINT || WTERMSIG(wstatus) == SIGTERM);
}

std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  return line.size() > 500 ? line.substr(0, 500) + "..." : line;
}

// Removes temporary files a killed worker may have left beside `output`.
void RemoveLeftovers(const fs::path& output) {
  std::error_code ec;
  if (!fs::exists(output.parent_path(), ec)) return;
  std::string prefix = output.filename().string() + ".tmp.";
  for (const auto& entry : fs::directory_iterator(output.parent_path(), ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove(entry.path(), ec);
  }
}

// The library code under ProcessBytes turns its libraries' exceptions into a
// Status; this catch is the last resort that keeps one bad input (a bug, or
// std::bad_alloc) from ending the whole run with std::terminate. `bytes` are
// the input as the run read and hashed it: the output belongs to them even
// if the file changes meanwhile.
WorkResult RunInThread(const BatchOptions& options, std::string_view bytes, const std::string& sha256,
                       const std::string& input, const std::string& output,
                       std::optional<WrittenOutput>* written_output) {
  try {
    PipelineOptions pipeline;
    pipeline.input_sha256 = sha256;
    pipeline.password = options.password;
    pipeline.ocr = options.ocr;
    Result<nlohmann::ordered_json> doc = ProcessBytes(bytes, input, pipeline);
    if (!doc.ok()) return {false, doc.status().ToString(), ExitCodeFor(doc.status())};
    std::string text = JsonText(*doc);
    Status written = WriteFileAtomic(output, text, Flush::kLater);  // flushed with the others at the end
    if (!written.ok()) return {false, written.ToString(), ExitCodeFor(written)};
    written_output->emplace(WrittenOutput{Sha256Hex(text), SummarizeDocument(*doc)});
    return {true, "", 0};
  } catch (const std::exception& e) {
    return {false, std::string("internal error: ") + e.what(), kExitInternal};
  } catch (...) {
    return {false, "internal error: unknown exception", kExitInternal};
  }
}

// The result of a worker from how it ended: `input` is what its one line
// names.
WorkResult ResultOfWorker(const BatchOptions& options, const std::string& input, const std::string& output,
                          const WorkerOutcome& outcome, std::optional<WrittenOutput>* written) {
  const int wstatus = outcome.wstatus;
  if (outcome.interrupted) {
    RemoveLeftovers(output);
    return {false, "interrupted", 0, true};
  }
  if (outcome.timed_out) {
    RemoveLeftovers(output);
    return {false, "timed out after " + std::to_string(options.timeout_seconds) + " s (worker killed)", -1};
  }
  if (WIFSIGNALED(wstatus) && (Stopping(options) || StoppedByUser(wstatus))) {
    RemoveLeftovers(output);  // killed by the same Ctrl-C as the run (maybe before the run saw it)
    return {false, "interrupted", 0, true};
  }
  if (WIFSIGNALED(wstatus)) {
    RemoveLeftovers(output);
    return {false, std::string("worker crashed: ") + strsignal(WTERMSIG(wstatus)), -WTERMSIG(wstatus)};
  }
  int code = WEXITSTATUS(wstatus);
  if (outcome.server_lost) {
    // The server ended without a signal while its worker ran: as a crash.
    RemoveLeftovers(output);
    return {false, "worker crashed: its worker server exited with code " + std::to_string(code), code != 0 ? code : -1};
  }
  if (code != 0) {
    std::string line = FirstLine(outcome.stderr_text);
    // "docpipe normalize: PATH: reason" -> "reason"
    size_t cut = line.find(input + ": ");
    if (cut != std::string::npos) line = line.substr(cut + input.size() + 2);
    return {false, line.empty() ? "worker exited with code " + std::to_string(code) : line, code};
  }
  if (std::optional<WorkerSummary> said = FindIndexSummaryLine(outcome.stderr_text)) {
    written->emplace(WrittenOutput{std::move(said->output_sha256), std::move(said->document)});
  }
  return {true, "", 0};
}

// The worker's argv: `docpipe normalize input -o output ...`. The worker
// keeps its own time budget (and says so in its one line); the kill in
// WaitForWorker is the backstop for a worker that cannot even do that.
// `-j 1`: the run already keeps every core busy with documents; page
// workers inside each would only multiply processes and memory. The
// password goes down a pipe that the worker reads as its fd 3
// (--password-fd): on the command line every user would see it in `ps`.
std::vector<std::string> WorkerArgs(const BatchOptions& options, const std::string& input, const std::string& output) {
  std::vector<std::string> args = {"docpipe", "normalize", input, "-o", output, "-j", "1", "--max-memory-mb",
                                   std::to_string(options.max_memory_mb), "--timeout",
                                   std::to_string(options.timeout_seconds), "--ocr",
                                   OcrModeName(options.ocr)};
  if (options.password) {
    args.push_back("--password-fd");
    args.push_back(std::to_string(kWorkerPasswordFd));
  }
  args.push_back("--index-summary");
  args.push_back("--flush-later");  // the run flushes all its outputs at once
  return args;
}

// Runs the worker in a child process of its own (posix_spawn + exec), with
// a time limit; its stderr (one line on failure) becomes the error.
WorkResult SpawnWorker(const BatchOptions& options, const std::string& input, const std::string& output,
                       std::optional<WrittenOutput>* written) {
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return {false, std::string("cannot create pipe: ") + std::strerror(errno), 0};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args = WorkerArgs(options, input, output);
  // The password is written before the worker starts (a PDF password is at
  // most 127 bytes, far below a pipe's buffer) and the pipe closed behind it.
  int password_fd = -1;
  if (options.password) {
    Result<int> fd = PasswordPipe(*options.password);
    if (!fd.ok()) {
      posix_spawn_file_actions_destroy(&actions);
      ::close(err_pipe[0]);
      ::close(err_pipe[1]);
      return {false, fd.status().message(), 0};
    }
    password_fd = *fd;
    posix_spawn_file_actions_adddup2(&actions, password_fd, kWorkerPasswordFd);
  }
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, options.self_executable.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(err_pipe[1]);
  if (password_fd >= 0) ::close(password_fd);
  if (spawned != 0) {
    ::close(err_pipe[0]);
    return {false, std::string("cannot start worker: ") + std::strerror(spawned), 0};
  }
  WorkerOutcome outcome = WaitForWorker(pid, err_pipe[0], options.timeout_seconds, [&] { return Stopping(options); });
  ::close(err_pipe[0]);
  return ResultOfWorker(options, input, output, outcome, written);
}

// One run thread's worker server (batch/worker_server.h), started at its
// first document and again after one is lost. When none can be started
// (BatchOptions::worker_server_args empty, or the server does not answer)
// the thread spawns a worker per document, as before servers existed.
class WorkerSlot {
 public:
  explicit WorkerSlot(const BatchOptions& options) : options_(options) {}

  WorkResult Run(const std::string& input, const std::string& output, std::optional<WrittenOutput>* written) {
    const auto stopping = [this] { return Stopping(options_); };
    if (!options_.worker_server_args.empty() && !fallback_ && !server_.running()) {
      fallback_ = !server_.Start(options_.self_executable, options_.worker_server_args, stopping).ok();
    }
    if (!server_.running()) {
      if (Stopping(options_)) return {false, "interrupted", 0, true};
      return SpawnWorker(options_, input, output, written);
    }
    WorkerRequest request;
    request.args = WorkerArgs(options_, input, output);
    request.password = options_.password;
    request.timeout_seconds = options_.timeout_seconds;
    const auto started = std::chrono::steady_clock::now();
    WorkerOutcome outcome = server_.Run(request, stopping);
    if (outcome.server_lost && !outcome.worker_started) {
      // Lost while idle (killed between documents): this document never
      // ran; it gets a new server, or a spawned worker.
      fallback_ = !server_.Start(options_.self_executable, options_.worker_server_args, stopping).ok();
      if (!server_.running()) {
        if (Stopping(options_)) return {false, "interrupted", 0, true};
        return SpawnWorker(options_, input, output, written);
      }
      outcome = server_.Run(request, stopping);
    }
    if (FailedInAReusedWorker(outcome, started) && !Stopping(options_)) {
      // Redone in a fresh worker, whose outcome stands: a document's result
      // does not depend on the documents its worker served before it (the
      // memory they left under the ceiling, or a state they broke).
      RemoveLeftovers(output);
      request.fresh_worker = true;
      outcome = server_.Run(request, stopping);
    }
    return ResultOfWorker(options_, input, output, outcome, written);
  }

 private:
  // A failure (an exit code, or a crash not caused by a Ctrl-C) in a worker
  // that had served other documents, before the time budget was spent: a
  // document that used up its budget would only use it up again.
  bool FailedInAReusedWorker(const WorkerOutcome& outcome, std::chrono::steady_clock::time_point started) const {
    if (!outcome.worker_reused || outcome.interrupted || outcome.timed_out || outcome.server_lost) return false;
    const int wstatus = outcome.wstatus;
    if ((WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) || StoppedByUser(wstatus)) return false;
    return options_.timeout_seconds <= 0 ||
           std::chrono::steady_clock::now() - started < std::chrono::seconds(options_.timeout_seconds);
  }

  const BatchOptions& options_;
  WorkerServerClient server_;
  bool fallback_ = false;
};

}  // namespace

namespace {

bool IsInputName(const fs::path& p) {
  std::string ext = Lower(p.extension().string());
  return ext == ".pdf" || ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html";
}

// Depth-first over `folder` (relative to `root`), without following links to
// folders, so a link loop cannot make the walk endless.
void Walk(const fs::path& root, const fs::path& folder, const fs::path& exclude, InputTree* tree) {
  std::error_code ec;
  fs::directory_iterator it(root / folder, ec);
  if (ec) {
    tree->unreadable.push_back({folder.generic_string() + "/", "folder cannot be read: " + ec.message()});
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      tree->unreadable.push_back({folder.generic_string() + "/", "folder cannot be read: " + ec.message()});
      break;
    }
    entries.push_back(*it);
  }
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    const fs::path relative = folder.empty() ? fs::path(name) : folder / name;
    std::error_code status_ec;
    const bool link = entry.is_symlink(status_ec);
    const fs::file_status target = fs::status(entry.path(), status_ec);
    if (!link && fs::is_directory(target)) {
      if (!exclude.empty() && fs::weakly_canonical(entry.path(), ec) == exclude) continue;
      Walk(root, relative, exclude, tree);
    } else if (IsInputName(entry.path())) {
      if (status_ec) {
        tree->unreadable.push_back({relative.generic_string(), "cannot be read: " + status_ec.message()});
      } else if (fs::is_regular_file(target)) {
        tree->inputs.push_back(relative.generic_string());
      }
    }
  }
}

}  // namespace

Result<InputTree> FindInputs(const std::string& dir, const std::string& exclude_dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("not a directory").WithFile(dir);
  fs::path exclude = exclude_dir.empty() ? fs::path() : fs::weakly_canonical(exclude_dir, ec);
  InputTree tree;
  Walk(fs::path(dir), fs::path(), exclude, &tree);
  if (!tree.unreadable.empty() && tree.unreadable.front().first == "/") {
    return Status::IoError(tree.unreadable.front().second).WithFile(dir);
  }
  std::sort(tree.inputs.begin(), tree.inputs.end());
  std::sort(tree.unreadable.begin(), tree.unreadable.end());
  return tree;
}

std::vector<std::string> OutputNames(const std::vector<std::string>& inputs) {
  std::map<std::string, int> stems;
  for (const std::string& in : inputs) ++stems[fs::path(in).replace_extension().generic_string()];
  std::vector<std::string> outputs;
  for (const std::string& in : inputs) {
    std::string stem = fs::path(in).replace_extension().generic_string();
    outputs.push_back((stems[stem] > 1 ? in : stem) + ".json");
  }
  return outputs;
}

namespace {

// Appends one whole line to the journal; a short write (a full disk) is cut
// back, so that the next line never lands after half a line.
void AppendLine(int fd, const std::string& line) {
  off_t before = ::lseek(fd, 0, SEEK_END);
  ssize_t n = ::write(fd, line.data(), line.size());
  if (n != static_cast<ssize_t>(line.size()) && before >= 0) {
    if (::ftruncate(fd, before) != 0) { /* the final index is still written whole */ }
  }
}

// True when `path` holds exactly what was written (its sha256 as recorded).
bool OutputIntact(const std::string& path, const std::string& sha256) {
  if (sha256.empty()) return false;  // an index from before checksums: redo
  Result<std::string> bytes = ReadFile(path);
  return bytes.ok() && Sha256Hex(*bytes) == sha256;
}

// Takes the output folder's locks for this run, or says who holds them.
// Every run locks the folder itself (flock on its descriptor, released with
// the process even when it is killed): a run without a shard exclusively,
// shards shared, so that shards run side by side but never beside a whole
// run (which merges and removes their parts). A shard also locks its own
// lock file exclusively, so that one shard never runs twice at once.
Result<std::vector<int>> LockOutputFolder(const std::string& output_dir, const Shard& shard) {
  std::vector<int> fds;
  auto fail = [&fds](Status status) {
    for (int fd : fds) ::close(fd);
    return status;
  };
  int folder = ::open(output_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder < 0) return Status::IoError(std::string("cannot open: ") + std::strerror(errno)).WithFile(output_dir);
  fds.push_back(folder);
  if (::flock(folder, (shard.sharded() ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
    return fail(Status::IoError(shard.sharded()
                                    ? "in use by a docpipe run without --shard (it is locked); wait for it to end"
                                    : "in use by another docpipe run (it is locked); wait for it to end")
                    .WithFile(output_dir));
  }
  if (shard.sharded()) {
    const std::string name = (fs::path(output_dir) / shard.LockName()).string();
    int own = ::open(name.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (own < 0) return fail(Status::IoError(std::string("cannot open: ") + std::strerror(errno)).WithFile(name));
    fds.push_back(own);
    if (::flock(own, LOCK_EX | LOCK_NB) != 0) {
      return fail(Status::IoError("shard " + shard.ToString() +
                                  " is in use by another docpipe run (it is locked); wait for it to end")
                      .WithFile(output_dir));
    }
  }
  return fds;
}

}  // namespace

Result<BatchSummary> RunBatch(const BatchOptions& options, const ProgressFn& progress) {
  const auto start = Clock::now();
  Result<InputTree> tree = FindInputs(options.input_dir, options.output_dir);
  if (!tree.ok()) return tree.status();
  // Output names come from the whole tree (a.pdf beside a.txt), so that a
  // shard names its outputs as a whole run would; then this shard's part.
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  {
    std::vector<std::string> all_outputs = OutputNames(tree->inputs);
    for (size_t i = 0; i < tree->inputs.size(); ++i) {
      if (!options.shard.Holds(tree->inputs[i])) continue;
      inputs.push_back(tree->inputs[i]);
      outputs.push_back(all_outputs[i]);
    }
    std::vector<std::pair<std::string, std::string>> unreadable;
    for (auto& entry : tree->unreadable) {
      if (options.shard.Holds(entry.first)) unreadable.push_back(std::move(entry));
    }
    tree->unreadable = std::move(unreadable);
  }
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec) return Status::IoError(std::string("cannot create: ") + ec.message()).WithFile(options.output_dir);

  Result<std::vector<int>> locks = LockOutputFolder(options.output_dir, options.shard);
  if (!locks.ok()) return locks.status();
  struct Unlock {
    std::vector<int> fds;
    ~Unlock() {
      for (int fd : fds) ::close(fd);
    }
  } unlock{*locks};

  const fs::path out_dir(options.output_dir);
  const std::string index_path = (out_dir / options.shard.IndexName()).string();
  const std::string journal_path = (out_dir / options.shard.JournalName()).string();
  // What any earlier run recorded: the whole index, every shard's part (a
  // run with another N, or the shards a whole run now merges) and, when no
  // shard runs, every journal; this shard's own part and journal last, so
  // that they win. A bad line (an interrupted write) only means its input
  // is processed again.
  std::vector<std::string> index_files = IndexFiles(options.output_dir);
  std::vector<std::string> journals =
      options.shard.sharded() ? std::vector<std::string>{} : JournalFiles(options.output_dir);
  std::vector<std::string> sources;
  for (const std::string& f : index_files) {
    if (f != index_path) sources.push_back(f);
  }
  for (const std::string& f : journals) {
    if (f != journal_path) sources.push_back(f);
  }
  sources.push_back(index_path);
  sources.push_back(journal_path);
  std::map<std::string, IndexRecord> previous = LoadIndex(sources).records;
  int journal = ::open(journal_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (journal < 0) return Status::IoError(std::string("cannot open: ") + std::strerror(errno)).WithFile(journal_path);

  BatchSummary summary;
  summary.total = static_cast<int>(inputs.size());
  std::vector<IndexRecord> records(inputs.size());
  std::vector<bool> finished(inputs.size(), false);
  std::atomic<size_t> next{0};
  std::mutex mutex;
  int done = 0;
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  auto work = [&] {
    WorkerSlot slot(options);
    while (true) {
      if (Stopping(options)) return;
      size_t i = next.fetch_add(1);
      if (i >= inputs.size()) return;
      const auto t0 = Clock::now();
      const std::string input = (fs::path(options.input_dir) / inputs[i]).string();
      const std::string output = (out_dir / outputs[i]).string();
      IndexRecord record;
      record.path = inputs[i];
      record.tool_version = kVersion;
      bool skipped = false;
      Result<std::string> bytes = ReadFile(input);
      if (!bytes.ok()) {
        record.status = "failed";
        record.error = bytes.status().ToString();
      } else {
        record.sha256 = Sha256Hex(*bytes);
        auto old = previous.find(record.path);
        bool unchanged = !options.force && old != previous.end() && old->second.status != "failed" &&
                         old->second.sha256 == record.sha256 && old->second.tool_version == kVersion &&
                         old->second.output == outputs[i] && OutputIntact(output, old->second.output_sha256);
        if (unchanged) {
          record = old->second;  // the index line stays byte-identical
          skipped = true;
        } else {
          std::optional<WrittenOutput> written;
          WorkResult result = options.isolation == Isolation::kProcess
                                  ? slot.Run(input, output, &written)
                                  : RunInThread(options, *bytes, record.sha256, input, output, &written);
          if (result.interrupted) return;  // left for the next run
          record.exit_code = result.exit_code;
          // The input must not change while it is read: an output of a file
          // being written is of no version that stays. The bytes normalized
          // are the ones hashed (thread isolation), or the worker's summary
          // names the sha256 of what it read; and the file is read again
          // and compared with the bytes hashed.
          if (result.ok) {
            bool same = !written || !written->summary.ok() || written->summary->input_sha256 == record.sha256;
            if (same) {
              Result<std::string> after = ReadFile(input);
              same = after.ok() && *after == *bytes;
            }
            if (!same) result = {false, "input changed while it was read; run again when it is complete", 0};
          }
          if (result.ok) {
            std::string output_sha256;
            Result<DocumentSummary> doc = Status::Internal("not read");
            if (written) {
              output_sha256 = std::move(written->output_sha256);
              doc = std::move(written->summary);
            } else if (Result<std::string> text = ReadFile(output); !text.ok()) {
              doc = text.status();
            } else if (Result<nlohmann::ordered_json> json = ParseUntrustedOrderedJson(*text); json.ok()) {
              output_sha256 = Sha256Hex(*text);
              doc = SummarizeDocument(*json);
            } else {
              doc = json.status();
            }
            if (doc.ok()) {
              record.status = "ok";
              record.output = outputs[i];
              record.output_sha256 = output_sha256;
              record.document_type = doc->document_type;
              record.code = doc->code;
              record.counts = std::move(doc->counts);
              record.warnings = doc->warnings;
              record.unparsed = doc->unparsed;
            } else {
              record.status = "failed";
              record.error = "worker reported success but its output is unreadable: " + doc.status().ToString();
            }
          } else {
            record.status = "failed";
            record.error = result.error;
          }
          // A stale output of an earlier, successful run would look current.
          if (record.status == "failed") fs::remove(output, ec);
        }
      }
      record.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
      std::lock_guard<std::mutex> guard(mutex);
      records[i] = record;
      finished[i] = true;
      AppendLine(journal, record.ToJson().dump() + "\n");
      if (skipped) {
        ++summary.unchanged;
      } else if (record.status == "ok") {
        ++summary.ok;
      } else {
        ++summary.failed;
      }
      ++done;
      if (progress) {
        IndexRecord shown = record;
        if (skipped) shown.status = "unchanged";
        progress(shown, done, summary.total, std::chrono::duration<double>(Clock::now() - start).count());
      }
    }
  };
  std::vector<std::thread> workers;
  for (int j = 0; j < std::min<int>(jobs, std::max<int>(1, summary.total)); ++j) workers.emplace_back(work);
  for (std::thread& t : workers) t.join();
  ::close(journal);
  // The outputs were renamed into place unflushed (Flush::kLater): one
  // flush of the file system here costs far less than one a document (a
  // journal commit each). An index line is never written before its output
  // is on the disk; the journal's may be, but a run cut by a crash or a
  // power cut is resumed with every output checked against its sha256.
  if (Status flushed = SyncFileSystem(out_dir.string()); !flushed.ok()) return flushed;

  // What could not even be looked at fails visibly, in path order.
  for (const auto& [path, reason] : tree->unreadable) {
    IndexRecord record;
    record.path = path;
    record.status = "failed";
    record.error = reason;
    record.tool_version = kVersion;
    summary.records.push_back(record);
    ++summary.failed;
    ++summary.total;
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (finished[i]) {
      summary.records.push_back(records[i]);
    } else {
      ++summary.not_done;
    }
  }
  std::stable_sort(summary.records.begin(), summary.records.end(),
                   [](const IndexRecord& a, const IndexRecord& b) { return a.path < b.path; });
  std::string lines;
  for (const IndexRecord& r : summary.records) lines += r.ToJson().dump() + "\n";
  summary.interrupted = summary.not_done > 0;
  if (summary.interrupted) {
    // The index is left as it was; the journal holds this run's lines and
    // stays for the resume, which reads both.
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
  }
  Status written = WriteFileAtomic(index_path, lines);
  if (!written.ok()) return written;
  fs::remove(journal_path, ec);
  if (!options.shard.sharded()) {
    // index.jsonl now holds every input: the parts and the journals of
    // earlier shards are merged into it (no shard runs: the folder lock).
    for (const std::string& f : index_files) {
      if (f != index_path) fs::remove(f, ec);
    }
    for (const std::string& f : journals) fs::remove(f, ec);
    for (const std::string& f : ShardLockFiles(options.output_dir)) fs::remove(f, ec);
  }
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace docpipe
