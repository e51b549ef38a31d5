#include "common/json_text.h"

#include <array>
#include <charconv>
#include <cmath>
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

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

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
    for (;;) {
      while (i < n && kByteKinds[p[i]] == kAsIs) ++i;
      if (n - i < 3 || kByteKinds[p[i]] != kThreeByteLead || !IsContinuation(p[i + 1]) ||
          !IsContinuation(p[i + 2])) {
        break;
      }
      i += 3;
    }
    if (i == n) break;
    const unsigned char c = p[i];
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

// A line break and the indentation of `depth` levels: one append from a
// line of spaces for the usual depths.
constexpr std::array<char, 1 + 2 * 32> kLine = [] {
  std::array<char, 1 + 2 * 32> line{};
  line[0] = '\n';
  for (size_t i = 1; i < line.size(); ++i) line[i] = ' ';
  return line;
}();

void NewLine(int depth, std::string* out) {
  const size_t length = 1 + 2 * static_cast<size_t>(depth);
  if (length <= kLine.size()) {
    out->append(kLine.data(), length);
  } else {
    out->push_back('\n');
    out->append(length - 1, ' ');
  }
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
        if (!first) out->push_back(',');
        first = false;
        if (!compact) NewLine(depth + 1, out);
        AppendString(it.key(), out);
        out->push_back(':');
        if (!compact) out->push_back(' ');
        Append(it.value(), compact, depth + 1, out);
      }
      if (!compact) NewLine(depth, out);
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
        if (!first) out->push_back(',');
        first = false;
        if (!compact) NewLine(depth + 1, out);
        Append(element, compact, depth + 1, out);
      }
      if (!compact) NewLine(depth, out);
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
