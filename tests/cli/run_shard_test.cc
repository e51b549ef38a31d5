// `docpipe run --shard K/N` (issue 17): N jobs, started at the same time on
// one output folder, make what one run makes; a shard run again does
// nothing; a run without --shard merges the parts; the locks keep a shard
// from running twice and a whole run from running beside shards.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "batch/shard.h"
#include "tests/cli/run_command.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;
const std::string kSamples = std::string(DOCPIPE_SOURCE_DIR) + "/samples";
const std::string kShardScript = std::string(DOCPIPE_SOURCE_DIR) + "/deploy/docpipe-shard.sh";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

class RunShardTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    in_ = dir_ / "in";
    // 19 inputs in three folders: the text samples, copies under other
    // names (other hashes), a Markdown file beside a text file of the same
    // stem (outputs a.txt.json and a.md.json: named from the whole tree),
    // and an input that fails.
    for (const char* folder : {"", "x", "x/y"}) {
      fs::create_directories(in_ / folder);
      for (const auto& e : fs::directory_iterator(kSamples + "/text")) {
        fs::copy_file(e.path(), in_ / folder / e.path().filename());
      }
    }
    for (const auto& e : fs::directory_iterator(kSamples + "/text")) {
      fs::copy_file(e.path(), in_ / "x" / ("copy-" + e.path().filename().string()));
    }
    std::ofstream(in_ / "x" / "same.txt") << "T1\tfirst duty\n";
    fs::copy_file(kSamples + "/README.md", in_ / "x" / "same.md");
    std::ofstream(in_ / "empty.txt") << "";
  }
  std::string Run(const fs::path& out, const std::string& extra = "") {
    return kDocpipe + " run -q -j 1 " + Quote(in_.string()) + " -o " + Quote(out.string()) + extra;
  }
  // Relative path -> bytes of every file, hidden ones and index files left out.
  static std::map<std::string, std::string> Outputs(const fs::path& out) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
      const std::string name = e.path().filename().string();
      if (!e.is_regular_file() || name[0] == '.' || name.rfind("index", 0) == 0) continue;
      files[fs::relative(e.path(), out).generic_string()] = ReadAll(e.path());
    }
    return files;
  }
  static std::vector<std::string> Parts(const fs::path& out) {
    std::vector<std::string> parts;
    for (const auto& e : fs::directory_iterator(out)) {
      if (e.path().filename().string().rfind("index-shard-", 0) == 0) parts.push_back(e.path().string());
    }
    std::sort(parts.begin(), parts.end());
    return parts;
  }
  fs::path in_;
};

