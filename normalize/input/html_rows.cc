#include "normalize/input/html_rows.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace docpipe {
namespace {

// A table's expanded grid may hold at most this many cells; past it, spans
// are taken as 1, so that a hostile rowspan x colspan cannot claim
// gigabytes.
constexpr size_t kMaxTableCells = size_t{4} << 20;

bool IsSkipped(const std::string& name) {
  static const std::set<std::string, std::less<>> kSkipped = {"head", "script", "style", "template", "title"};
  return kSkipped.count(name) > 0;
}

bool IsBlock(const std::string& name) {
  static const std::set<std::string, std::less<>> kBlocks = {
      "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div",
      "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
      "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
      "td", "tfoot", "th", "thead", "tr", "ul"};
  return kBlocks.count(name) > 0;
}

int HeadingLevel(const std::string& name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// HTML white space inside text is a space; line structure comes from tags.
std::string SpacedText(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (IsSpace(c)) c = ' ';
  }
  return out;
}

std::string Trim(std::string text) {
  size_t begin = 0, end = text.size();
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

// The text of a table cell, line breaks kept (see the header).
void AppendCellText(const HtmlNode& node, std::string* out) {
  for (const HtmlNode& child : node.children) {
    if (child.is_text) {
      *out += SpacedText(child.text);
    } else if (IsSkipped(child.name)) {
      continue;
    } else if (child.name == "br") {
      *out += "\n";
    } else if (IsBlock(child.name)) {
      *out += "\n";
      AppendCellText(child, out);
      *out += "\n";
    } else {
      AppendCellText(child, out);
    }
  }
}

int SpanOf(const HtmlNode& cell, const char* attribute) {
  const std::string value = cell.Attribute(attribute);
  long span = 0;
  for (char c : value) {
    if (c < '0' || c > '9') break;
    span = std::min(span * 10 + (c - '0'), 1L << 20);
  }
  return value.empty() ? 1 : static_cast<int>(span);
}

class RowReader {
 public:
  std::vector<TabRow> Read(const HtmlNode& root) {
    Walk(root, false);
    Flush();
    return std::move(rows_);
  }

 private:
  struct Segment {
    std::string text;
    int line = 0;
  };

  void Walk(const HtmlNode& node, bool pre) {
    for (const HtmlNode& child : node.children) {
      if (child.is_text) {
        AppendText(child, pre);
      } else if (IsSkipped(child.name)) {
        continue;
      } else if (child.name == "br") {
        segments_.push_back({});
      } else if (child.name == "table") {
        Flush();
        Table(child);
      } else if (IsBlock(child.name)) {
        Flush();
        heading_ = HeadingLevel(child.name);
        Walk(child, pre || child.name == "pre");
        Flush();
      } else {
        Walk(child, pre);
      }
    }
  }

  void AppendText(const HtmlNode& text, bool pre) {
    if (segments_.empty()) segments_.push_back({});
    std::string_view rest = text.text;
    if (pre) {
      for (size_t nl = rest.find('\n'); nl != std::string_view::npos; nl = rest.find('\n')) {
        Add(rest.substr(0, nl), text.line);
        segments_.push_back({});
        rest.remove_prefix(nl + 1);
      }
      Add(rest, text.line);
      return;
    }
    // Indentation that only formats the source (a newline and the spaces
    // after it) is no text; plain spaces at a line's start or end are kept,
    // as the TAB text keeps them (they mark indents and paragraph ends).
    if (segments_.back().text.empty()) {
      size_t lead = 0;
      while (lead < rest.size() && IsSpace(rest[lead])) ++lead;
      if (rest.substr(0, lead).find_first_of("\n\t\r") != std::string_view::npos) rest.remove_prefix(lead);
    }
    Add(SpacedText(rest), text.line);
  }

  void Add(std::string_view text, int line) {
    Segment& segment = segments_.back();
    if (segment.text.empty()) segment.line = line;
    segment.text += text;
  }

  void Flush() {
    for (Segment& segment : segments_) {
      if (Trim(segment.text).empty()) continue;
      TabRow row;
      row.pos.line = segment.line;
      row.heading_level = heading_;
      row.cells.push_back(std::move(segment.text));
      rows_.push_back(std::move(row));
    }
    segments_.clear();
    heading_ = 0;
  }

  static void CollectRows(const HtmlNode& node, std::vector<const HtmlNode*>* trs, const HtmlNode** caption) {
    for (const HtmlNode& child : node.children) {
      if (child.is_text) continue;
      if (child.name == "tr") {
        trs->push_back(&child);
      } else if (child.name == "caption") {
        if (*caption == nullptr) *caption = &child;
      } else if (child.name == "thead" || child.name == "tbody" || child.name == "tfoot") {
        CollectRows(child, trs, caption);
      }
    }
  }

  void Table(const HtmlNode& table) {
    std::vector<const HtmlNode*> trs;
    const HtmlNode* caption = nullptr;
    CollectRows(table, &trs, &caption);
    if (caption != nullptr) {
      std::string text;
      AppendCellText(*caption, &text);
      text = Trim(std::move(text));
      if (!text.empty()) {
        TabRow row;
        row.pos.line = caption->line;
        row.cells.push_back(std::move(text));
        rows_.push_back(std::move(row));
      }
    }
    const size_t n = trs.size();
    std::vector<std::vector<std::string>> grid(n);
    std::vector<std::vector<bool>> taken(n);
    size_t cells = 0;
    size_t width = 0;
    for (size_t r = 0; r < n; ++r) {
      size_t c = 0;
      for (const HtmlNode& cell : trs[r]->children) {
        if (cell.is_text || (cell.name != "td" && cell.name != "th")) continue;
        while (c < taken[r].size() && taken[r][c]) ++c;
        int rowspan = SpanOf(cell, "rowspan");
        int colspan = SpanOf(cell, "colspan");
        // rowspan="0" reaches the end of the table (HTML), as does any
        // span longer than the table.
        size_t rows = rowspan <= 0 ? n - r : std::min(static_cast<size_t>(rowspan), n - r);
        // Past the column limit a cell still gets a position of its own,
        // so that its text is never dropped; it only spans nothing.
        const size_t room = c < static_cast<size_t>(kMaxHtmlColumns) ? kMaxHtmlColumns - c : 1;
        size_t cols = std::clamp(static_cast<size_t>(std::max(colspan, 1)), size_t{1}, room);
        if (cells + rows * cols > kMaxTableCells) rows = cols = 1;
        cells += rows * cols;
        for (size_t rr = r; rr < r + rows; ++rr) {
          if (taken[rr].size() < c + cols) taken[rr].resize(c + cols, false);
          if (grid[rr].size() < c + cols) grid[rr].resize(c + cols);
          for (size_t cc = c; cc < c + cols; ++cc) taken[rr][cc] = true;
        }
        std::string text;
        AppendCellText(cell, &text);
        grid[r][c] = Trim(std::move(text));
        width = std::max(width, c + cols);
        c += cols;
      }
    }
    if (n * width > kMaxTableCells) width = 0;  // no padding for a hostile shape
    int last_line = table.line;
    for (size_t r = 0; r < n; ++r) {
      TabRow row;
      row.pos.line = trs[r]->line;
      last_line = std::max(last_line, row.pos.line);
      row.cells = std::move(grid[r]);
      if (row.cells.size() < width) row.cells.resize(width);
      if (row.cells.empty()) row.cells.emplace_back();
      rows_.push_back(std::move(row));
    }
    TabRow blank;
    blank.pos.line = last_line;
    blank.cells.emplace_back();
    rows_.push_back(std::move(blank));
  }

  std::vector<TabRow> rows_;
  std::vector<Segment> segments_;
  int heading_ = 0;
};

}  // namespace

std::vector<TabRow> HtmlToRows(const HtmlNode& root) { return RowReader().Read(root); }

}  // namespace docpipe
