#include "normalize/repair/fake_bold.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/unicode.h"

namespace docpipe {
namespace {

// The largest repeat count we look for. Overprinting seen in practice is
// 2-4 times; a little headroom costs nothing.
constexpr int kMaxRepeat = 6;
// Overprinted chunks and tokens are heading-sized. The bounds keep the
// dynamic programming below linear in the line length on hostile input (a
// single 100 MB line of repeated text).
constexpr size_t kMaxChunk = 64;
constexpr size_t kMaxToken = 1024;

void AppendUtf8(std::u32string_view chars, std::string* out) {
  for (char32_t c : chars) unicode::AppendUtf8(c, out);
}

// Splits `token` into chunks each repeated exactly k times, by dynamic
// programming from the end (ok[i]: the suffix from i splits). Returns the
// collapsed token (each chunk once) or nullopt when no split exists. Chunks
// are at most kMaxChunk and tokens kMaxToken code points long.
std::optional<std::u32string> SplitRepeated(std::u32string_view token, int k) {
  const size_t n = token.size();
  if (n < static_cast<size_t>(k)) return std::nullopt;
  // Any split starts with its first chunk printed k times: checking that
  // first rejects ordinary text (nearly every token) without the full
  // dynamic programming below.
  bool first_chunk_repeats = false;
  for (size_t len = 1; len <= kMaxChunk && len * k <= n && !first_chunk_repeats; ++len) {
    bool repeated = true;
    for (int r = 1; r < k && repeated; ++r) {
      repeated = std::equal(token.begin(), token.begin() + len, token.begin() + r * len);
    }
    first_chunk_repeats = repeated;
  }
  if (!first_chunk_repeats) return std::nullopt;
  std::vector<char> ok(n + 1, 0);
  std::vector<size_t> chunk(n + 1, 0);
  ok[n] = 1;
  for (size_t i = n; i-- > 0;) {
    for (size_t len = 1; len <= kMaxChunk && i + len * k <= n; ++len) {
      if (!ok[i + len * k]) continue;
      bool repeated = true;
      for (int r = 1; r < k && repeated; ++r) {
        repeated = std::equal(token.begin() + i, token.begin() + i + len, token.begin() + i + r * len);
      }
      if (repeated) {
        ok[i] = 1;
        chunk[i] = len;
        break;
      }
    }
  }
  if (!ok[0]) return std::nullopt;
  std::u32string out;
  for (size_t i = 0; i < n; i += chunk[i] * k) out.append(token.substr(i, chunk[i]));
  return out;
}

// A run of white space or of other characters: [begin, end) of the line's
// code points.
struct Piece {
  size_t begin = 0;
  size_t end = 0;
  bool space = false;
};

// The largest k for which the token is k-printed, with its collapsed form
// (empty when k == 1: the token stays as it is).
struct Repeat {
  int k = 1;
  std::u32string collapsed;
};

Repeat BestRepeat(std::u32string_view token) {
  if (token.size() > kMaxToken) return {1, {}};
  for (int k = kMaxRepeat; k >= 2; --k) {
    if (auto collapsed = SplitRepeated(token, k)) {
      bool has_letter =
          std::any_of(token.begin(), token.end(), [](char32_t c) { return unicode::IsLetter(static_cast<int32_t>(c)); });
      if (!has_letter) return {1, {}};
      return {k, std::move(*collapsed)};
    }
  }
  return {1, {}};  // `collapsed` is only filled for k >= 2
}

// Whether any token of the line (a run of non-space code points) starts
// with a chunk of at most kMaxChunk code points printed twice in a row: a
// k-printed token (k >= 2) always does, so a line where none does is left as
// it is. Checked on the code points with no allocation per token: most lines
// are ordinary text and stop here.
bool AnyTokenStartsRepeated(std::u32string_view chars) {
  const size_t n = chars.size();
  size_t i = 0;
  while (i < n) {
    if (unicode::IsSpace(static_cast<int32_t>(chars[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < n && !unicode::IsSpace(static_cast<int32_t>(chars[end]))) ++end;
    if (end - i <= kMaxToken) {
      for (size_t len = 1; len <= kMaxChunk && i + 2 * len <= end; ++len) {
        if (std::equal(chars.begin() + i, chars.begin() + i + len, chars.begin() + i + len)) return true;
      }
    }
    i = end;
  }
  return false;
}

// Whether `token` (one run of non-space, well-formed UTF-8) may start with
// a chunk of at most kMaxChunk code points printed twice in a row, read on
// its bytes. Equal code points are equal bytes (UTF-8 gives each code point
// one encoding, and none is the start of another), so such a chunk is a
// byte string of at most kMaxChunk * 4 bytes followed by itself, and the
// byte after it equals the token's first byte: memchr finds those places
// and misses none. It looks a little further than the exact check (chunks
// of more than kMaxChunk code points within those bytes, tokens longer
// than kMaxToken), which can only say "maybe" more often.
bool TokenMayStartRepeated(std::string_view token) {
  const auto* s = reinterpret_cast<const unsigned char*>(token.data());
  const size_t last = std::min(token.size() / 2, kMaxChunk * 4);  // the longest chunk, in bytes
  for (size_t len = 1; len <= last; ++len) {
    const void* next = std::memchr(s + len, s[0], last - len + 1);
    if (next == nullptr) return false;
    len = static_cast<size_t>(static_cast<const unsigned char*>(next) - s);
    if (std::memcmp(s, s + len, len) == 0) return true;
  }
  return false;
}

// The byte-level filter in front of AnyTokenStartsRepeated, for a whole
// cell: tokens are cut with ICU's white-space set spanning the bytes, so
// nothing is decoded or copied. False only when no token of any line
// starts repeated; nearly every cell ends here. `first_space`: where the
// text's first white space begins (or its size), known to the caller.
bool AnyTokenMayStartRepeated(std::string_view text, size_t first_space) {
  size_t i = 0;
  while (i < text.size()) {
    i += unicode::SpanSpace(text.substr(i));
    if (i >= text.size()) break;
    const size_t length = i == 0 ? first_space : unicode::SpanNonSpace(text.substr(i));
    if (TokenMayStartRepeated(text.substr(i, length))) return true;
    i += length;
  }
  return false;
}

std::string CollapseLine(std::string_view line) {
  const std::u32string code_points = unicode::ToCodePoints(line);
  if (!AnyTokenStartsRepeated(code_points)) return std::string(line);
  // The pieces are views of `code_points`, not copies.
  const std::u32string_view chars(code_points);
  std::vector<Piece> pieces;
  for (size_t i = 0; i < chars.size(); ++i) {
    const bool space = unicode::IsSpace(static_cast<int32_t>(chars[i]));
    if (pieces.empty() || pieces.back().space != space) pieces.push_back({i, i, space});
    pieces.back().end = i + 1;
  }
  auto chars_of = [&](const Piece& piece) { return chars.substr(piece.begin, piece.end - piece.begin); };
  // A doubled token is collapsed only when the whole line is doubled CJK
  // text (see the header): a lone "謝謝" or "ABAB" is ordinary text.
  std::vector<Repeat> repeats(pieces.size());
  bool all_doubled = true;
  bool any_token = false;
  size_t doubled_length = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].space) continue;
    any_token = true;
    repeats[i] = BestRepeat(chars_of(pieces[i]));
    const Repeat& r = repeats[i];
    bool cjk = std::any_of(r.collapsed.begin(), r.collapsed.end(),
                           [](char32_t c) { return unicode::IsCjk(static_cast<int32_t>(c)); });
    if (r.k != 2 || !cjk) all_doubled = false;
    doubled_length += r.collapsed.size();
  }
  bool collapse_doubled = any_token && all_doubled && doubled_length >= 2;
  bool changes = std::any_of(repeats.begin(), repeats.end(),
                             [&](const Repeat& r) { return r.k >= 3 || (r.k == 2 && collapse_doubled); });
  if (!changes) return std::string(line);
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (!pieces[i].space && (repeats[i].k >= 3 || (repeats[i].k == 2 && collapse_doubled))) {
      AppendUtf8(repeats[i].collapsed, &out);
    } else {
      AppendUtf8(chars_of(pieces[i]), &out);
    }
  }
  return out;
}

}  // namespace

bool CollapseFakeBoldMayChange(std::string_view text) {
  // Lines end at '\n', which is white space, so the tokens of the lines are
  // those of the whole text: when none may start repeated, no line changes.
  return AnyTokenMayStartRepeated(text, unicode::SpanNonSpace(text));
}

bool CollapseFakeBoldMayChange(std::string_view text, const unicode::TextScan& scan) {
  if (scan.token_count < 0) return AnyTokenMayStartRepeated(text, scan.first_space);
  for (int t = 0; t < scan.token_count; ++t) {
    if (TokenMayStartRepeated(text.substr(scan.token_begin[t], scan.token_end[t] - scan.token_begin[t]))) return true;
  }
  return false;
}

std::string CollapseFakeBold(std::string_view text) {
  if (!CollapseFakeBoldMayChange(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    out += CollapseLine(text.substr(start, end == std::string_view::npos ? text.npos : end - start));
    if (end == std::string_view::npos) break;
    out.push_back('\n');
    start = end + 1;
  }
  return out;
}

}  // namespace docpipe
