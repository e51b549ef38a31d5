// docpipe: competency standards and government plans from PDF or extracted
// text to validated JSON. See README.md for commands and exit codes.
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "common/exit_codes.h"
#include "common/version.h"

int main(int argc, char** argv) {
  CLI::App app{"docpipe: PDF and extracted text of competency standards and plans -> validated JSON"};
  app.set_version_flag("--version", std::string("docpipe ") + docpipe::kVersion);
  app.require_subcommand(1);
  int exit_code = docpipe::kExitOk;
  docpipe::AddNormalizeCommand(app, &exit_code);
  docpipe::AddValidateCommand(app, &exit_code);
  docpipe::AddExtractCommand(app, &exit_code);
  docpipe::AddRunCommand(app, &exit_code);
  docpipe::AddExportCommand(app, &exit_code);
  docpipe::AddDiffCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? docpipe::kExitOk : docpipe::kExitUsage;
  } catch (const std::exception& e) {
    // Last resort: libraries' exceptions are caught at their adapters and
    // become a Status; one that gets here is a bug.
    std::cerr << "docpipe: internal error: " << e.what() << "\n";
    return docpipe::kExitInternal;
  } catch (...) {
    std::cerr << "docpipe: internal error: unknown exception\n";
    return docpipe::kExitInternal;
  }
  return exit_code;
}
