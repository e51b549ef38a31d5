#include "normalize/input/confusable_tokens.h"

#include <map>
#include <string>
#include <string_view>

namespace docpipe {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsTokenChar(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }

// The class of a spelling: the characters a scan cannot tell apart share one.
std::string Key(std::string_view token) {
  std::string key(token);
  for (size_t i = 0; i < key.size(); ++i) {
    char& c = key[i];
    // S and 5 only before a digit, where a code's letter stands (S02 read
    // 502): elsewhere the two are told apart by what they are part of, and
    // a code ending in 5 is not a word ending in S (O5 beside OS).
    const bool before_digit = i + 1 < token.size() && IsAsciiDigit(token[i + 1]);
    if ((c == '5' || c == 'S') && before_digit) c = 'S';
    if (c == '0' || c == 'O') c = 'O';
    if (c == '1' || c == 'l' || c == 'I' || c == 'J') c = 'I';
  }
  return key;
}

bool Mixed(std::string_view token) {
  bool letter = false, digit = false;
  for (char c : token) {
    letter |= IsAsciiLetter(c);
    digit |= IsAsciiDigit(c);
  }
  return letter && digit;
}

// Calls `f(begin, length)` for each token of `text`. UTF-8 bytes of other
// scripts are never ASCII, so a token never starts or ends inside one.
template <typename F>
void ForEachToken(std::string_view text, F f) {
  size_t i = 0;
  while (i < text.size()) {
    if (!IsTokenChar(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsTokenChar(text[j])) ++j;
    f(i, j - i);
    i = j;
  }
}

class Votes {
 public:
  void Count(std::string_view text) {
    ForEachToken(text, [&](size_t at, size_t n) {
      std::string token(text.substr(at, n));
      ++spellings_[Key(token)][token];
    });
  }

  // The spelling `token` is taken for, or `token` itself.
  std::string Winner(const std::string& token) const {
    auto found = spellings_.find(Key(token));
    if (found == spellings_.end()) return token;
    const std::map<std::string, int>& counts = found->second;
    auto own = counts.find(token);
    const int mine = own == counts.end() ? 0 : own->second;
    const std::string* best = nullptr;
    int best_count = 0;
    for (const auto& [spelling, count] : counts) {
      if (spelling != token && count > best_count) {
        best = &spelling;
        best_count = count;
      }
    }
    if (best == nullptr) return token;
    const int needed = token.size() < 4 ? 3 : 2;
    if (best_count < needed || best_count < 2 * mine) return token;
    if (!Mixed(token) && !Mixed(*best)) return token;
    return *best;
  }

  void Repair(std::string* text) const {
    std::string out;
    size_t done = 0;
    ForEachToken(*text, [&](size_t at, size_t n) {
      const std::string token = text->substr(at, n);
      const std::string winner = Winner(token);
      if (winner == token) return;
      out.append(*text, done, at - done);
      out += winner;
      done = at + n;
    });
    if (done == 0) return;
    out.append(*text, done, std::string::npos);
    *text = std::move(out);
  }

 private:
  std::map<std::string, std::map<std::string, int>> spellings_;  // key -> spelling -> count
};

}  // namespace

void VoteConfusableTokens(Layout* layout) {
  bool any_ocr = false;
  for (const Page& page : layout->pages) any_ocr |= page.source == PageSource::kOcr;
  if (!any_ocr) return;
  Votes votes;
  for (const Page& page : layout->pages) {
    for (const TextLine& line : page.lines) votes.Count(line.text);
    for (const Table& table : page.tables) {
      for (const Cell& cell : table.cells) {
        for (const TextLine& line : cell.lines) votes.Count(line.text);
      }
    }
  }
  for (Page& page : layout->pages) {
    if (page.source != PageSource::kOcr) continue;
    for (TextLine& line : page.lines) votes.Repair(&line.text);
    for (Table& table : page.tables) {
      for (Cell& cell : table.cells) {
        votes.Repair(&cell.text);
        for (TextLine& line : cell.lines) votes.Repair(&line.text);
      }
    }
  }
}

}  // namespace docpipe
