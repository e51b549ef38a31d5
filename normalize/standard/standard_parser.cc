#include "normalize/standard/standard_parser.h"

#include <re2/re2.h>

#include <functional>
#include <set>

#include "common/unicode.h"
#include "normalize/standard/row_stitcher.h"
#include "normalize/standard/standard_checks.h"

namespace docpipe {
namespace {

std::string Trim(std::string_view s) { return std::string(unicode::TrimAscii(s)); }

bool Contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Labels and column headers are short; longer cells are content and are
// never compared with them, which saves most of the folding work.
constexpr size_t kMaxLabelBytes = 96;

// Header-table labels, matched on FoldKey of a cell.
enum class Label {
  kNone, kCode, kNameGroup, kJobCategoryName, kOccupationName, kGroup,
  kCategory, kCategoryCode, kOccupation, kOccupationCode, kIndustry, kIndustryCode,
  kDescription, kLevel,
};

Label LabelOf(const std::string& key) {
  if (key.empty()) return Label::kNone;
  if (key == "職能基準代碼") return Label::kCode;
  if (StartsWith(key, "職能基準名稱")) return Label::kNameGroup;
  if (key == "職類") return Label::kJobCategoryName;
  if (key == "職業") return Label::kOccupationName;
  if (key == "所屬類別") return Label::kGroup;
  if (key == "職類別") return Label::kCategory;
  if (key == "職類別代碼") return Label::kCategoryCode;
  if (key == "職業別") return Label::kOccupation;
  if (key == "職業別代碼") return Label::kOccupationCode;
  if (key == "行業別") return Label::kIndustry;
  if (key == "行業別代碼") return Label::kIndustryCode;
  if (key == "工作描述") return Label::kDescription;
  if (key == "基準級別") return Label::kLevel;
  return Label::kNone;
}

const char* FieldName(Label label) {
  switch (label) {
    case Label::kCode: return "code";
    case Label::kJobCategoryName: return "name_job_category";
    case Label::kOccupationName: return "name_occupation";
    case Label::kCategory: return "category.name";
    case Label::kCategoryCode: return "category.code";
    case Label::kOccupation: return "occupation.name";
    case Label::kOccupationCode: return "occupation.code";
    case Label::kIndustry: return "industry.name";
    case Label::kIndustryCode: return "industry.code";
    case Label::kDescription: return "description";
    case Label::kLevel: return "level";
    default: return nullptr;
  }
}

enum class Section { kPreamble, kVersions, kHeader, kDuties, kAttitudes, kNotes };

struct CleanRow {
  SourcePos pos;
  std::vector<std::string> cells;  // markup removed, trimmed
  std::vector<std::string> keys;   // FoldKey of each short cell ("" for long ones)
  std::string key;                 // the keys of all cells, concatenated
  size_t non_empty = 0;
  std::string FirstNonEmpty() const {
    for (const auto& c : cells) {
      if (!c.empty()) return c;
    }
    return {};
  }
  // Cells as read, TAB-separated: for unparsed text, where the cell
  // boundaries are part of what the reader needs to see.
  std::string AsRead() const {
    std::string out;
    for (const auto& c : cells) {
      if (c.empty()) continue;
      out += out.empty() ? c : "\t" + c;
    }
    return out;
  }
  std::string Joined() const {
    std::string out;
    for (const auto& c : cells) {
      if (c.empty()) continue;
      out = out.empty() ? c : unicode::JoinWrapped(out, c);
    }
    return out;
  }
};

bool IsVersionHeader(const CleanRow& row) {
  bool version = false, code = false;
  for (const auto& key : row.keys) {
    version |= key == "版本";
    code |= Contains(key, "代碼");
  }
  return version && code;
}

size_t FirstNonEmptyIndex(const CleanRow& row) {
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (!row.cells[i].empty()) return i;
  }
  return row.cells.size();
}

// A section title in the row's first non-empty cell; the cells after it, if
// any, are already the section's content (some forms print them side by side).
bool IsAttitudeHeader(const CleanRow& row) {
  const std::string& key = row.keys[FirstNonEmptyIndex(row)];
  return Contains(key, "attitude") || (Contains(key, "職能內涵") && Contains(key, "態度"));
}

bool IsNotesHeader(const CleanRow& row) {
  const std::string& key = row.keys[FirstNonEmptyIndex(row)];
  return StartsWith(key, "說明與補充事項") || StartsWith(key, "說明及補充事項") || key == "補充說明";
}

// The content cells after a section title, joined as one line.
std::string AfterTitle(const CleanRow& row) {
  std::string out;
  for (size_t i = FirstNonEmptyIndex(row) + 1; i < row.cells.size(); ++i) {
    if (!row.cells[i].empty()) out = out.empty() ? row.cells[i] : unicode::JoinWrapped(out, row.cells[i]);
  }
  return out;
}

// A version-table row starts with a version label: V4, v1.0, 第2版, 2.
bool LooksLikeVersionRow(const CleanRow& row) {
  const std::string& first = row.cells[FirstNonEmptyIndex(row)];
  std::string key = unicode::FoldKey(first.substr(0, 16));
  return !key.empty() && (key[0] == 'v' || (key[0] >= '0' && key[0] <= '9') || StartsWith(key, "第"));
}

bool HasHeaderLabel(const CleanRow& row) {
  for (const auto& key : row.keys) {
    Label label = LabelOf(key);
    if (label != Label::kNone && label != Label::kJobCategoryName && label != Label::kOccupationName) return true;
  }
  return false;
}

std::optional<int> ParseLevel(const RuleSet& rules, const std::string& text) {
  int value = 0;
  std::string folded = unicode::FoldWidth(text);
  if (RE2::FullMatch(folded, rules.Pattern("level_value"), &value)) return value;
  return std::nullopt;
}

// YYYY-MM-DD from "2025/12/15", "2025-12-15", "114/12/15" (ROC year) or
// "114年12月15日"; "" if the text holds no date.
std::string ParseDate(const RuleSet& rules, const std::string& text) {
  int year = 0, month = 0, day = 0;
  std::string folded = unicode::FoldWidth(text);
  if (!RE2::PartialMatch(folded, rules.Pattern("date_value"), &year, &month, &day)) return "";
  if (year < 1000) year += 1911;  // Republic of China calendar
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

class Parser {
 public:
  Parser(const RuleSet& rules) : rules_(rules) {}

  CompetencyStandard Run(const std::vector<TabRow>& rows);

 private:
  void HeaderRow(const CleanRow& row);
  void VersionRow(const CleanRow& row);
  void FinishDuties(std::vector<RawDuty> raw);
  void FinishAttitudes();
  void FinishNotes();
  std::vector<CodedItem> Items(const std::vector<Fragment>& fragments, const char* pattern, const std::string& task);
  void SetField(Label label, const std::string& value, SourcePos pos);
  bool IsPageNumber(const CleanRow& row) const {
    for (const std::string& cell : row.cells) {
      if (!cell.empty()) return RE2::FullMatch(cell, rules_.Pattern("page_number_line"));
    }
    return false;
  }

  const RuleSet& rules_;
  CompetencyStandard out_;
  std::vector<std::string> version_columns_;
  Label last_label_ = Label::kNone;
  std::vector<Fragment> attitude_lines_;
  std::vector<Fragment> note_lines_;
  std::string job_category_name_, occupation_name_;
};

void Parser::SetField(Label label, const std::string& value, SourcePos pos) {
  std::string* slot = nullptr;
  switch (label) {
    case Label::kCode: slot = &out_.code; break;
    case Label::kJobCategoryName: slot = &job_category_name_; break;
    case Label::kOccupationName: slot = &occupation_name_; break;
    case Label::kCategory: slot = &out_.category.name; break;
    case Label::kCategoryCode: slot = &out_.category.code; break;
    case Label::kOccupation: slot = &out_.occupation.name; break;
    case Label::kOccupationCode: slot = &out_.occupation.code; break;
    case Label::kIndustry: slot = &out_.industry.name; break;
    case Label::kIndustryCode: slot = &out_.industry.code; break;
    case Label::kDescription: slot = &out_.description; break;
    case Label::kLevel: {
      if (value.empty()) return;
      out_.level = ParseLevel(rules_, value);
      out_.field_pos["level"] = pos;
      if (!out_.level) {
        out_.diagnostics.Warn("bad_level", "基準級別 is not a number: " + value, pos);
        out_.diagnostics.Unplaced(value, pos);
      }
      return;
    }
    default: return;
  }
  std::string repaired = unicode::CollapseSpaces(value);
  if (slot->empty()) {
    *slot = repaired;
  } else if (!repaired.empty()) {
    *slot = unicode::CollapseSpaces(unicode::JoinWrapped(*slot, repaired));
  }
  if (const char* name = FieldName(label); name != nullptr && !out_.field_pos.count(name)) {
    out_.field_pos[name] = pos;
  }
}

void Parser::HeaderRow(const CleanRow& row) {
  bool any_label = false;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    Label label = LabelOf(row.keys[i]);
    if (label == Label::kNone) continue;
    any_label = true;
    out_.diagnostics.Consumed(row.cells[i]);
    if (label == Label::kNameGroup || label == Label::kGroup) continue;
    // The value is the next non-empty cell that is not itself a label.
    std::string value;
    size_t j = i + 1;
    for (; j < row.cells.size(); ++j) {
      if (row.cells[j].empty()) continue;
      if (LabelOf(row.keys[j]) == Label::kNone) value = row.cells[j];
      break;
    }
    SetField(label, value, row.pos);
    last_label_ = label;
    if (!value.empty()) i = j;
  }
  if (!any_label) {
    // A value wrapped onto a row of its own continues the last field.
    if (last_label_ != Label::kNone && last_label_ != Label::kLevel) {
      SetField(last_label_, row.Joined(), row.pos);
    } else {
      out_.diagnostics.Unplaced(row.AsRead(), row.pos);
    }
  }
}

void Parser::VersionRow(const CleanRow& row) {
  Version version;
  version.where.push_back(row.pos);
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const std::string& text = row.cells[i];
    if (text.empty()) continue;
    const std::string& column = i < version_columns_.size() ? version_columns_[i] : std::string();
    std::string value = unicode::CollapseSpaces(text);
    if (column == "版本") {
      version.version = value;
    } else if (Contains(column, "代碼")) {
      version.code = value;
    } else if (Contains(column, "名稱")) {
      version.name = value;
    } else if (Contains(column, "狀態")) {
      version.status = value;
    } else if (Contains(column, "說明")) {
      version.note = value;
    } else if (Contains(column, "日期")) {
      version.date = ParseDate(rules_, value);
      if (!version.date.empty()) out_.diagnostics.Consumed(value);  // as printed; the field holds ISO 8601
      if (version.date.empty()) {
        out_.diagnostics.Warn("bad_date", "version date is not a date: " + value, row.pos);
      }
    } else {
      out_.diagnostics.Unplaced(value, row.pos);
    }
  }
  out_.versions.push_back(std::move(version));
}

