#include "diff/standard_diff.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "common/unicode.h"
#include "diff/change_order.h"

namespace docpipe::diff {
namespace {

// Parent key of an item whose parent has no partner in the new version: it
// equals no real parent, so such an item is never "at the same place".
const char kGone[] = "\x01gone";

std::u32string KeyOf(std::string_view text) { return unicode::ToCodePoints(unicode::FoldKey(text)); }

// "O1.2.1" -> ("O", "1.2.1").
std::pair<std::string, std::string> SplitCode(const std::string& code) {
  size_t i = 0;
  while (i < code.size() && !std::isdigit(static_cast<unsigned char>(code[i]))) ++i;
  return {code.substr(0, i), code.substr(i)};
}

// The code a child would carry if only its parent had been renumbered:
// ("P1.2.1", "T1.2", "T1.3") -> "P1.3.1". Codes not derived from the
// parent's number are returned unchanged.
std::string Rebase(const std::string& code, const std::string& old_parent, const std::string& new_parent) {
  auto [prefix, number] = SplitCode(code);
  const std::string old_number = SplitCode(old_parent).second;
  if (old_number.empty() || number.size() <= old_number.size() ||
      number.compare(0, old_number.size(), old_number) != 0 || number[old_number.size()] != '.') {
    return code;
  }
  return prefix + SplitCode(new_parent).second + number.substr(old_number.size());
}

// Dice coefficient of two sorted multisets.
double Dice(const std::vector<std::u32string>& a, const std::vector<std::u32string>& b) {
  if (a.empty() && b.empty()) return 0.0;  // no evidence either way
  size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// How one list of items is compared and reported.
struct ListSpec {
  ListSpec(ItemKind k, const char* f) : kind(k), field(f) {}
  ItemKind kind;
  const char* field;
  std::vector<MatchItem> old_items, new_items;
  std::function<ItemSide(bool is_old, size_t index)> side;
  // An unmatched item is reported only when its container has a partner;
  // otherwise it is part of the container's added or removed content.
  std::function<bool(bool is_old, size_t index)> reported = [](bool, size_t) { return true; };
  std::function<std::vector<ContentItem>(bool is_old, size_t index)> content;
  ContentSimilarity content_similarity;
};

// Folded wordings of one version, computed once: folding (ICU NFKC with
// case folding) costs more than all the matching.
struct FoldedView {
  explicit FoldedView(const StandardView& v)
      : duties(Fold(v.duties, &DutyView::name)),
        tasks(Fold(v.tasks, &TaskView::name)),
        outputs(Fold(v.outputs, &LeafView::text)),
        indicators(Fold(v.indicators, &LeafView::text)) {}

  template <typename T>
  static std::vector<std::u32string> Fold(const std::vector<T>& items, std::string T::*text) {
    std::vector<std::u32string> keys;
    keys.reserve(items.size());
    for (const T& item : items) keys.push_back(KeyOf(item.*text));
    return keys;
  }

  std::vector<std::u32string> duties, tasks, outputs, indicators;
};

class Differ {
 public:
  Differ(const StandardView& old_view, const StandardView& new_view, const DiffOptions& options)
      : a_(old_view), b_(new_view), fa_(old_view), fb_(new_view), options_(options) {}

  std::vector<Change> Run() {
    DiffHeader();
    DiffVersions();
    duty_map_ = PartnerMap(DiffDuties(), a_.duties.size());
    task_map_ = PartnerMap(DiffTasks(), a_.tasks.size());
    DiffLeaves(ItemKind::kOutput, a_.outputs, b_.outputs, fa_.outputs, fb_.outputs);
    DiffLeaves(ItemKind::kIndicator, a_.indicators, b_.indicators, fa_.indicators, fb_.indicators);
    const auto knowledge = DiffEntries(ItemKind::kKnowledge, a_.knowledge, b_.knowledge);
    const auto skills = DiffEntries(ItemKind::kSkill, a_.skills, b_.skills);
    DiffEntries(ItemKind::kAttitude, a_.attitudes, b_.attitudes);
    DiffReferences(ItemKind::kKnowledgeRef, &TaskView::knowledge, a_.knowledge, b_.knowledge, knowledge);
    DiffReferences(ItemKind::kSkillRef, &TaskView::skills, a_.skills, b_.skills, skills);
    DiffNotes();
    SortChanges(&changes_);
    return std::move(changes_);
  }

 private:
  // Old index -> new index of its partner.
  using PartnerIndex = std::vector<std::optional<size_t>>;
  // The dictionary's matching, and for each renumbered entry the index of
  // its `moved` change, where references_updated is filled in later.
  struct EntryMatching {
    PartnerIndex partner;
    std::map<size_t, size_t> moved_change;
  };

  static PartnerIndex PartnerMap(const Matching& m, size_t old_count) {
    PartnerIndex map(old_count);
    for (const Match& p : m.pairs) map[p.old_index] = p.new_index;
    return map;
  }

  Change& Add(ItemKind kind, ChangeType type, std::string field, std::optional<ItemSide> old_side,
              std::optional<ItemSide> new_side) {
    Change c;
    c.kind = kind;
    c.type = type;
    c.field = std::move(field);
    if (old_side && new_side && unicode::FoldKey(old_side->text) != unicode::FoldKey(new_side->text)) {
      c.edits = CharDiff(old_side->text, new_side->text);
    }
    c.old_side = std::move(old_side);
    c.new_side = std::move(new_side);
    const ItemSide& shown = c.new_side ? *c.new_side : *c.old_side;
    if (kind == ItemKind::kDuty) c.duty = shown.code;
    if (kind == ItemKind::kTask) c.task = shown.code;
    if (!shown.path.empty()) c.duty = shown.path[0];
    if (shown.path.size() > 1) c.task = shown.path[1];
    changes_.push_back(std::move(c));
    return changes_.back();
  }

  // A field of an item already paired: reported only when the wording differs.
  void CompareField(ItemKind kind, const std::string& field, ItemSide old_side, ItemSide new_side) {
    if (old_side.text == new_side.text) return;
    if (unicode::FoldKey(old_side.text) == unicode::FoldKey(new_side.text)) return;
    const double similarity = Similarity(KeyOf(old_side.text), KeyOf(new_side.text));
    Add(kind, ChangeType::kChanged, field, std::move(old_side), std::move(new_side)).similarity = similarity;
  }

  // Matches the lists and adds their changes. `moved` (optional) receives,
  // for each old item reported as moved, the index of its change.
  Matching ReportList(const ListSpec& spec, std::map<size_t, size_t>* moved = nullptr) {
    Matching m = MatchItems(spec.old_items, spec.new_items, options_.match, spec.content_similarity);
    for (const Match& p : m.pairs) {
      const MatchItem& o = spec.old_items[p.old_index];
      const MatchItem& n = spec.new_items[p.new_index];
      const bool same_place = o.parent == n.parent && o.code == n.code;
      if (same_place && o.key == n.key) continue;
      Change& c = Add(spec.kind, same_place ? ChangeType::kChanged : ChangeType::kMoved, spec.field,
                      spec.side(true, p.old_index), spec.side(false, p.new_index));
      c.similarity = p.similarity;
      if (moved && c.type == ChangeType::kMoved) (*moved)[p.old_index] = changes_.size() - 1;
    }
    for (size_t i : m.removed) {
      if (!spec.reported(true, i)) continue;
      Change& c = Add(spec.kind, ChangeType::kRemoved, spec.field, spec.side(true, i), std::nullopt);
      if (spec.content) c.content = spec.content(true, i);
    }
    for (size_t j : m.added) {
      if (!spec.reported(false, j)) continue;
      Change& c = Add(spec.kind, ChangeType::kAdded, spec.field, std::nullopt, spec.side(false, j));
      if (spec.content) c.content = spec.content(false, j);
    }
    return m;
  }

  void DiffHeader() {
    for (size_t i = 0; i < a_.header.size() && i < b_.header.size(); ++i) {
      CompareField(ItemKind::kHeader, a_.header[i].first, {"", {}, a_.header[i].second},
                   {"", {}, b_.header[i].second});
    }
  }

  // Version rows are paired by label only ("V3" stays "V3"); a paired row
  // reports each column that changed.
  void DiffVersions() {
    std::map<std::u32string, size_t> new_by_label;
    for (size_t j = 0; j < b_.versions.size(); ++j) new_by_label.emplace(KeyOf(b_.versions[j].label), j);
    std::vector<bool> paired(b_.versions.size(), false);
    for (size_t i = 0; i < a_.versions.size(); ++i) {
      const VersionView& o = a_.versions[i];
      auto it = new_by_label.find(KeyOf(o.label));
      if (it == new_by_label.end() || paired[it->second]) {
        Add(ItemKind::kVersion, ChangeType::kRemoved, "version", VersionSide(o), std::nullopt);
        continue;
      }
      paired[it->second] = true;
      const VersionView& n = b_.versions[it->second];
      for (size_t c = 0; c < o.columns.size() && c < n.columns.size(); ++c) {
        CompareField(ItemKind::kVersion, o.columns[c].first, {o.label, {}, o.columns[c].second},
                     {n.label, {}, n.columns[c].second});
      }
    }
    for (size_t j = 0; j < b_.versions.size(); ++j) {
      if (!paired[j]) Add(ItemKind::kVersion, ChangeType::kAdded, "version", std::nullopt, VersionSide(b_.versions[j]));
    }
  }

  // A whole row as one text: its non-empty columns joined by " | ".
  static ItemSide VersionSide(const VersionView& v) {
    std::string text;
    for (const auto& column : v.columns) {
      if (column.second.empty()) continue;
      if (!text.empty()) text += " | ";
      text += column.second;
    }
    return {v.label, {}, text};
  }

  std::vector<ContentItem> TaskContent(const StandardView& v, size_t t) const {
    const TaskView& task = v.tasks[t];
    std::vector<ContentItem> out;
    for (const LeafView& o : v.outputs) {
      if (o.task == t) out.push_back({ItemKind::kOutput, o.code, task.code, o.text});
    }
    for (const LeafView& p : v.indicators) {
      if (p.task == t) out.push_back({ItemKind::kIndicator, p.code, task.code, p.text});
    }
    for (const std::string& k : task.knowledge) out.push_back({ItemKind::kKnowledgeRef, k, task.code, EntryName(v.knowledge, k)});
    for (const std::string& s : task.skills) out.push_back({ItemKind::kSkillRef, s, task.code, EntryName(v.skills, s)});
    return out;
  }

  static std::string EntryName(const std::vector<EntryView>& entries, const std::string& code) {
    for (const EntryView& e : entries) {
      if (e.code == code) return e.name;
    }
    return "";
  }

  Matching DiffDuties() {
    ListSpec spec(ItemKind::kDuty, "name");
    std::vector<std::vector<std::u32string>> old_tasks(a_.duties.size()), new_tasks(b_.duties.size());
    for (size_t t = 0; t < a_.tasks.size(); ++t) old_tasks[a_.tasks[t].duty].push_back(fa_.tasks[t]);
    for (size_t t = 0; t < b_.tasks.size(); ++t) new_tasks[b_.tasks[t].duty].push_back(fb_.tasks[t]);
    for (auto* lists : {&old_tasks, &new_tasks}) {
      for (auto& list : *lists) std::sort(list.begin(), list.end());
    }
    for (size_t d = 0; d < a_.duties.size(); ++d) spec.old_items.push_back({"", a_.duties[d].code, fa_.duties[d]});
    for (size_t d = 0; d < b_.duties.size(); ++d) spec.new_items.push_back({"", b_.duties[d].code, fb_.duties[d]});
    spec.side = [this](bool is_old, size_t i) {
      const DutyView& d = (is_old ? a_ : b_).duties[i];
      return ItemSide{d.code, {}, d.name};
    };
    spec.content = [this](bool is_old, size_t i) {
      const StandardView& v = is_old ? a_ : b_;
      std::vector<ContentItem> out;
      for (size_t t = 0; t < v.tasks.size(); ++t) {
        if (v.tasks[t].duty != i) continue;
        out.push_back({ItemKind::kTask, v.tasks[t].code, v.duties[i].code, v.tasks[t].name});
        for (ContentItem& item : TaskContent(v, t)) out.push_back(std::move(item));
      }
      return out;
    };
    spec.content_similarity = [&](size_t i, size_t j) { return Dice(old_tasks[i], new_tasks[j]); };
    return ReportList(spec);
  }

  Matching DiffTasks() {
    ListSpec spec(ItemKind::kTask, "name");
    std::vector<std::vector<std::u32string>> old_leaves(a_.tasks.size()), new_leaves(b_.tasks.size());
    for (size_t i = 0; i < a_.outputs.size(); ++i) old_leaves[a_.outputs[i].task].push_back(fa_.outputs[i]);
    for (size_t i = 0; i < a_.indicators.size(); ++i) old_leaves[a_.indicators[i].task].push_back(fa_.indicators[i]);
    for (size_t i = 0; i < b_.outputs.size(); ++i) new_leaves[b_.outputs[i].task].push_back(fb_.outputs[i]);
    for (size_t i = 0; i < b_.indicators.size(); ++i) new_leaves[b_.indicators[i].task].push_back(fb_.indicators[i]);
    for (auto* lists : {&old_leaves, &new_leaves}) {
      for (auto& list : *lists) std::sort(list.begin(), list.end());
    }
    for (size_t i = 0; i < a_.tasks.size(); ++i) {
      const TaskView& t = a_.tasks[i];
      const std::optional<size_t> duty = duty_map_[t.duty];
      spec.old_items.push_back({duty ? std::to_string(*duty) : kGone,
                                duty ? Rebase(t.code, a_.duties[t.duty].code, b_.duties[*duty].code) : t.code,
                                fa_.tasks[i]});
    }
    for (size_t i = 0; i < b_.tasks.size(); ++i) {
      spec.new_items.push_back({std::to_string(b_.tasks[i].duty), b_.tasks[i].code, fb_.tasks[i]});
    }
    spec.side = [this](bool is_old, size_t i) {
      const StandardView& v = is_old ? a_ : b_;
      return ItemSide{v.tasks[i].code, {v.duties[v.tasks[i].duty].code}, v.tasks[i].name};
    };
    spec.reported = [this](bool is_old, size_t i) {
      if (is_old) return duty_map_[a_.tasks[i].duty].has_value();
      const size_t duty = b_.tasks[i].duty;
      return std::any_of(duty_map_.begin(), duty_map_.end(), [&](const auto& p) { return p == duty; });
    };
    spec.content = [this](bool is_old, size_t i) { return TaskContent(is_old ? a_ : b_, i); };
    spec.content_similarity = [&](size_t i, size_t j) { return Dice(old_leaves[i], new_leaves[j]); };
    Matching m = ReportList(spec);
    for (const Match& p : m.pairs) {
      CompareField(ItemKind::kTask, "level", TaskSide(a_, p.old_index, a_.tasks[p.old_index].level),
                   TaskSide(b_, p.new_index, b_.tasks[p.new_index].level));
    }
    return m;
  }

  static ItemSide TaskSide(const StandardView& v, size_t t, std::string text) {
    return {v.tasks[t].code, {v.duties[v.tasks[t].duty].code}, std::move(text)};
  }

  void DiffLeaves(ItemKind kind, const std::vector<LeafView>& old_leaves, const std::vector<LeafView>& new_leaves,
                  const std::vector<std::u32string>& old_keys, const std::vector<std::u32string>& new_keys) {
    ListSpec spec(kind, "text");
    for (size_t i = 0; i < old_leaves.size(); ++i) {
      const LeafView& l = old_leaves[i];
      const std::optional<size_t> task = task_map_[l.task];
      spec.old_items.push_back({task ? std::to_string(*task) : kGone,
                                task ? Rebase(l.code, a_.tasks[l.task].code, b_.tasks[*task].code) : l.code,
                                old_keys[i]});
    }
    for (size_t i = 0; i < new_leaves.size(); ++i) {
      spec.new_items.push_back({std::to_string(new_leaves[i].task), new_leaves[i].code, new_keys[i]});
    }
    spec.side = [&](bool is_old, size_t i) {
      const StandardView& v = is_old ? a_ : b_;
      const LeafView& l = (is_old ? old_leaves : new_leaves)[i];
      const TaskView& t = v.tasks[l.task];
      return ItemSide{l.code, {v.duties[t.duty].code, t.code}, l.text};
    };
    std::vector<bool> new_task_matched(b_.tasks.size(), false);
    for (const auto& p : task_map_) {
      if (p) new_task_matched[*p] = true;
    }
    spec.reported = [&](bool is_old, size_t i) {
      return is_old ? task_map_[old_leaves[i].task].has_value() : static_cast<bool>(new_task_matched[new_leaves[i].task]);
    };
    ReportList(spec);
  }

  EntryMatching DiffEntries(ItemKind kind, const std::vector<EntryView>& old_entries,
                            const std::vector<EntryView>& new_entries) {
    ListSpec spec(kind, "name");
    for (const EntryView& e : old_entries) spec.old_items.push_back({"", e.code, KeyOf(e.name)});
    for (const EntryView& e : new_entries) spec.new_items.push_back({"", e.code, KeyOf(e.name)});
    spec.side = [&](bool is_old, size_t i) {
      const EntryView& e = (is_old ? old_entries : new_entries)[i];
      return ItemSide{e.code, {}, e.name};
    };
    EntryMatching result;
    Matching m = ReportList(spec, &result.moved_change);
    result.partner = PartnerMap(m, old_entries.size());
    for (const Match& p : m.pairs) {
      const EntryView& o = old_entries[p.old_index];
      const EntryView& n = new_entries[p.new_index];
      CompareField(kind, "description", {o.code, {}, o.description}, {n.code, {}, n.description});
    }
    return result;
  }

  void DiffReferences(ItemKind kind, std::vector<std::string> TaskView::*refs, const std::vector<EntryView>& old_entries,
                      const std::vector<EntryView>& new_entries, const EntryMatching& entries) {
    std::map<std::string, size_t> old_index;
    for (size_t i = 0; i < old_entries.size(); ++i) old_index.emplace(old_entries[i].code, i);
    // An old reference in the new version's terms; a reference to a removed
    // entry translates to a code no new reference can carry.
    auto translate = [&](const std::string& code) -> std::string {
      auto it = old_index.find(code);
      if (it == old_index.end()) return code;
      const std::optional<size_t>& partner = entries.partner[it->second];
      return partner ? new_entries[*partner].code : kGone + code;
    };
    for (size_t i = 0; i < a_.tasks.size(); ++i) {
      if (!task_map_[i]) continue;
      const TaskView& o = a_.tasks[i];
      const TaskView& n = b_.tasks[*task_map_[i]];
      const std::set<std::string> new_refs((n.*refs).begin(), (n.*refs).end());
      std::set<std::string> translated;
      for (const std::string& code : std::set<std::string>((o.*refs).begin(), (o.*refs).end())) {
        const std::string t = translate(code);
        translated.insert(t);
        if (!new_refs.count(t)) {
          Add(kind, ChangeType::kRemoved, "code", ItemSide{code, {a_.duties[o.duty].code, o.code}, EntryName(old_entries, code)},
              std::nullopt);
        } else if (t != code) {
          auto moved = entries.moved_change.find(old_index.at(code));
          if (moved != entries.moved_change.end()) changes_[moved->second].references_updated.push_back(n.code);
        }
      }
      for (const std::string& code : new_refs) {
        if (translated.count(code)) continue;
        Add(kind, ChangeType::kAdded, "code", std::nullopt,
            ItemSide{code, {b_.duties[n.duty].code, n.code}, EntryName(new_entries, code)});
      }
    }
  }

  void DiffNotes() {
    // Notes have no codes; their position is not content, so every pair is
    // "at the same place" and a note is only ever changed, added or removed.
    ListSpec spec(ItemKind::kNote, "text");
    for (const std::string& n : a_.notes) spec.old_items.push_back({"", "", KeyOf(n)});
    for (const std::string& n : b_.notes) spec.new_items.push_back({"", "", KeyOf(n)});
    spec.side = [this](bool is_old, size_t i) {
      return ItemSide{std::to_string(i + 1), {}, (is_old ? a_ : b_).notes[i]};
    };
    ReportList(spec);
  }

  const StandardView& a_;
  const StandardView& b_;
  const FoldedView fa_, fb_;
  const DiffOptions& options_;
  PartnerIndex duty_map_, task_map_;
  std::vector<Change> changes_;
};

}  // namespace

std::vector<Change> DiffStandards(const StandardView& old_view, const StandardView& new_view,
                                  const DiffOptions& options) {
  return Differ(old_view, new_view, options).Run();
}

}  // namespace docpipe::diff
