// libFuzzer target: the diff inputs. The input is two competency-standard
// JSON documents separated by a NUL byte (seeds: pairs of out/ documents).
// Both go through the checks `docpipe diff` applies to JSON inputs (parse,
// schema validation); valid pairs are diffed and every report is rendered,
// and the JSON report must satisfy schema/diff.schema.json.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "diff/change.h"
#include "diff/diff_json.h"
#include "diff/html_report.h"
#include "diff/markdown_report.h"
#include "diff/standard_diff.h"
#include "diff/standard_view.h"
#include "schema/schema_validator.h"

namespace {

bool LoadSide(std::string_view text, nlohmann::ordered_json* doc) {
  *doc = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc->is_discarded()) return false;
  return docpipe::ValidateDocument(nlohmann::json(*doc), docpipe::SchemaKind::kCompetencyStandard).ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t cut = bytes.find('\0');
  if (cut == std::string_view::npos) return 0;
  nlohmann::ordered_json old_doc, new_doc;
  if (!LoadSide(bytes.substr(0, cut), &old_doc) || !LoadSide(bytes.substr(cut + 1), &new_doc)) return 0;
  docpipe::diff::DiffResult result;
  result.old_view = docpipe::diff::ViewOf(old_doc);
  result.new_view = docpipe::diff::ViewOf(new_doc);
  result.changes = docpipe::diff::DiffStandards(result.old_view, result.new_view, {});
  nlohmann::ordered_json report = docpipe::diff::DiffToJson(result);
  if (!docpipe::ValidateDocument(nlohmann::json(report), docpipe::SchemaKind::kDiff).ok()) __builtin_trap();
  (void)docpipe::diff::HtmlReport(result);
  (void)docpipe::diff::MarkdownReport(result);
  return 0;
}