std::vector<CodedItem> Parser::Items(const std::vector<Fragment>& fragments, const char* pattern,
                                     const std::string& task) {
  SplitCell cell = SplitItems(fragments, rules_.Pattern(pattern));
  if (!cell.leading.empty()) {
    out_.diagnostics.Warn("uncoded_item", std::string("text without a code in ") + task + ": " + cell.leading,
                          cell.leading_pos);
    out_.diagnostics.Unplaced(cell.leading, cell.leading_pos);
  }
  return std::move(cell.items);
}

void Parser::FinishDuties(std::vector<RawDuty> raw) {
  for (RawDuty& raw_duty : raw) {
    Duty duty;
    duty.code = raw_duty.code;
    duty.name = unicode::CollapseSpaces(JoinFragments(raw_duty.name, nullptr).text);
    duty.where = raw_duty.rows;
    for (RawTask& raw_task : raw_duty.tasks) {
      Task task;
      task.code = raw_task.code;
      task.where = raw_task.rows;
      auto cell = [&](Column c) -> const std::vector<Fragment>& { return raw_task.cells[static_cast<size_t>(c)]; };
      task.name = unicode::CollapseSpaces(JoinFragments(cell(Column::kTask), nullptr).text);
      task.outputs = Items(cell(Column::kOutputs), "output_code", task.code);
      task.indicators = Items(cell(Column::kIndicators), "indicator_code", task.code);
      task.knowledge = Items(cell(Column::kKnowledge), "knowledge_code", task.code);
      task.skills = Items(cell(Column::kSkills), "skill_code", task.code);
      for (const Fragment& fragment : cell(Column::kLevel)) {
        std::optional<int> level = ParseLevel(rules_, fragment.text);
        if (!level) {
          out_.diagnostics.Warn("bad_level", task.code + " level is not a number: " + fragment.text, fragment.pos);
          out_.diagnostics.Unplaced(fragment.text, fragment.pos);
        } else if (task.level && *task.level != *level) {
          out_.diagnostics.Warn("bad_level",
                                task.code + " has two levels: " + std::to_string(*task.level) + " and " +
                                    std::to_string(*level),
                                fragment.pos);
        } else {
          task.level = level;
        }
      }
      duty.tasks.push_back(std::move(task));
    }
    out_.duties.push_back(std::move(duty));
  }
}

