#include "normalize/standard/item_splitter.h"

#include "common/unicode.h"

namespace docpipe {
namespace {

// `groups` is scratch space, kept by the caller across fragments. The code
// must start the text, so the match does too (it cannot start before its
// group): a match anchored at the start is the leftmost match whenever that
// one starts there, and the text after the start need not be searched.
bool StartsWithCode(std::string_view text, const Regex& pattern, std::vector<std::string_view>* groups) {
  if (!pattern.PrefixMatch(text, groups) || groups->size() < 2) return false;
  return (*groups)[1].data() == text.data();
}

std::vector<SourcePos> PositionsIn(const JoinedText& joined, size_t begin, size_t end) {
  std::vector<SourcePos> out;
  for (size_t i = 0; i < joined.starts.size(); ++i) {
    size_t s = joined.starts[i];
    size_t e = i + 1 < joined.starts.size() ? joined.starts[i + 1] : joined.text.size();
    if (s < end && e > begin) out.push_back(joined.where[i]);
  }
  if (out.empty() && !joined.where.empty()) out.push_back(joined.where.back());
  return out;
}

}  // namespace

JoinedText JoinFragments(const std::vector<Fragment>& fragments, const Regex* code_pattern) {
  JoinedText joined;
  std::vector<std::string_view> groups;
  for (const Fragment& fragment : fragments) {
    std::string_view piece = unicode::TrimAscii(fragment.text);
    if (piece.empty()) continue;
    if (joined.text.empty()) {
      joined.starts.push_back(0);
      joined.text.assign(piece);
    } else if (code_pattern != nullptr && StartsWithCode(piece, *code_pattern, &groups)) {
      joined.text.push_back('\n');
      joined.starts.push_back(joined.text.size());
      joined.text.append(piece);
    } else {
      unicode::AppendWrapped(&joined.text, piece);
      joined.starts.push_back(joined.text.size() - piece.size());
    }
    joined.where.push_back(fragment.pos);
  }
  return joined;
}

SplitCell SplitItems(const std::vector<Fragment>& fragments, const Regex& code_pattern) {
  JoinedText joined = JoinFragments(fragments, &code_pattern);
  SplitCell cell;
  const std::string& text = joined.text;
  std::vector<std::string_view> groups;
  size_t pos = 0;
  size_t text_begin = 0;  // where the current item's wording starts
  size_t code_begin = 0;
  std::string code;
  bool have_code = false;
  auto close = [&](size_t end) {
    // CollapseSpaces trims; trimming the ASCII white space around a wording
    // (the space after its code) first lets a wording with none inside take
    // its quick path.
    std::string wording =
        unicode::CollapseSpaces(unicode::TrimAscii(std::string_view(text).substr(text_begin, end - text_begin)));
    if (have_code) {
      cell.items.push_back({code, std::move(wording), PositionsIn(joined, code_begin, end)});
    } else if (!wording.empty()) {
      cell.leading = std::move(wording);
      std::vector<SourcePos> where = PositionsIn(joined, 0, end);
      if (!where.empty()) cell.leading_pos = where.front();
    }
  };
  while (pos <= text.size() &&
         code_pattern.FindFrom(text, pos, &groups) && groups.size() >= 2) {
    size_t group_begin = static_cast<size_t>(groups[1].data() - text.data());
    size_t match_end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
    close(group_begin);
    code.assign(groups[1]);
    have_code = true;
    code_begin = group_begin;
    text_begin = match_end;
    pos = match_end > group_begin ? match_end : group_begin + 1;
  }
  close(text.size());
  return cell;
}

}  // namespace docpipe
