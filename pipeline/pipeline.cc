#include "pipeline/pipeline.h"

#include "common/file_io.h"
#include "common/sha256.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "normalize/input/ocr_repair.h"
#include "normalize/input/layout_rows.h"
#include "normalize/repair/rule_set.h"
#include "model/policy_json.h"
#include "normalize/policy/policy_parser.h"
#include "normalize/standard/standard_parser.h"
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
  return InputFormat::kText;
}

Status ValidateOutput(const nlohmann::ordered_json& document) {
  nlohmann::json plain(document);
  std::optional<SchemaKind> kind = SchemaKindOf(plain);
  if (!kind) return Status::Internal("output has no known document_type");
  return ValidateDocument(plain, *kind);
}

Result<nlohmann::ordered_json> NormalizeRows(const std::vector<TabRow>& rows, const SourceInfo& source) {
  const RuleSet& rules = RuleSet::Default();
  DocumentFamily family = DetectFamily(rows, rules);
  nlohmann::ordered_json out;
  if (family == DocumentFamily::kCompetencyStandard) {
    Result<CompetencyStandard> standard = ParseCompetencyStandard(rows, rules);
    if (!standard.ok()) return standard.status();
    out = CompetencyStandardToJson(*standard, source);
  } else {
    Result<PolicyDocument> document = ParsePolicyDocument(rows, rules);
    if (!document.ok()) return document.status();
    out = PolicyDocumentToJson(*document, source, DocumentTypeOf(family));
  }
  if (Status s = ValidateOutput(out); !s.ok()) return s;
  return out;
}

namespace {

// A layout's rows through the parsers. What extract noticed about a page
// becomes a warning of the document, so that a loss is not silent: a page it
// could not read (unreadable_page), a page without text, an image of text
// in the middle of a document (page_without_text), anything else it said
// (page_warning); a page read by OCR (ocr_page), and each of its lines with
// words OCR was unsure of (ocr_low_confidence): they are in the document as
// read, and a reader should check them against the scan.
Result<nlohmann::ordered_json> NormalizeLayout(const Layout& layout, const SourceInfo& source) {
  const RuleSet& rules = RuleSet::Default();
  Result<nlohmann::ordered_json> doc = NormalizeRows(LayoutToRows(RepairOcrText(layout, rules), rules), source);
  if (!doc.ok()) return doc;
  for (const Page& page : layout.pages) {
    const std::string where = "page " + std::to_string(page.number);
    auto warn = [&](const char* kind, const std::string& message) {
      (*doc)["warnings"].push_back(
          {{"kind", kind}, {"message", message}, {"location", PosToJson(SourcePos{1, page.number})}});
    };
    if (page.failed) {
      warn("unreadable_page",
           where + " could not be read" + (page.warnings.empty() ? "" : ": " + page.warnings.front()));
      continue;
    }
    if (page.ocr) {
      warn("ocr_page", where + " was read by OCR (" + page.ocr->engine + ", " + page.ocr->language_data + ", " +
                           std::to_string(page.ocr->low_confidence_words) + " words of low confidence)");
      auto flag = [&](const TextLine& line, const std::string& in) {
        if (line.low_confidence_words.empty()) return;
        std::string words;
        for (const std::string& w : line.low_confidence_words) words += (words.empty() ? "" : ", ") + w;
        warn("ocr_low_confidence", where + in + ": OCR unsure of " + words + " in: " + line.text);
      };
      for (const TextLine& line : page.lines) flag(line, "");
      for (const Table& table : page.tables) {
        for (const Cell& cell : table.cells) {
          for (const TextLine& line : cell.lines) {
            flag(line, ", table " + std::to_string(table.id) + " row " + std::to_string(cell.row + 1) + " column " +
                           std::to_string(cell.col + 1));
          }
        }
      }
    }
    const bool has_text = !page.lines.empty() || !page.tables.empty();
    for (const std::string& said : page.warnings) warn(has_text ? "page_warning" : "page_without_text", where + ": " + said);
  }
  return doc;
}

}  // namespace

Result<nlohmann::ordered_json> ProcessBytes(std::string_view bytes, const std::string& path,
                                            const PipelineOptions& options) {
  switch (SniffFormat(bytes)) {
    case InputFormat::kPdf: {
      ExtractOptions extract;
      extract.password = options.password;
      extract.ocr = options.ocr;
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
      break;
  }
  if (bytes.size() > options.max_text_bytes) {
    return Status::BadInput("text input of " + std::to_string(bytes.size() >> 20) + " MB exceeds the limit of " +
                            std::to_string(options.max_text_bytes >> 20) + " MB for text documents");
  }
  SourceInfo source{path, Sha256Hex(bytes), "text", std::nullopt};
  Result<std::vector<TabRow>> rows = ParseTabText(bytes);
  if (!rows.ok()) return rows.status();
  return NormalizeRows(*rows, source);
}

Result<nlohmann::ordered_json> ProcessFile(const std::string& path, const PipelineOptions& options) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return ProcessBytes(*bytes, path, options);
}

}  // namespace docpipe
