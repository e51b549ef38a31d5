#include "normalize/standard/standard_checks.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "common/unicode.h"

namespace docpipe {
namespace {

SourcePos First(const std::vector<SourcePos>& where) { return where.empty() ? SourcePos{1, 0} : where.front(); }

// "O4.1.1" -> {4,1,1}; letters dropped.
std::vector<int> Numbers(const std::string& code) {
  std::vector<int> out;
  int value = -1;
  for (char c : code) {
    if (c >= '0' && c <= '9') {
      value = (value < 0 ? 0 : value * 10) + (c - '0');
      if (value > 1000000) value = 1000000;
    } else {
      if (value >= 0) out.push_back(value);
      value = -1;
    }
  }
  if (value >= 0) out.push_back(value);
  return out;
}

std::string Prefix(const std::vector<int>& numbers, size_t count) {
  std::string out;
  for (size_t i = 0; i < count && i < numbers.size(); ++i) {
    if (i) out += '.';
    out += std::to_string(numbers[i]);
  }
  return out;
}

// Warns when the last number of consecutive codes does not go up by one.
void CheckSequence(const std::vector<std::pair<std::string, SourcePos>>& codes, const std::string& scope,
                   Diagnostics* d) {
  int expected = 1;
  for (const auto& [code, pos] : codes) {
    std::vector<int> n = Numbers(code);
    if (n.empty()) continue;
    if (n.back() != expected) {
      d->Warn("misnumbered_code",
              code + " in " + scope + " breaks the numbering (expected number " + std::to_string(expected) + ")",
              pos);
    }
    expected = n.back() + 1;
  }
}

void CheckLevel(const std::optional<int>& level, const std::string& what, SourcePos pos, Diagnostics* d) {
  if (!level) {
    d->Warn("missing_field", what + " has no level", pos);
  } else if (*level < 1 || *level > 6) {
    d->Warn("level_out_of_range", what + " has level " + std::to_string(*level) + ", outside 1-6", pos);
  }
}

// Builds one dictionary (K or S) from the items printed in task rows.
std::vector<DictionaryEntry> BuildDictionary(const std::vector<const CodedItem*>& printed, const char* kind,
                                             Diagnostics* d) {
  // The texts are the items' own (they outlive this function), so the maps
  // below hold views of them rather than copies.
  struct Variant {
    std::string text;  // the FoldKey
    int count = 0;
    size_t order = 0;
    std::map<std::string_view, int> spellings;  // each printing of the key, in text order
  };
  struct Group {
    std::vector<Variant> keys;  // by FoldKey, in the order first printed
    std::vector<SourcePos> where;
    std::vector<const std::string*> texts;  // every name printed for the code
    size_t first = 0;
  };
  std::map<std::string, Group> groups;
  std::unordered_map<std::string_view, std::string> keys;  // the same names recur in every task
  size_t order = 0;
  for (const CodedItem* item : printed) {
    Group& g = groups[item->code];
    if (g.where.empty()) g.first = order;
    for (const SourcePos& p : item->where) {
      if (g.where.empty() || g.where.back().line != p.line || g.where.back().page != p.page) g.where.push_back(p);
    }
    ++order;
    if (item->text.empty()) continue;
    g.texts.push_back(&item->text);
    auto cached = keys.find(item->text);
    if (cached == keys.end()) cached = keys.emplace(item->text, unicode::FoldKey(item->text)).first;
    const std::string& key = cached->second;
    auto it = std::find_if(g.keys.begin(), g.keys.end(), [&](const Variant& v) { return v.text == key; });
    if (it == g.keys.end()) {
      g.keys.push_back({key, 0, order, {}});
      it = g.keys.end() - 1;
    }
    ++it->count;
    ++it->spellings[item->text];
  }
  // Each code's numbers are worked out once for the sort and the gaps (the
  // codes differ, so the order does not depend on the sort's algorithm).
  struct Numbered {
    std::vector<int> numbers;
    DictionaryEntry entry;
  };
  std::vector<Numbered> numbered;
  numbered.reserve(groups.size());
  for (auto& [code, g] : groups) {
    DictionaryEntry entry{code, "", g.where};
    if (g.keys.empty()) {
      d->Warn("undefined_code", std::string(kind) + " code " + code + " is used but never named", First(g.where));
    } else {
      const Variant* best = &g.keys.front();
      for (const Variant& v : g.keys) {
        if (v.count > best->count) best = &v;
      }
      int top = 0;
      for (const auto& [spelling, count] : best->spellings) {
        if (count > top) {
          top = count;
          entry.name = spelling;
        }
      }
      if (g.keys.size() > 1) {
        std::string variants;
        for (const Variant& v : g.keys) {
          variants += (variants.empty() ? "" : " | ");
          variants += v.spellings.begin()->first;
        }
        d->Warn("inconsistent_name", std::string(kind) + " code " + code + " is named in different ways: " + variants,
                First(g.where));
      }
      // The dictionary holds the name once; every other printing of it is
      // a repeat the document does not write again.
      bool kept = false;
      for (const std::string* text : g.texts) {
        if (!kept && *text == entry.name) {
          kept = true;
        } else {
          d->Consumed(*text);
        }
      }
    }
    numbered.push_back({Numbers(code), std::move(entry)});
  }
  std::sort(numbered.begin(), numbered.end(), [](const Numbered& a, const Numbered& b) {
    return a.numbers != b.numbers ? a.numbers < b.numbers : a.entry.code < b.entry.code;
  });
  std::vector<DictionaryEntry> entries;
  entries.reserve(numbered.size());
  int expected = 1;
  for (Numbered& e : numbered) {
    const std::vector<int>& n = e.numbers;
    if (!n.empty() && n.back() > expected) {
      d->Warn("code_gap",
              std::string(kind) + " codes jump to " + e.entry.code + ": " + std::to_string(n.back() - expected) +
                  " number(s) before it are never printed",
              First(e.entry.where));
    }
    if (!n.empty()) expected = n.back() + 1;
    entries.push_back(std::move(e.entry));
  }
  return entries;
}

// The family prints a standard's title as its name followed by 職能基準.
// On a scan the title's large bold type is read worst (職能基準 as 天舵基洋,
// 網站 as 經站), while the name is printed in plain type twice, in the
// header table and as the current version's name. When those two readings
// agree, and the title has the length of name + 職能基準 and differs from
// the name in at most a quarter of the name's characters, the title is
// name + 職能基準; a title_repaired warning keeps what was read. A title of
// another length (a draft's 職能基準（草案）), one naming someone else
// (品質管理人員 for 資安稽核人員), or a name the version table does not
// confirm, stays as printed.
void RepairTitleFromName(CompetencyStandard* s, const Version* current, Diagnostics* d) {
  const std::string suffix = "職能基準";
  const std::string expected = s->name + suffix;
  if (s->name.empty() || s->title.empty() || s->title == expected) return;
  if (current == nullptr || current->name != s->name) return;
  const std::u32string title = unicode::ToCodePoints(s->title);
  const std::u32string name = unicode::ToCodePoints(s->name);
  if (title.size() != name.size() + unicode::Length(suffix)) return;
  size_t differ = 0;
  for (size_t i = 0; i < name.size(); ++i) differ += title[i] != name[i];
  if (4 * differ > name.size()) return;
  const SourcePos pos = s->field_pos.count("title") ? s->field_pos["title"] : SourcePos{1, 0};
  d->Warn("title_repaired", "title read as " + s->title + " taken as " + expected +
                                " (職能基準名稱 and the current version's name agree)", pos);
  s->title = expected;
}

// The header's fields, filled from the version table and the title when the
// header does not print them.
void CheckHeaderFields(CompetencyStandard* s, Diagnostics* d) {
  SourcePos top = s->field_pos.count("title") ? s->field_pos["title"] : SourcePos{1, 0};
  // The version table names the current code when the header does not.
  const Version* current = nullptr;
  for (const Version& v : s->versions) {
    if (v.status.find("最新") != std::string::npos) current = &v;
  }
  if (current == nullptr && !s->versions.empty()) current = &s->versions.front();
  if (current != nullptr && !current->code.empty()) {
    if (s->code.empty()) {
      s->code = current->code;
      s->field_pos["code"] = First(current->where);
      d->Warn("missing_field", "header has no 職能基準代碼; taken from the version table: " + s->code, top);
    } else if (unicode::FoldKey(current->code) != unicode::FoldKey(s->code)) {
      d->Warn("version_mismatch",
              "header code " + s->code + " differs from the current version's code " + current->code,
              First(current->where));
    }
  }
  if (s->name.empty() && !s->title.empty()) {
    std::string title = s->title;
    const std::string suffix = "職能基準";
    if (title.size() > suffix.size() && title.compare(title.size() - suffix.size(), suffix.size(), suffix) == 0) {
      title.resize(title.size() - suffix.size());
    }
    s->name = title;
    s->field_pos["name"] = top;
    d->Warn("missing_field", "header has no 職能基準名稱; taken from the title: " + s->name, top);
  }
  RepairTitleFromName(s, current, d);
  for (auto [value, what] : {std::pair{&s->code, "職能基準代碼 (code)"}, std::pair{&s->name, "職能基準名稱 (name)"},
                             std::pair{&s->description, "工作描述 (description)"},
                             std::pair{&s->category.name, "職類別 (category)"},
                             std::pair{&s->occupation.name, "職業別 (occupation)"},
                             std::pair{&s->industry.name, "行業別 (industry)"}}) {
    if (value->empty()) d->Warn("missing_field", std::string("header has no ") + what, top);
  }
  if (s->level) {
    CheckLevel(s->level, "the standard (基準級別)", s->field_pos["level"], d);
  } else {
    d->Warn("missing_field", "header has no 基準級別 (level)", top);
  }
  if (s->duties.empty()) d->Warn("missing_field", "no duty table (主要職責 / 工作任務) was found", top);
}

// Codes printed twice anywhere in the duty table.
class CodeRegistry {
 public:
  explicit CodeRegistry(Diagnostics* d) : d_(d) {}
  void Once(const std::string& code, SourcePos pos, const std::string& where) {
    auto [it, inserted] = seen_.emplace(code, pos);
    if (!inserted) {
      d_->Warn("duplicate_code",
               code + " is printed twice (" + where + "; first at line " + std::to_string(it->second.line) + ")", pos);
    }
  }

