#include "normalize/standard/standard_parser.h"

#include <optional>
#include <unordered_map>

#include "common/unicode.h"
#include "normalize/standard/attitude_list.h"
#include "normalize/standard/clean_row.h"
#include "normalize/standard/duty_builder.h"
#include "normalize/standard/header_table.h"
#include "normalize/standard/note_list.h"
#include "normalize/standard/row_stitcher.h"
#include "normalize/standard/section_titles.h"
#include "normalize/standard/standard_checks.h"
#include "normalize/standard/standard_labels.h"
#include "normalize/standard/version_row.h"

namespace docpipe {
namespace {

std::string Trim(std::string_view s) { return std::string(unicode::TrimAscii(s)); }

enum class Section { kPreamble, kVersions, kHeader, kDuties, kAttitudes, kNotes };

// Walks the rows once; each row either opens a part (a section title or a
// table header) or belongs to the part open at the time.
class Parser {
 public:
  explicit Parser(const RuleSet& rules) : rules_(rules), header_(rules, &out_) {}

  CompetencyStandard Run(const std::vector<TabRow>& rows);

 private:
  bool Clean(const TabRow& raw, CleanRow* row);
  struct CleanCell {
    std::string text;  // the "cell" repairs, trimmed
    std::string key;   // FoldKey of a short text, "" for a long one
  };
  const CleanCell& CleanCellOf(const std::string& raw, unicode::Utf8 known);
  bool TakeDutyHeader(const CleanRow& row);
  bool TakeSubHeader(const CleanRow& row);
  bool TakeSectionTitle(const CleanRow& row);
  void Place(const CleanRow& row);
  void PlacePreamble(const CleanRow& row);
  // A table break inside the duty table (a blank row, a page number).
  void AddBreak(SourcePos pos) {
    if (stitcher_ && section_ == Section::kDuties) stitcher_->AddBreak(pos);
  }
  bool IsPageNumber(const CleanRow& row) const {
    for (const std::string& cell : row.cells) {
      if (!cell.empty()) return rules_.Pattern("page_number_line").FullMatch(cell);
    }
    return false;
  }

