#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace docpipe {

void AddExtractCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("extract", "PDF -> layout JSON (not yet available)");
  cmd->callback([exit_code] {
    std::cerr << "docpipe extract: not yet available\n";
    *exit_code = kExitUnsupported;
  });
}

}  // namespace docpipe
