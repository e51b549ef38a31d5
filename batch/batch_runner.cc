#include "batch/batch_runner.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "common/file_io.h"
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
};

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

WorkResult RunInThread(const std::string& input, const std::string& output, OcrMode ocr) {
  PipelineOptions pipeline;
  pipeline.ocr = ocr;
  Result<nlohmann::ordered_json> doc = ProcessFile(input, pipeline);
  if (!doc.ok()) return {false, doc.status().ToString(), 0};
  Status written = WriteFileAtomic(output, doc->dump(2) + "\n");
  if (!written.ok()) return {false, written.ToString(), 0};
  return {true, "", 0};
}

// Runs `docpipe normalize input -o output` in a child process, with a time
// limit; its stderr (one line on failure) becomes the error.
WorkResult RunInProcess(const BatchOptions& options, const std::string& input, const std::string& output) {
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return {false, std::string("cannot create pipe: ") + std::strerror(errno), 0};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  std::string memory = std::to_string(options.max_memory_mb);
  std::vector<std::string> args = {"docpipe", "normalize", input,  "-o",   output,
                                   "--max-memory-mb", memory, "--ocr", OcrModeName(options.ocr)};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, options.self_executable.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(err_pipe[0]);
    return {false, std::string("cannot start worker: ") + std::strerror(spawned), 0};
  }
  std::string stderr_text;
  fcntl(err_pipe[0], F_SETFL, O_NONBLOCK);
  const auto deadline = Clock::now() + std::chrono::seconds(options.timeout_seconds);
  int wstatus = 0;
  bool timed_out = false;
  while (true) {
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(err_pipe[0], buffer, sizeof buffer)) > 0) {
      if (stderr_text.size() < 65536) stderr_text.append(buffer, static_cast<size_t>(n));
    }
    pid_t done = waitpid(pid, &wstatus, WNOHANG);
    if (done == pid) break;
    if (Clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &wstatus, 0);
      timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::close(err_pipe[0]);
  if (timed_out) {
    RemoveLeftovers(output);
    return {false, "timed out after " + std::to_string(options.timeout_seconds) + " s (worker killed)", -1};
  }
  if (WIFSIGNALED(wstatus)) {
    RemoveLeftovers(output);
    return {false, std::string("worker crashed: ") + strsignal(WTERMSIG(wstatus)), -WTERMSIG(wstatus)};
  }
  int code = WEXITSTATUS(wstatus);
  if (code != 0) {
    std::string line = FirstLine(stderr_text);
    // "docpipe normalize: PATH: reason" -> "reason"
    size_t cut = line.find(input + ": ");
    if (cut != std::string::npos) line = line.substr(cut + input.size() + 2);
    return {false, line.empty() ? "worker exited with code " + std::to_string(code) : line, code};
  }
  return {true, "", 0};
}

}  // namespace

Result<std::vector<std::string>> FindInputs(const std::string& dir, const std::string& exclude_dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  fs::path exclude = exclude_dir.empty() ? fs::path() : fs::weakly_canonical(exclude_dir, ec);
  std::vector<std::string> inputs;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IoError(dir + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IoError(dir + ": " + ec.message());
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory()) {
      if (!exclude.empty() && fs::weakly_canonical(p, ec) == exclude) it.disable_recursion_pending();
      continue;
    }
    std::string ext = Lower(p.extension().string());
    if ((ext == ".pdf" || ext == ".txt") && it->is_regular_file()) {
      inputs.push_back(fs::relative(p, dir).generic_string());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
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

Result<BatchSummary> RunBatch(const BatchOptions& options, const ProgressFn& progress) {
  const auto start = Clock::now();
  Result<std::vector<std::string>> inputs = FindInputs(options.input_dir, options.output_dir);
  if (!inputs.ok()) return inputs.status();
  std::vector<std::string> outputs = OutputNames(*inputs);
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec) return Status::IoError(options.output_dir + ": cannot create: " + ec.message());

  const fs::path out_dir(options.output_dir);
  const std::string index_path = (out_dir / "index.jsonl").string();
  const std::string journal_path = (out_dir / ".docpipe-journal.jsonl").string();
  std::map<std::string, IndexRecord> previous = LoadIndex({index_path, journal_path});
  int journal = ::open(journal_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (journal < 0) return Status::IoError(journal_path + ": cannot open: " + std::strerror(errno));

  BatchSummary summary;
  summary.total = static_cast<int>(inputs->size());
  summary.records.resize(inputs->size());
  std::atomic<size_t> next{0};
  std::mutex mutex;
  int done = 0;
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  auto work = [&] {
    while (true) {
      size_t i = next.fetch_add(1);
      if (i >= inputs->size()) return;
      const auto t0 = Clock::now();
      const std::string input = (fs::path(options.input_dir) / (*inputs)[i]).string();
      const std::string output = (out_dir / outputs[i]).string();
      IndexRecord record;
      record.path = (*inputs)[i];
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
                         old->second.output == outputs[i] && fs::exists(output);
        if (unchanged) {
          record = old->second;  // the index line stays byte-identical
          skipped = true;
        } else {
          WorkResult result = options.isolation == Isolation::kProcess ? RunInProcess(options, input, output)
                                                                       : RunInThread(input, output, options.ocr);
          record.exit_code = result.exit_code;
          if (result.ok) {
            Result<std::string> text = ReadFile(output);
            nlohmann::json doc = text.ok() ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
            if (doc.is_object()) {
              record.status = "ok";
              record.output = outputs[i];
              record.document_type = doc.value("document_type", "");
              record.code = doc.contains("code") && doc["code"].is_string() ? doc["code"].get<std::string>() : "";
              record.counts = CountItems(doc);
              record.warnings = doc.contains("warnings") ? static_cast<int>(doc["warnings"].size()) : 0;
              record.unparsed = doc.contains("unparsed") ? static_cast<int>(doc["unparsed"].size()) : 0;
            } else {
              record.status = "failed";
              record.error = "worker reported success but its output is unreadable";
            }
          } else {
            record.status = "failed";
            record.error = result.error;
            // A stale output of an earlier, successful run would look current.
            fs::remove(output, ec);
          }
        }
      }
      record.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
      std::lock_guard<std::mutex> lock(mutex);
      summary.records[i] = record;
      std::string line = record.ToJson().dump() + "\n";
      if (::write(journal, line.data(), line.size()) < 0) { /* the final index is still written */ }
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

  std::string index;
  for (const IndexRecord& r : summary.records) index += r.ToJson().dump() + "\n";
  Status written = WriteFileAtomic(index_path, index);
  if (!written.ok()) return written;
  fs::remove(journal_path, ec);
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace docpipe
