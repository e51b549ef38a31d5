#include "common/json_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "common/json_writer.h"

namespace docpipe {
namespace {

using Json = nlohmann::ordered_json;

// The length of the RFC 3629 UTF-8 sequence (no overlong forms, no
// surrogates, nothing past U+10FFFF: what nlohmann accepts without its error
// handler) that starts at p[0] >= 0x80, with `left` bytes left; 0 when the
// bytes there are not one.
size_t Utf8SequenceLength(const unsigned char* p, size_t left) {
  const unsigned char c = *p;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (left <= n) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i <= n; ++i) {
    if (p[i] < 0x80 || p[i] > 0xBF) return 0;
  }
  return n + 1;
}

// What a byte of a string asks of AppendString: kAsIs, printable ASCII
// written as it is; kThreeByteLead, E1-EC and EE-EF, which lead the
// three-byte sequences of most CJK text and allow any continuation bytes
// (80-BF) after them; kCheck, everything else (an escape, another lead, a
// byte that cannot lead).
enum ByteKind : unsigned char { kCheck, kAsIs, kThreeByteLead };

constexpr std::array<ByteKind, 256> kByteKinds = [] {
  std::array<ByteKind, 256> kinds{};
  for (int c = 0x20; c < 0x80; ++c) kinds[c] = kAsIs;
  kinds['"'] = kCheck;
  kinds['\\'] = kCheck;
  for (int c = 0xE1; c <= 0xEF; ++c) kinds[c] = kThreeByteLead;
  kinds[0xED] = kCheck;  // its second byte stops at 9F (no surrogates)
  return kinds;
}();

// Whether both bytes at p are continuation bytes (80-BF), in one load.
bool AreContinuations(const unsigned char* p) {
  uint16_t pair;
  std::memcpy(&pair, p, sizeof pair);
  return (pair & 0xC0C0) == 0x8080;
}

// Checks the UTF-8 and escapes in the same pass over the string: a string
// that turns out ill-formed is taken back and written by nlohmann instead.
// The bytes that need no look beyond their kind (ASCII, the CJK sequences)
// are passed over in runs; Utf8SequenceLength checks the other leads.
void AppendString(std::string_view s, std::string* out) {
  const size_t mark = out->size();
  out->push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;  // start of the bytes not yet copied
  size_t i = 0;
  for (;;) {
    while (i < n && kByteKinds[p[i]] == kAsIs) ++i;
    while (n - i >= 3 && kByteKinds[p[i]] == kThreeByteLead && AreContinuations(p + i + 1)) i += 3;
    if (i == n) break;
    const unsigned char c = p[i];
    if (kByteKinds[c] == kAsIs) continue;
    if (c >= 0x80) {
      const size_t length = Utf8SequenceLength(p + i, n - i);
      if (length == 0) {
        out->resize(mark);
        *out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    out->append(s.substr(run, i - run));
    run = ++i;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        *out += "\\u00";
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
      }
    }
  }
  out->append(s.substr(run));
  out->push_back('"');
}

template <typename Int>
void AppendInt(Int value, std::string* out) {
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, static_cast<size_t>(end - buffer));
}

// nlohmann's serializer::dump_float for an IEEE double: its Grisu2 digits
// (not always std::to_chars' shortest form), "null" for NaN and infinity.
void AppendDouble(double value, std::string* out) {
  if (!std::isfinite(value)) {
    *out += "null";
    return;
  }
  std::array<char, 64> buffer;
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out->append(buffer.data(), end);
}

// ",\n" and the indentation of 32 levels: what stands before a member or an
// element (and, without the comma, before a closing bracket), taken in one
// append for the usual depths.
constexpr std::array<char, 2 + 2 * 32> kSeparator = [] {
  std::array<char, 2 + 2 * 32> separator{};
  separator[0] = ',';
  separator[1] = '\n';
  for (size_t i = 2; i < separator.size(); ++i) separator[i] = ' ';
  return separator;
}();

// The comma after the member or element before (none for the first) and,
// in pretty text, the line break and the indentation of `depth` levels.
// Its length, when it fits kSeparator; 0 when it does not.
size_t SeparatorLength(bool first, bool compact, int depth) {
  const size_t indent = compact ? 0 : 2 * static_cast<size_t>(depth);
  if (indent + 2 > kSeparator.size()) return 0;
  return (first ? 0 : 1) + (compact ? 0 : 1 + indent);
}

