#include "diff/markdown_report.h"

#include <sstream>

#include "diff/report_groups.h"

namespace docpipe::diff {
namespace {

// Entity-escapes HTML, then backslash-escapes Markdown punctuation, so text
// from a document renders as itself.
std::string Escape(const std::string& text) {
  std::string out;
  for (char c : EscapeHtml(text)) {
    switch (c) {
      case '\n': out += ' '; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#': case '~':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string InlineEdits(const Change& c) {
  std::string out;
  for (const EditRun& run : c.edits) {
    switch (run.op) {
      case EditOp::kEqual: out += Escape(run.text); break;
      case EditOp::kDelete: out += "<del>" + Escape(run.text) + "</del>"; break;
      case EditOp::kInsert: out += "<ins>" + Escape(run.text) + "</ins>"; break;
    }
  }
  return out;
}

void WriteChange(const Change& c, std::ostringstream& md) {
  md << "- **" << TypeLabel(c) << "** " << KindLabel(c.kind);
  const std::string code = CodeLabel(c);
  if (!code.empty()) md << " `" << code << "`";
  if (const std::string field = FieldLabel(c); !field.empty()) md << " (" << field << ")";
  md << ": ";
  if (!c.edits.empty()) {
    md << InlineEdits(c);
  } else {
    md << Escape(c.new_side ? c.new_side->text : c.old_side->text);
  }
  md << "\n";
  if (!c.edits.empty()) {
    md << "  - old: " << Escape(c.old_side->text) << "\n  - new: " << Escape(c.new_side->text) << "\n";
  }
  if (!c.references_updated.empty()) {
    md << "  - references renumbered with it in:";
    for (const std::string& task : c.references_updated) md << " `" << task << "`";
    md << "\n";
  }
  for (const ContentItem& item : c.content) {
    md << "  - " << KindLabel(item.kind) << " `" << item.code << "`: " << Escape(item.text) << "\n";
  }
}

}  // namespace

std::string MarkdownReport(const DiffResult& result) {
  std::ostringstream md;
  md << "# Changes from " << Escape(result.old_input.code) << " to " << Escape(result.new_input.code) << "\n\n";
  md << "- old: `" << result.old_input.path << "` (" << Escape(result.old_input.name) << ")\n";
  md << "- new: `" << result.new_input.path << "` (" << Escape(result.new_input.name) << ")\n\n";
  if (result.changes.empty()) {
    md << "No differences.\n";
    return md.str();
  }
  md << "## Summary\n\n| kind | added | removed | changed | moved/renumbered |\n|---|---:|---:|---:|---:|\n";
  for (const SummaryRow& row : SummaryRows(result.changes)) {
    md << "| " << row.kind << " | " << row.counts.added << " | " << row.counts.removed << " | "
       << row.counts.changed << " | " << row.counts.moved << " |\n";
  }
  md << "| **total** | | | | **" << result.changes.size() << "** |\n";
  for (const ReportGroup& group : GroupChanges(result)) {
    md << "\n" << (group.depth == 1 ? "## " : "### ") << Escape(group.heading) << "\n";
    if (!group.changes.empty()) md << "\n";
    for (const Change* c : group.changes) WriteChange(*c, md);
  }
  return md.str();
}

}  // namespace docpipe::diff