 private:
  Diagnostics* d_;
  std::map<std::string, SourcePos> seen_;
};

// One task: its code under its duty's, its fields, its outputs' and
// indicators' codes under its own; its K and S items go to the dictionaries.
void CheckTask(const Duty& duty, const Task& task, CodeRegistry* registry, std::vector<const CodedItem*>* knowledge,
               std::vector<const CodedItem*>* skills, Diagnostics* d) {
  SourcePos task_pos = First(task.where);
  std::vector<int> duty_numbers = Numbers(duty.code);
  std::vector<int> task_numbers = Numbers(task.code);
  if (!duty_numbers.empty() && Prefix(task_numbers, 1) != Prefix(duty_numbers, 1)) {
    d->Warn("misnumbered_code", "task " + task.code + " stands under duty " + duty.code, task_pos);
  }
  if (task.name.empty()) d->Warn("missing_field", "task " + task.code + " has no name", task_pos);
  CheckLevel(task.level, "task " + task.code, task_pos, d);
  if (task.indicators.empty()) d->Warn("missing_field", "task " + task.code + " has no indicators", task_pos);
  for (auto [items, what] : {std::pair{&task.outputs, "output"}, std::pair{&task.indicators, "indicator"}}) {
    std::vector<std::pair<std::string, SourcePos>> codes;
    for (const CodedItem& item : *items) {
      SourcePos pos = First(item.where);
      registry->Once(item.code, pos, std::string(what) + " under " + task.code);
      codes.push_back({item.code, pos});
      std::vector<int> n = Numbers(item.code);
      if (!n.empty() && Prefix(n, n.size() - 1) != Prefix(task_numbers, task_numbers.size())) {
        d->Warn("misnumbered_code", std::string(what) + " " + item.code + " does not belong to task " + task.code,
                pos);
      }
      if (item.text.empty()) d->Warn("missing_field", std::string(what) + " " + item.code + " has no text", pos);
    }
    CheckSequence(codes, task.code + " " + what + "s", d);
  }
  for (const CodedItem& item : task.knowledge) knowledge->push_back(&item);
  for (const CodedItem& item : task.skills) skills->push_back(&item);
}

// The duty table's codes and fields; builds the K and S dictionaries from
// the items its tasks print.
void CheckDutyTable(CompetencyStandard* s, Diagnostics* d) {
  CodeRegistry registry(d);
  std::vector<std::pair<std::string, SourcePos>> duty_codes;
  std::vector<const CodedItem*> knowledge, skills;
  for (const Duty& duty : s->duties) {
    SourcePos duty_pos = First(duty.where);
    if (!duty.code.empty()) {
      registry.Once(duty.code, duty_pos, "duty");
      duty_codes.push_back({duty.code, duty_pos});
    }
    if (duty.name.empty()) d->Warn("missing_field", "duty " + duty.code + " has no name", duty_pos);
    std::vector<std::pair<std::string, SourcePos>> task_codes;
    for (const Task& task : duty.tasks) {
      SourcePos task_pos = First(task.where);
      registry.Once(task.code, task_pos, "task under " + duty.code);
      task_codes.push_back({task.code, task_pos});
      CheckTask(duty, task, &registry, &knowledge, &skills, d);
    }
    CheckSequence(task_codes, "duty " + duty.code, d);
  }
  CheckSequence(duty_codes, "the duty table", d);
  s->knowledge = BuildDictionary(knowledge, "knowledge", d);
  s->skills = BuildDictionary(skills, "skill", d);
}

void CheckAttitudes(const CompetencyStandard& s, Diagnostics* d) {
  std::map<std::string, SourcePos> attitudes;
  std::vector<std::pair<std::string, SourcePos>> attitude_codes;
  for (const Attitude& a : s.attitudes) {
    SourcePos pos = First(a.where);
    auto [it, inserted] = attitudes.emplace(a.code, pos);
    if (!inserted) d->Warn("duplicate_code", "attitude " + a.code + " is printed twice", pos);
    attitude_codes.push_back({a.code, pos});
    if (a.name.empty()) d->Warn("missing_field", "attitude " + a.code + " has no name", pos);
  }
  CheckSequence(attitude_codes, "the attitudes", d);
}

}  // namespace

void CheckCompetencyStandard(const RuleSet& rules, CompetencyStandard* s) {
  (void)rules;
  Diagnostics* d = &s->diagnostics;
  CheckHeaderFields(s, d);
  CheckDutyTable(s, d);
  CheckAttitudes(*s, d);
}

}  // namespace docpipe
