// `docpipe run` when the machine misbehaves: killed midway, interrupted,
// two runs on one folder, an output altered since it was written, a full or
// read-only output disk, an input that changes while it is read, symlink
// loops and unreadable folders in the input tree. After each, every output
// is valid JSON, the index is whole lines, and a later run completes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "batch/index_record.h"
#include "common/file_io.h"
#include "common/json_parse.h"
#include "common/sha256.h"
#include "tests/cli/run_command.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;
const std::string kSamples = std::string(DOCPIPE_SOURCE_DIR) + "/samples";

class RunFaultsTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    in_ = dir_ / "in";
    out_ = dir_ / "out";
    fs::create_directories(in_);
  }
  // The four text samples (fast) as inputs.
  void CopyTextSamples() {
    for (const auto& e : fs::directory_iterator(kSamples + "/text")) fs::copy_file(e.path(), in_ / e.path().filename());
  }
  std::string RunArgs() { return " run -q -j 1 " + Quote(in_.string()) + " -o " + Quote(out_.string()); }
  // index.jsonl as records; fails the test on a line that is not a record.
  std::vector<nlohmann::json> Index() {
    std::vector<nlohmann::json> records;
    std::ifstream in(out_ / "index.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      EXPECT_TRUE(j.is_object()) << "broken index line: " << line;
      if (j.is_object()) records.push_back(j);
    }
    return records;
  }
  // Every output named by the index is valid JSON; no temporary file is left.
  void ExpectOutputsValid() {
    for (const nlohmann::json& r : Index()) {
      if (r["status"] != "ok") continue;
      std::ifstream f(out_ / r["output"].get<std::string>());
      EXPECT_FALSE(nlohmann::json::parse(f, nullptr, false).is_discarded()) << r["output"];
    }
    for (const auto& e : fs::recursive_directory_iterator(out_)) {
      EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos) << e.path();
    }
  }
  bool JournalHasALine() {
    std::ifstream in(out_ / ".docpipe-journal.jsonl");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.find('\n') != std::string::npos;
  }
  // Writes `path` and then a line more every 200 µs until `stop`. Every
  // line is 32 bytes, so that no write straddles a page of the file: a
  // reader sees whole lines, never a character cut in two by a write that
  // the kernel copies page by page.
  static std::thread Grow(const fs::path& path, const std::atomic<bool>& stop) {
    const std::string pad(10, ' ');
    std::ofstream(path) << "從前有一座山。" << pad << "\n";
    return std::thread([path, pad, &stop] {
      std::ofstream out(path, std::ios::app);
      while (!stop) {
        out << "山上有一座廟。" << pad << "\n" << std::flush;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
    });
  }
  fs::path in_, out_;
};

TEST_F(RunFaultsTest, AlteredOutputIsDetectedByItsChecksumAndRedone) {
  CopyTextSamples();
  ASSERT_EQ(RunCommand(kDocpipe + RunArgs()).exit_code, 0);
  const fs::path victim = out_ / "INM2529-002v2.json";
  std::string original;
  {
    std::ifstream f(victim);
    original.assign(std::istreambuf_iterator<char>(f), {});
  }
  std::ofstream(victim, std::ios::trunc) << "{\"garbage\": true}\n";
  testing::CommandResult again = RunCommand(kDocpipe + RunArgs());
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("1 ok, 3 unchanged"), std::string::npos) << again.output;
  std::ifstream f(victim);
  std::string redone(std::istreambuf_iterator<char>(f), {});
  EXPECT_EQ(redone, original);
}

TEST_F(RunFaultsTest, IndexRecordsTheChecksumOfEachOutput) {
  CopyTextSamples();
  ASSERT_EQ(RunCommand(kDocpipe + RunArgs()).exit_code, 0);
  for (const nlohmann::json& r : Index()) {
    EXPECT_EQ(r["output_sha256"].get<std::string>().size(), 64u) << r.dump();
    testing::CommandResult sum = RunCommand("sha256sum " + Quote((out_ / r["output"].get<std::string>()).string()));
    EXPECT_EQ(sum.output.substr(0, 64), r["output_sha256"]) << r.dump();
  }
}

