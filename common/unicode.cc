#include "common/unicode.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iterator>
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
  // Most cells are already normalized: ICU says so on the UTF-8 bytes, with
  // no conversion to UTF-16 and back. Ill-formed bytes take the long way,
  // which replaces them.
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (!FindInvalidUtf8(text)) {
    if (n->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
    // Well-formed but not normalized (a code K01 under case folding): ICU
    // normalizes the UTF-8 as it is, without the round trip through UTF-16.
    // A normalization form has one result, so it is the same text.
    status = U_ZERO_ERROR;
    std::string result;
    result.reserve(text.size());
    icu::StringByteSink<std::string> sink(&result);
    n->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_SUCCESS(status)) return result;
  }
  status = U_ZERO_ERROR;
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

namespace {

// ICU's White_Space characters (and tab, which is one), as a frozen set:
// its lookup of a BMP character is a bitmap test, cheaper than asking the
// property per character, and it spans UTF-8 without decoding.
const icu::UnicodeSet& SpaceSet() {
  static const icu::UnicodeSet* spaces = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto* set = new icu::UnicodeSet(icu::UnicodeString(u"[[:White_Space:]\t]"), status);
    if (U_FAILURE(status)) {
      std::fprintf(stderr, "docpipe: ICU has no White_Space set: %s\n", u_errorName(status));
      std::abort();
    }
    set->freeze();
    return set;
  }();
  return *spaces;
}

}  // namespace

bool IsSpace(int32_t c) {
  // ASCII from a table that ICU filled once; the rest from the frozen set.
  static const std::array<bool, 0x80> ascii = [] {
    std::array<bool, 0x80> table{};
    for (int32_t a = 0; a < 0x80; ++a) table[a] = u_isUWhiteSpace(a) || a == '\t';
    return table;
  }();
  if (c >= 0 && c < 0x80) return ascii[c];
  // The last white-space character ICU knows (U+3000 today): CJK text lies
  // above it, so most non-ASCII characters are answered by one comparison.
  static const int32_t last_space = [] {
    const icu::UnicodeSet& set = SpaceSet();
    return set.getRangeEnd(set.getRangeCount() - 1);
  }();
  if (c < 0 || c > last_space) return false;
  return SpaceSet().contains(c);
}

namespace {

// The bytes that can begin a white-space character (IsSpace) in UTF-8: the
// ASCII white space and the lead bytes of the others, worked out once from
// ICU's set. None is a continuation byte (10xxxxxx), and U8_NEXT never
// takes a byte that is not one into an ill-formed sequence before it, so
// every such byte of a text starts a character as U8_NEXT reads the text
// from its start: a scan may pass over the other bytes without decoding.
// `last`: the bytes that can end one (a character U8_PREV reads is
// well-formed, so it ends in the last byte of its encoding).
struct SpaceBytes {
  std::array<bool, 256> first{};
  std::array<bool, 256> last{};
};

SpaceBytes WorkOutSpaceBytes() {
  SpaceBytes bytes;
  const icu::UnicodeSet& spaces = SpaceSet();
  for (int32_t r = 0; r < spaces.getRangeCount(); ++r) {
    for (UChar32 c = spaces.getRangeStart(r); c <= spaces.getRangeEnd(r); ++c) {
      uint8_t buf[U8_MAX_LENGTH];
      int32_t length = 0;
      U8_APPEND_UNSAFE(buf, length, c);
      bytes.first[buf[0]] = true;
      bytes.last[buf[length - 1]] = true;
    }
  }
  return bytes;
}

// Inlined, so that a caller (FindSpace, once per run of white space) pays a
// guard check, not a call (0.4 M instructions a pass over the four texts).
[[gnu::always_inline]] inline const SpaceBytes& SpaceBytesOf() {
  static const SpaceBytes bytes = WorkOutSpaceBytes();
  return bytes;
}

[[gnu::always_inline]] inline const std::array<bool, 256>& SpaceLeadBytes() { return SpaceBytesOf().first; }

// The first white-space character at or after `i` (a character start), or
// n: only bytes that may begin one are decoded.
int32_t FindSpace(const uint8_t* s, int32_t i, int32_t n) {
  const std::array<bool, 256>& leads = SpaceLeadBytes();
  while (true) {
    while (i < n && !leads[s[i]]) ++i;
    if (i >= n) return n;
    int32_t after = i;
    UChar32 c;
    U8_NEXT(s, after, n, c);
    if (IsSpace(c)) return i;
    i = after;
  }
}

// True when `text` holds a white-space character (IsSpace, as U8_NEXT reads
// the text).
bool HasSpace(std::string_view text) {
  const int32_t n = static_cast<int32_t>(text.size());
  return FindSpace(reinterpret_cast<const uint8_t*>(text.data()), 0, n) < n;
}

}  // namespace

size_t SpanSpace(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  const std::array<bool, 256>& leads = SpaceLeadBytes();
  int32_t i = 0;
  while (i < n && leads[s[i]]) {
    int32_t after = i;
    UChar32 c;
    U8_NEXT(s, after, n, c);
    if (!IsSpace(c)) break;
    i = after;
  }
  return static_cast<size_t>(i);
}

