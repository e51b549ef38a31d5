#include "pipeline/pipeline.h"

#include "common/file_io.h"
#include "common/sha256.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "normalize/input/markup_input.h"
#include "normalize/input/layout_rows.h"
#include "normalize/repair/rule_set.h"
#include "model/policy_json.h"
#include "normalize/policy/policy_parser.h"
#include "normalize/standard/standard_parser.h"
#include "normalize/repair/text_layer_repair.h"
#include "schema/schema_validator.h"

namespace docpipe {

InputFormat SniffFormat(std::string_view bytes) {
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) ++i;
  // The PDF header may follow up to 1024 bytes of junk (PDF 32000-1, 7.5.2).
  size_t magic = bytes.substr(0, 1024).find("%PDF-");
  if (magic != std::string_view::npos) return InputFormat::kPdf;
  if (i < bytes.size() && bytes[i] == '{') return InputFormat::kLayoutJson;
  if (LooksLikeHtml(bytes)) return InputFormat::kHtml;
  if (LooksLikeMarkdown(bytes)) return InputFormat::kMarkdown;
  return InputFormat::kText;
}

Status ValidateOutput(const nlohmann::ordered_json& document) {
  nlohmann::json plain(document);
  std::optional<SchemaKind> kind = SchemaKindOf(plain);
  if (!kind) return Status::Internal("output has no known document_type");
  return ValidateDocument(plain, *kind);
}

namespace {

// Rows through the family's parser; `extra` (what extract said about the
// pages) joins the document's warnings before it is written and validated,
// so that what is returned is what was validated.
Result<nlohmann::ordered_json> NormalizeRowsWith(const std::vector<TabRow>& rows, const SourceInfo& source,
                                                 const std::vector<Warning>& extra) {
  // A PDF's text layer (read now or earlier, as layout JSON) has no markup
  // remnants and its overprints were removed by extract: "**" and "III" in it
  // are data. Other extractors' text, Markdown and HTML get every repair.
  const bool from_pdf = source.format == "pdf" || source.format == "layout";
  const RuleSet& rules = RuleSet::Default(from_pdf ? RuleInput::kPdf : RuleInput::kText);
  DocumentFamily family = DetectFamily(rows, rules);
  nlohmann::ordered_json out;
  if (family == DocumentFamily::kCompetencyStandard) {
    Result<CompetencyStandard> standard = ParseCompetencyStandard(rows, rules);
    if (!standard.ok()) return standard.status();
    for (const Warning& w : extra) standard->diagnostics.warnings.push_back(w);
    out = CompetencyStandardToJson(*standard, source);
  } else {
    Result<PolicyDocument> document = ParsePolicyDocument(rows, rules);
    if (!document.ok()) return document.status();
    for (const Warning& w : extra) document->diagnostics.warnings.push_back(w);
    out = PolicyDocumentToJson(*document, source, DocumentTypeOf(family));
  }
  if (std::optional<Warning> repaired = TextLayerRepairWarning(rows)) {
    out["warnings"].push_back(
        {{"kind", repaired->kind}, {"message", repaired->message}, {"location", PosToJson(repaired->pos)}});
  }
  if (Status s = ValidateOutput(out); !s.ok()) return s;
  return out;
}

// What extract noticed about a page becomes a warning of the document, so
// that a loss is not silent: a page it could not read (unreadable_page), a
// page without text, an image of text in the middle of a document
// (page_without_text), anything else it said (page_warning).
std::vector<Warning> PageWarnings(const Layout& layout) {
  std::vector<Warning> warnings;
  for (const Page& page : layout.pages) {
    const std::string where = "page " + std::to_string(page.number);
    const SourcePos pos{1, page.number};
    if (page.failed) {
      warnings.push_back({"unreadable_page",
                          where + " could not be read" + (page.warnings.empty() ? "" : ": " + page.warnings.front()),
                          pos});
      continue;
    }
    const bool has_text = !page.lines.empty() || !page.tables.empty();
    for (const std::string& said : page.warnings) {
      warnings.push_back({has_text ? "page_warning" : "page_without_text", where + ": " + said, pos});
    }
  }
  return warnings;
}

Result<nlohmann::ordered_json> NormalizeLayout(const Layout& layout, const SourceInfo& source) {
  return NormalizeRowsWith(LayoutToRows(layout, RuleSet::Default()), source, PageWarnings(layout));
}

}  // namespace

Result<nlohmann::ordered_json> NormalizeRows(const std::vector<TabRow>& rows, const SourceInfo& source) {
  return NormalizeRowsWith(rows, source, {});
}

Result<nlohmann::ordered_json> ProcessBytes(std::string_view bytes, const std::string& path,
                                            const PipelineOptions& options) {
  const InputFormat format = SniffFormat(bytes);
  switch (format) {
    case InputFormat::kPdf: {
      ExtractOptions extract;
      extract.password = options.password;
      Result<Layout> layout = ExtractLayout(bytes, path, extract);
      if (!layout.ok()) return layout.status();
      return NormalizeLayout(*layout, SourceInfo{path, layout->source_sha256, "pdf", layout->page_count});
    }
    case InputFormat::kLayoutJson: {
      Result<Layout> layout = ParseLayoutJson(bytes);
      if (!layout.ok()) return layout.status();
      return NormalizeLayout(*layout, SourceInfo{path, Sha256Hex(bytes), "layout", layout->page_count});
    }
    case InputFormat::kText:
    case InputFormat::kMarkdown:
    case InputFormat::kHtml:
      break;
  }
  if (bytes.size() > options.max_text_bytes) {
    return Status::BadInput("text input of " + std::to_string(bytes.size() >> 20) + " MB exceeds the limit of " +
                            std::to_string(options.max_text_bytes >> 20) + " MB for text documents");
  }
  const char* name = format == InputFormat::kMarkdown ? "markdown" : format == InputFormat::kHtml ? "html" : "text";
  SourceInfo source{path, Sha256Hex(bytes), name, std::nullopt};
  Result<std::vector<TabRow>> rows = format == InputFormat::kMarkdown ? ParseMarkdownText(bytes)
                                     : format == InputFormat::kHtml   ? ParseHtmlText(bytes)
                                                                      : ParseTabText(bytes);
  if (!rows.ok()) return rows.status();
  return NormalizeRows(*rows, source);
}

Result<nlohmann::ordered_json> ProcessFile(const std::string& path, const PipelineOptions& options) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return ProcessBytes(*bytes, path, options);
}

}  // namespace docpipe