void AppendSeparator(bool first, bool compact, int depth, std::string* out) {
  if (compact) {
    if (!first) out->push_back(',');
    return;
  }
  if (const size_t length = SeparatorLength(first, compact, depth); length > 0) {
    out->append(kSeparator.data() + (first ? 1 : 0), length);
    return;
  }
  if (!first) out->push_back(',');
  out->push_back('\n');
  out->append(2 * static_cast<size_t>(depth), ' ');
}

// An object member's start, its separator and its key with the colon: one
// append when the key is short printable ASCII (every key the documents
// have) and the depth usual, else piece by piece.
void AppendMemberStart(bool first, bool compact, int depth, std::string_view key, std::string* out) {
  constexpr size_t kMaxKey = 64;
  const size_t separator = SeparatorLength(first, compact, depth);
  const bool fits = separator > 0 || (first && compact);
  if (!fits || key.size() > kMaxKey ||
      !std::all_of(key.begin(), key.end(), [](char c) { return kByteKinds[static_cast<unsigned char>(c)] == kAsIs; })) {
    AppendSeparator(first, compact, depth, out);
    AppendString(key, out);
    out->push_back(':');
    if (!compact) out->push_back(' ');
    return;
  }
  char buffer[std::tuple_size_v<decltype(kSeparator)> + kMaxKey + 4];
  std::memcpy(buffer, kSeparator.data() + (first ? 1 : 0), separator);
  size_t length = separator;
  buffer[length++] = '"';
  std::memcpy(buffer + length, key.data(), key.size());
  length += key.size();
  buffer[length++] = '"';
  buffer[length++] = ':';
  if (!compact) buffer[length++] = ' ';
  out->append(buffer, length);
}

// Before a closing bracket: in pretty text, a line break and the
// indentation of `depth` levels.
void AppendClosingBreak(bool compact, int depth, std::string* out) {
  if (!compact) AppendSeparator(/*first=*/true, compact, depth, out);
}

void Append(const Json& json, bool compact, int depth, std::string* out) {
  switch (json.type()) {
    case Json::value_t::object: {
      if (json.empty()) {
        *out += "{}";
        return;
      }
      out->push_back('{');
      bool first = true;
      for (auto it = json.begin(); it != json.end(); ++it) {
        AppendMemberStart(first, compact, depth + 1, it.key(), out);
        first = false;
        Append(it.value(), compact, depth + 1, out);
      }
      AppendClosingBreak(compact, depth, out);
      out->push_back('}');
      return;
    }
    case Json::value_t::array: {
      if (json.empty()) {
        *out += "[]";
        return;
      }
      out->push_back('[');
      bool first = true;
      for (const Json& element : json) {
        AppendSeparator(first, compact, depth + 1, out);
        first = false;
        Append(element, compact, depth + 1, out);
      }
      AppendClosingBreak(compact, depth, out);
      out->push_back(']');
      return;
    }
    case Json::value_t::string: AppendString(json.get_ref<const std::string&>(), out); return;
    case Json::value_t::boolean: *out += json.get<bool>() ? "true" : "false"; return;
    case Json::value_t::null: *out += "null"; return;
    case Json::value_t::number_integer: AppendInt(json.get<Json::number_integer_t>(), out); return;
    case Json::value_t::number_unsigned: AppendInt(json.get<Json::number_unsigned_t>(), out); return;
    case Json::value_t::number_float: AppendDouble(json.get<double>(), out); return;
    default:
      // Binary, discarded.
      *out += json.dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
  }
}

}  // namespace

void AppendJsonText(const nlohmann::ordered_json& json, bool compact, int depth, std::string* out) {
  Append(json, compact, depth, out);
}

void AppendJsonString(std::string_view s, std::string* out) { AppendString(s, out); }

void AppendJsonDouble(double value, std::string* out) { AppendDouble(value, out); }

std::string JsonText(const nlohmann::ordered_json& json, bool compact) {
  std::string out;
  Append(json, compact, 0, &out);
  out.push_back('\n');
  return out;
}

}  // namespace docpipe