size_t SpanNonSpace(std::string_view text) {
  // Decodes only the characters whose lead byte can begin white space
  // (FindSpace), where ICU's span decodes every character and reads some
  // ill-formed sequences (an overlong C0 A0) as white space.
  const int32_t n = static_cast<int32_t>(text.size());
  return static_cast<size_t>(FindSpace(reinterpret_cast<const uint8_t*>(text.data()), 0, n));
}

namespace {

// A yes/no question about characters, asked of ICU the first time a BMP
// character is met in the process and kept (a 64 K table): a text's
// characters then cost a table look-up each, where ICU looks every
// character up in its property or normalization data. Threads that meet a
// character together both ask and store the same answer (relaxed atomics).
// A process pays nothing up front: a frozen UnicodeSet of the answers costs
// millions of instructions to build, more than one small document saves.
// Supplementary characters are rare and asked every time.
class KeptAnswers {
 public:
  // `ask(c)` must give the same answer for `c` every time.
  template <typename Ask>
  bool Of(UChar32 c, const Ask& ask) {
    if (c > 0xFFFF) return ask(c);
    std::atomic<uint8_t>& slot = known_[static_cast<size_t>(c)];
    uint8_t answer = slot.load(std::memory_order_relaxed);  // 0 not asked yet, 1 no, 2 yes
    if (answer == 0) {
      answer = ask(c) ? 2 : 1;
      slot.store(answer, std::memory_order_relaxed);
    }
    return answer == 2;
  }

