#include <cstdio>
#include <iostream>

#include "catalogue/catalogue_export.h"
#include "cli/commands.h"
#include "common/exit_codes.h"
#include "cli/failure.h"
#include "cli/shared_options.h"

namespace docpipe {

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<catalogue::CatalogueOptions>();
  auto format = std::make_shared<std::string>("sqlite");
  CLI::App* cmd = app.add_subcommand(
      "export", "The catalogue of a `docpipe run` folder: one SQLite database, or CSV / JSON Lines tables");
  cmd->add_option("output_dir", options->run_dir, "Folder written by docpipe run")->capture_default_str();
  cmd->add_option("--format", *format, "sqlite, csv or jsonl")
      ->check(CLI::IsMember({"sqlite", "csv", "jsonl"}))
      ->capture_default_str();
  AddOutputOption(cmd, &options->output,
                  "The database file (sqlite; default OUT_DIR/catalogue.sqlite) or the folder of the tables "
                  "(csv, jsonl; default OUT_DIR/export)",
                  /*to_stdout=*/false);
  cmd->callback([options, format, exit_code] {
    options->format = *format == "sqlite" ? catalogue::CatalogueFormat::kSqlite
                      : *format == "csv"  ? catalogue::CatalogueFormat::kCsv
                                          : catalogue::CatalogueFormat::kJsonl;
    Result<catalogue::CatalogueSummary> summary = catalogue::ExportCatalogue(*options);
    if (!summary.ok()) {
      PrintFailure("export", options->run_dir, summary.status());
      *exit_code = ExitCodeFor(summary.status());
      return;
    }
    std::fprintf(stderr, "docpipe export: %d documents\n", summary->documents);
    for (const auto& [table, rows] : summary->rows) {
      std::fprintf(stderr, "  %-22s %lld rows\n", table.c_str(), static_cast<long long>(rows));
    }
    *exit_code = kExitOk;
  });
}

}  // namespace docpipe