TEST_F(RunShardTest, FourConcurrentShardsMakeWhatOneRunMakes) {
  const fs::path single = dir_ / "single", sharded = dir_ / "sharded";
  testing::CommandResult one = RunCommand(Run(single));
  ASSERT_EQ(one.exit_code, 10) << one.output;  // empty.txt fails
  const std::vector<std::string> single_index = Lines(ReadAll(single / "index.jsonl"));
  ASSERT_EQ(single_index.size(), 19u);

  // The four shards at the same time, as the scheduler recipes start them
  // (deploy/docpipe-shard.sh: exit 10, documents failed, is the job's
  // success), each its exit code in a file.
  std::string script = "cd " + Quote(dir_.string()) + " || exit 1; ";
  for (int k = 0; k < 4; ++k) {
    const std::string n = std::to_string(k);
    script += "( DOCPIPE=" + Quote(kDocpipe) + " bash " + Quote(kShardScript) + " " + n + " 4 " +
              Quote(in_.string()) + " " + Quote(sharded.string()) + " -j 1 > log" + n + " 2>&1; echo $? > code" + n +
              " ) & ";
  }
  script += "wait";
  ASSERT_EQ(RunCommand(script).exit_code, 0);
  int failing_shards = 0;
  for (int k = 0; k < 4; ++k) {
    const std::string code = ReadAll(dir_ / ("code" + std::to_string(k)));
    const std::string log = ReadAll(dir_ / ("log" + std::to_string(k)));
    EXPECT_EQ(code, "0\n") << k << ": " << log;
    EXPECT_NE(log.find("of shard " + std::to_string(k) + "/4"), std::string::npos) << log;
    failing_shards += log.find("some documents failed; see") != std::string::npos;
  }
  EXPECT_EQ(failing_shards, 1);  // the one that holds empty.txt

  // Same files, byte for byte.
  EXPECT_EQ(Outputs(sharded), Outputs(single));
  EXPECT_EQ(Outputs(single).size(), 18u);
  // The parts together are the single run's index, line for line.
  const std::vector<std::string> parts = Parts(sharded);
  ASSERT_EQ(parts.size(), 4u);
  std::vector<std::string> merged;
  std::map<std::string, std::string> part_bytes;
  for (const std::string& part : parts) {
    part_bytes[part] = ReadAll(part);
    for (const std::string& line : Lines(part_bytes[part])) merged.push_back(line);
  }
  std::sort(merged.begin(), merged.end());
  std::vector<std::string> expected = single_index;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(merged, expected);
  EXPECT_FALSE(fs::exists(sharded / "index.jsonl"));

  // export reads every part: the same catalogue as from the single run.
  for (const fs::path& out : {single, sharded}) {
    testing::CommandResult e = RunCommand(kDocpipe + " export " + Quote(out.string()) + " --format jsonl -o " +
                                          Quote((out / "export").string()));
    ASSERT_EQ(e.exit_code, 0) << e.output;
    EXPECT_NE(e.output.find("18 documents"), std::string::npos) << e.output;
  }
  EXPECT_EQ(Outputs(sharded / "export"), Outputs(single / "export"));
  EXPECT_FALSE(Outputs(single / "export").empty());
  fs::remove_all(single / "export");
  fs::remove_all(sharded / "export");

  // Each shard again: nothing done, nothing rewritten.
  std::map<std::string, fs::file_time_type> times;
  for (const auto& e : fs::recursive_directory_iterator(sharded)) times[e.path().string()] = e.last_write_time();
  int unchanged = 0;
  for (int k = 0; k < 4; ++k) {
    testing::CommandResult again = RunCommand(Run(sharded, " --shard " + std::to_string(k) + "/4"));
    const size_t at = again.output.find(" 0 ok, ");
    ASSERT_NE(at, std::string::npos) << again.output;
    unchanged += std::stoi(again.output.substr(at + 7));  // "N unchanged"
  }
  EXPECT_EQ(unchanged, 18);
  for (const std::string& part : parts) EXPECT_EQ(ReadAll(part), part_bytes[part]) << part;
  for (const auto& e : fs::recursive_directory_iterator(sharded)) {
    if (e.path().filename().string().rfind("index-shard-", 0) == 0) continue;  // rewritten, same bytes
    if (e.path().filename().string()[0] == '.') continue;                      // lock files
    EXPECT_EQ(times[e.path().string()], e.last_write_time()) << e.path() << " was written again";
  }

  // A run without --shard merges the parts into index.jsonl, redoing nothing.
  testing::CommandResult merge = RunCommand(Run(sharded));
  EXPECT_EQ(merge.exit_code, 10) << merge.output;
  EXPECT_NE(merge.output.find("19 inputs: 0 ok, 18 unchanged, 1 failed"), std::string::npos) << merge.output;
  EXPECT_EQ(Lines(ReadAll(sharded / "index.jsonl")), single_index);
  EXPECT_TRUE(Parts(sharded).empty());
  for (const auto& e : fs::directory_iterator(sharded)) {
    EXPECT_NE(e.path().filename().string()[0], '.') << e.path() << " left behind";
  }
}