 private:
  std::array<std::atomic<uint8_t>, 0x10000> known_{};
};

// Whether NFC's quick check answers Yes for `c` and its combining class is
// 0 (TextScan::nfc_yes).
bool NfcQuickCheckYes(UChar32 c) {
  static KeptAnswers known;
  return known.Of(c, [](UChar32 ch) {
    return u_getIntPropertyValue(ch, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(ch) == 0;
  });
}

}  // namespace

namespace {

bool IsAsciiAlnum(int32_t c);
bool IsHyphenLike(int32_t c);

// ScanText, decoding with U8_NEXT (kValid false) or, for text known to be
// well-formed, with U8_NEXT_UNSAFE, which reads a well-formed character as
// U8_NEXT does without checking its bytes.
template <bool kValid>
TextScan ScanTextAs(std::string_view text) {
  // FindInvalidUtf8's reading, which also tells white space from the rest
  // as FindSpace does (only a character led by a byte that can begin white
  // space is asked about).
  TextScan scan;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  const std::array<bool, 256>& leads = SpaceLeadBytes();
  int32_t space = n;
  bool in_token = false;
  // A character at `start`: white space or not.
  auto note = [&](int32_t start, bool is_space) {
    if (is_space) {
      if (space == n) space = start;
      if (!in_token) return;
      in_token = false;
      if (scan.token_count > 0) scan.token_end[scan.token_count - 1] = static_cast<uint32_t>(start);
      return;
    }
    if (in_token) return;
    in_token = true;
    if (scan.token_count == TextScan::kMaxTokens) {
      scan.token_count = -1;
    } else if (scan.token_count >= 0) {
      scan.token_begin[scan.token_count++] = static_cast<uint32_t>(start);
    }
  };
  int32_t i = 0;
  while (i < n) {
    const uint8_t b = s[i];
    if (b < 0x80) {
      note(i, leads[b]);  // an ASCII character is its own lead byte
      ++i;
      continue;
    }
    scan.ascii = false;
    // A run of non-ASCII characters, and whether it is code_hyphen's (as
    // HasNonAsciiBetweenAsciiAlnums reads it: the run's end is an ASCII
    // byte, where U8_NEXT's reading of the run stops whatever bound it is
    // given).
    const bool after_alnum = i > 0 && IsAsciiAlnum(s[i - 1]);
    int chars = 0;
    UChar32 c;
    do {
      const int32_t start = i;
      ++chars;
      if constexpr (kValid) {
        U8_NEXT_UNSAFE(s, i, c);
      } else {
        U8_NEXT(s, i, n, c);
        if (c < 0) {
          scan.well_formed = false;
          note(start, false);  // read as U+FFFD
          continue;
        }
      }
      if (scan.nfc_yes && !NfcQuickCheckYes(c)) scan.nfc_yes = false;
      note(start, leads[s[start]] && IsSpace(c));
    } while (i < n && s[i] >= 0x80);
    if (after_alnum && chars == 1 && c >= 0 && i < n && IsAsciiAlnum(s[i]) && IsHyphenLike(c)) {
      scan.code_hyphen = true;
    }
  }
  if (in_token && scan.token_count > 0) scan.token_end[scan.token_count - 1] = static_cast<uint32_t>(n);
  scan.first_space = static_cast<size_t>(space);
  return scan;
}

}  // namespace

TextScan ScanText(std::string_view text, Utf8 known) {
  return known == Utf8::kValid ? ScanTextAs<true>(text) : ScanTextAs<false>(text);
}

bool IsControl(int32_t c) { return u_charType(c) == U_CONTROL_CHAR; }

const icu::Normalizer2* NfcInstance() {
  static const icu::Normalizer2* n = Instance("nfc", UNORM2_COMPOSE);
  return n;
}

std::string Nfc(std::string_view text) { return Normalize(NfcInstance(), text); }

bool NfcMayChange(std::string_view text) {
  // Normalize's own quick exit: well-formed and already normalized.
  const icu::Normalizer2* n = NfcInstance();
  if (n == nullptr) return false;  // Normalize returns the text as it is
  if (FindInvalidUtf8(text)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized = n->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  return !(normalized && U_SUCCESS(status));
}

bool NfcMayChange(std::string_view text, const TextScan& scan) {
  if (NfcInstance() == nullptr) return false;
  if (!scan.well_formed) return true;
  if (scan.nfc_yes) return false;  // ASCII among them
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized =
      NfcInstance()->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  return !(normalized && U_SUCCESS(status));
}

std::string Nfkc(std::string_view text) {
  static const icu::Normalizer2* n = Instance("nfkc", UNORM2_COMPOSE);
  return Normalize(n, text);
}

namespace {

const icu::Normalizer2* NfkcCasefoldInstance() {
  static const icu::Normalizer2* n = Instance("nfkc_cf", UNORM2_COMPOSE);
  return n;
}

// What FoldKey's quick path knows of a text.
enum class QuickFold {
  kUnknown,      // ill-formed, or a character NFKC_Casefold may change: ICU folds it
  kItself,       // its own NFKC_Casefold, without white space: the key is the text
  kItselfSpaced  // its own NFKC_Casefold: the key is the text without its white space
};

// A well-formed text whose characters are all inert under NFKC_Casefold
// (ICU's Normalizer2::isInert: the character maps to itself and neither
// composes nor reorders with any neighbour) is its own NFKC_Casefold, so
// Normalize need not run. Most cells of a standard are such (ideographs,
// ASCII digits and lower-case letters); a fullwidth bracket, an upper-case
// letter, an ideographic space or a combining mark is not. The walk also
// notes white space, so that a key without any is not searched again.
QuickFold FoldQuickly(const icu::Normalizer2* n, std::string_view text) {
  static KeptAnswers inert_non_space;
  const auto ask = [n](UChar32 ch) { return !IsSpace(ch) && n->isInert(ch); };
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(text.size());
  bool spaced = false;
  for (int32_t i = 0; i < size;) {
    UChar32 c;
    U8_NEXT(s, i, size, c);
    if (c < 0) return QuickFold::kUnknown;
    if (inert_non_space.Of(c, ask)) continue;
    if (!IsSpace(c) || !n->isInert(c)) return QuickFold::kUnknown;
    spaced = true;
  }
  return spaced ? QuickFold::kItselfSpaced : QuickFold::kItself;
}

// `text` without its white space: the runs between white space copied
// whole (spanning the set over the bytes, as HasSpace does) rather than
// character by character.
std::string WithoutSpace(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  while (!text.empty()) {
    text.remove_prefix(SpanSpace(text));
    const size_t run = SpanNonSpace(text);
    key.append(text.substr(0, run));
    text.remove_prefix(run);
  }
  return key;
}

}  // namespace

std::string FoldKey(std::string_view text) {
  const icu::Normalizer2* n = NfkcCasefoldInstance();
  switch (n != nullptr ? FoldQuickly(n, text) : QuickFold::kUnknown) {
    case QuickFold::kItself:
      return std::string(text);
    case QuickFold::kItselfSpaced:
      return WithoutSpace(text);
    case QuickFold::kUnknown:
      break;
  }
  std::string folded = Normalize(n, text);
  if (!HasSpace(folded)) return folded;  // NFKC_Casefold output is well-formed
  return WithoutSpace(folded);
}

struct FoldedCharacters::Table {
  KeptAnswers holds;  // whether a character's folding holds one of the wanted characters
};

FoldedCharacters::FoldedCharacters(std::string_view wanted) : wanted_(wanted), bmp_(new Table) {
  const icu::Normalizer2* n = NfkcCasefoldInstance();
  const auto* s = reinterpret_cast<const uint8_t*>(wanted.data());
  const int32_t size = static_cast<int32_t>(wanted.size());
  for (int32_t i = 0; i < size;) {
    UChar32 c;
    U8_NEXT(s, i, size, c);
    if (n == nullptr || c < 0 || IsSpace(c) || !n->isInert(c)) {
      std::fprintf(stderr, "docpipe: FoldedCharacters: U+%04X is not inert under NFKC_Casefold\n",
                   static_cast<unsigned>(c));
      std::abort();
    }
  }
}

FoldedCharacters::~FoldedCharacters() { delete bmp_; }

bool FoldedCharacters::FoldingHolds(int32_t c) const {
  return bmp_->holds.Of(c, [this](UChar32 ch) {
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, ch);  // a code point U8_NEXT read or 0xFFFD: well-formed
    const std::string key = FoldKey(std::string_view(buf, static_cast<size_t>(len)));
    const auto* s = reinterpret_cast<const uint8_t*>(wanted_.data());
    const int32_t size = static_cast<int32_t>(wanted_.size());
    for (int32_t i = 0; i < size;) {
      const int32_t start = i;
      UChar32 w;
      U8_NEXT(s, i, size, w);
      if (key.find(wanted_.data() + start, 0, static_cast<size_t>(i - start)) != std::string::npos) return true;
    }
    return false;
  });
}

bool FoldedCharacters::MayHold(std::string_view text, Utf8 known) const {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  if (known == Utf8::kValid) {
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT_UNSAFE(s, i, c);  // as U8_NEXT reads a well-formed character
      if (FoldingHolds(c)) return true;
    }
    return false;
  }
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (FoldingHolds(c < 0 ? 0xFFFD : c)) return true;  // FoldKey reads ill-formed bytes as U+FFFD
  }
  return false;
}

