// HtmlToRows: an HTML document or fragment (ParseHtml) as the TabRows the
// parsers read, the rows a TAB-text extractor would have written for it.
//
//   * A table row (<tr>) is one row with one cell per grid column. A cell
//     spanning rows or columns (rowspan, colspan) is expanded the way the
//     TAB text and LayoutToRows show a merged cell: its text in its top-left
//     position, "" in the positions it covers. Spans are clamped to the
//     table (a rowspan never reaches past the table's last row) and to
//     kMaxHtmlColumns columns; a cell pushed past that column by spans
//     above it still keeps its text, in the next free position. A blank row follows each table, as the blank
//     line after a table in the TAB text.
//   * Cell text keeps its line breaks: <br> and the edges of block elements
//     inside a cell (<p>, <div>, <li>...) become "\n", as the rule
//     block_tags makes of the same tags left in TAB text; source line breaks
//     and tabs inside text are white space.
//   * Outside tables, each block (<p>, <h1>..<h6>, <li>, <div>, <caption>...)
//     is a one-cell row, split at <br> into one row per line. A heading's
//     row has heading_level 1-6.
//   * <head>, <script>, <style> and <template> hold no document text.
//
// Every row's pos.line is the input line of its element (<tr>, <p>...).
//
//   Result<HtmlNode> root = ParseHtml(html, 0);
//   std::vector<TabRow> rows = HtmlToRows(*root);
#ifndef DOCPIPE_NORMALIZE_INPUT_HTML_ROWS_H_
#define DOCPIPE_NORMALIZE_INPUT_HTML_ROWS_H_

#include <vector>

#include "normalize/input/html_document.h"
#include "model/tab_row.h"

namespace docpipe {

inline constexpr int kMaxHtmlColumns = 1000;

std::vector<TabRow> HtmlToRows(const HtmlNode& root);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_HTML_ROWS_H_
