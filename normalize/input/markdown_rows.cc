#include "normalize/input/markdown_rows.h"

#include "normalize/input/html_document.h"
#include "normalize/input/html_rows.h"

namespace docpipe {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
    if (c != prefix[i]) return false;
  }
  return true;
}

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) ++i;
    out.push_back(s[i]);
  }
  return out;
}

size_t CountNoCase(std::string_view s, std::string_view what) {
  size_t count = 0;
  for (size_t i = 0; i + what.size() <= s.size(); ++i) {
    if (StartsWithNoCase(s.substr(i), what)) ++count;
  }
  return count;
}

// <br>, <br/>, <br /> (any case) as "\n".
std::string BreaksAsNewlines(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (StartsWithNoCase(s.substr(i), "<br")) {
      size_t j = i + 3;
      while (j < s.size() && IsSpace(s[j])) ++j;
      if (j < s.size() && s[j] == '/') ++j;
      if (j < s.size() && s[j] == '>') {
        out.push_back('\n');
        i = j + 1;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

bool HasUnescapedPipe(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '|') {
      return true;
    }
  }
  return false;
}

// Up to three spaces of indent, then a run of one character.
int AtxLevel(std::string_view line, std::string_view* title) {
  size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  size_t hashes = 0;
  while (i + hashes < line.size() && line[i + hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return 0;
  std::string_view rest = line.substr(i + hashes);
  if (!rest.empty() && !IsSpace(rest.front())) return 0;
  rest = TrimSpaces(rest);
  // An optional closing run of # after a space.
  size_t end = rest.size();
  while (end > 0 && rest[end - 1] == '#') --end;
  if (end < rest.size() && (end == 0 || IsSpace(rest[end - 1]))) rest = TrimSpaces(rest.substr(0, end));
  *title = rest;
  return static_cast<int>(hashes);
}

// A line of only one of - * _ = (three or more of - * _, with spaces), or
// of =: a thematic break or a setext underline. Returns the character.
char RuleLineChar(std::string_view line) {
  std::string_view t = TrimSpaces(line);
  if (t.empty()) return 0;
  char c = t.front();
  if (c != '-' && c != '*' && c != '_' && c != '=') return 0;
  size_t count = 0;
  for (char x : t) {
    if (x == c) {
      ++count;
    } else if (!IsSpace(x)) {
      return 0;
    }
  }
  return (c == '=' || count >= 3) ? c : 0;
}

bool IsFence(std::string_view line) {
  std::string_view t = TrimSpaces(line);
  return t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~";
}

bool IsCommentLine(std::string_view line) {
  std::string_view t = TrimSpaces(line);
  return t.size() >= 7 && t.substr(0, 4) == "<!--" && t.substr(t.size() - 3) == "-->" &&
         t.find("-->") == t.size() - 3;
}

bool OpensHtmlTable(std::string_view line) {
  std::string_view t = TrimSpaces(line);
  if (StartsWithNoCase(t, "<table")) return true;
  // MinerU may wrap a table: <html><body><table>, <div ...><table>.
  return (StartsWithNoCase(t, "<html") || StartsWithNoCase(t, "<body") || StartsWithNoCase(t, "<div")) &&
         CountNoCase(t, "<table") > 0;
}

// Blanks the copies of merged cells that a pipe table repeats (see header).
void BlankRepeatedSpans(std::vector<std::vector<std::string>>* table) {
  const std::vector<std::vector<std::string>> original = *table;
  for (size_t r = 0; r < table->size(); ++r) {
    std::vector<std::string>& row = (*table)[r];
    bool prefix_copied = true;  // every cell so far in this row is a vertical copy or empty
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string& cell = original[r][c];
      if (cell.empty()) continue;
      bool left_copy = c > 0 && original[r][c - 1] == cell;
      bool up_copy = prefix_copied && r > 0 && c < original[r - 1].size() && original[r - 1][c] == cell;
      if (left_copy || up_copy) {
        row[c].clear();
      }
      if (!up_copy && !left_copy) prefix_copied = false;
    }
  }
}

}  // namespace

std::vector<std::string> SplitPipeRow(std::string_view line) {
  std::string_view t = TrimSpaces(line);
  if (!t.empty() && t.front() == '|') t.remove_prefix(1);
  if (!t.empty() && t.back() == '|' && (t.size() < 2 || t[t.size() - 2] != '\\')) t.remove_suffix(1);
  std::vector<std::string> cells;
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i + 1 < t.size() && t[i] == '\\') {  // an escape, never the row's last character
      ++i;
      continue;
    }
    if (i == t.size() || t[i] == '|') {
      std::string_view cell = TrimSpaces(t.substr(start, std::min(i, t.size()) - start));
      cells.push_back(Unescape(BreaksAsNewlines(cell)));
      start = i + 1;
    }
  }
  return cells;
}