namespace {

struct IdeographPair {
  int32_t radical;
  int32_t ideograph;
};

constexpr IdeographPair kEquivalentIdeographs[] = {
#include "common/equivalent_ideographs.inc"
};

bool IsAsciiAlnum(int32_t c) { return c < 0x80 && std::isalnum(c) != 0; }

bool IsAsciiAlpha(int32_t c) { return c < 0x80 && std::isalpha(c) != 0; }

bool IsHyphenLike(int32_t c) {
  if (c == '-' || !u_hasBinaryProperty(c, UCHAR_DASH)) return false;
  int8_t category = u_charType(c);
  if (category != U_DASH_PUNCTUATION && category != U_MATH_SYMBOL) return false;
  return u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH) != U_EA_WIDE;
}

// The characters of an ICU property pattern that `keep` (when given)
// keeps. Callers freeze the set they build from it (a frozen set's lookup
// of a BMP character is a bitmap test, and it spans UTF-8 without
// decoding).
icu::UnicodeSet PropertySet(const char16_t* pattern, bool (*keep)(int32_t) = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString(pattern), status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "docpipe: ICU has no set for a property pattern: %s\n", u_errorName(status));
    std::abort();
  }
  if (keep == nullptr) return set;
  icu::UnicodeSet kept;
  for (int32_t r = 0; r < set.getRangeCount(); ++r) {
    for (int32_t c = set.getRangeStart(r); c <= set.getRangeEnd(r); ++c) {
      if (keep(c)) kept.add(c);
    }
  }
  return kept;
}

// The hyphen-like characters (IsHyphenLike: a subset of ICU's Dash
// property, picked by IsHyphenLike itself) and the radicals (ICU
// Radical=Yes: EquivalentIdeograph maps no other character): a text
// without any of them leaves both repairs nothing to do, and finding that
// out is one span of the text.
const icu::UnicodeSet& HyphensAndRadicals() {
  static const icu::UnicodeSet* set = [] {
    auto* both = new icu::UnicodeSet(PropertySet(u"[:Dash:]", &IsHyphenLike));
    both->addAll(PropertySet(u"[:Radical:]"));
    both->freeze();
    return both;
  }();
  return *set;
}

// Whether `text` holds a hyphen-like character or a radical. Ill-formed
// bytes count as U+FFFD (ICU's span), which is neither, as they are for
// the repairs (U8_NEXT gives them no code point of the set either).
bool HasHyphenOrRadical(std::string_view text) {
  const int32_t n = static_cast<int32_t>(text.size());
  return HyphensAndRadicals().spanUTF8(text.data(), n, USET_SPAN_NOT_CONTAINED) < n;
}

}  // namespace

int32_t EquivalentIdeograph(int32_t c) {
  if (!u_hasBinaryProperty(c, UCHAR_RADICAL)) return -1;
  const auto* end = std::end(kEquivalentIdeographs);
  const auto* it = std::lower_bound(std::begin(kEquivalentIdeographs), end, c,
                                    [](const IdeographPair& p, int32_t value) { return p.radical < value; });
  return it != end && it->radical == c ? it->ideograph : -1;
}

bool UnifyRadicalsMayChange(std::string_view text) {
  // Radicals are three-byte sequences led by 0xE2; text without that byte
  // (most cells) has none.
  return text.find('\xE2') != std::string_view::npos;
}

bool UnifyRadicalsMayChange(std::string_view text, const TextScan& scan) {
  return !scan.ascii && UnifyRadicalsMayChange(text);
}

std::string UnifyRadicals(std::string_view text, int* repaired) {
  if (!UnifyRadicalsMayChange(text)) return std::string(text);
  Decoded d = Decode(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < d.chars.size(); ++i) {
    int32_t ideograph = EquivalentIdeograph(d.chars[i]);
    if (ideograph < 0) {
      out.append(text.substr(d.offsets[i], d.offsets[i + 1] - d.offsets[i]));
      continue;
    }
    Append(out, ideograph);
    if (repaired != nullptr) ++*repaired;
  }
  return out;
}

