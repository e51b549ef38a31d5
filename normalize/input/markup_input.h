// Markdown and HTML inputs: recognised by content and read as TabRows.
//
// LooksLikeHtml: the text opens (after a BOM and white space) with an HTML
// document tag (<!DOCTYPE html>, <html>, <head>, <body>), or with a block
// tag (<table>, <div>, <p>, <h1>-<h6>, <section>, <article>) when no pipe
// table, ATX heading or TAB-separated line follows (Markdown from MinerU may
// open with a <table> block; TAB text may open with a remnant <p>).
// LooksLikeMarkdown: the text holds a pipe table (a row with "|" followed by
// a delimiter row), a line opening an HTML <table> block, or, when no line
// is TAB-separated cells, an ATX heading ("# Title"). Prose Markdown without
// either reads the same as text, line by line.
//
//   if (LooksLikeMarkdown(bytes)) Result<std::vector<TabRow>> rows = ParseMarkdownText(bytes);
#ifndef DOCPIPE_NORMALIZE_INPUT_MARKUP_INPUT_H_
#define DOCPIPE_NORMALIZE_INPUT_MARKUP_INPUT_H_

#include <string_view>
#include <vector>

#include "common/status.h"
#include "model/tab_row.h"

namespace docpipe {

bool LooksLikeHtml(std::string_view bytes);
bool LooksLikeMarkdown(std::string_view bytes);

// Check the bytes as ParseTabText does (not empty, no NUL byte, UTF-8; BOM
// dropped), then read them (MarkdownToRows, ParseHtml + HtmlToRows).
// BadInput with the reason and byte offset otherwise.
Result<std::vector<TabRow>> ParseMarkdownText(std::string_view bytes);
Result<std::vector<TabRow>> ParseHtmlText(std::string_view bytes);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_MARKUP_INPUT_H_
