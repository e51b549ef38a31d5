// RunBatch: every PDF and text file under a folder through the pipeline, in
// parallel, resumable, with each input isolated from the others.
//
//   BatchOptions options;
//   options.input_dir = "samples";
//   options.output_dir = "out";
//   Result<BatchSummary> summary = RunBatch(options, &progress);
//
// Each input IN_DIR/a/b.pdf becomes OUT_DIR/a/b.json (written atomically;
// a.pdf and a.txt side by side become a.pdf.json and a.txt.json) and one
// line of OUT_DIR/index.jsonl. By default every document is processed in a
// child process (`docpipe normalize`) with a time and memory limit, so a
// hostile file that crashes or hangs a library fails alone; with
// worker_server_args, those children are forked by a worker server started
// once per run thread rather than each started from scratch. A re-run skips
// inputs whose sha256 and tool version match the index and whose output is
// still there (`force` redoes them). An interrupted run leaves complete
// outputs and a journal the next run resumes from; never a partial file.
//
// With BatchOptions::shard K/N only the inputs of shard K are looked at
// (output names are still those of the whole tree), and the index is
// OUT_DIR/index-shard-K-of-N.jsonl; N such runs, on any machines sharing
// OUT_DIR, give the outputs of one whole run. A run without a shard reads
// every part, skips what they hold, and leaves one index.jsonl.
//
// Only setup problems (unreadable IN_DIR, unwritable OUT_DIR) fail RunBatch;
// per-document failures are counted in the summary and the index.
#ifndef DOCPIPE_BATCH_BATCH_RUNNER_H_
#define DOCPIPE_BATCH_BATCH_RUNNER_H_

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "batch/index_record.h"
#include "batch/shard.h"
#include "common/status.h"
#include "extract/ocr_mode.h"

namespace docpipe {

enum class Isolation { kProcess, kThread };

struct BatchOptions {
  std::string input_dir;           // required
  std::string output_dir = "out";
  int jobs = 0;                  // 0: one per core
  bool force = false;            // redo inputs the index says are unchanged
  Isolation isolation = Isolation::kProcess;
  int timeout_seconds = 300;     // per document (process isolation only)
  int max_memory_mb = 1024;      // per document (process isolation only); 0: none
  std::optional<std::string> password;  // for encrypted PDFs (all of them)
  std::string self_executable = "/proc/self/exe";  // the docpipe binary for workers
  // Process isolation: the arguments that make self_executable a worker
  // server (batch/worker_server.h), one per run thread, which forks each
  // document's worker instead of starting a process for it. Empty, or a
  // server that does not answer: one posix_spawn per document.
  std::vector<std::string> worker_server_args;
  // Set (from a signal handler, say) to stop: no new input starts, running
  // workers are killed, and what finished is kept for the next run.
  const std::atomic<bool>* stop = nullptr;
  OcrMode ocr = OcrMode::kAuto;  // which PDF pages are OCR'd (extract/ocr_mode.h)
  // Only this shard's inputs (batch/shard.h); its records go to its own
  // index part. Shards of one folder run at the same time (each holds its
  // own lock); a run without a shard waits for none of them: it refuses
  // while one runs, and otherwise merges all parts into index.jsonl.
  Shard shard;
};

struct BatchSummary {
  int total = 0;
  int ok = 0;
  int unchanged = 0;
  int failed = 0;
  int not_done = 0;         // left for the next run by a stop
  bool interrupted = false;
  double seconds = 0;
  std::vector<IndexRecord> records;  // in input order; those not done are left out
};

// Called from worker threads (serialised by the runner) after each input.
using ProgressFn = std::function<void(const IndexRecord& record, int done, int total, double elapsed)>;

struct InputTree {
  std::vector<std::string> inputs;  // relative paths, sorted
  // Relative paths that could not be looked at, with the reason: subfolders
  // that cannot be listed, input-named links that lead nowhere or in a loop.
  std::vector<std::pair<std::string, std::string>> unreadable;
};

// Input files under `dir`: *.pdf, *.txt, *.md, *.markdown and *.html at any
// depth (case-insensitive), skipping hidden entries and `exclude_dir`.
// Symbolic links to folders are not followed (no loops); links to files are
// inputs.
Result<InputTree> FindInputs(const std::string& dir, const std::string& exclude_dir);

// Output path (relative to OUT_DIR) of each input; see above.
std::vector<std::string> OutputNames(const std::vector<std::string>& inputs);

Result<BatchSummary> RunBatch(const BatchOptions& options, const ProgressFn& progress);

}  // namespace docpipe

#endif  // DOCPIPE_BATCH_BATCH_RUNNER_H_