namespace {

// True when a hyphen-like character stands alone between two ASCII letters
// or digits: only such a character can be a hyphen in a code. The repair
// replaces a hyphen-like character whose neighbours are both ASCII letters
// or digits, so a run of two or more characters between them changes
// nothing, nor do ill-formed bytes (read as U+FFFD, no hyphen).
bool HasNonAsciiBetweenAsciiAlnums(std::string_view text) {
  const size_t n = text.size();
  for (size_t i = 1; i < n; ++i) {
    if (static_cast<unsigned char>(text[i]) < 0x80 || !IsAsciiAlnum(static_cast<unsigned char>(text[i - 1]))) continue;
    size_t end = i;
    while (end < n && static_cast<unsigned char>(text[end]) >= 0x80) ++end;
    if (end < n && IsAsciiAlnum(static_cast<unsigned char>(text[end]))) {
      // One character between the two, a hyphen-like one.
      int32_t at = static_cast<int32_t>(i);
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at, static_cast<int32_t>(end), c);
      if (c >= 0 && static_cast<size_t>(at) == end && IsHyphenLike(c)) return true;
    }
    i = end;
  }
  return false;
}

}  // namespace

bool AsciiHyphensInCodesMayChange(std::string_view text) { return HasNonAsciiBetweenAsciiAlnums(text); }

bool AsciiHyphensInCodesMayChange(std::string_view, const TextScan& scan) { return scan.code_hyphen; }

std::string AsciiHyphensInCodes(std::string_view text, int* repaired) {
  if (!AsciiHyphensInCodesMayChange(text)) return std::string(text);
  Decoded d = Decode(text);
  const size_t n = d.chars.size();
  std::vector<bool> replace(n, false);
  // Tokens: maximal runs of ASCII letters, digits and hyphen-like characters.
  for (size_t start = 0; start < n;) {
    if (!IsAsciiAlnum(d.chars[start]) && !IsHyphenLike(d.chars[start])) {
      ++start;
      continue;
    }
    size_t end = start;
    bool letter = false;
    while (end < n && (IsAsciiAlnum(d.chars[end]) || IsHyphenLike(d.chars[end]))) letter |= IsAsciiAlpha(d.chars[end++]);
    for (size_t i = start + 1; letter && i + 1 < end; ++i) {
      replace[i] = IsHyphenLike(d.chars[i]) && IsAsciiAlnum(d.chars[i - 1]) && IsAsciiAlnum(d.chars[i + 1]);
    }
    start = end;
  }
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < n; ++i) {
    if (replace[i]) {
      out.push_back('-');
      if (repaired != nullptr) ++*repaired;
    } else {
      out.append(text.substr(d.offsets[i], d.offsets[i + 1] - d.offsets[i]));
    }
  }
  return out;
}

bool CannotBeginLine(std::string_view text) {
  int32_t c = FirstChar(text);
  if (c < 0) return false;
  switch (u_getIntPropertyValue(c, UCHAR_LINE_BREAK)) {
    case U_LB_CLOSE_PUNCTUATION:
    case U_LB_CLOSE_PARENTHESIS:
    case U_LB_EXCLAMATION:
    case U_LB_NONSTARTER:
      return true;
    default:
      return false;
  }
}

void CountRadicalsAndCodeHyphens(std::string_view text, int* radicals, int* hyphens) {
  // A text with neither a radical nor a hyphen-like character counts
  // nothing (FoldWidth makes neither: it writes ASCII letters and digits):
  // one span rules out nearly every cell. Else the repairs' quick tests
  // (memchr scans, then the byte loop of AsciiHyphensInCodesMayChange when
  // the width fold changes nothing).
  if (!HasHyphenOrRadical(text)) return;
  if (UnifyRadicalsMayChange(text)) UnifyRadicals(text, radicals);
  if (FoldWidthMayChange(text)) {
    AsciiHyphensInCodes(FoldWidth(text), hyphens);
  } else if (AsciiHyphensInCodesMayChange(text)) {
    AsciiHyphensInCodes(text, hyphens);
  }
}

namespace {

// The Fullwidth characters (ICU East_Asian_Width=Fullwidth) that NFKC maps
// to one ASCII letter or digit: the only ones FoldWidth folds. Asked of ICU
// once per process for the hundred or so Fullwidth characters, not for
// every fullwidth comma of every cell.
const icu::UnicodeSet& FoldableFullwidth() {
  static const icu::UnicodeSet* set = [] {
    auto* foldable = new icu::UnicodeSet(PropertySet(u"[:East_Asian_Width=Fullwidth:]", [](int32_t c) {
      static const icu::Normalizer2* n = Instance("nfkc", UNORM2_COMPOSE);
      if (n == nullptr) return false;
      icu::UnicodeString result;
      UErrorCode status = U_ZERO_ERROR;
      n->normalize(icu::UnicodeString(c), result, status);
      return U_SUCCESS(status) && result.length() == 1 && result.char32At(0) < 0x80 &&
             u_isalnum(result.char32At(0)) != 0;
    }));
    foldable->freeze();
    return foldable;
  }();
  return *set;
}

// The first character FoldWidth folds at or after byte `from`: its offset
// (npos when there is none), its end in *end and the ASCII it folds to in
// *folded. Every such character lies in Unicode's Halfwidth and Fullwidth
// Forms block, whose UTF-8 encoding starts with byte 0xEF
// (unicode_test.cc holds the set to that), so only characters with that
// lead byte are decoded and asked about.
size_t NextFoldable(std::string_view text, size_t from, size_t* end, char* folded) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (size_t at = text.find('\xEF', from); at != std::string_view::npos; at = text.find('\xEF', *end)) {
    int32_t i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(s, i, length, c);
    *end = static_cast<size_t>(i);
    if (c >= 0 && FoldableFullwidth().contains(c)) {
      static const icu::Normalizer2* n = Instance("nfkc", UNORM2_COMPOSE);
      UErrorCode status = U_ZERO_ERROR;
      *folded = static_cast<char>(n->normalize(icu::UnicodeString(c), status).char32At(0));
      return at;
    }
  }
  return std::string_view::npos;
}

}  // namespace

