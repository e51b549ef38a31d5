#include <iostream>

#include "cli/commands.h"
#include "common/exit_codes.h"
#include "cli/failure.h"
#include "cli/shared_options.h"
#include "common/json_text.h"
#include "common/file_io.h"
#include "diff/diff_json.h"
#include "diff/html_report.h"
#include "diff/markdown_report.h"
#include "diff/standard_diff.h"
#include "diff/standard_loader.h"
#include "schema/schema_validator.h"

namespace docpipe {
namespace {

struct DiffArgs {
  std::string old_path, new_path;
  std::string format = "json";
  std::string output;  // empty: stdout
  PasswordOption password;
};

// diff(1) exit codes: whatever went wrong, trouble is kExitUsage (2).
int RunDiff(const DiffArgs& args) {
  PipelineOptions options;
  Result<std::optional<std::string>> password = args.password.Get();
  if (!password.ok()) {
    PrintFailure("diff", args.old_path, password.status());
    return kExitUsage;
  }
  options.password = *password;
  diff::DiffResult result;
  const std::string* paths[2] = {&args.old_path, &args.new_path};
  diff::DiffInput* inputs[2] = {&result.old_input, &result.new_input};
  diff::StandardView* views[2] = {&result.old_view, &result.new_view};
  for (int i = 0; i < 2; ++i) {
    Result<nlohmann::ordered_json> doc = diff::LoadStandard(*paths[i], options);
    if (!doc.ok()) {
      PrintFailure("diff", *paths[i], doc.status());
      return kExitUsage;
    }
    *inputs[i] = {*paths[i], doc->value("code", ""), doc->value("name", "")};
    *views[i] = diff::ViewOf(*doc);
  }
  result.changes = diff::DiffStandards(result.old_view, result.new_view, {});

  std::string text;
  if (args.format == "md") {
    text = diff::MarkdownReport(result);
  } else if (args.format == "html") {
    text = diff::HtmlReport(result);
  } else {
    nlohmann::ordered_json json = diff::DiffToJson(result);
    Status valid = ValidateDocument(nlohmann::json(json), SchemaKind::kDiff);
    if (!valid.ok()) {
      PrintFailure("diff", args.new_path, Status::Internal("result breaks diff.schema.json: " + valid.message()));
      return kExitUsage;
    }
    text = JsonText(json);
  }
  if (args.output.empty() || args.output == "-") {
    std::cout << text;
  } else if (Status written = WriteFileAtomic(args.output, text); !written.ok()) {
    PrintFailure("diff", args.output, written);
    return kExitUsage;
  }
  return result.changes.empty() ? kExitOk : kExitDiffFound;
}

}  // namespace

void AddDiffCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "Compare two versions of a competency standard; exit 0 same, 1 different, 2 trouble (as diff(1))");
  cmd->add_option("old", args->old_path, "Old version: competency-standard JSON, PDF, or text")->required();
  cmd->add_option("new", args->new_path, "New version: competency-standard JSON, PDF, or text")->required();
  cmd->add_option("--format", args->format, "json (schema/diff.schema.json), md, or html (self-contained page)")
      ->check(CLI::IsMember({"json", "md", "html"}));
  AddOutputOption(cmd, &args->output, "Output file");
  AddPasswordOption(cmd, &args->password);
  cmd->callback([args, exit_code] { *exit_code = RunDiff(*args); });
}

}  // namespace docpipe
