#include "pipeline/pipeline.h"

#include <optional>

#include "common/file_io.h"
#include "common/sha256.h"
#include "common/unicode.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "normalize/input/markup_input.h"
#include "normalize/input/ocr_repair.h"
#include "normalize/input/layout_rows.h"
#include "normalize/repair/rule_set.h"
#include "model/policy_json.h"
#include "normalize/policy/policy_parser.h"
#include "normalize/standard/standard_parser.h"
#include "normalize/repair/text_layer_repair.h"
#include "pipeline/conservation.h"
#include "schema/schema_validator.h"

namespace docpipe {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsPdfSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

// True when `bytes` hold an indirect object ("12 0 obj" ... "endobj") or a
// cross-reference section ("xref" / "startxref"): PDF syntax, whatever the
// header says. Text that merely mentions the words has neither shape.
bool HasPdfObjectSyntax(std::string_view bytes) {
  if (bytes.find("endobj") == std::string_view::npos && bytes.find("startxref") == std::string_view::npos) {
    return false;
  }
  if (bytes.find("startxref") != std::string_view::npos && bytes.find("trailer") != std::string_view::npos) {
    return true;
  }
  for (size_t at = bytes.find("obj"); at != std::string_view::npos; at = bytes.find("obj", at + 3)) {
    // Backwards from "obj": spaces, a generation number, spaces, an object number.
    size_t i = at;
    auto skip_spaces = [&] {
      size_t n = 0;
      while (i > 0 && IsPdfSpace(bytes[i - 1])) --i, ++n;
      return n;
    };
    auto skip_digits = [&] {
      size_t n = 0;
      while (i > 0 && IsDigit(bytes[i - 1])) --i, ++n;
      return n;
    };
    if (at > 0 && bytes[at - 1] == 'd') continue;  // "endobj"
    if (skip_spaces() == 0 || skip_digits() == 0 || skip_spaces() == 0 || skip_digits() == 0) continue;
    if (bytes.find("endobj", at) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

InputFormat SniffFormat(std::string_view bytes) {
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) ++i;
  if (i < bytes.size() && bytes[i] == '{') {
    // A JSON object, or a PDF behind junk that opens with '{' (poppler reads
    // such a file). JSON cannot hold a PDF header at a line's start: a
    // raw line break is not allowed inside a JSON string, and '%' not
    // outside one. Nor can it hold ill-formed UTF-8 (RFC 8259, 8.1), which
    // a binary PDF's streams do; so a layout JSON that quotes PDF syntax in
    // its text, "%PDF-" too, stays JSON.
    const bool header_on_a_line = bytes.find("\n%PDF-") != std::string_view::npos ||
                                  bytes.find("\r%PDF-") != std::string_view::npos;
    if (header_on_a_line || (HasPdfObjectSyntax(bytes) && unicode::FindInvalidUtf8(bytes))) {
      return InputFormat::kPdf;
    }
    return InputFormat::kLayoutJson;
  }
  // The PDF header may follow up to 1024 bytes of junk (PDF 32000-1, 7.5.2).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputFormat::kPdf;
  // PDF syntax before the markup guesses: a damaged PDF is never text.
  if (HasPdfObjectSyntax(bytes)) return InputFormat::kPdf;
  if (LooksLikeHtml(bytes)) return InputFormat::kHtml;
  if (LooksLikeMarkdown(bytes)) return InputFormat::kMarkdown;
  return InputFormat::kText;
}

Status ValidateOutput(const nlohmann::ordered_json& document) {
  std::optional<SchemaKind> kind = SchemaKindOf(document);
  if (!kind) return Status::Internal("output has no known document_type");
  return ValidateDocument(document, *kind);
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
  FamilyDecision decision = DecideFamily(rows, rules);
  const DocumentFamily family = decision.family;
  nlohmann::ordered_json out;
  std::vector<std::string> consumed;
  if (family == DocumentFamily::kCompetencyStandard) {
    Result<CompetencyStandard> standard = ParseCompetencyStandard(rows, rules);
    if (!standard.ok()) return standard.status();
    for (const Warning& w : extra) standard->diagnostics.warnings.push_back(w);
    consumed = std::move(standard->diagnostics.consumed);
    out = CompetencyStandardToJson(std::move(*standard), source);
  } else {
    Result<PolicyDocument> document = ParsePolicyLines(decision.lines, rules);
    if (!document.ok()) return document.status();
    for (const Warning& w : extra) document->diagnostics.warnings.push_back(w);
    consumed = std::move(document->diagnostics.consumed);
    out = PolicyDocumentToJson(std::move(*document), source, DocumentTypeOf(family));
  }
  auto warn = [&](const Warning& w) {
    out["warnings"].push_back({{"kind", w.kind}, {"message", w.message}, {"location", PosToJson(w.pos)}});
  };
  if (std::optional<Warning> repaired = TextLayerRepairWarning(rows)) warn(*repaired);
  // Last, so that every other warning counts as accounted text. PDFs and
  // their layouts only: the text readers' own repairs (markup, the code
  // separators of TAB text) are not yet accounted for.
  if (from_pdf) {
    for (const Warning& w : UnaccountedCharacters(rows, out, consumed, rules)) warn(w);
  }
  if (Status s = ValidateOutput(out); !s.ok()) return s;
  return out;
}

// What extract noticed about a page becomes a warning of the document, so
// that a loss is not silent: a page it could not read (unreadable_page), a
// page without text, an image of text in the middle of a document
// (page_without_text), anything else it said (page_warning); a page read by
// OCR (ocr_page), and each of its lines with words OCR was unsure of
// (ocr_low_confidence): they are in the document as read, and a reader
// should check them against the scan.
std::vector<Warning> PageWarnings(const Layout& layout) {
  std::vector<Warning> warnings;
  for (const Page& page : layout.pages) {
    const std::string where = "page " + std::to_string(page.number);
    const SourcePos pos{1, page.number};
    auto warn = [&](const char* kind, const std::string& message) { warnings.push_back({kind, message, pos}); };
    if (page.failed) {
      warnings.push_back({"unreadable_page",
                          where + " could not be read" + (page.warnings.empty() ? "" : ": " + page.warnings.front()),
                          pos});
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
    for (const std::string& said : page.warnings) {
      warnings.push_back({has_text ? "page_warning" : "page_without_text", where + ": " + said, pos});
    }
  }
  return warnings;
}

// Takes the layout: its pages are freed once they are rows, before the
// document's JSON tree is built (a 2,000-page PDF's layout is about 100 MB
// that the rest of normalize does not read).
Result<nlohmann::ordered_json> NormalizeLayout(Layout layout, const SourceInfo& source) {
  const RuleSet& rules = RuleSet::Default();
  // Only OCR pages are repaired; a layout read wholly from its text layer
  // (the common case) is used as it is rather than copied page by page.
  std::optional<Layout> ocr_repaired;
  if (HasOcrPages(layout)) ocr_repaired = RepairOcrText(layout, rules);
  const Layout& repaired = ocr_repaired ? *ocr_repaired : layout;
  const std::vector<TabRow> rows = LayoutToRows(repaired, rules);
  std::vector<Warning> warnings = PageWarnings(layout);
  for (Warning& w : UnaccountedLayoutCharacters(repaired, rows)) {
    warnings.push_back(std::move(w));
  }
  ocr_repaired.reset();
  std::vector<Page>().swap(layout.pages);
  return NormalizeRowsWith(rows, source, warnings);
}

std::string InputSha256(std::string_view bytes, const PipelineOptions& options) {
  return options.input_sha256.empty() ? Sha256Hex(bytes) : options.input_sha256;
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
      extract.page_seconds = options.page_seconds;
      extract.ocr = options.ocr;
      extract.jobs = options.jobs;
      Result<Layout> layout = ExtractLayout(bytes, path, extract);
      if (!layout.ok()) return layout.status();
      SourceInfo source{path, layout->source_sha256, "pdf", layout->page_count};
      return NormalizeLayout(std::move(*layout), source);
    }
    case InputFormat::kLayoutJson: {
      Result<Layout> layout = ParseLayoutJson(bytes);
      if (!layout.ok()) return layout.status();
      SourceInfo source{path, InputSha256(bytes, options), "layout", layout->page_count};
      return NormalizeLayout(std::move(*layout), source);
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
  SourceInfo source{path, InputSha256(bytes, options), name, std::nullopt};
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
