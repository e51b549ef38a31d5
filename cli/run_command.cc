#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <iostream>

#include "batch/batch_runner.h"
#include "cli/commands.h"
#include "common/exit_codes.h"
#include "cli/failure.h"
#include "cli/shared_options.h"

namespace docpipe {
namespace {

struct RunArgs {
  BatchOptions options;
  std::string isolation = "process";
  std::string ocr = "auto";
  bool quiet = false;
  PasswordOption password;
  std::string shard;
};

std::atomic<bool> g_stop{false};

void OnStopSignal(int) { g_stop.store(true); }

std::string Clock(double seconds) {
  int s = static_cast<int>(seconds + 0.5);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%d:%02d", s / 60, s % 60);
  return buffer;
}

// A progress bar redrawn in place on a terminal; one plain line per input
// otherwise (CI logs).
ProgressFn MakeProgress(bool quiet) {
  const bool tty = ::isatty(STDERR_FILENO);
  return [tty, quiet](const IndexRecord& r, int done, int total, double elapsed) {
    if (quiet) return;  // the summary lists the failures
    if (!tty) {
      std::fprintf(stderr, "[%d/%d] %-9s %s%s%s\n", done, total, r.status.c_str(), r.path.c_str(),
                   r.error.empty() ? "" : ": ", r.error.c_str());
      return;
    }
    if (r.status == "failed") std::fprintf(stderr, "\r\033[Kfailed %s: %s\n", r.path.c_str(), r.error.c_str());
    const int width = 30;
    int filled = total > 0 ? done * width / total : width;
    double eta = done > 0 ? elapsed / done * (total - done) : 0;
    std::fprintf(stderr, "\r\033[K[%.*s%*s] %d/%d  elapsed %s  ETA %s", filled,
                 "##############################", width - filled, "", done, total, Clock(elapsed).c_str(),
                 Clock(eta).c_str());
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
  };
}

int RunRun(RunArgs& args) {
  args.options.ocr = ParseOcrMode(args.ocr).value_or(OcrMode::kAuto);  // checked by CLI11
  if (args.isolation == "thread") {
    args.options.isolation = Isolation::kThread;
  } else if (args.isolation != "process") {
    PrintFailure("run", args.options.input_dir, Status::InvalidArgument("--isolation must be process or thread"));
    return kExitUsage;
  }
  Result<std::optional<std::string>> password = args.password.Get();
  if (!password.ok()) {
    PrintFailure("run", args.options.input_dir, password.status());
    return kExitUsage;
  }
  args.options.password = *password;
  if (!args.shard.empty()) {
    Result<Shard> shard = ParseShard(args.shard);
    if (!shard.ok()) {
      PrintFailure("run", args.options.input_dir, shard.status());
      return kExitUsage;
    }
    args.options.shard = *shard;
  }
  // Ctrl-C or a TERM stops the run cleanly: no new input starts, running
  // workers are stopped, finished outputs and the journal stay for a resume.
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  args.options.stop = &g_stop;
  // Process isolation forks each document's worker from a warm server
  // (`__worker-server`, one per run thread) instead of starting the binary
  // per document; RunBatch falls back to that when no server answers.
  args.options.worker_server_args = {"__worker-server"};
  Result<BatchSummary> summary = RunBatch(args.options, MakeProgress(args.quiet));
  if (!summary.ok()) {
    PrintFailure("run", args.options.input_dir, summary.status());
    return ExitCodeFor(summary.status());
  }
  if (summary->interrupted) {
    std::fprintf(stderr,
                 "docpipe run: interrupted: %d of %d inputs done (%d ok, %d unchanged, %d failed), %d left; "
                 "run again to resume\n",
                 summary->total - summary->not_done, summary->total, summary->ok, summary->unchanged,
                 summary->failed, summary->not_done);
    return kExitInterrupted;
  }
  const std::string shard = args.options.shard.sharded() ? " of shard " + args.options.shard.ToString() : "";
  std::fprintf(stderr, "docpipe run: %d inputs%s: %d ok, %d unchanged, %d failed in %.2f s; index: %s/%s\n",
               summary->total, shard.c_str(), summary->ok, summary->unchanged, summary->failed, summary->seconds,
               args.options.output_dir.c_str(), args.options.shard.IndexName().c_str());
  for (const IndexRecord& r : summary->records) {
    if (r.status == "failed") std::fprintf(stderr, "  failed: %s: %s\n", r.path.c_str(), r.error.c_str());
  }
  return summary->failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddRunCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Run the pipeline over every PDF and text file in a folder");
  cmd->add_option("input_dir", args->options.input_dir,
                  "Folder of inputs (*.pdf, *.txt, *.md, *.markdown, *.html; searched recursively)")
      ->required();
  AddOutputOption(cmd, &args->options.output_dir, "Output folder (JSON per input + index.jsonl)", /*to_stdout=*/false)
      ->capture_default_str();
  cmd->add_option("-j,--jobs", args->options.jobs, "Parallel workers (0: one per core)")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  cmd->add_flag("--force", args->options.force, "Redo inputs whose sha256 and tool version are unchanged");
  AddTimeoutOption(cmd, &args->options.timeout_seconds, LimitScope::kEachDocument);
  AddMemoryLimitOption(cmd, &args->options.max_memory_mb, LimitScope::kEachDocument);
  AddPasswordOption(cmd, &args->password);
  cmd->add_option("--isolation", args->isolation,
                  "process: each document in a child process (limits apply); thread: in-process, faster")
      ->capture_default_str();
  AddOcrOption(cmd, &args->ocr);
  cmd->add_option("--shard", args->shard,
                  "K/N: only this job's share of the inputs (K from 0 to N-1, by a hash of each path), with its own "
                  "index part OUT/index-shard-K-of-N.jsonl; N jobs on one output folder make one run (export "
                  "reads every part; a run without --shard merges them into index.jsonl)");
  cmd->add_flag("-q,--quiet", args->quiet, "Report only failures and the summary");
  cmd->callback([args, exit_code] { *exit_code = RunRun(*args); });
}

}  // namespace docpipe
