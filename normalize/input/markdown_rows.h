// MarkdownToRows: Markdown as modern PDF extractors write it (Docling,
// Marker: GitHub-flavoured pipe tables; MinerU: HTML <table> blocks inside
// Markdown) read as the TabRows a TAB-text extractor would have written, so
// that every family parser and repair reads it unchanged.
//
// Markdown is read line by line, each input line keeping its number:
//
//   * a pipe table (a row of cells, then a delimiter row |---|:--|) gives one
//     row per table line, cells split at unescaped "|", trimmed; "\|" is a
//     "|" and <br> a line break ("\n") inside the cell. The delimiter row is
//     markup and gives no row. A pipe table cannot merge cells, so writers
//     repeat a merged cell's text in every position it covers (Docling):
//     a cell equal to its left neighbour, and a cell equal to the one above
//     it when every cell to its left in its row is such a copy too (the
//     leading grouping columns: a duty over its tasks), is a copy and
//     becomes "", the way the TAB text shows a merged cell. A repeated value
//     in a later column (two tasks of level 4) is kept: it cannot be told
//     from two cells, and a value is never dropped from a row that has new
//     values before it;
//   * an HTML block opening with <table> (MinerU) runs to its matching
//     </table> and is read by HtmlToRows (spans expanded there);
//   * "# Title" (ATX) and setext headings give a one-cell row with
//     heading_level; fenced code keeps its lines; thematic breaks, fences and
//     lines that are only an HTML comment (<!-- image -->) are markup;
//   * every other line is a one-cell row as written (leading and trailing
//     spaces kept, a "> " quote marker removed), with backslash escapes of
//     ASCII punctuation undone. Emphasis (**bold**), list bullets, entities
//     and stray HTML tags are left to the repair rules, which treat them the
//     same in every input;
//   * a blank line is a blank row.
//
//   std::vector<TabRow> rows = MarkdownToRows(text);  // text checked UTF-8
#ifndef DOCPIPE_NORMALIZE_INPUT_MARKDOWN_ROWS_H_
#define DOCPIPE_NORMALIZE_INPUT_MARKDOWN_ROWS_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/tab_row.h"

namespace docpipe {

std::vector<TabRow> MarkdownToRows(std::string_view text);

// True when `s` begins with `prefix` (lower-case ASCII, such as a tag name
// "<table") in any letter case.
bool StartsWithNoCase(std::string_view s, std::string_view prefix);

// The cells of one pipe-table line, unescaped, trimmed, <br> as "\n".
std::vector<std::string> SplitPipeRow(std::string_view line);

// True for a pipe-table delimiter row (| --- | :-: |).
bool IsPipeDelimiterRow(std::string_view line);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_MARKDOWN_ROWS_H_
