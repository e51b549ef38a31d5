#include "extract/ocr_vote.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

namespace docpipe {
namespace {

// Above this many alignment cells (two readings of some 2,000 characters
// each) the readings are not aligned: a table cell holds a few hundred.
constexpr size_t kMaxAlignment = 4'000'000;

struct FirstRef {
  size_t line, word, symbol;
  size_t word_index;  // among all of first's words
};

struct SecondSymbol {
  const OcrSymbol* symbol;
  double word_confidence;
};

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

// One column of the alignment: a character of each reading, or of one.
struct Column {
  int first = -1;   // index into the first reading's characters
  int second = -1;  // index into the second's
};

// Levenshtein alignment; on equal cost a match or substitution is preferred
// to a gap, so that equal-length disagreements pair character with
// character.
std::vector<Column> Align(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<int> cost((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> int& { return cost[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      at(i, j) = std::min({at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1), at(i - 1, j) + 1, at(i, j - 1) + 1});
    }
  }
  std::vector<Column> columns;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1)) {
      columns.push_back({static_cast<int>(i - 1), static_cast<int>(j - 1)});
      --i;
      --j;
    } else if (i > 0 && at(i, j) == at(i - 1, j) + 1) {
      columns.push_back({static_cast<int>(i - 1), -1});
      --i;
    } else {
      columns.push_back({-1, static_cast<int>(j - 1)});
      --j;
    }
  }
  std::reverse(columns.begin(), columns.end());
  return columns;
}

double MeanConfidence(const std::vector<const OcrSymbol*>& symbols) {
  double sum = 0;
  for (const OcrSymbol* s : symbols) sum += s->confidence;
  return symbols.empty() ? 0 : sum / static_cast<double>(symbols.size());
}

}  // namespace

double LowestWordConfidence(const std::vector<OcrLine>& lines) {
  double lowest = 1;
  for (const OcrLine& line : lines) {
    for (const OcrWord& word : line.words) lowest = std::min(lowest, word.confidence);
  }
  return lowest;
}

std::vector<OcrLine> VoteReadings(const std::vector<OcrLine>& first, const std::vector<OcrLine>& second) {
  std::vector<OcrLine> voted = first;
  std::vector<FirstRef> a;
  std::vector<std::string> a_text;
  size_t words = 0;
  for (size_t l = 0; l < first.size(); ++l) {
    for (size_t w = 0; w < first[l].words.size(); ++w, ++words) {
      const std::vector<OcrSymbol>& symbols = first[l].words[w].symbols;
      for (size_t s = 0; s < symbols.size(); ++s) {
        if (IsBlank(symbols[s].text)) continue;
        a.push_back({l, w, s, words});
        a_text.push_back(symbols[s].text);
      }
    }
  }
  std::vector<SecondSymbol> b;
  std::vector<std::string> b_text;
  for (const OcrLine& line : second) {
    for (const OcrWord& word : line.words) {
      for (const OcrSymbol& symbol : word.symbols) {
        if (IsBlank(symbol.text)) continue;
        b.push_back({&symbol, word.confidence});
        b_text.push_back(symbol.text);
      }
    }
  }
  if (a.empty() || b.empty() || (a.size() + 1) * (b.size() + 1) > kMaxAlignment) return voted;
  const std::vector<Column> columns = Align(a_text, b_text);

  // Each column belongs to a word of the first reading: a character of the
  // second alone (inserted) to the word of the next character of the
  // first, or, at the end, of the last.
  std::vector<std::vector<Column>> by_word(words);
  std::vector<Column> pending;
  size_t last_word = a.front().word_index;
  for (const Column& column : columns) {
    if (column.first < 0) {
      pending.push_back(column);
      continue;
    }
    last_word = a[static_cast<size_t>(column.first)].word_index;
    std::vector<Column>& word = by_word[last_word];
    word.insert(word.end(), pending.begin(), pending.end());
    pending.clear();
    word.push_back(column);
  }
  by_word[last_word].insert(by_word[last_word].end(), pending.begin(), pending.end());

  for (std::vector<Column>& word_columns : by_word) {
    if (word_columns.empty()) continue;
    const FirstRef* ref = nullptr;
    for (const Column& c : word_columns) {
      if (c.first >= 0) ref = &a[static_cast<size_t>(c.first)];
      if (ref) break;
    }
    // A character of the second reading alone that stands outside the
    // line it would join is a line the first reading dropped, not part of
    // this word: it is left to the second look at the ink left over.
    const BBox& line_box = first[ref->line].bbox;
    word_columns.erase(std::remove_if(word_columns.begin(), word_columns.end(),
                                      [&](const Column& c) {
                                        if (c.first >= 0) return false;
                                        const double cy = b[static_cast<size_t>(c.second)].symbol->bbox.cy();
                                        return cy < line_box.y0 || cy > line_box.y1;
                                      }),
                       word_columns.end());
    OcrWord& word = voted[ref->line].words[ref->word];
    const bool same_count = std::all_of(word_columns.begin(), word_columns.end(),
                                        [](const Column& c) { return c.first >= 0 && c.second >= 0; });
    bool disagree = false, changed = false;
    double second_confidence = 1;
    if (same_count) {
      for (const Column& c : word_columns) {
        const FirstRef& r = a[static_cast<size_t>(c.first)];
        const SecondSymbol& other = b[static_cast<size_t>(c.second)];
        OcrSymbol& mine = word.symbols[r.symbol];
        if (mine.text == other.symbol->text) continue;
        disagree = true;
        second_confidence = std::min(second_confidence, other.word_confidence);
        if (other.symbol->confidence > mine.confidence) {
          mine.text = other.symbol->text;
          mine.confidence = other.symbol->confidence;
          changed = true;
        }
      }
    } else {
      disagree = true;
      std::vector<const OcrSymbol*> mine, theirs;
      for (const Column& c : word_columns) {
        if (c.first >= 0) mine.push_back(&word.symbols[a[static_cast<size_t>(c.first)].symbol]);
        if (c.second >= 0) {
          const SecondSymbol& other = b[static_cast<size_t>(c.second)];
          theirs.push_back(other.symbol);
          second_confidence = std::min(second_confidence, other.word_confidence);
        }
      }
      if (!theirs.empty() && MeanConfidence(theirs) > MeanConfidence(mine)) {
        std::vector<OcrSymbol> replaced;
        for (const OcrSymbol* s : theirs) {
          replaced.push_back(*s);
          word.bbox.Extend(s->bbox);
        }
        word.symbols = std::move(replaced);
        changed = true;
      }
    }
    if (changed) {
      word.text.clear();
      for (const OcrSymbol& s : word.symbols) word.text += s.text;
    }
    if (disagree) word.confidence = std::min(word.confidence, second_confidence);
  }
  return voted;
}

}  // namespace docpipe
