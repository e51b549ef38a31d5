// One line of OUT_DIR/index.jsonl: what happened to one input of a batch run.
#ifndef DOCPIPE_BATCH_INDEX_RECORD_H_
#define DOCPIPE_BATCH_INDEX_RECORD_H_

#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace docpipe {

struct IndexRecord {
  std::string path;            // input, relative to IN_DIR
  std::string output;          // output, relative to OUT_DIR ("" when failed)
  std::string sha256;          // of the input bytes
  std::string output_sha256;   // of the output as written, when ok: a changed output is redone
  std::string status;          // "ok" or "failed" (an input skipped on a re-run keeps its record)
  std::string document_type;   // from the output, when ok
  std::string code;            // the document's code, when it has one
  std::map<std::string, int> counts;  // duties, tasks, outputs, ... (ok only)
  int warnings = 0;
  int unparsed = 0;
  std::string error;           // one line, when failed
  int exit_code = 0;           // of the worker
  std::string tool_version;
  double seconds = 0;  // not in the index (it would change on every run)

  nlohmann::ordered_json ToJson() const;
  // nullopt for a line that is not a complete record (an interrupted write).
  static std::optional<IndexRecord> FromJson(const nlohmann::json& line);
};

// The records of index.jsonl (and of the journal of an interrupted run),
// keyed by path, and one "FILE line N: reason" for every line that is not a
// record (malformed, too deep, a member of the wrong type). A missing file
// is an empty index. `run` re-processes inputs whose line is bad; `export`
// refuses an index with bad lines.
struct IndexLoad {
  std::map<std::string, IndexRecord> records;
  std::vector<std::string> bad_lines;
};
IndexLoad LoadIndex(const std::vector<std::string>& files);

// The lines of one index file's text (named `name` in the bad-line reports)
// into `load`: a later line for a path replaces an earlier one, a line that
// is not a record is reported. What LoadIndex does per file. Never throws.
void ParseIndexLines(std::string_view text, std::string_view name, IndexLoad* load);

// What the index says of a written document: its type, its code, the counts
// of its items (duties, tasks, outputs, ... or outline nodes at every depth,
// paragraphs, ...) and of its warnings and unparsed entries. Read from the
// document's JSON: the tree `run` just wrote, or a worker's output parsed
// back. Fails on JSON that is no docpipe document (a member missing or of
// another type).
struct DocumentSummary {
  std::string input_sha256;  // source.sha256: of the bytes that were normalized
  std::string document_type;
  std::string code;
  std::map<std::string, int> counts;
  int warnings = 0;
  int unparsed = 0;
};
Result<DocumentSummary> SummarizeDocument(const nlohmann::ordered_json& document);

// A worker of `run` (`normalize --index-summary`) ends its stderr, after
// writing its output, with one line: this prefix, then the summary and the
// output's sha256 as JSON. The run indexes the document from it instead of
// reading the output back and parsing it.
inline constexpr char kIndexSummaryPrefix[] = "docpipe index summary: ";
struct WorkerSummary {
  std::string output_sha256;
  DocumentSummary document;
};
std::string IndexSummaryLine(const WorkerSummary& summary);
// The last index summary line of `text` (a worker's stderr); nullopt when
// there is none or it is not whole (cut, or a member missing or of another
// type): the run then reads the output itself.
std::optional<WorkerSummary> FindIndexSummaryLine(std::string_view text);

}  // namespace docpipe

#endif  // DOCPIPE_BATCH_INDEX_RECORD_H_
