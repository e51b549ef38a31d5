// Flat tables for data teams: `docpipe export OUT_DIR --format csv|jsonl`.
//
// Reads OUT_DIR/index.jsonl and every successful document it lists, and
// writes, atomically, into the export folder:
//   csv:   standards, duties, tasks, outputs, indicators, knowledge, skills,
//          attitudes, task_knowledge, task_skills (.csv, UTF-8, header row,
//          RFC 4180 quoting; keys are the standard code plus item codes);
//   jsonl: documents.jsonl, one document per line (every document type).
//
//   Result<ExportSummary> s = ExportTables({"out", "out/export", ExportFormat::kCsv});
#ifndef DOCPIPE_BATCH_EXPORTER_H_
#define DOCPIPE_BATCH_EXPORTER_H_

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace docpipe {

enum class ExportFormat { kCsv, kJsonl };

struct ExportOptions {
  std::string output_dir = "out";      // a `docpipe run` output folder
  std::string export_dir;              // default: OUT_DIR/export
  ExportFormat format = ExportFormat::kCsv;
};

struct ExportSummary {
  int documents = 0;
  std::map<std::string, int> rows;  // file name -> data rows written
};

Result<ExportSummary> ExportTables(const ExportOptions& options);

// One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
std::string CsvField(const std::string& value);

}  // namespace docpipe

#endif  // DOCPIPE_BATCH_EXPORTER_H_
