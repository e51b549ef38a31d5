// Shard: one of N deterministic parts of a `docpipe run`'s inputs, so that
// N machines (or N jobs of a scheduler) share one input tree and one output
// folder without talking to each other.
//
//   Result<Shard> shard = ParseShard("2/4");    // K/N, K from 0 to N-1
//   if (shard->Holds("a/b.pdf")) ...            // same answer on every machine
//   shard->IndexName();                         // "index-shard-2-of-4.jsonl"
//
// An input belongs to shard K when the first 64 bits of the SHA-256 of its
// path relative to the input folder (with '/' separators), modulo N, are K:
// stable across machines, runs and tool versions, independent of file
// contents and of which other files exist. Shard 0/1 is the whole run and
// writes index.jsonl.
//
// The files of a run folder's index: index.jsonl (a whole run, or the merge
// of shards that a run without --shard makes) and one part per shard,
// index-shard-K-of-N.jsonl. Readers (run's resume, export) take them all.
#ifndef DOCPIPE_BATCH_SHARD_H_
#define DOCPIPE_BATCH_SHARD_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace docpipe {

struct Shard {
  int index = 0;  // K, 0 <= K < count
  int count = 1;  // N; 1: not sharded

  bool sharded() const { return count > 1; }
  // True when the input at `relative_path` is this shard's.
  bool Holds(std::string_view relative_path) const;
  // "index.jsonl", or "index-shard-K-of-N.jsonl".
  std::string IndexName() const;
  // The journal of an unfinished run of this shard (a hidden file).
  std::string JournalName() const;
  // The hidden file whose lock keeps one shard from running twice at once.
  std::string LockName() const;
  // "K/N", as given to --shard.
  std::string ToString() const;
};

// "K/N" with 1 <= N <= 100000 and 0 <= K < N; InvalidArgument otherwise.
Result<Shard> ParseShard(std::string_view text);

// Paths of the index files in `run_dir` in the order their records are
// merged (a later record for a path replaces an earlier one): index.jsonl,
// then the shard parts by name. Missing files are left out.
std::vector<std::string> IndexFiles(const std::string& run_dir);

// The journals of unfinished runs (sharded or not) in `run_dir`.
std::vector<std::string> JournalFiles(const std::string& run_dir);

// The shards' lock files in `run_dir`.
std::vector<std::string> ShardLockFiles(const std::string& run_dir);

}  // namespace docpipe

#endif  // DOCPIPE_BATCH_SHARD_H_
