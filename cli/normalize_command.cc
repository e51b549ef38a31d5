#include <sys/resource.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "common/file_io.h"
#include "normalize/pipeline.h"

namespace docpipe {
namespace {

struct NormalizeArgs {
  std::string input;
  std::string output;  // empty: stdout
  std::string password;
  bool compact = false;
  int max_memory_mb = 0;
};

// Caps the address space, so that a hostile input fails with an allocation
// error instead of exhausting the machine (used by `docpipe run` workers).
void LimitMemory(int megabytes) {
  if (megabytes <= 0) return;
  rlimit limit{};
  limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(megabytes) * 1024 * 1024;
  setrlimit(RLIMIT_AS, &limit);
}

int RunNormalize(const NormalizeArgs& args) {
  LimitMemory(args.max_memory_mb);
  PipelineOptions options;
  if (!args.password.empty()) options.password = args.password;
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
  std::string text = doc->dump(args.compact ? -1 : 2) + "\n";
  if (args.output.empty() || args.output == "-") {
    std::cout << text;
    return kExitOk;
  }
  Status written = WriteFileAtomic(args.output, text);
  if (!written.ok()) {
    std::cerr << "docpipe normalize: " << written.ToString() << "\n";
    return kExitWriteFailed;
  }
  return kExitOk;
}

}  // namespace

void AddNormalizeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "normalize", "Repair and model one document (text from another extractor, a PDF, or layout JSON) as validated JSON");
  cmd->add_option("input", args->input, "Input file: .txt (TAB rows), .pdf, or docpipe layout JSON")->required();
  cmd->add_option("-o,--output", args->output, "Output JSON file (written atomically); stdout when omitted");
  cmd->add_option("--password", args->password, "Password of an encrypted PDF");
  cmd->add_flag("--compact", args->compact, "One-line JSON instead of indented");
  cmd->add_option("--max-memory-mb", args->max_memory_mb, "Address-space limit in MB (0: none)");
  cmd->callback([args, exit_code] { *exit_code = RunNormalize(*args); });
}

}  // namespace docpipe
