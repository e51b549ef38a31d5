#include "normalize/standard/duty_builder.h"

#include <string>

#include "common/unicode.h"
#include "normalize/standard/field_values.h"
#include "normalize/standard/item_splitter.h"

namespace docpipe {
namespace {

std::vector<CodedItem> Items(const std::vector<Fragment>& fragments, const char* pattern, const std::string& task,
                             const RuleSet& rules, Diagnostics* diagnostics) {
  SplitCell cell = SplitItems(fragments, rules.Pattern(pattern));
  if (!cell.leading.empty()) {
    diagnostics->Warn("uncoded_item", std::string("text without a code in ") + task + ": " + cell.leading,
                      cell.leading_pos);
    diagnostics->Unplaced(cell.leading, cell.leading_pos);
  }
  return std::move(cell.items);
}

void ReadLevel(const std::vector<Fragment>& fragments, const RuleSet& rules, Task* task, Diagnostics* diagnostics) {
  for (const Fragment& fragment : fragments) {
    std::optional<int> level = ParseLevel(rules, fragment.text);
    if (!level) {
      diagnostics->Warn("bad_level", task->code + " level is not a number: " + fragment.text, fragment.pos);
      diagnostics->Unplaced(fragment.text, fragment.pos);
    } else if (task->level && *task->level != *level) {
      diagnostics->Warn("bad_level",
                        task->code + " has two levels: " + std::to_string(*task->level) + " and " +
                            std::to_string(*level),
                        fragment.pos);
    } else {
      task->level = level;
    }
  }
}

Task BuildTask(RawTask& raw_task, const RuleSet& rules, Diagnostics* diagnostics) {
  Task task;
  task.code = raw_task.code;
  task.where = raw_task.rows;
  auto cell = [&](Column c) -> const std::vector<Fragment>& { return raw_task.cells[static_cast<size_t>(c)]; };
  task.name = unicode::CollapseSpaces(JoinFragments(cell(Column::kTask), nullptr).text);
  task.outputs = Items(cell(Column::kOutputs), "output_code", task.code, rules, diagnostics);
  task.indicators = Items(cell(Column::kIndicators), "indicator_code", task.code, rules, diagnostics);
  task.knowledge = Items(cell(Column::kKnowledge), "knowledge_code", task.code, rules, diagnostics);
  task.skills = Items(cell(Column::kSkills), "skill_code", task.code, rules, diagnostics);
  ReadLevel(cell(Column::kLevel), rules, &task, diagnostics);
  return task;
}

}  // namespace

std::vector<Duty> BuildDuties(std::vector<RawDuty> raw, const RuleSet& rules, Diagnostics* diagnostics) {
  std::vector<Duty> duties;
  for (RawDuty& raw_duty : raw) {
    Duty duty;
    duty.code = raw_duty.code;
    duty.name = unicode::CollapseSpaces(JoinFragments(raw_duty.name, nullptr).text);
    duty.where = raw_duty.rows;
    for (RawTask& raw_task : raw_duty.tasks) duty.tasks.push_back(BuildTask(raw_task, rules, diagnostics));
    duties.push_back(std::move(duty));
  }
  return duties;
}

}  // namespace docpipe
