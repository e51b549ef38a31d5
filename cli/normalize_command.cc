#include <sys/resource.h>

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "pipeline/pipeline.h"

namespace docpipe {
namespace {

struct NormalizeArgs {
  std::string input;
  std::string output;  // empty: stdout
  std::string password;
  std::string ocr = "auto";
  bool compact = false;
  int max_memory_mb = 0;
  int max_text_mb = 32;
};

// Caps the address space, so that a hostile input fails with an allocation
// error instead of exhausting the machine (used by `docpipe run` workers).
void LimitMemory(int megabytes) {
#if defined(__SANITIZE_ADDRESS__)
  megabytes = 0;  // ASan reserves terabytes of address space up front
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  megabytes = 0;
#endif
#endif
  if (megabytes <= 0) return;
  rlimit limit{};
  limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(megabytes) * 1024 * 1024;
  setrlimit(RLIMIT_AS, &limit);
}

int RunNormalize(const NormalizeArgs& args) {
  LimitMemory(args.max_memory_mb);
  PipelineOptions options;
  if (!args.password.empty()) options.password = args.password;
  options.ocr = ParseOcrMode(args.ocr).value_or(OcrMode::kAuto);  // checked by CLI11
  options.max_text_bytes = static_cast<size_t>(std::max(args.max_text_mb, 0)) << 20;
  Result<nlohmann::ordered_json> doc = Status::Internal("not run");
  try {
    doc = ProcessFile(args.input, options);
  } catch (const std::bad_alloc&) {
    doc = Status::BadInput("out of memory (limit " + std::to_string(args.max_memory_mb) + " MB)");
  }
  if (!doc.ok()) {
    std::cerr << "docpipe normalize: " << args.input << ": " << doc.status().ToString() << "\n";
    return ExitCodeFor(doc.status());
  }
  return EmitOutput("normalize", args.output, doc->dump(args.compact ? -1 : 2) + "\n");
}

}  // namespace

void AddNormalizeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "normalize", "Repair and model one document (text from another extractor, a PDF, or layout JSON) as validated JSON");
  cmd->add_option("input", args->input, "Input file: .txt (TAB rows), .pdf, or docpipe layout JSON")->required();
  cmd->add_option("-o,--output", args->output, "Output JSON file (written atomically); stdout when omitted");
  cmd->add_option("--password", args->password, "Password of an encrypted PDF");
  cmd->add_option("--ocr", args->ocr, "Which pages are read by OCR: auto (pages with an image and no usable text layer), never, always")->check(CLI::IsMember({"auto", "never", "always"}))->capture_default_str();
  cmd->add_flag("--compact", args->compact, "One-line JSON instead of indented");
  cmd->add_option("--max-memory-mb", args->max_memory_mb, "Address-space limit in MB (0: none)");
  cmd->add_option("--max-text-mb", args->max_text_mb, "Refuse text inputs larger than this (MB)")->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunNormalize(*args); });
}

}  // namespace docpipe