bool FoldWidthMayChange(std::string_view text) {
  // Exact: FoldWidth replaces each such character (three bytes) by one
  // ASCII byte, so it changes the text exactly when there is one.
  size_t end = 0;
  char folded = 0;
  return NextFoldable(text, 0, &end, &folded) != std::string_view::npos;
}

bool FoldWidthMayChange(std::string_view text, const TextScan& scan) {
  return !scan.ascii && FoldWidthMayChange(text);
}

std::string FoldWidth(std::string_view text) {
  // The decision stays with ICU (the width property and the NFKC mapping,
  // see FoldableFullwidth), not code point ranges.
  size_t end = 0;
  char folded = 0;
  size_t at = NextFoldable(text, 0, &end, &folded);
  if (at == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  while (at != std::string_view::npos) {
    out.append(text.substr(copied, at - copied));
    out.push_back(folded);
    copied = end;
    at = NextFoldable(text, end, &end, &folded);
  }
  out.append(text.substr(copied));
  return out;
}

bool HasOpenBracket(std::string_view text) {
  int depth = 0;
  for (char32_t c : ToCodePoints(text)) {
    switch (PairedBracketOf(static_cast<int32_t>(c))) {
      case PairedBracket::kOpen: ++depth; break;
      case PairedBracket::kClose: depth = depth > 0 ? depth - 1 : 0; break;
      case PairedBracket::kNone: break;
    }
  }
  return depth > 0;
}

namespace {

// The code point U8_NEXT reads (reading from the start) for the last
// character of s[0, end), where s[end] (or the end) starts a character;
// negative when that character is ill-formed. It starts at the last byte
// that is not a continuation byte, at most four bytes back (else it is a
// lone continuation byte), and is well-formed only if it ends at `end`.
int32_t LastCharRead(const uint8_t* s, int32_t end) {
  int32_t start = end - 1;
  while (start >= 0 && end - start <= U8_MAX_LENGTH && U8_IS_TRAIL(s[start])) --start;
  if (start < 0 || end - start > U8_MAX_LENGTH) return -1;
  UChar32 c;
  int32_t i = start;
  U8_NEXT(s, i, end, c);
  return i == end ? c : -1;
}

}  // namespace

bool SpacesMayChange(std::string_view text) { return HasSpace(text); }

bool SpacesMayChange(std::string_view text, const TextScan& scan) { return scan.first_space < text.size(); }

std::string CollapseSpaces(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t space = FindSpace(s, 0, n);
  if (space == n) return std::string(text);  // nothing to collapse or join
  // The text alternates runs of characters that are not white space, copied
  // whole, and runs of white space, each dropped or written as one space.
  // Only the characters on both sides of a white-space run are decoded
  // (whether to keep a space between them); inside a run, FindSpace decodes
  // only characters whose lead byte can begin white space.
  std::string out;
  out.reserve(text.size());
  int32_t i = 0;
  int32_t previous = -1;  // the last character written (negative: none, or ill-formed)
  bool pending = false;   // white space since `previous`
  while (true) {
    if (i > 0) space = FindSpace(s, i, n);
    if (space > i) {
      if (pending) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, at, n, c);
        if (!(IsCjk(previous) && IsCjk(c))) out.push_back(' ');
        pending = false;
      }
      out.append(text.data() + i, static_cast<size_t>(space - i));
      previous = LastCharRead(s, space);
    }
    if (space >= n) break;
    i = space + static_cast<int32_t>(SpanSpace(text.substr(static_cast<size_t>(space))));
    pending = previous >= 0;
  }
  return out;
}

