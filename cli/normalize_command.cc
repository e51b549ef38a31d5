#include <algorithm>
#include <iostream>

#include "batch/index_record.h"
#include "cli/commands.h"
#include "common/exit_codes.h"
#include "cli/failure.h"
#include "cli/shared_options.h"
#include "common/json_text.h"
#include "common/sha256.h"
#include "cli/output.h"
#include "cli/resource_limits.h"
#include "extract/page_workers.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

struct NormalizeArgs {
  std::string input;
  std::string output;  // empty: stdout
  PasswordOption password;
  std::string ocr = "auto";
  bool compact = false;
  int jobs = 0;  // 0: one per core
  ResourceLimits limits;
  int max_text_mb = 32;
  bool index_summary = false;  // run's workers: the index summary line on stderr
  bool flush_later = false;    // run's workers: the run flushes its outputs at its end
};

int RunNormalize(const NormalizeArgs& args) {
  Result<std::optional<std::string>> password = args.password.Get();
  if (!password.ok()) {
    PrintFailure("normalize", args.input, password.status());
    return kExitUsage;
  }
  ApplyResourceLimits("normalize", args.input, args.limits);
  PipelineOptions options;
  options.password = *password;
  if (args.limits.page_timeout_seconds > 0) options.page_seconds = args.limits.page_timeout_seconds;
  options.ocr = ParseOcrMode(args.ocr).value_or(OcrMode::kAuto);  // checked by CLI11
  options.jobs = args.jobs > 0 ? args.jobs : AvailableCores();
  options.max_text_bytes = static_cast<size_t>(std::max(args.max_text_mb, 0)) << 20;
  Result<nlohmann::ordered_json> doc = Status::Internal("not run");
  std::string text;
  try {
    doc = ProcessFile(args.input, options);
    if (doc.ok()) text = JsonText(*doc, args.compact);
  } catch (const std::bad_alloc&) {
    EndLimitedWork();
    std::cerr << "docpipe normalize: " << args.input << ": " << OutOfMemoryMessage(args.limits) << "\n";
    return kExitLimit;
  }
  EndLimitedWork();
  if (!doc.ok()) {
    PrintFailure("normalize", args.input, doc.status());
    return ExitCodeFor(doc.status());
  }
  const int emitted = EmitOutput("normalize", args.output, text, args.flush_later ? Flush::kLater : Flush::kNow);
  // For `run`: what its index says of the document, so that it need not
  // read the output back (batch/index_record.h).
  if (emitted == kExitOk && args.index_summary) {
    if (Result<DocumentSummary> summary = SummarizeDocument(*doc); summary.ok()) {
      std::cerr << IndexSummaryLine({Sha256Hex(text), std::move(*summary)}) << "\n";
    }
  }
  return emitted;
}

}  // namespace

void AddNormalizeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "normalize", "Repair and model one document (text from another extractor, a PDF, or layout JSON) as validated JSON");
  cmd->add_option("input", args->input, "Input file: .txt (TAB rows), .md (Markdown with pipe or HTML tables), .html, .pdf, or docpipe layout JSON (recognised by content)")->required();
  AddOutputOption(cmd, &args->output, "Output JSON file");
  AddPasswordOption(cmd, &args->password);
  AddOcrOption(cmd, &args->ocr);
  AddCompactOption(cmd, &args->compact);
  AddJobsOption(cmd, &args->jobs);
  AddResourceLimitOptions(cmd, &args->limits);
  cmd->add_option("--max-text-mb", args->max_text_mb, "Refuse text inputs larger than this (MB)")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  cmd->add_flag("--index-summary", args->index_summary, "End stderr with run's index summary line (internal)")
      ->group("");
  cmd->add_flag("--flush-later", args->flush_later,
                "Rename the output into place without flushing it to the disk first; the caller flushes "
                "(run, internal)")
      ->group("");
  cmd->callback([args, exit_code] { *exit_code = RunNormalize(*args); });
}

}  // namespace docpipe