bool IsPipeDelimiterRow(std::string_view line) {
  if (!HasUnescapedPipe(line) && TrimSpaces(line).find('-') == std::string_view::npos) return false;
  std::vector<std::string> cells = SplitPipeRow(line);
  if (cells.empty()) return false;
  for (const std::string& cell : cells) {
    std::string_view c = cell;
    if (!c.empty() && c.front() == ':') c.remove_prefix(1);
    if (!c.empty() && c.back() == ':') c.remove_suffix(1);
    if (c.empty() || c.find_first_not_of('-') != std::string_view::npos) return false;
  }
  return HasUnescapedPipe(line);
}

std::vector<TabRow> MarkdownToRows(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t start = 0;;) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::vector<TabRow> rows;
  auto emit = [&](size_t index, std::vector<std::string> cells, int heading = 0) {
    TabRow row;
    row.pos.line = static_cast<int>(index) + 1;
    row.cells = std::move(cells);
    row.heading_level = heading;
    rows.push_back(std::move(row));
  };
  bool in_fence = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (IsFence(line)) {
      in_fence = !in_fence;
      emit(i, {""});
      continue;
    }
    if (in_fence) {
      emit(i, {std::string(line)});
      continue;
    }
    if (OpensHtmlTable(line)) {
      size_t end = i;
      size_t opened = 0, closed = 0;
      for (; end < lines.size(); ++end) {
        opened += CountNoCase(lines[end], "<table");
        closed += CountNoCase(lines[end], "</table");
        if (closed >= opened) break;
      }
      if (end == lines.size()) --end;
      const char* begin_ptr = lines[i].data();
      std::string_view block(begin_ptr, static_cast<size_t>(lines[end].data() + lines[end].size() - begin_ptr));
      Result<HtmlNode> root = ParseHtml(block, static_cast<int>(i));
      if (root.ok()) {
        std::vector<TabRow> table = HtmlToRows(*root);
        rows.insert(rows.end(), std::make_move_iterator(table.begin()), std::make_move_iterator(table.end()));
      } else {
        for (size_t k = i; k <= end; ++k) emit(k, {std::string(lines[k])});
      }
      i = end;
      continue;
    }
    if (i + 1 < lines.size() && HasUnescapedPipe(line) && IsPipeDelimiterRow(lines[i + 1]) &&
        SplitPipeRow(line).size() == SplitPipeRow(lines[i + 1]).size()) {
      std::vector<std::vector<std::string>> table = {SplitPipeRow(line)};
      std::vector<size_t> where = {i};
      const size_t columns = table.front().size();
      size_t j = i + 2;
      for (; j < lines.size() && !TrimSpaces(lines[j]).empty() && HasUnescapedPipe(lines[j]); ++j) {
        std::vector<std::string> cells = SplitPipeRow(lines[j]);
        if (cells.size() < columns) cells.resize(columns);  // GFM: missing cells are empty
        table.push_back(std::move(cells));
        where.push_back(j);
      }
      BlankRepeatedSpans(&table);
      for (size_t r = 0; r < table.size(); ++r) emit(where[r], std::move(table[r]));
      i = j - 1;
      continue;
    }
    std::string_view title;
    if (int level = AtxLevel(line, &title); level > 0) {
      emit(i, {Unescape(title)}, level);
      continue;
    }
    if (char c = RuleLineChar(line); c != 0) {
      // A setext underline turns the paragraph line just before it into a
      // heading; otherwise the line is a thematic break.
      bool setext = (c == '=' || c == '-') && !rows.empty() && rows.back().pos.line == static_cast<int>(i) &&
                    rows.back().cells.size() == 1 && !TrimSpaces(rows.back().cells[0]).empty() &&
                    rows.back().heading_level == 0;
      if (setext) rows.back().heading_level = c == '=' ? 1 : 2;
      emit(i, {""});
      continue;
    }
    if (IsCommentLine(line)) {
      emit(i, {""});
      continue;
    }
    std::string_view body = line;
    {
      size_t k = 0;
      while (k < 3 && k < body.size() && body[k] == ' ') ++k;
      if (k < body.size() && body[k] == '>') {
        body.remove_prefix(k + 1);
        if (!body.empty() && body.front() == ' ') body.remove_prefix(1);
      }
    }
    emit(i, {Unescape(body)});
  }
  return rows;
}

}  // namespace docpipe
