#include "diff/html_report.h"

#include <sstream>

#include "diff/report_groups.h"

namespace docpipe::diff {
namespace {

constexpr char kStyle[] = R"css(
body{font-family:"Noto Sans CJK TC","Microsoft JhengHei","PingFang TC","WenQuanYi Micro Hei",system-ui,sans-serif;
  margin:0;padding:24px 32px;color:#1f2328;background:#fff;line-height:1.55;font-size:15px}
h1{font-size:22px;margin:0 0 6px}
h2{font-size:18px;margin:28px 0 8px;padding:6px 10px;background:#eef2f6;border-left:4px solid #57606a}
h3{font-size:16px;margin:16px 0 6px 14px;color:#24292f}
.inputs{color:#57606a;margin:0 0 16px}
.inputs code{background:#f6f8fa;padding:1px 4px;border-radius:3px}
table{border-collapse:collapse;width:100%}
table.summary{width:auto;margin:8px 0 4px}
.summary th,.summary td{border:1px solid #d0d7de;padding:3px 12px;text-align:right}
.summary th:first-child,.summary td:first-child{text-align:left}
.summary tr.total td{font-weight:bold;background:#f6f8fa}
table.sbs{table-layout:fixed;margin:0 0 8px}
.sbs th{background:#f6f8fa;font-weight:600;text-align:left}
.sbs th,.sbs td{border:1px solid #d0d7de;padding:5px 8px;vertical-align:top;word-break:break-word}
.sbs col.what{width:190px}
.sbs td.empty{background:#f6f8fa}
.task-group{margin-left:14px}
.what .code{font-family:ui-monospace,Consolas,monospace;font-size:13px}
.badge{display:inline-block;font-size:12px;padding:0 6px;border-radius:9px;margin-right:4px;color:#fff}
.added{background:#1a7f37}.removed{background:#cf222e}.changed{background:#9a6700}.moved,.renumbered{background:#0969da}
.kind{color:#57606a;font-size:13px}
del{background:#ffd7d5;color:#82071e;text-decoration:line-through}
ins{background:#ccffd8;color:#055d20;text-decoration:none}
td.whole-del{background:#fff5f5}td.whole-ins{background:#f2fff5}
ul.content{margin:4px 0 0;padding-left:18px;font-size:14px}
.note{color:#57606a;font-size:13px}
.same{font-size:18px;color:#1a7f37}
)css";

// One side of the edit script: the old side shows equal and deleted runs,
// the new side equal and inserted runs.
std::string SideHtml(const Change& c, bool old_side) {
  if (c.edits.empty()) return EscapeHtml(old_side ? c.old_side->text : c.new_side->text);
  std::string out;
  for (const EditRun& run : c.edits) {
    if (run.op == EditOp::kEqual) {
      out += EscapeHtml(run.text);
    } else if (run.op == EditOp::kDelete && old_side) {
      out += "<del>" + EscapeHtml(run.text) + "</del>";
    } else if (run.op == EditOp::kInsert && !old_side) {
      out += "<ins>" + EscapeHtml(run.text) + "</ins>";
    }
  }
  return out;
}

std::string ContentHtml(const Change& c) {
  if (c.content.empty()) return "";
  std::string out = "<ul class=\"content\">";
  for (const ContentItem& item : c.content) {
    out += "<li><span class=\"kind\">" + EscapeHtml(KindLabel(item.kind)) + "</span> <span class=\"code\">" +
           EscapeHtml(item.code) + "</span> " + EscapeHtml(item.text) + "</li>";
  }
  return out + "</ul>";
}

void WriteRow(const Change& c, std::ostringstream& html) {
  const std::string type = TypeLabel(c);
  html << "<tr><td class=\"what\"><span class=\"badge " << type << "\">" << type << "</span>"
       << "<span class=\"kind\">" << EscapeHtml(KindLabel(c.kind));
  if (const std::string field = FieldLabel(c); !field.empty()) html << " · " << EscapeHtml(field);
  html << "</span><br><span class=\"code\">" << EscapeHtml(CodeLabel(c)) << "</span></td>";
  if (c.old_side) {
    html << "<td" << (c.new_side ? "" : " class=\"whole-del\"") << ">" << SideHtml(c, true)
         << (c.new_side ? "" : ContentHtml(c)) << "</td>";
  } else {
    html << "<td class=\"empty\"></td>";
  }
  if (c.new_side) {
    html << "<td" << (c.old_side ? "" : " class=\"whole-ins\"") << ">" << SideHtml(c, false)
         << (c.old_side ? "" : ContentHtml(c));
    if (!c.references_updated.empty()) {
      html << "<div class=\"note\">references renumbered with it in";
      for (const std::string& task : c.references_updated) html << " " << EscapeHtml(task);
      html << "</div>";
    }
    html << "</td>";
  } else {
    html << "<td class=\"empty\"></td>";
  }
  html << "</tr>\n";
}

void WriteSummary(const DiffResult& result, std::ostringstream& html) {
  html << "<h2>Summary</h2>\n<table class=\"summary\"><tr><th>kind</th><th>added</th><th>removed</th>"
          "<th>changed</th><th>moved / renumbered</th></tr>\n";
  for (const SummaryRow& row : SummaryRows(result.changes)) {
    html << "<tr><td>" << EscapeHtml(row.kind) << "</td><td>" << row.counts.added << "</td><td>" << row.counts.removed
         << "</td><td>" << row.counts.changed << "</td><td>" << row.counts.moved << "</td></tr>\n";
  }
  html << "<tr class=\"total\"><td>total</td><td colspan=\"4\">" << result.changes.size() << "</td></tr></table>\n";
}

}  // namespace

std::string HtmlReport(const DiffResult& result) {
  const std::string title = "Changes from " + result.old_input.code + " to " + result.new_input.code;
  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"zh-Hant\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<title>" << EscapeHtml(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
       << "<h1>" << EscapeHtml(title) << "</h1>\n<p class=\"inputs\">old: <code>" << EscapeHtml(result.old_input.path)
       << "</code> " << EscapeHtml(result.old_input.name) << " &nbsp;·&nbsp; new: <code>"
       << EscapeHtml(result.new_input.path) << "</code> " << EscapeHtml(result.new_input.name) << "</p>\n";
  if (result.changes.empty()) {
    html << "<p class=\"same\">No differences.</p>\n</body>\n</html>\n";
    return html.str();
  }
  WriteSummary(result, html);
  // The column heads (old | new) open each section; the task tables under a
  // duty line up below them without repeating them.
  bool heads_shown = false;
  for (const ReportGroup& group : GroupChanges(result)) {
    html << (group.depth == 1 ? "<h2>" : "<h3>") << EscapeHtml(group.heading) << (group.depth == 1 ? "</h2>" : "</h3>")
         << "\n";
    if (group.depth == 1) heads_shown = false;
    if (group.changes.empty()) continue;
    html << "<table class=\"sbs" << (group.depth == 2 ? " task-group" : "") << "\">"
         << "<colgroup><col class=\"what\"><col><col></colgroup>";
    if (!heads_shown) {
      html << "<tr><th>change</th><th>old: " << EscapeHtml(result.old_input.code) << "</th><th>new: "
           << EscapeHtml(result.new_input.code) << "</th></tr>";
      heads_shown = true;
    }
    html << "\n";
    for (const Change* c : group.changes) WriteRow(*c, html);
    html << "</table>\n";
  }
  html << "</body>\n</html>\n";
  return html.str();
}

}  // namespace docpipe::diff
