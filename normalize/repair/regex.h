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
// model) stay free of RE2. A set of patterns matched in one pass (RE2::Set,
// to replace RuleSet's per-stage alternation filter) belongs in this file
// too, as a RegexSet beside Regex.
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

struct RegexOptions {
  // false: groups are parsed as non-capturing (a faster yes/no filter).
  bool capture = true;
};

class Regex {
 public:
  // BadInput with RE2's reason when `pattern` does not compile.
  static Result<Regex> Compile(std::string_view pattern, RegexOptions options = {});

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

  // OK, or BadInput with the reason when `rewrite` (\1 ... \9) names a group
  // the pattern does not have.
  Status CheckRewrite(std::string_view rewrite) const;
  // Replaces every non-overlapping match in *text with `rewrite`; returns
  // how many were replaced.
  int ReplaceAll(std::string* text, std::string_view rewrite) const;

 private:
  explicit Regex(std::unique_ptr<re2::RE2> re);
  bool Match(std::string_view text, size_t from, int anchor, std::vector<std::string_view>* groups) const;

  std::unique_ptr<re2::RE2> re_;
};

// A captured group as an int, as RE2 reads one: decimal digits with an
// optional sign, nothing else; false for an empty group or one out of range.
bool GroupToInt(std::string_view group, int* value);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_REPAIR_REGEX_H_