// Locks: shards share the folder, a shard never runs twice at once, and a
// run without --shard (which merges the parts) never runs beside a shard.
// The test holds each lock itself, as the other run would.
TEST_F(RunShardTest, LocksKeepOneShardFromRunningTwiceAndAWholeRunFromShards) {
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  int folder = ::open(out.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(folder, 0);

  // A shard is running (the folder shared, its own lock file held).
  ASSERT_EQ(::flock(folder, LOCK_SH | LOCK_NB), 0);
  int own = ::open((out / ".index-shard-1-of-4.jsonl.lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(own, 0);
  ASSERT_EQ(::flock(own, LOCK_EX | LOCK_NB), 0);
  testing::CommandResult twice = RunCommand(Run(out, " --shard 1/4"));
  EXPECT_EQ(twice.exit_code, 8) << twice.output;
  EXPECT_NE(twice.output.find("shard 1/4 is in use by another docpipe run"), std::string::npos) << twice.output;
  testing::CommandResult whole = RunCommand(Run(out));
  EXPECT_EQ(whole.exit_code, 8) << whole.output;
  EXPECT_NE(whole.output.find("in use by another docpipe run"), std::string::npos) << whole.output;
  testing::CommandResult other = RunCommand(Run(out, " --shard 2/4"));
  EXPECT_NE(other.exit_code, 8) << other.output;  // another shard runs beside it
  EXPECT_TRUE(fs::exists(out / "index-shard-2-of-4.jsonl"));
  ::close(own);

  // A run without --shard is running: no shard starts.
  ::flock(folder, LOCK_UN);
  ASSERT_EQ(::flock(folder, LOCK_EX | LOCK_NB), 0);
  testing::CommandResult shard = RunCommand(Run(out, " --shard 3/4"));
  EXPECT_EQ(shard.exit_code, 8) << shard.output;
  EXPECT_NE(shard.output.find("in use by a docpipe run without --shard"), std::string::npos) << shard.output;
  EXPECT_EQ(std::count(shard.output.begin(), shard.output.end(), '\n'), 1) << shard.output;
  EXPECT_FALSE(fs::exists(out / "index-shard-3-of-4.jsonl"));
  ::close(folder);
}

// A shard killed midway (SIGKILL to it and its workers) and started again
// finishes from its own journal: what it had finished is not redone, its
// part lists each of its inputs once, and the other shard completes the run.
TEST_F(RunShardTest, KilledShardResumesFromItsOwnJournal) {
  const fs::path pdfs = dir_ / "pdfs", out = dir_ / "out";
  fs::create_directories(pdfs);
  for (const auto& e : fs::directory_iterator(kSamples + "/pdf")) fs::copy_file(e.path(), pdfs / e.path().filename());
  // The shard of two that holds more of the six PDFs (slow inputs, so that
  // the kill lands midway).
  int held[2] = {0, 0};
  for (const auto& e : fs::directory_iterator(pdfs)) {
    for (int k = 0; k < 2; ++k) held[k] += Shard{k, 2}.Holds(e.path().filename().string());
  }
  const int k = held[1] > held[0] ? 1 : 0;
  ASSERT_GE(held[k], 2);
  const std::string shard = std::to_string(k) + "/2";
  const fs::path journal = out / (".docpipe-journal-shard-" + std::to_string(k) + "-of-2.jsonl");
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    setpgid(0, 0);
    execl(kDocpipe.c_str(), "docpipe", "run", "-q", "-j", "1", "--shard", shard.c_str(), pdfs.c_str(), "-o",
          out.c_str(), nullptr);
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (ReadAll(journal).find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(-pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the shard ended before it could be killed";
  const std::string rerun = kDocpipe + " run -q -j 1 " + Quote(pdfs.string()) + " -o " + Quote(out.string());
  testing::CommandResult again = RunCommand(rerun + " --shard " + shard);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find(std::to_string(held[k]) + " inputs of shard " + shard), std::string::npos)
      << again.output;
  EXPECT_EQ(again.output.find(" 0 unchanged"), std::string::npos) << "the finished input was redone: " << again.output;
  EXPECT_EQ(Lines(ReadAll(out / ("index-shard-" + std::to_string(k) + "-of-2.jsonl"))).size(),
            static_cast<size_t>(held[k]));
  EXPECT_FALSE(fs::exists(journal));
  testing::CommandResult other = RunCommand(rerun + " --shard " + std::to_string(1 - k) + "/2");
  EXPECT_EQ(other.exit_code, 0) << other.output;
  EXPECT_EQ(Outputs(out).size(), 6u);
  for (const auto& [name, bytes] : Outputs(out)) {
    EXPECT_FALSE(nlohmann::json::parse(bytes, nullptr, false).is_discarded()) << name;
  }
}

TEST_F(RunShardTest, BadShardIsAUsageError) {
  for (const char* bad : {"4/4", "-1/4", "1/0", "a/b", "3", "1/4/2"}) {
    testing::CommandResult r = RunCommand(Run(dir_ / "out", std::string(" --shard ") + Quote(bad)));
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.output;
    EXPECT_NE(r.output.find("--shard"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out")) << bad;
  }
}

TEST_F(RunShardTest, HelpNamesTheShardOption) {
  testing::CommandResult h = RunCommand(kDocpipe + " run --help");
  EXPECT_NE(h.output.find("--shard"), std::string::npos) << h.output;
  EXPECT_NE(h.output.find("index-shard-K-of-N.jsonl"), std::string::npos) << h.output;
}

}  // namespace
}  // namespace docpipe