// A run killed with SIGKILL midway; the next run redoes only what was not
// finished and leaves a consistent index.
TEST_F(RunFaultsTest, KilledMidwayThenResumedFinishesConsistently) {
  // Slow inputs (PDFs) so that the kill lands midway.
  for (const auto& e : fs::directory_iterator(kSamples + "/pdf")) fs::copy_file(e.path(), in_ / e.path().filename());
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    setpgid(0, 0);
    execl(kDocpipe.c_str(), "docpipe", "run", "-q", "-j", "1", in_.c_str(), "-o", out_.c_str(), nullptr);
    _exit(127);
  }
  // Wait until the first input is finished (its journal line written: an
  // output without one is redone, rightly), then kill the whole group.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!JournalHasALine() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(-pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it could be killed";
  testing::CommandResult again = RunCommand(kDocpipe + RunArgs());
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("6 inputs"), std::string::npos) << again.output;
  EXPECT_EQ(again.output.find(" 0 unchanged"), std::string::npos) << "the finished input was redone: " << again.output;
  EXPECT_EQ(Index().size(), 6u);
  ExpectOutputsValid();
  EXPECT_FALSE(fs::exists(out_ / ".docpipe-journal.jsonl"));
}

TEST_F(RunFaultsTest, SigintStopsCleanlyWithASummary) {
  for (const auto& e : fs::directory_iterator(kSamples + "/pdf")) fs::copy_file(e.path(), in_ / e.path().filename());
  std::string log = (dir_ / "log").string();
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen(log.c_str(), "w", stderr);
    execl(kDocpipe.c_str(), "docpipe", "run", "-q", "-j", "1", in_.c_str(), "-o", out_.c_str(), nullptr);
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!fs::exists(out_ / "IIS3513-001v4.json") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << "a signal escaped";
  std::ifstream f(log);
  std::string said(std::istreambuf_iterator<char>(f), {});
  if (WEXITSTATUS(status) == 0) GTEST_SKIP() << "the run finished before the signal";
  EXPECT_EQ(WEXITSTATUS(status), 130) << said;
  EXPECT_NE(said.find("interrupted"), std::string::npos) << said;
  EXPECT_NE(said.find("run again to resume"), std::string::npos) << said;
  ExpectOutputsValid();
  testing::CommandResult again = RunCommand(kDocpipe + RunArgs());
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(Index().size(), 6u);
  ExpectOutputsValid();
}

TEST_F(RunFaultsTest, SecondRunOnTheSameFolderRefusesWhileTheFirstRuns) {
  for (const auto& e : fs::directory_iterator(kSamples + "/pdf")) fs::copy_file(e.path(), in_ / e.path().filename());
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl(kDocpipe.c_str(), "docpipe", "run", "-q", "-j", "1", in_.c_str(), "-o", out_.c_str(), nullptr);
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(out_ / ".docpipe-journal.jsonl") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  testing::CommandResult second = RunCommand(kDocpipe + RunArgs());
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(second.exit_code, 8) << second.output;
  EXPECT_NE(second.output.find("in use by another docpipe run"), std::string::npos) << second.output;
  EXPECT_EQ(Index().size(), 6u);
  ExpectOutputsValid();
}

