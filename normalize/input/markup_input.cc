#include "normalize/input/markup_input.h"

#include "common/unicode.h"
#include "normalize/input/html_document.h"
#include "normalize/input/html_rows.h"
#include "normalize/input/markdown_rows.h"

namespace docpipe {
namespace {

// A tag name ends at white space, ">" or "/".
bool OpensTag(std::string_view s, std::string_view tag) {
  if (!StartsWithNoCase(s, tag)) return false;
  if (s.size() == tag.size()) return true;
  char next = s[tag.size()];
  return next == '>' || next == ' ' || next == '/' || next == '\t' || next == '\n' || next == '\r';
}

std::string_view Body(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!fn(line)) return;
    start = end + 1;
  }
}

// Text, then a TAB, then text: a row of TAB-separated cells.
bool IsTabRow(std::string_view line) {
  size_t tab = line.find('\t');
  while (tab != std::string_view::npos) {
    bool before = line.substr(0, tab).find_first_not_of(" \t") != std::string_view::npos;
    if (before) return true;
    tab = line.find('\t', tab + 1);
  }
  return false;
}

Status CheckText(std::string_view bytes) {
  if (bytes.empty()) return Status::BadInput("empty file");
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status::BadInput("binary file, not text (NUL byte at offset " + std::to_string(nul) + ")");
  }
  if (auto bad = unicode::FindInvalidUtf8(bytes)) {
    return Status::BadInput("not UTF-8 text (invalid byte at offset " + std::to_string(*bad) + ")");
  }
  return Status::Ok();
}

// Markdown signals: a pipe table, an HTML <table> block line (unless
// `html_tables` is false), an ATX heading; and whether any line is
// TAB-separated cells.
struct MarkdownSignals {
  bool table = false;
  bool heading = false;
  bool tab_rows = false;
};

MarkdownSignals ScanMarkdown(std::string_view text, bool html_tables);

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  std::string_view t = Body(bytes);
  size_t i = t.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return false;
  t.remove_prefix(i);
  if (t.empty() || t.front() != '<') return false;
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"}) {
    if (OpensTag(t, tag)) return true;
  }
  // A fragment opening with a block tag is HTML unless Markdown follows it
  // (MinerU's Markdown may open with a <table> block) or it is TAB text
  // whose first cell is a remnant <p>.
  for (std::string_view tag :
       {"<table", "<div", "<p", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<section", "<article"}) {
    if (OpensTag(t, tag)) {
      MarkdownSignals markdown = ScanMarkdown(t, false);
      return !markdown.table && !markdown.heading && !markdown.tab_rows;
    }
  }
  return false;
}

bool LooksLikeMarkdown(std::string_view bytes) {
  MarkdownSignals signals = ScanMarkdown(Body(bytes), true);
  return signals.table || (signals.heading && !signals.tab_rows);
}

namespace {

MarkdownSignals ScanMarkdown(std::string_view text, bool html_tables) {
  bool table = false, heading = false, tab_rows = false;
  std::string_view previous;
  ForEachLine(text, [&](std::string_view line) {
    size_t first = line.find_first_not_of(" ");
    std::string_view t = first == std::string_view::npos ? std::string_view() : line.substr(first);
    if (html_tables && first != std::string_view::npos && first < 4 && StartsWithNoCase(t, "<table")) table = true;
    if (previous.find('|') != std::string_view::npos && IsPipeDelimiterRow(line) &&
        SplitPipeRow(previous).size() == SplitPipeRow(line).size()) {
      table = true;
    }
    if (first != std::string_view::npos && first < 4 && !t.empty() && t.front() == '#') {
      size_t hashes = t.find_first_not_of('#');
      if (hashes != std::string_view::npos && hashes <= 6 && (t[hashes] == ' ' || t[hashes] == '\t')) heading = true;
    }
    tab_rows = tab_rows || IsTabRow(line);
    previous = line;
    return !table;
  });
  return MarkdownSignals{table, heading, tab_rows};
}

}  // namespace

Result<std::vector<TabRow>> ParseMarkdownText(std::string_view bytes) {
  if (Status s = CheckText(bytes); !s.ok()) return s;
  return MarkdownToRows(Body(bytes));
}

Result<std::vector<TabRow>> ParseHtmlText(std::string_view bytes) {
  if (Status s = CheckText(bytes); !s.ok()) return s;
  Result<HtmlNode> root = ParseHtml(Body(bytes), 0);
  if (!root.ok()) return root.status();
  std::vector<TabRow> rows = HtmlToRows(*root);
  bool any_text = false;
  for (const TabRow& row : rows) any_text = any_text || !row.IsBlank();
  if (!any_text) return Status::BadInput("HTML without any text");
  return rows;
}

}  // namespace docpipe
