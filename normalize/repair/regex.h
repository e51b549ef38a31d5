// Regex: the one adapter to RE2. Every pattern of the code base is data in
// rules.json, compiled by RuleSet through Compile(); parsers get a compiled
// Regex from RuleSet::Pattern(name) and match it here. No other file
// includes an RE2 header (scripts/check-layers.sh enforces it).
//
//   Result<Regex> re = Regex::Compile("^(T\\d+)\\s*(.*)$");
//   std::vector<std::string_view> groups;
//   if (re->FullMatch("T1 網路", &groups)) use(groups[1], groups[2]);
//   int level = 0;
//   if (re->FullMatch(text, &groups) && GroupToInt(groups[1], &level)) ...
//
// Groups: on a match, `groups` holds group 0 (the whole match) then every
// capture group of the pattern, as views into the text passed in (so they
// live as long as that text). A group that took no part in the match is an
// empty view whose data() is null. On no match, `groups` is left unchanged.
//
// Texts are UTF-8. A Regex is immutable after Compile and safe to share
// across threads.
//
// Why here (normalize/repair) and not in common/: every pattern is a repair
// or parse rule from rules.json, so the adapter sits next to the one class
// that compiles them, and the layers below normalize (extract, schema,
// model) stay free of RE2. RegexSet (below) is RE2::Set behind the same
// adapter: which of many patterns match a text, in one pass.
#ifndef DOCPIPE_NORMALIZE_REPAIR_REGEX_H_
#define DOCPIPE_NORMALIZE_REPAIR_REGEX_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace re2 {
class RE2;
}

namespace docpipe {
class RegexSetImpl;
}

namespace docpipe {

class Regex {
 public:
  // BadInput with RE2's reason when `pattern` does not compile.
  static Result<Regex> Compile(std::string_view pattern);

  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  ~Regex();

  // The number of capture groups (group 0 not counted).
  int GroupCount() const;

  // The pattern matches all of `text`.
  bool FullMatch(std::string_view text, std::vector<std::string_view>* groups = nullptr) const;
  // The pattern matches somewhere in `text` (the leftmost match is reported).
  bool PartialMatch(std::string_view text, std::vector<std::string_view>* groups = nullptr) const;
  // The pattern matches at the start of `text`.
  bool PrefixMatch(std::string_view text, std::vector<std::string_view>* groups = nullptr) const;
  // The leftmost match that starts at or after byte `from`; `text` before
  // `from` is still context for ^ and \b.
  bool FindFrom(std::string_view text, size_t from, std::vector<std::string_view>* groups) const;

  // False only when the pattern cannot match anywhere in `text`, so that
  // neither FullMatch, PartialMatch, PrefixMatch nor FindFrom would; true
  // when it may. A prefilter for scans that ask one pattern of many lines,
  // most of which it does not match: a few substring searches instead of a
  // match. Decided from the strings every match must contain (RE2's
  // prefilter of the pattern, an AND/OR tree of literal "atoms", built on
  // the first call). RE2 gives the atoms lower-cased; a pattern with an atom
  // whose characters have case variants (unicode::HasCaseVariants), or with
  // no atom at all, always may match, so the answer is never false for a
  // text the pattern matches.
  bool MayMatch(std::string_view text) const;

  // PartialMatch behind MayMatch: for a pattern asked of many lines, most of
  // which it does not match.
  bool ScanMatch(std::string_view text) const { return MayMatch(text) && PartialMatch(text); }

  // OK, or BadInput with the reason when `rewrite` (\1 ... \9) names a group
  // the pattern does not have.
  Status CheckRewrite(std::string_view rewrite) const;
  // Replaces every non-overlapping match in *text with `rewrite`; returns
  // how many were replaced.
  int ReplaceAll(std::string* text, std::string_view rewrite) const;

 private:
  class Prefilter;
  explicit Regex(std::unique_ptr<re2::RE2> re);
  bool Match(std::string_view text, size_t from, int anchor, std::vector<std::string_view>* groups) const;

  std::unique_ptr<re2::RE2> re_;
  std::unique_ptr<Prefilter> prefilter_;  // built by the first MayMatch
  bool opens_with_caret_ = false;  // RE2 anchors such a search at the start
};

// Many patterns matched against a text in one pass (RE2::Set): which of
// them match somewhere in it. A pattern matches here exactly when
// Regex::PartialMatch of the same pattern would.
//
//   Result<RegexSet> set = RegexSet::Compile({"\\*\\*", "<p>"});
//   std::vector<int> hits;
//   set->Matching("a <p> b", &hits);  // hits == {1}
//
// Immutable after Compile and safe to share across threads.
class RegexSet {
 public:
  // BadInput naming the pattern and RE2's reason when one does not compile.
  static Result<RegexSet> Compile(const std::vector<std::string>& patterns);

  RegexSet(RegexSet&&) noexcept;
  RegexSet& operator=(RegexSet&&) noexcept;
  ~RegexSet();

  // The number of patterns.
  int size() const { return size_; }

  // Fills `indices` (cleared first) with the positions, in the list given to
  // Compile, of the patterns that match somewhere in `text`, ascending.
  // When RE2 cannot decide within its memory budget (a huge text), every
  // index is reported: a caller that skips the patterns not reported never
  // skips one that matches.
  void Matching(std::string_view text, std::vector<int>* indices) const;

 private:
  RegexSet(std::unique_ptr<RegexSetImpl> impl, int size);

  std::unique_ptr<RegexSetImpl> impl_;
  int size_ = 0;
};

// A captured group as an int, as RE2 reads one: decimal digits with an
// optional sign, nothing else; false for an empty group or one out of range.
bool GroupToInt(std::string_view group, int* value);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_REGEX_H_
