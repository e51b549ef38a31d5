#include <iostream>

#include "cli/commands.h"
#include "common/exit_codes.h"
#include "cli/failure.h"
#include "common/file_io.h"
#include "common/json_parse.h"
#include "schema/schema_validator.h"

namespace docpipe {
namespace {

// Validates one file; prints one line on failure.
int ValidateOne(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    PrintFailure("validate", path, text.status());
    return ExitCodeFor(text.status());
  }
  Result<nlohmann::json> parsed = ParseUntrustedJson(*text);
  if (!parsed.ok()) {
    PrintFailure("validate", path, parsed.status());
    return kExitBadInput;
  }
  const nlohmann::json& doc = *parsed;
  std::optional<SchemaKind> kind = SchemaKindOf(doc);
  if (!kind) {
    PrintFailure("validate", path, Status::BadInput("no known document_type"));
    return kExitBadInput;
  }
  Status status = ValidateDocument(doc, *kind);
  if (!status.ok()) {
    PrintFailure("validate", path, status);
    return ExitCodeFor(status);
  }
  std::cout << path << ": valid " << SchemaFileName(*kind) << "\n";
  return kExitOk;
}

}  // namespace

void AddValidateCommand(CLI::App& app, int* exit_code) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("validate", "Validate JSON files against the schema their document_type names");
  cmd->add_option("files", *files, "JSON files written by docpipe")->required();
  cmd->callback([files, exit_code] {
    int worst = kExitOk;
    for (const std::string& path : *files) {
      int code = ValidateOne(path);
      if (worst == kExitOk) worst = code;
    }
    *exit_code = worst;
  });
}

}  // namespace docpipe