// In both isolations: in a thread the bytes normalized are those hashed, a
// worker process names the sha256 of what it read; either way the file is
// read again, and a file still being written is no version to index.
// Whether the writer thread appends between the run's two reads is up to
// the scheduler: on a loaded machine it may not, and the run then rightly
// indexes the version it read twice. So a run that succeeds must be
// consistent (its output names the sha256 the index gives), and one of a
// few runs must see the change.
TEST_F(RunFaultsTest, InputChangingWhileReadFailsAndIsRedoneLater) {
  CopyTextSamples();
  auto growing_output_matches_index = [&](const std::string& isolation) {
    std::ifstream f(out_ / "growing.json");
    const nlohmann::json doc = nlohmann::json::parse(f, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << isolation;
    int records = 0;
    for (const nlohmann::json& record : Index()) {
      if (record["path"] != "growing.txt") continue;
      ++records;
      EXPECT_EQ(doc["source"]["sha256"], record["sha256"]) << isolation;
    }
    EXPECT_EQ(records, 1) << isolation;
  };
  for (const std::string isolation : {"process", "thread"}) {
    bool detected = false;
    for (int attempt = 0; attempt < 5 && !detected; ++attempt) {
      fs::remove_all(out_);
      std::atomic<bool> stop{false};
      std::thread writer = Grow(in_ / "growing.txt", stop);
      testing::CommandResult r = RunCommand(kDocpipe + RunArgs() + " --isolation " + isolation);
      stop = true;
      writer.join();
      if (r.exit_code == 10) {
        detected = true;
        EXPECT_NE(r.output.find("growing.txt: input changed while it was read"), std::string::npos) << r.output;
        EXPECT_FALSE(fs::exists(out_ / "growing.json")) << isolation;
      } else {
        ASSERT_EQ(r.exit_code, 0) << isolation << ": " << r.output;
        growing_output_matches_index(isolation);
      }
    }
    EXPECT_TRUE(detected) << isolation << ": five runs never saw the input change between their two reads";
    testing::CommandResult again = RunCommand(kDocpipe + RunArgs() + " --isolation " + isolation);
    EXPECT_EQ(again.exit_code, 0) << isolation << ": " << again.output;
    EXPECT_TRUE(fs::exists(out_ / "growing.json")) << isolation;
    growing_output_matches_index(isolation);
  }
}

// What a worker tells the run instead of the run reading its output back:
// the summary of the document as written and the sha256 of the file.
TEST_F(RunFaultsTest, NormalizeWithIndexSummaryEndsStderrWithTheOutputsSummary) {
  const fs::path output = dir_ / "plan.json";
  const std::string input = kSamples + "/text/national-cybersecurity-plan-2013-2016.txt";
  testing::CommandResult r =
      RunCommand(kDocpipe + " normalize " + Quote(input) + " -o " + Quote(output.string()) + " --index-summary");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::optional<WorkerSummary> said = FindIndexSummaryLine(r.output);
  ASSERT_TRUE(said.has_value()) << r.output;
  Result<std::string> text = ReadFile(output.string());
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(said->output_sha256, Sha256Hex(*text));
  Result<nlohmann::ordered_json> json = ParseUntrustedOrderedJson(*text);
  ASSERT_TRUE(json.ok());
  Result<DocumentSummary> summary = SummarizeDocument(*json);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(said->document.input_sha256, summary->input_sha256);
  EXPECT_EQ(said->document.document_type, "policy_document");
  EXPECT_EQ(said->document.counts, summary->counts);
  EXPECT_GT(said->document.counts.at("action_plans"), 0);
  EXPECT_EQ(said->document.warnings, summary->warnings);
  // Without the flag, a successful normalize prints nothing.
  testing::CommandResult quiet = RunCommand(kDocpipe + " normalize " + Quote(input) + " -o " + Quote(output.string()));
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.output, "");
}

// The index record of a document normalized in the run's own process is
// built from the document in memory, a worker process's from its output
// file read back: the two must say the same, and the outputs be the same.
TEST_F(RunFaultsTest, ThreadAndProcessIsolationWriteTheSameOutputsAndIndex) {
  CopyTextSamples();
  fs::copy_file(kSamples + "/pdf/IIS3513-001v4.pdf", in_ / "IIS3513-001v4.pdf");
  std::ofstream(in_ / "empty.txt") << "";
  auto run = [&](const std::string& isolation) {
    out_ = dir_ / ("out-" + isolation);
    testing::CommandResult r = RunCommand(kDocpipe + RunArgs() + " --isolation " + isolation);
    std::map<std::string, nlohmann::json> records;
    for (const nlohmann::json& record : Index()) records[record["path"].get<std::string>()] = record;
    return std::make_pair(r.exit_code, records);
  };
  const auto thread = run("thread");
  const auto process = run("process");
  EXPECT_EQ(thread.first, process.first);
  ASSERT_EQ(thread.second.size(), 6u);
  EXPECT_EQ(thread.second, process.second);
  int counted = 0;
  for (const auto& [path, record] : thread.second) {
    if (record["status"] != "ok") continue;
    ++counted;
    EXPECT_FALSE(record["counts"].empty()) << path;
    const std::string output = record["output"].get<std::string>();
    auto slurp = [](const fs::path& p) {
      std::ifstream in(p, std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(in), {});
    };
    EXPECT_EQ(slurp(dir_ / "out-thread" / output), slurp(dir_ / "out-process" / output)) << path;
  }
  EXPECT_EQ(counted, 5);
}

