#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace docpipe {

void AddRunCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("run", "batch over a folder (not yet available)");
  cmd->callback([exit_code] { *exit_code = kExitUnsupported; });
}

}  // namespace docpipe