  const RuleSet& rules_;
  CompetencyStandard out_;
  HeaderTable header_;
  Section section_ = Section::kPreamble;
  std::optional<RowStitcher> stitcher_;
  bool previous_was_header_ = false;    // the last row read was a duty-table header
  std::vector<Column> header_columns_;  // the columns that header named
  std::vector<std::string> version_columns_;
  std::vector<Fragment> attitude_lines_;
  std::vector<Fragment> note_lines_;
  // Every cell's cleaning by its raw text: a standard prints the same cells
  // again and again (the duty table's header on every page, levels, the
  // empty cells of its merged columns), and the "cell" repairs and FoldKey
  // of a text are always the same.
  std::unordered_map<std::string, CleanCell> clean_cells_;
};

const Parser::CleanCell& Parser::CleanCellOf(const std::string& raw, unicode::Utf8 known) {
  auto found = clean_cells_.find(raw);
  if (found != clean_cells_.end()) return found->second;
  CleanCell cell;
  cell.text = Trim(rules_.ApplyStage("cell", raw, known));
  if (cell.text.size() <= kMaxLabelBytes) cell.key = unicode::FoldKey(cell.text);
  return clean_cells_.emplace(raw, std::move(cell)).first->second;
}

// False for a row that holds nothing to place.
bool Parser::Clean(const TabRow& raw, CleanRow* row) {
  if (raw.IsBlank()) {
    AddBreak(raw.pos);
    return false;
  }
  row->pos = raw.pos;
  row->continues_row = raw.continues_row;
  row->cells.reserve(raw.cells.size());
  row->keys.reserve(raw.cells.size());
  for (const std::string& cell : raw.cells) {
    const CleanCell& clean = CleanCellOf(cell, raw.utf8);
    if (!clean.text.empty()) ++row->non_empty;
    row->cells.push_back(clean.text);
    row->keys.push_back(clean.key);
  }
  if (row->non_empty == 0) return false;
  if (row->non_empty == 1 && IsPageNumber(*row)) {
    // Page furniture between the pieces of a table cut by page breaks.
    out_.diagnostics.Consumed(row->AsRead());
    AddBreak(raw.pos);
    return false;
  }
  return true;
}

bool Parser::TakeDutyHeader(const CleanRow& row) {
  std::vector<Column> columns = ColumnsFromKeys(row.keys);
  if (columns.empty()) return false;
  if (!stitcher_) stitcher_.emplace(rules_, columns);
  stitcher_->AddHeader(row.pos);
  out_.diagnostics.Consumed(row.AsRead());
  section_ = Section::kDuties;
  previous_was_header_ = true;
  header_columns_ = columns;
  return true;
}

// A second header row names only columns the first left open (under a
// spanning 職能內涵). A row after a repeated header that names a column the
// header already has is the rest of a row cut by the page break
// ("P4.1.4 制定風險監控指標…" holds 指標), not a header.
bool Parser::TakeSubHeader(const CleanRow& row) {
  if (!previous_was_header_) return false;
  previous_was_header_ = false;
  std::vector<Column> sub = ColumnsFromSubHeader(row.keys);
  for (size_t i = 0; i < sub.size(); ++i) {
    if (sub[i] != Column::kOther && i < header_columns_.size() && header_columns_[i] != Column::kOther) sub.clear();
  }
  if (sub.empty()) return false;
  stitcher_->RefineColumns(sub);
  out_.diagnostics.Consumed(row.AsRead());
  return true;
}

bool Parser::TakeSectionTitle(const CleanRow& row) {
  if (IsVersionHeader(row)) {
    version_columns_.clear();
    version_columns_ = row.keys;
    out_.diagnostics.Consumed(row.AsRead());
    section_ = Section::kVersions;
    return true;
  }
  if (IsAttitudeHeader(row)) {
    section_ = Section::kAttitudes;
    out_.diagnostics.Consumed(row.cells[FirstNonEmptyIndex(row)]);
    if (std::string rest = AfterTitle(row); !rest.empty()) attitude_lines_.push_back({rest, row.pos});
    return true;
  }
  if (IsNotesHeader(row)) {
    section_ = Section::kNotes;
    out_.diagnostics.Consumed(row.cells[FirstNonEmptyIndex(row)]);
    if (std::string rest = AfterTitle(row); !rest.empty()) note_lines_.push_back({rest, row.pos});
    return true;
  }
  return false;
}

void Parser::PlacePreamble(const CleanRow& row) {
  if (out_.title.empty() && row.non_empty == 1) {
    out_.title = unicode::CollapseSpaces(row.FirstNonEmpty());
    out_.field_pos["title"] = row.pos;
  } else {
    out_.diagnostics.Unplaced(row.AsRead(), row.pos);
  }
}

void Parser::Place(const CleanRow& row) {
  if ((section_ == Section::kPreamble || section_ == Section::kVersions) && HasHeaderLabel(row)) {
    section_ = Section::kHeader;
  }
  switch (section_) {
    case Section::kPreamble: PlacePreamble(row); break;
    case Section::kVersions:
      if (LooksLikeVersionRow(row)) {
        out_.versions.push_back(ReadVersionRow(row, version_columns_, rules_, &out_.diagnostics));
      } else {
        out_.diagnostics.Unplaced(row.AsRead(), row.pos);
      }
      break;
    case Section::kHeader: header_.AddRow(row); break;
    case Section::kDuties: stitcher_->AddRow(row.pos, row.cells, &out_.diagnostics, row.continues_row); break;
    case Section::kAttitudes: attitude_lines_.push_back({row.Joined(), row.pos}); break;
    case Section::kNotes: note_lines_.push_back({row.Joined(), row.pos}); break;
  }
}

CompetencyStandard Parser::Run(const std::vector<TabRow>& rows) {
  for (const TabRow& raw : rows) {
    CleanRow row;
    if (!Clean(raw, &row)) continue;
    if (TakeDutyHeader(row) || TakeSubHeader(row) || TakeSectionTitle(row)) continue;
    Place(row);
  }
  if (stitcher_) out_.duties = BuildDuties(stitcher_->Finish(), rules_, &out_.diagnostics);
  out_.attitudes = ReadAttitudes(attitude_lines_, rules_, &out_.diagnostics);
  out_.notes = ReadNotes(note_lines_, rules_);
  header_.Finish();
  return std::move(out_);
}

}  // namespace

bool LooksLikeCompetencyStandard(const std::vector<TabRow>& rows) {
  // Every piece of evidence below holds 職, 工 or 行, and 基, 務, 標 or 產:
  // a cell whose key cannot hold one of each is not folded (a plan's
  // thousands of cells, and its hundreds that hold 行 or 工 alone).
  static const unicode::FoldedCharacters kEvidenceStarts("職工行");
  static const unicode::FoldedCharacters kEvidenceEnds("基務標產");
  int evidence = 0;
  for (const TabRow& row : rows) {
    for (const std::string& cell : row.cells) {
      if (cell.size() > kMaxLabelBytes || !kEvidenceStarts.MayHold(cell, row.utf8) ||
          !kEvidenceEnds.MayHold(cell, row.utf8)) {
        continue;
      }
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
