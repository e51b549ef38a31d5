#include "normalize/repair/regex.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <charconv>
#include <mutex>

#include "common/unicode.h"

namespace docpipe {
namespace {

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

}  // namespace

Result<Regex> Regex::Compile(std::string_view pattern) {
  RE2::Options re2_options;
  re2_options.set_log_errors(false);
  auto re = std::make_unique<re2::RE2>(Piece(pattern), re2_options);
  if (!re->ok()) return Status::BadInput(re->error());
  return Regex(std::move(re));
}

// The prefilter of one pattern. RE2 guarantees that a text the pattern
// matches contains, ignoring case, a set of atoms that satisfies the
// pattern's AND/OR tree (AllPotentials then names the pattern). When no
// atom has a character with case variants, "contains ignoring case" is
// "contains": so searching the text for each atom as it is, and asking the
// tree with the atoms found, never rules out a text the pattern matches.
// Built once, on first use, so that patterns no scan prefilters cost nothing
// at start-up (FilteredRE2 compiles the pattern a second time).
class Regex::Prefilter {
 public:
  // Safe across threads: Build runs once, and only reads follow it.
  bool MayMatch(const re2::RE2& re, std::string_view text) {
    std::call_once(built_, [&] { Build(re); });
    if (!usable_) return true;
    std::vector<int> found;
    for (size_t i = 0; i < atoms_.size(); ++i) {
      if (text.find(atoms_[i]) != std::string_view::npos) found.push_back(static_cast<int>(i));
    }
    if (found.empty()) return none_found_may_match_;
    std::vector<int> potentials;
    filter_->AllPotentials(found, &potentials);
    return !potentials.empty();
  }

 private:
  void Build(const re2::RE2& re) {
    filter_ = std::make_unique<re2::FilteredRE2>();
    int index = 0;
    if (filter_->Add(re.pattern(), re.options(), &index) != RE2::NoError) return;
    filter_->Compile(&atoms_);
    if (atoms_.empty()) return;  // nothing is required: every text may match
    for (const std::string& atom : atoms_) {
      if (unicode::FindInvalidUtf8(atom)) return;
      for (char32_t c : unicode::ToCodePoints(atom)) {
        if (unicode::HasCaseVariants(static_cast<int32_t>(c))) return;
      }
    }
    std::vector<int> potentials;
    filter_->AllPotentials({}, &potentials);
    none_found_may_match_ = !potentials.empty();
    usable_ = true;
  }