TEST_F(RunFaultsTest, SymlinkLoopsAreReportedNotFollowed) {
  CopyTextSamples();
  fs::create_directories(in_ / "sub");
  fs::create_directory_symlink("..", in_ / "sub" / "up");    // a folder loop
  fs::create_symlink("b.pdf", in_ / "a.pdf");                // a file loop
  fs::create_symlink("a.pdf", in_ / "b.pdf");
  testing::CommandResult r = RunCommand("timeout 60 " + kDocpipe + RunArgs());
  EXPECT_EQ(r.exit_code, 10) << r.output;
  EXPECT_NE(r.output.find("failed: a.pdf: cannot be read: Too many levels of symbolic links"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("4 ok"), std::string::npos) << r.output;
  ExpectOutputsValid();
}

TEST_F(RunFaultsTest, UnreadableSubfolderIsReported) {
  CopyTextSamples();
  fs::create_directories(in_ / "closed");
  std::ofstream(in_ / "closed" / "x.txt") << "x\n";
  fs::permissions(in_ / "closed", fs::perms::none);
  // Root reads any folder whatever its mode, so as root the run is made as
  // nobody (the way CI runs the suite), with the test folder open to it.
  std::string prefix;
  if (::geteuid() == 0) {
    if (RunCommand("command -v setpriv").exit_code != 0) GTEST_SKIP() << "root without setpriv";
    fs::permissions(dir_, fs::perms::all);
    fs::permissions(in_, fs::perms::all);
    prefix = "setpriv --reuid=nobody --regid=nogroup --clear-groups ";
  }
  testing::CommandResult r = RunCommand(prefix + kDocpipe + RunArgs());
  fs::permissions(in_ / "closed", fs::perms::owner_all);
  ASSERT_EQ(r.output.find("setpriv:"), std::string::npos) << r.output;
  EXPECT_EQ(r.exit_code, 10) << r.output;
  EXPECT_NE(r.output.find("failed: closed/: folder cannot be read"), std::string::npos) << r.output;
  // The readable inputs were all done.
  int ok = 0;
  for (const nlohmann::json& record : Index()) ok += record["status"] == "ok";
  EXPECT_EQ(ok, 4);
}

// A read-only output folder: one line, exit 8, nothing half-written.
TEST_F(RunFaultsTest, ReadOnlyOutputFolderFailsWithOneLine) {
  CopyTextSamples();
  fs::create_directories(out_);
  bool mounted = false;
  if (geteuid() == 0) {
    mounted = ::mount("tmpfs", out_.c_str(), "tmpfs", MS_RDONLY, "size=1m") == 0;
    if (!mounted) GTEST_SKIP() << "root, but cannot mount a read-only tmpfs here: " << std::strerror(errno);
  } else {
    fs::permissions(out_, fs::perms::owner_read | fs::perms::owner_exec);
  }
  testing::CommandResult r = RunCommand(kDocpipe + RunArgs());
  if (mounted) ::umount(out_.c_str());
  fs::permissions(out_, fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 8) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  EXPECT_EQ(r.output.rfind("docpipe run: ", 0), 0u) << r.output;
  EXPECT_NE(r.output.find(": I/O error: "), std::string::npos) << r.output;
}

// The output disk fills: the documents that do not fit fail with the reason,
// the index is whole lines or absent, and a run on a freed disk completes.
TEST_F(RunFaultsTest, FullDiskFailsCleanlyAndAFreedDiskCompletes) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to mount a small tmpfs";
  CopyTextSamples();
  fs::create_directories(out_);
  if (::mount("tmpfs", out_.c_str(), "tmpfs", 0, "size=64k") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
  }
  testing::CommandResult full = RunCommand(kDocpipe + RunArgs());
  EXPECT_NE(full.exit_code, 0) << full.output;
  EXPECT_NE(full.output.find("No space left on device"), std::string::npos) << full.output;
  ExpectOutputsValid();  // whatever is there is whole
  // Free the disk: a bigger tmpfs over the same folder, with what was kept.
  fs::path kept = dir_ / "kept";
  fs::copy(out_, kept, fs::copy_options::recursive);
  ::umount(out_.c_str());
  ASSERT_EQ(::mount("tmpfs", out_.c_str(), "tmpfs", 0, "size=16m"), 0);
  fs::copy(kept, out_, fs::copy_options::recursive);
  testing::CommandResult freed = RunCommand(kDocpipe + RunArgs());
  EXPECT_EQ(freed.exit_code, 0) << freed.output;
  EXPECT_EQ(Index().size(), 4u);
  ExpectOutputsValid();
  ::umount(out_.c_str());
}

}  // namespace
}  // namespace docpipe
