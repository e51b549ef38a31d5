#include "normalize/input/html_document.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>

namespace docpipe {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

struct CtxtFree {
  void operator()(htmlParserCtxt* ctxt) const { htmlFreeParserCtxt(ctxt); }
};

std::string Lower(const xmlChar* name) {
  std::string out = name == nullptr ? "" : reinterpret_cast<const char*>(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int LineOf(const xmlNode* node, int offset) {
  long line = xmlGetLineNo(node);
  return line > 0 ? static_cast<int>(line) + offset : 0;
}

// Copies libxml2's tree into HtmlNode. Text and CDATA become text nodes;
// comments, processing instructions and the like carry no document text.
void Copy(const xmlNode* from, HtmlNode* to, int offset, int depth, bool* too_deep) {
  for (const xmlNode* child = from->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      HtmlNode text;
      text.is_text = true;
      text.line = LineOf(child, offset);
      if (child->content != nullptr) text.text = reinterpret_cast<const char*>(child->content);
      to->children.push_back(std::move(text));
      continue;
    }
    if (child->type != XML_ELEMENT_NODE) continue;
    if (depth >= kMaxHtmlDepth) {
      // Deeper markup is flattened to its text, which is kept.
      if (too_deep != nullptr) *too_deep = true;
      HtmlNode text;
      text.is_text = true;
      text.line = LineOf(child, offset);
      if (xmlChar* content = xmlNodeGetContent(child)) {
        text.text = reinterpret_cast<const char*>(content);
        xmlFree(content);
      }
      to->children.push_back(std::move(text));
      continue;
    }
    HtmlNode element;
    element.name = Lower(child->name);
    element.line = LineOf(child, offset);
    for (const xmlAttr* attr = child->properties; attr != nullptr; attr = attr->next) {
      xmlChar* value = xmlNodeListGetString(child->doc, attr->children, 1);
      element.attributes.emplace_back(Lower(attr->name), value ? reinterpret_cast<const char*>(value) : "");
      xmlFree(value);
    }
    Copy(child, &element, offset, depth + 1, too_deep);
    to->children.push_back(std::move(element));
  }
}

}  // namespace

std::string HtmlNode::Attribute(std::string_view wanted) const {
  for (const auto& [key, value] : attributes) {
    if (key == wanted) return value;
  }
  return "";
}

Result<HtmlNode> ParseHtml(std::string_view html, int line_offset, bool* too_deep) {
  if (html.size() > static_cast<size_t>(INT32_MAX)) return Status::BadInput("HTML input too large");
  // libxml2 must be initialised once before threads use it (run --isolation
  // thread parses documents in parallel); a function-local static is
  // initialised exactly once, thread-safely.
  static const bool initialised = (xmlInitParser(), true);
  (void)initialised;
  // No network, no error output on stderr (library code never prints);
  // libxml2 repairs what it can, as a browser would.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<htmlParserCtxt, CtxtFree> ctxt(htmlNewParserCtxt());
  if (!ctxt) return Status::Internal("libxml2 could not allocate an HTML parser");
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlCtxtReadMemory(ctxt.get(), html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
  // libxml2 stops reading, keeping what came before, when elements nest
  // deeper than its limit (256) or it meets an internal error: the rest of
  // the input would be lost silently, so the file fails instead.
  if (ctxt->lastError.code == XML_ERR_INTERNAL_ERROR) {
    std::string why = ctxt->lastError.message != nullptr ? ctxt->lastError.message : "internal error";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return Status::BadInput("HTML cannot be read to its end (line " + std::to_string(ctxt->lastError.line + line_offset) +
                            "): " + why);
  }
  HtmlNode root;
  root.name = "#root";
  if (!doc) {
    // libxml2 builds no document for input without any element or text
    // (white space only); that is an empty fragment, not an error.
    return root;
  }
  const xmlNode* top = xmlDocGetRootElement(doc.get());
  if (top == nullptr) return root;
  // The fragment's own nodes, without the <html><body> libxml2 implies.
  HtmlNode html_node;
  html_node.name = Lower(top->name);
  html_node.line = LineOf(top, line_offset);
  Copy(top, &html_node, line_offset, 1, too_deep);
  root.children.push_back(std::move(html_node));
  return root;
}

}  // namespace docpipe
