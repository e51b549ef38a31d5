#include <cstdio>
#include <iostream>

#include "batch/exporter.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace docpipe {

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ExportOptions>();
  auto format = std::make_shared<std::string>("csv");
  CLI::App* cmd = app.add_subcommand("export", "Flat CSV tables or JSON Lines from a `docpipe run` output folder");
  cmd->add_option("output_dir", options->output_dir, "Folder written by docpipe run")->capture_default_str();
  cmd->add_option("--format", *format, "csv or jsonl")->check(CLI::IsMember({"csv", "jsonl"}))->capture_default_str();
  cmd->add_option("-o,--output,--export-dir", options->export_dir, "Where to write the tables (default OUT_DIR/export)");
  cmd->callback([options, format, exit_code] {
    options->format = *format == "jsonl" ? ExportFormat::kJsonl : ExportFormat::kCsv;
    Result<ExportSummary> summary = ExportTables(*options);
    if (!summary.ok()) {
      std::cerr << "docpipe export: " << options->output_dir << ": " << summary.status().ToString() << "\n";
      *exit_code = ExitCodeFor(summary.status());
      return;
    }
    std::fprintf(stderr, "docpipe export: %d documents\n", summary->documents);
    for (const auto& [file, rows] : summary->rows) std::fprintf(stderr, "  %-20s %d rows\n", file.c_str(), rows);
    *exit_code = kExitOk;
  });
}

}  // namespace docpipe
