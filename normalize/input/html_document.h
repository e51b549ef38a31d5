// HtmlNode: an HTML document or fragment as a small tree of elements and
// text, read by libxml2's HTML parser. This is the only file that knows
// libxml2 (the HTML adapter); the rest of docpipe walks HtmlNode.
//
// The parser is a real, forgiving HTML parser: entities are decoded
// (&amp; &lt; &nbsp; &#x4E00;), unclosed <p>, <td> and <tr> are closed where
// HTML closes them, and tag names are lower case. Every node keeps the
// 1-based line of the input where it starts.
//
//   Result<HtmlNode> root = ParseHtml("<table><tr><td>a</td></tr></table>", 0);
//   // root->children[...] holds the <table> element, its line is 1
#ifndef DOCPIPE_NORMALIZE_INPUT_HTML_DOCUMENT_H_
#define DOCPIPE_NORMALIZE_INPUT_HTML_DOCUMENT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace docpipe {

struct HtmlNode {
  bool is_text = false;
  std::string name;  // element name in lower case; empty for text
  std::string text;  // decoded character data of a text node
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case
  int line = 0;  // 1-based input line where the node starts, 0 if unknown
  std::vector<HtmlNode> children;

  // The value of attribute `name`, or "" when absent.
  std::string Attribute(std::string_view name) const;
};

// Parses `html` (UTF-8) into a root element named "#root" whose child is the
// <html> element (implied for a fragment, with its <body>). `line_offset` is added to every line, for a fragment cut out of a
// larger file. BadInput when libxml2 stops before the end of the input
// (elements nested deeper than its limit of 256, which would silently drop
// the rest); a merely malformed fragment is repaired, as browsers do. The tree is at most
// kMaxHtmlDepth elements deep, so that a hostile input cannot exhaust the
// stack of the code walking it: an element deeper than that becomes a text
// node holding all its text (its markup is lost, its text is not), and
// `*too_deep` (when given) is set.
inline constexpr int kMaxHtmlDepth = 200;
Result<HtmlNode> ParseHtml(std::string_view html, int line_offset, bool* too_deep = nullptr);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_HTML_DOCUMENT_H_