std::string CollapseSpaceRuns(std::string_view text) {
  if (!SpacesMayChange(text)) return std::string(text);  // nothing to collapse or join
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool pending = false;  // white space seen since the last character written
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (IsSpace(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

namespace {

bool IsCjkLetter(int32_t c) {
  if (c < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return false;
  switch (script) {
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL: case USCRIPT_BOPOMOFO:
      return u_isalpha(c) != 0;
    default:
      return false;
  }
}

// Whether the token s[begin, end) of a text of n bytes is one CJK letter.
bool IsLoneCjkLetter(const uint8_t* s, int32_t begin, int32_t end, int32_t n) {
  if (end - begin > U8_MAX_LENGTH) return false;
  UChar32 c;
  int32_t after = begin;
  U8_NEXT(s, after, n, c);
  return after == end && IsCjkLetter(c);
}

// Whether two neighbouring tokens (runs of non-space, white space between
// them) are each one CJK letter: the only place letter spacing drops a
// space. The tokens are cut with SpanSpace and FindSpace (`first_space`
// is where the text's first white space starts), and only a token short
// enough to be one character is decoded.
bool TwoLoneLettersSideBySide(std::string_view text, int32_t first_space) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool previous_alone = false;
  while (i < n) {
    i += static_cast<int32_t>(SpanSpace(text.substr(static_cast<size_t>(i))));
    if (i >= n) break;
    const int32_t end = i == 0 ? first_space : FindSpace(s, i, n);
    const bool alone = IsLoneCjkLetter(s, i, end, n);
    if (alone && previous_alone) return true;
    previous_alone = alone;
    i = end;
  }
  return false;
}

}  // namespace

bool RemoveLetterSpacingMayChange(std::string_view text) {
  const int32_t n = static_cast<int32_t>(text.size());
  const int32_t first_space = FindSpace(reinterpret_cast<const uint8_t*>(text.data()), 0, n);
  return first_space < n && TwoLoneLettersSideBySide(text, first_space);  // else nothing to collapse or join
}

bool RemoveLetterSpacingMayChange(std::string_view text, const TextScan& scan) {
  // Two lone CJK letters: never in ASCII text, nor without white space.
  if (scan.ascii || scan.first_space >= text.size()) return false;
  if (scan.token_count < 0) return TwoLoneLettersSideBySide(text, static_cast<int32_t>(scan.first_space));
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  bool previous_alone = false;
  for (int t = 0; t < scan.token_count; ++t) {
    const bool alone = IsLoneCjkLetter(s, static_cast<int32_t>(scan.token_begin[t]),
                                       static_cast<int32_t>(scan.token_end[t]), static_cast<int32_t>(text.size()));
    if (alone && previous_alone) return true;
    previous_alone = alone;
  }
  return false;
}

std::string RemoveLetterSpacing(std::string_view text) {
  if (!RemoveLetterSpacingMayChange(text)) return std::string(text);
  // Tokens (runs of non-space) and the white space after each.
  struct Token {
    std::string_view text, space;
    int32_t first = -1, last = -1, length = 0;
  };
  std::vector<Token> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  std::string_view lead;
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (IsSpace(c)) {
      int32_t end = i;
      while (i < n) {
        int32_t before = i;
        U8_NEXT(s, i, n, c);
        if (!IsSpace(c)) {
          i = before;
          break;
        }
        end = i;
      }
      std::string_view run = text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
      if (tokens.empty()) {
        lead = run;
      } else {
        tokens.back().space = run;
      }
      continue;
    }
    if (tokens.empty() || !tokens.back().space.empty() || tokens.back().text.empty()) {
      tokens.push_back({});
      tokens.back().text = text.substr(static_cast<size_t>(start), 0);
      tokens.back().first = c;
    }
    Token& token = tokens.back();
    token.text = std::string_view(token.text.data(), static_cast<size_t>(i) -
                                                         static_cast<size_t>(token.text.data() - text.data()));
    token.last = c;
    ++token.length;
  }
  // A letter standing alone is letter-spaced when a neighbouring token is a
  // lone letter too: "第 1 章 總則" has one lone letter and keeps its spaces.
  const size_t count = tokens.size();
  std::vector<bool> alone(count), spaced(count, false);
  for (size_t t = 0; t < count; ++t) alone[t] = tokens[t].length == 1 && IsCjkLetter(tokens[t].first);
  bool any_spaced = false;
  for (size_t t = 0; t < count; ++t) {
    spaced[t] = alone[t] && ((t > 0 && alone[t - 1]) || (t + 1 < count && alone[t + 1]));
    any_spaced = any_spaced || spaced[t];
  }
  // Only a space next to a letter-spaced token is dropped: without one, the
  // loop below would put every token and space back as they were.
  if (!any_spaced) return std::string(text);
  std::string out(lead);
  for (size_t t = 0; t < count; ++t) {
    const Token& token = tokens[t];
    out.append(token.text);
    if (t + 1 == count) {
      out.append(token.space);
      break;
    }
    const Token& next = tokens[t + 1];
    bool join = IsCjkLetter(token.last) && IsCjkLetter(next.first) && (spaced[t] || spaced[t + 1]);
    if (!join) out.append(token.space);
  }
  return out;
}

namespace {

// Whether JoinWrapped puts a space between two non-empty pieces.
bool SpaceBetween(std::string_view left, std::string_view right) {
  const int32_t a = LastChar(left);
  const int32_t b = FirstChar(right);
  return !IsCjk(a) && !IsCjk(b) && !IsSpace(a) && !IsSpace(b);
}

}  // namespace

std::string JoinWrapped(std::string_view left, std::string_view right) {
  if (left.empty()) return std::string(right);
  if (right.empty()) return std::string(left);
  std::string out;
  const bool space = SpaceBetween(left, right);
  out.reserve(left.size() + space + right.size());
  out.append(left);
  if (space) out.push_back(' ');
  out.append(right);
  return out;
}

void AppendWrapped(std::string* text, std::string_view right) {
  if (right.empty()) return;
  if (!text->empty() && SpaceBetween(*text, right)) text->push_back(' ');
  text->append(right);
}

std::string_view TrimAscii(std::string_view text) {
  const char* space = " \t\n\r";
  size_t b = text.find_first_not_of(space);
  if (b == std::string_view::npos) return {};
  size_t e = text.find_last_not_of(space);
  return text.substr(b, e - b + 1);
}

std::string_view TrimSpace(std::string_view text) {
  text.remove_prefix(SpanSpace(text));
  // From the end: a character U8_PREV reads as white space ends in a byte
  // that can end white space (SpaceBytes::last); a text whose last byte is
  // none ends in no white space. An ASCII byte that can is white space.
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const std::array<bool, 256>& lasts = SpaceBytesOf().last;
  int32_t end = static_cast<int32_t>(text.size());
  while (end > 0 && lasts[s[end - 1]]) {
    if (s[end - 1] < 0x80) {
      --end;
      continue;
    }
    int32_t start = end;
    UChar32 c;
    U8_PREV(s, 0, start, c);
    if (!IsSpace(c)) break;
    end = start;
  }
  return text.substr(0, static_cast<size_t>(end));
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

std::optional<long> NumeralValue(std::string_view text) {
  bool any = false;
  long total = 0, current = 0;
  bool after_digit = false;  // the previous numeral was a digit 0-9
  for (char32_t c : ToCodePoints(text)) {
    double v = u_getNumericValue(static_cast<UChar32>(c));
    if (v == U_NO_NUMERIC_VALUE || v < 0 || v != static_cast<double>(static_cast<long>(v))) {
      after_digit = false;
      continue;
    }
    any = true;
    long value = static_cast<long>(v);
    if (value == 10 || value == 100 || value == 1000) {
      total += (current == 0 ? 1 : current) * value;  // 十 alone is ten
      current = 0;
      after_digit = false;
    } else if (value < 10) {
      current = after_digit ? current * 10 + value : value;
      after_digit = true;
    } else {
      current += value;
      after_digit = false;
    }
    if (total > 1000000 || current > 1000000) return std::nullopt;
  }
  if (!any) return std::nullopt;
  return total + current;
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

std::optional<char32_t> SoleFoldedChar(std::u32string_view chars) {
  if (chars.size() < 2) return std::nullopt;
  bool all_same = true;
  for (char32_t c : chars) all_same = all_same && c == chars.front();
  if (all_same) return std::nullopt;
  // A radical (ICU's Radical property: Kangxi radicals and the CJK radicals
  // supplement, ⺠ U+2EA0 among them, which NFKC leaves alone) beside an
  // ideograph is that ideograph's other name, not a second character.
  std::u32string kept;
  for (char32_t c : chars) {
    if (!u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_RADICAL)) kept.push_back(c);
  }
  if (kept.empty()) kept = std::u32string(chars);
  std::optional<char32_t> folded;
  for (char32_t c : kept) {
    std::u32string one = ToCodePoints(Nfkc(FromCodePoints(std::u32string_view(&c, 1))));
    if (one.size() != 1 || (folded && *folded != one.front())) return std::nullopt;
    folded = one.front();
  }
  return folded;
}

std::u32string ToCodePoints(std::string_view text) {
  // As Decode's chars, without its offsets and the copy.
  std::u32string out;
  out.reserve(text.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
  }
  return out;
}

std::string FromCodePoints(std::u32string_view chars) {
  std::string out;
  out.reserve(chars.size() * 3);
  for (char32_t c : chars) Append(out, static_cast<int32_t>(c));
  return out;
}

void AppendUtf8(char32_t c, std::string* out) { Append(*out, static_cast<int32_t>(c)); }

size_t Utf8Length(int32_t c) { return static_cast<size_t>(U8_LENGTH(c)); }

std::string ToValidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(bytes.size());
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

bool IsLetter(int32_t c) { return u_isalpha(c) != 0; }

PairedBracket PairedBracketOf(int32_t c) {
  switch (u_getIntPropertyValue(c, UCHAR_BIDI_PAIRED_BRACKET_TYPE)) {
    case U_BPT_OPEN: return PairedBracket::kOpen;
    case U_BPT_CLOSE: return PairedBracket::kClose;
    default: return PairedBracket::kNone;
  }
}

bool HasCaseVariants(int32_t c) {
  icu::UnicodeSet closure(c, c);
  closure.closeOver(USET_CASE_INSENSITIVE);
  return closure.size() > 1;
}

}  // namespace docpipe::unicode
