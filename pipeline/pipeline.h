// The whole path from an input file to a validated document:
//
//   bytes --sniff--> text  --ParseTabText--> rows --+
//                    markdown, html --MarkdownToRows, HtmlToRows->+
//                    pdf   --extract, LayoutToRows->+--> family detection
//                    layout JSON --LayoutToRows---->+    --> parser --> JSON
//                                                         --> schema check
//
//   Result<nlohmann::ordered_json> doc = ProcessFile("samples/text/X.txt", {});
//
// A result that breaks its schema is an error (SchemaViolation), never
// returned as a document.
#ifndef DOCPIPE_PIPELINE_PIPELINE_H_
#define DOCPIPE_PIPELINE_PIPELINE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/ocr_mode.h"
#include "pipeline/document_family.h"
#include "model/standard_json.h"
#include "normalize/input/tab_text.h"

namespace docpipe {

enum class InputFormat { kText, kPdf, kLayoutJson, kMarkdown, kHtml };

// By content, not by file name: a JSON object (unless it holds a PDF header
// at a line's start, or is ill-formed UTF-8 with PDF object syntax: a PDF
// behind junk that opens with '{'), %PDF- magic in the first 1024 bytes, PDF object
// syntax without a header (a damaged PDF is still a PDF, never text), HTML
// (LooksLikeHtml), Markdown with tables or headings (LooksLikeMarkdown),
// else text.
InputFormat SniffFormat(std::string_view bytes);

struct PipelineOptions {
  std::optional<std::string> password;  // for encrypted PDFs
  OcrMode ocr = OcrMode::kAuto;          // which PDF pages are OCR'd (extract/ocr_mode.h)
  // Text inputs larger than this are refused (BadInput) before parsing: a
  // real standard or plan is well under 1 MB, and a hostile 100 MB line
  // would otherwise cost seconds and gigabytes.
  size_t max_text_bytes = size_t{32} << 20;
  std::optional<double> page_seconds;  // PDF: each page's time budget (see ExtractOptions)
  // PDF: page worker processes (ExtractOptions::jobs). 1 for a caller that
  // runs several documents at once (`docpipe run`) or uses threads.
  int jobs = 1;
  // The input's SHA-256 (lowercase hex) when the caller already has it
  // (`docpipe run` hashes every input for its index): text and layout
  // inputs then take it as their source.sha256 instead of hashing again.
  std::string input_sha256;
};

// Rows (from text or from a PDF) -> document JSON, validated.
Result<nlohmann::ordered_json> NormalizeRows(const std::vector<TabRow>& rows, const SourceInfo& source);

Result<nlohmann::ordered_json> ProcessBytes(std::string_view bytes, const std::string& path,
                                            const PipelineOptions& options);
Result<nlohmann::ordered_json> ProcessFile(const std::string& path, const PipelineOptions& options);

// Validates against the schema named by the document's document_type.
Status ValidateOutput(const nlohmann::ordered_json& document);

}  // namespace docpipe

#endif  // DOCPIPE_PIPELINE_PIPELINE_H_
