#include "common/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <vector>

namespace docpipe::unicode {
namespace {

const icu::Normalizer2* Instance(const char* name, UNormalization2Mode mode) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, name, mode, status);
  return U_SUCCESS(status) ? n : nullptr;
}

std::string Normalize(const icu::Normalizer2* n, std::string_view text) {
  if (n == nullptr) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString out = n->normalize(in, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string result;
  out.toUTF8String(result);
  return result;
}

// Decodes well-formed UTF-8 into code points with their byte offsets.
struct Decoded {
  std::vector<int32_t> chars;
  std::vector<size_t> offsets;  // one more than chars: the end offset
};

Decoded Decode(std::string_view text) {
  Decoded d;
  d.chars.reserve(text.size());
  d.offsets.reserve(text.size() + 1);
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    d.offsets.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(s, i, n, c);
    d.chars.push_back(c < 0 ? 0xFFFD : c);
  }
  d.offsets.push_back(text.size());
  return d;
}

void Append(std::string& out, int32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::nullopt;
}

bool IsUnreadable(int32_t c) {
  if (c == 0xFFFD) return true;
  switch (u_charType(c)) {
    case U_CONTROL_CHAR: case U_PRIVATE_USE_CHAR: case U_UNASSIGNED: case U_SURROGATE:
      return !IsSpace(c);
    default:
      return false;
  }
}

bool IsCjk(int32_t c) {
  if (c < 0x2E80) return false;  // fast path: nothing below is CJK-wide
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (U_SUCCESS(status)) {
    switch (script) {
      case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
      case USCRIPT_HANGUL: case USCRIPT_BOPOMOFO:
        return true;
      default: break;
    }
  }
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

bool IsSpace(int32_t c) { return u_isUWhiteSpace(c) || c == '\t'; }

std::string Nfc(std::string_view text) {
  static const icu::Normalizer2* n = Instance("nfc", UNORM2_COMPOSE);
  return Normalize(n, text);
}

std::string Nfkc(std::string_view text) {
  static const icu::Normalizer2* n = Instance("nfkc", UNORM2_COMPOSE);
  return Normalize(n, text);
}

std::string FoldKey(std::string_view text) {
  static const icu::Normalizer2* n = Instance("nfkc_cf", UNORM2_COMPOSE);
  std::string folded = Normalize(n, text);
  std::string key;
  key.reserve(folded.size());
  for (int32_t c : Decode(folded).chars) {
    if (!IsSpace(c)) Append(key, c);
  }
  return key;
}

std::string FoldWidth(std::string_view text) {
  // Every Fullwidth character that NFKC maps to an ASCII letter or digit
  // lies in Unicode's Halfwidth and Fullwidth Forms block, whose UTF-8
  // encoding starts with byte 0xEF; only characters with that lead byte are
  // decoded and asked about. The decision itself stays with ICU.
  size_t at = text.find('\xEF');
  if (at == std::string_view::npos) return std::string(text);
  static const icu::Normalizer2* n = Instance("nfkc", UNORM2_COMPOSE);
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  while (at != std::string_view::npos) {
    int32_t i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(s, i, length, c);
    char folded = 0;
    if (n != nullptr && c >= 0 && u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH) == U_EA_FULLWIDTH) {
      icu::UnicodeString result;
      UErrorCode status = U_ZERO_ERROR;
      n->normalize(icu::UnicodeString(c), result, status);
      if (U_SUCCESS(status) && result.length() == 1 && result.char32At(0) < 0x80 && u_isalnum(result.char32At(0))) {
        folded = static_cast<char>(result.char32At(0));
      }
    }
    if (folded != 0) {
      out.append(text.substr(copied, at - copied));
      out.push_back(folded);
      copied = static_cast<size_t>(i);
    }
    at = text.find('\xEF', static_cast<size_t>(i));
  }
  out.append(text.substr(copied));
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t previous = -1;    // last non-space character written
  bool pending = false;     // white space seen since `previous`
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (IsSpace(c)) {
      pending = previous >= 0;
      continue;
    }
    if (pending && !(IsCjk(previous) && IsCjk(c))) out.push_back(' ');
    pending = false;
    out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    previous = c;
  }
  return out;
}

std::string JoinWrapped(std::string_view left, std::string_view right) {
  if (left.empty()) return std::string(right);
  if (right.empty()) return std::string(left);
  int32_t a = LastChar(left);
  int32_t b = FirstChar(right);
  std::string out(left);
  if (!IsCjk(a) && !IsCjk(b) && !IsSpace(a) && !IsSpace(b)) out.push_back(' ');
  out.append(right);
  return out;
}

std::string_view TrimAscii(std::string_view text) {
  const char* space = " \t\n\r";
  size_t b = text.find_first_not_of(space);
  if (b == std::string_view::npos) return {};
  size_t e = text.find_last_not_of(space);
  return text.substr(b, e - b + 1);
}

int32_t FirstChar(std::string_view text) {
  if (text.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

int32_t LastChar(std::string_view text) {
  if (text.empty()) return -1;
  int32_t i = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c;
}

std::optional<double> SoleNumeralValue(std::string_view text) {
  std::optional<double> value;
  for (char32_t c : ToCodePoints(text)) {
    double v = u_getNumericValue(static_cast<UChar32>(c));
    if (v == U_NO_NUMERIC_VALUE) continue;
    if (value) return std::nullopt;
    value = v;
  }
  return value;
}

size_t Length(std::string_view text) {
  int32_t i = 0, count = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    U8_FWD_1(s, i, n);
    ++count;
  }
  return static_cast<size_t>(count);
}

std::u32string ToCodePoints(std::string_view text) {
  std::vector<int32_t> chars = Decode(text).chars;
  return std::u32string(chars.begin(), chars.end());
}

std::string FromCodePoints(std::u32string_view chars) {
  std::string out;
  out.reserve(chars.size() * 3);
  for (char32_t c : chars) Append(out, static_cast<int32_t>(c));
  return out;
}

}  // namespace docpipe::unicode