  std::once_flag built_;
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::vector<std::string> atoms_;
  bool usable_ = false;
  bool none_found_may_match_ = true;
};

Regex::Regex(std::unique_ptr<re2::RE2> re)
    : re_(std::move(re)), prefilter_(std::make_unique<Prefilter>()), opens_with_caret_(re_->pattern()[0] == '^') {}
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;
Regex::~Regex() = default;

int Regex::GroupCount() const { return re_->NumberOfCapturingGroups(); }

bool Regex::Match(std::string_view text, size_t from, int anchor, std::vector<std::string_view>* groups) const {
  const auto re2_anchor = static_cast<RE2::Anchor>(anchor);
  if (groups == nullptr) return re_->Match(Piece(text), from, text.size(), re2_anchor, nullptr, 0);
  // Asked for groups, RE2 skips its DFA's yes/no test when the match is
  // anchored (FullMatch, PrefixMatch, a pattern opening with ^) and the text
  // short, and runs its submatch engine (BitState: a backtracker over a
  // bitmap of pattern size x text size) directly, even on a text that does
  // not match; most texts a scan asks do not. The DFA gives the same yes/no
  // (linear, its states cached across calls), so the groups are sought only
  // where there is a match. Unanchored searches run the DFA first anyway
  // (a second run would only add to every match: SplitItems' FindFrom).
  if ((re2_anchor != RE2::UNANCHORED || opens_with_caret_) && !re_->Match(Piece(text), from, text.size(), re2_anchor, nullptr, 0)) return false;
  const int n = GroupCount() + 1;
  // Patterns have a few groups: their pieces live on the stack (this runs
  // once per fragment and cell), a larger count on the heap.
  constexpr int kOnStack = 8;
  re2::StringPiece stack_pieces[kOnStack];
  std::vector<re2::StringPiece> heap_pieces;
  re2::StringPiece* pieces = stack_pieces;
  if (n > kOnStack) {
    heap_pieces.resize(static_cast<size_t>(n));
    pieces = heap_pieces.data();
  }
  if (!re_->Match(Piece(text), from, text.size(), re2_anchor, pieces, n)) return false;
  groups->clear();
  groups->reserve(static_cast<size_t>(n));  // one allocation, not one per doubling
  for (int i = 0; i < n; ++i) groups->emplace_back(pieces[i].data(), pieces[i].size());
  return true;
}

bool Regex::FullMatch(std::string_view text, std::vector<std::string_view>* groups) const {
  return Match(text, 0, RE2::ANCHOR_BOTH, groups);
}

bool Regex::PartialMatch(std::string_view text, std::vector<std::string_view>* groups) const {
  return Match(text, 0, RE2::UNANCHORED, groups);
}

bool Regex::PrefixMatch(std::string_view text, std::vector<std::string_view>* groups) const {
  return Match(text, 0, RE2::ANCHOR_START, groups);
}

bool Regex::FindFrom(std::string_view text, size_t from, std::vector<std::string_view>* groups) const {
  return from <= text.size() && Match(text, from, RE2::UNANCHORED, groups);
}

bool Regex::MayMatch(std::string_view text) const { return prefilter_->MayMatch(*re_, text); }

Status Regex::CheckRewrite(std::string_view rewrite) const {
  std::string why;
  if (!re_->CheckRewriteString(Piece(rewrite), &why)) return Status::BadInput(why);
  return Status::Ok();
}

int Regex::ReplaceAll(std::string* text, std::string_view rewrite) const {
  return RE2::GlobalReplace(text, *re_, Piece(rewrite));
}

class RegexSetImpl {
 public:
  explicit RegexSetImpl(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  re2::RE2::Set set;
};

Result<RegexSet> RegexSet::Compile(const std::vector<std::string>& patterns) {
  RE2::Options options;
  options.set_log_errors(false);
  auto impl = std::make_unique<RegexSetImpl>(options);
  for (const std::string& pattern : patterns) {
    std::string why;
    if (impl->set.Add(Piece(pattern), &why) < 0) return Status::BadInput("pattern '" + pattern + "': " + why);
  }
  // RE2::Set refuses to compile an empty set; an empty RegexSet matches nothing.
  if (!patterns.empty() && !impl->set.Compile()) return Status::BadInput("the pattern set does not compile");
  return RegexSet(std::move(impl), static_cast<int>(patterns.size()));
}

RegexSet::RegexSet(std::unique_ptr<RegexSetImpl> impl, int size) : impl_(std::move(impl)), size_(size) {}
RegexSet::RegexSet(RegexSet&&) noexcept = default;
RegexSet& RegexSet::operator=(RegexSet&&) noexcept = default;
RegexSet::~RegexSet() = default;

void RegexSet::Matching(std::string_view text, std::vector<int>* indices) const {
  indices->clear();
  if (size_ == 0) return;
  re2::RE2::Set::ErrorInfo error;
  // Most texts match no pattern. Asked only whether any matches, RE2 stops
  // at the first match and allocates no set of them; only a text that
  // matches is searched again for which patterns do.
  if (!impl_->set.Match(Piece(text), nullptr, &error) && error.kind == re2::RE2::Set::kNoError) return;
  if (!impl_->set.Match(Piece(text), indices, &error) && error.kind != re2::RE2::Set::kNoError) {
    // Out of DFA memory (or another failure): say every pattern may match.
    indices->clear();
    for (int i = 0; i < size_; ++i) indices->push_back(i);
    return;
  }
  std::sort(indices->begin(), indices->end());
}

bool GroupToInt(std::string_view group, int* value) {
  if (group.empty()) return false;
  int parsed = 0;
  const char* end = group.data() + group.size();
  auto [stop, error] = std::from_chars(group.data(), end, parsed);
  if (error != std::errc() || stop != end) return false;
  *value = parsed;
  return true;
}

}  // namespace docpipe