void Parser::FinishAttitudes() {
  SplitCell cell = SplitItems(attitude_lines_, rules_.Pattern("attitude_code"));
  if (!cell.leading.empty()) out_.diagnostics.Unplaced(cell.leading, cell.leading_pos);
  for (CodedItem& item : cell.items) {
    Attitude attitude;
    attitude.code = item.code;
    attitude.where = item.where;
    std::string text = item.text;
    for (const char* colon : {"：", ":"}) {
      if (StartsWith(text, colon)) {
        out_.diagnostics.Consumed(colon);
        text = Trim(text.substr(std::string(colon).size()));
      }
    }
    size_t cut = std::string::npos, width = 0;
    for (const char* colon : {"：", ":"}) {
      size_t at = text.find(colon);
      if (at != std::string::npos && at < cut) {
        cut = at;
        width = std::string(colon).size();
      }
    }
    if (cut == std::string::npos) {
      attitude.name = text;
    } else {
      attitude.name = Trim(text.substr(0, cut));
      attitude.description = Trim(text.substr(cut + width));
      out_.diagnostics.Consumed(text.substr(cut, width));  // between name and description
    }
    out_.attitudes.push_back(std::move(attitude));
  }
}

void Parser::FinishNotes() {
  // Paragraphs: each line, further split where block markup stood.
  std::vector<std::string> paragraphs;
  for (const Fragment& line : note_lines_) {
    size_t start = 0;
    while (start <= line.text.size()) {
      size_t end = line.text.find('\n', start);
      if (end == std::string::npos) end = line.text.size();
      std::string paragraph = unicode::CollapseSpaces(line.text.substr(start, end - start));
      if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
      start = end + 1;
    }
  }
  // A label paragraph ("其他補充說明：") introduces the one after it.
  auto is_label = [](const std::string& p) {
    return (p.size() >= 3 && p.compare(p.size() - 3, 3, "：") == 0) || (!p.empty() && p.back() == ':');
  };
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    std::string note = paragraphs[i];
    if (is_label(note) && i + 1 < paragraphs.size() && !is_label(paragraphs[i + 1])) {
      note = unicode::CollapseSpaces(note + paragraphs[++i]);
    }
    // A labelled note run on after a full stop starts a note of its own.
    const re2::RE2& label = rules_.Pattern("note_label");
    re2::StringPiece rest(note), found;
    size_t start = 0;
    while (RE2::PartialMatch(rest, label, &found)) {
      const size_t at = static_cast<size_t>(found.data() - note.data());
      out_.notes.push_back(unicode::CollapseSpaces(note.substr(start, at - start)));
      start = at;
      rest = re2::StringPiece(found.data(), note.size() - at);
      rest.remove_prefix(found.size());
    }
    out_.notes.push_back(unicode::CollapseSpaces(note.substr(start)));
  }
}

