#include "cli/docpipe_main.h"

#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "common/exit_codes.h"
#include "common/version.h"

namespace docpipe {

int DocpipeMain(int argc, char** argv) {
  CLI::App app{"docpipe: PDF and extracted text of competency standards and plans -> validated JSON"};
  app.set_version_flag("--version", std::string("docpipe ") + kVersion);
  app.require_subcommand(1);
  int exit_code = kExitOk;
  AddNormalizeCommand(app, &exit_code);
  AddValidateCommand(app, &exit_code);
  AddExtractCommand(app, &exit_code);
  AddRunCommand(app, &exit_code);
  AddExportCommand(app, &exit_code);
  AddDiffCommand(app, &exit_code);
  AddWorkerServerCommand(app, &exit_code);
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
