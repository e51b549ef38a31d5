#include "cli/docpipe_main.h"

#include <algorithm>
#include <exception>
#include <iterator>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "common/exit_codes.h"
#include "common/version.h"

namespace docpipe {

namespace {

// The subcommands, by the name each registers. A command line names one
// (argv[1]); only that one is built when it does: building all seven costs
// about 0.8 M instructions, a third of a 30 KB text's normalize in a
// worker, which runs this once per document (batch/worker_server.h).
struct Command {
  const char* name;
  void (*add)(CLI::App& app, int* exit_code);
};
constexpr Command kCommands[] = {
    {"normalize", AddNormalizeCommand}, {"validate", AddValidateCommand},
    {"extract", AddExtractCommand},     {"run", AddRunCommand},
    {"export", AddExportCommand},       {"diff", AddDiffCommand},
    {"__worker-server", AddWorkerServerCommand},
};

}  // namespace

int DocpipeMain(int argc, char** argv) {
  CLI::App app{"docpipe: PDF and extracted text of competency standards and plans -> validated JSON"};
  app.set_version_flag("--version", std::string("docpipe ") + kVersion);
  app.require_subcommand(1);
  int exit_code = kExitOk;
  // Anything else (no subcommand, an option first, a misspelt name) gets
  // them all: --help lists them, an error names the choices.
  const std::string_view named = argc > 1 ? std::string_view(argv[1]) : std::string_view();
  const Command* one = std::find_if(std::begin(kCommands), std::end(kCommands),
                                    [named](const Command& command) { return named == command.name; });
  if (one != std::end(kCommands)) {
    one->add(app, &exit_code);
  } else {
    for (const Command& command : kCommands) command.add(app, &exit_code);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& e) {
    // Last resort: libraries' exceptions are caught at their adapters and
    // become a Status; one that gets here is a bug.
    std::cerr << "docpipe: internal error: " << e.what() << "\n";
    return kExitInternal;
  } catch (...) {
    std::cerr << "docpipe: internal error: unknown exception\n";
    return kExitInternal;
  }
  return exit_code;
}

}  // namespace docpipe