CompetencyStandard Parser::Run(const std::vector<TabRow>& rows) {
  Section section = Section::kPreamble;
  std::optional<RowStitcher> stitcher;
  bool previous_was_header = false;  // the last row read was a duty-table header
  std::vector<Column> header_columns;  // the columns that header named
  for (const TabRow& raw : rows) {
    if (raw.IsBlank()) {
      if (stitcher && section == Section::kDuties) stitcher->AddBreak(raw.pos);
      continue;
    }
    CleanRow row;
    row.pos = raw.pos;
    for (const std::string& cell : raw.cells) {
      std::string clean = Trim(rules_.ApplyStage("cell", cell));
      if (!clean.empty()) ++row.non_empty;
      row.cells.push_back(std::move(clean));
    }
    if (row.non_empty == 0) continue;
    if (row.non_empty == 1 && IsPageNumber(row)) {
      // Page furniture between the pieces of a table cut by page breaks.
      out_.diagnostics.Consumed(row.AsRead());
      if (stitcher && section == Section::kDuties) stitcher->AddBreak(raw.pos);
      continue;
    }
    for (const std::string& cell : row.cells) {
      row.keys.push_back(cell.size() <= kMaxLabelBytes ? unicode::FoldKey(cell) : std::string());
      row.key += row.keys.back();
    }

    std::vector<Column> columns = ColumnsFromKeys(row.keys);
    if (!columns.empty()) {
      if (!stitcher) {
        stitcher.emplace(rules_, columns);
      }
      stitcher->AddHeader(row.pos);
      out_.diagnostics.Consumed(row.AsRead());
      section = Section::kDuties;
      previous_was_header = true;
      header_columns = columns;
      continue;
    }
    if (previous_was_header) {
      previous_was_header = false;
      // A second header row names only columns the first left open (under a
      // spanning 職能內涵). A row after a repeated header that names a column
      // the header already has is the rest of a row cut by the page break
      // ("P4.1.4 制定風險監控指標…" holds 指標), not a header.
      std::vector<Column> sub = ColumnsFromSubHeader(row.keys);
      for (size_t i = 0; i < sub.size(); ++i) {
        if (sub[i] != Column::kOther && i < header_columns.size() && header_columns[i] != Column::kOther) sub.clear();
      }
      if (!sub.empty()) {
        stitcher->RefineColumns(sub);
        out_.diagnostics.Consumed(row.AsRead());
        continue;
      }
    }
    if (IsVersionHeader(row)) {
      version_columns_.clear();
      version_columns_ = row.keys;
      out_.diagnostics.Consumed(row.AsRead());
      section = Section::kVersions;
      continue;
    }
    if (IsAttitudeHeader(row)) {
      section = Section::kAttitudes;
      out_.diagnostics.Consumed(row.cells[FirstNonEmptyIndex(row)]);
      if (std::string rest = AfterTitle(row); !rest.empty()) attitude_lines_.push_back({rest, row.pos});
      continue;
    }
    if (IsNotesHeader(row)) {
      section = Section::kNotes;
      out_.diagnostics.Consumed(row.cells[FirstNonEmptyIndex(row)]);
      if (std::string rest = AfterTitle(row); !rest.empty()) note_lines_.push_back({rest, row.pos});
      continue;
    }
    if ((section == Section::kPreamble || section == Section::kVersions) && HasHeaderLabel(row)) {
      section = Section::kHeader;
    }
    switch (section) {
      case Section::kPreamble:
        if (out_.title.empty() && row.non_empty == 1) {
          out_.title = unicode::CollapseSpaces(row.FirstNonEmpty());
          out_.field_pos["title"] = row.pos;
        } else {
          out_.diagnostics.Unplaced(row.AsRead(), row.pos);
        }
        break;
      case Section::kVersions:
        if (LooksLikeVersionRow(row)) {
          VersionRow(row);
        } else {
          out_.diagnostics.Unplaced(row.AsRead(), row.pos);
        }
        break;
      case Section::kHeader: HeaderRow(row); break;
      case Section::kDuties: stitcher->AddRow(row.pos, row.cells, &out_.diagnostics); break;
      case Section::kAttitudes: attitude_lines_.push_back({row.Joined(), row.pos}); break;
      case Section::kNotes: note_lines_.push_back({row.Joined(), row.pos}); break;
    }
  }
  if (stitcher) FinishDuties(stitcher->Finish());
  FinishAttitudes();
  FinishNotes();

  if (!occupation_name_.empty()) {
    out_.name = occupation_name_;
    out_.name_kind = "occupation";
    out_.field_pos["name"] = out_.field_pos["name_occupation"];
  } else if (!job_category_name_.empty()) {
    out_.name = job_category_name_;
    out_.name_kind = "job_category";
    out_.field_pos["name"] = out_.field_pos["name_job_category"];
  }
  out_.field_pos.erase("name_occupation");
  out_.field_pos.erase("name_job_category");
  return std::move(out_);
}

}  // namespace

bool LooksLikeCompetencyStandard(const std::vector<TabRow>& rows) {
  int evidence = 0;
  for (const TabRow& row : rows) {
    for (const std::string& cell : row.cells) {
      if (cell.size() > kMaxLabelBytes) continue;
      std::string key = unicode::FoldKey(cell);
      if (key.find("職能基準") != std::string::npos) ++evidence;
      if (key == "工作任務" || key == "行為指標" || key == "工作產出") ++evidence;
    }
    if (evidence >= 3) return true;
  }
  return false;
}

Result<CompetencyStandard> ParseCompetencyStandard(const std::vector<TabRow>& rows, const RuleSet& rules) {
  CompetencyStandard standard = Parser(rules).Run(rows);
  if (standard.code.empty() && standard.duties.empty()) {
    return Status::Unsupported("not a competency standard: no 職能基準代碼 field and no duty table");
  }
  CheckCompetencyStandard(rules, &standard);
  return standard;
}

}  // namespace docpipe
