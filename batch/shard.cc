#include "batch/shard.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>

#include "common/sha256.h"

namespace docpipe {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxShards = 100000;
constexpr std::string_view kPartPrefix = "index-shard-";
constexpr std::string_view kJournalPrefix = ".docpipe-journal";

bool ParseInt(std::string_view text, int* value) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Names in `dir` that `keep` accepts, sorted, as paths.
template <typename Keep>
std::vector<std::string> NamesIn(const std::string& dir, Keep keep) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (keep(name) && it->is_regular_file(ec)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> paths;
  for (const std::string& name : names) paths.push_back((fs::path(dir) / name).string());
  return paths;
}

}  // namespace

bool Shard::Holds(std::string_view relative_path) const {
  if (count <= 1) return true;
  // SHA-256 rather than std::hash: the same on every machine and library.
  const std::string hex = Sha256Hex(relative_path);
  uint64_t value = 0;
  std::from_chars(hex.data(), hex.data() + 16, value, 16);
  return static_cast<int>(value % static_cast<uint64_t>(count)) == index;
}

std::string Shard::IndexName() const {
  if (!sharded()) return "index.jsonl";
  return std::string(kPartPrefix) + std::to_string(index) + "-of-" + std::to_string(count) + ".jsonl";
}

std::string Shard::JournalName() const {
  if (!sharded()) return std::string(kJournalPrefix) + ".jsonl";
  return std::string(kJournalPrefix) + "-shard-" + std::to_string(index) + "-of-" + std::to_string(count) + ".jsonl";
}

std::string Shard::LockName() const { return "." + IndexName() + ".lock"; }

std::string Shard::ToString() const { return std::to_string(index) + "/" + std::to_string(count); }

Result<Shard> ParseShard(std::string_view text) {
  const size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string_view::npos || !ParseInt(text.substr(0, slash), &shard.index) ||
      !ParseInt(text.substr(slash + 1), &shard.count)) {
    return Status::InvalidArgument("--shard wants K/N (this job's number K from 0 to N-1, of N), not '" +
                                   std::string(text) + "'");
  }
  if (shard.count < 1 || shard.count > kMaxShards || shard.index < 0 || shard.index >= shard.count) {
    return Status::InvalidArgument("--shard " + std::string(text) + ": K must be 0 to N-1 and N 1 to " +
                                   std::to_string(kMaxShards));
  }
  return shard;
}

std::vector<std::string> IndexFiles(const std::string& run_dir) {
  std::vector<std::string> files;
  std::error_code ec;
  const fs::path whole = fs::path(run_dir) / "index.jsonl";
  if (fs::is_regular_file(whole, ec)) files.push_back(whole.string());
  for (std::string& part : NamesIn(run_dir, [](const std::string& name) {
         return StartsWith(name, kPartPrefix) && EndsWith(name, ".jsonl");
       })) {
    files.push_back(std::move(part));
  }
  return files;
}

std::vector<std::string> JournalFiles(const std::string& run_dir) {
  return NamesIn(run_dir, [](const std::string& name) {
    return StartsWith(name, kJournalPrefix) && EndsWith(name, ".jsonl");
  });
}

std::vector<std::string> ShardLockFiles(const std::string& run_dir) {
  return NamesIn(run_dir, [](const std::string& name) {
    return StartsWith(name, "." + std::string(kPartPrefix)) && EndsWith(name, ".jsonl.lock");
  });
}

}  // namespace docpipe
