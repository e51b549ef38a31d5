#include "diff/change_order.h"

#include <gtest/gtest.h>

namespace docpipe::diff {
namespace {

struct CodeCase {
  const char* a;
  const char* b;
  int expected;
};

TEST(CompareCodes, ComparesDigitRunsByValue) {
  const CodeCase cases[] = {
      {"T1.9", "T1.10", -1}, {"K2", "K10", -1}, {"K05", "K5", 0}, {"T2", "T10.1", -1},
      {"P1.2.1", "P1.2.1", 0}, {"O1.1", "P1.1", -1},  {"T1", "T1.1", -1}, {"", "T1", -1},
  };
  for (const CodeCase& c : cases) {
    EXPECT_EQ(CompareCodes(c.a, c.b), c.expected) << c.a << " vs " << c.b;
    EXPECT_EQ(CompareCodes(c.b, c.a), -c.expected) << c.b << " vs " << c.a;
  }
}

Change Make(ItemKind kind, const std::string& duty, const std::string& task, const std::string& code) {
  Change c;
  c.kind = kind;
  c.type = ChangeType::kAdded;
  c.new_side = ItemSide{code, {}, ""};
  c.duty = duty;
  c.task = task;
  return c;
}

TEST(SortChanges, OrdersBySectionThenDutyTaskAndKind) {
  std::vector<Change> changes = {
      Make(ItemKind::kNote, "", "", "1"),          Make(ItemKind::kKnowledge, "", "", "K10"),
      Make(ItemKind::kKnowledge, "", "", "K9"),    Make(ItemKind::kIndicator, "T1", "T1.10", "P1.10.1"),
      Make(ItemKind::kTask, "T1", "T1.10", "T1.10"), Make(ItemKind::kOutput, "T1", "T1.2", "O1.2.1"),
      Make(ItemKind::kDuty, "T1", "", "T1"),       Make(ItemKind::kHeader, "", "", ""),
  };
  SortChanges(&changes);
  std::vector<std::string> order;
  for (const Change& c : changes) order.push_back(std::string(ItemKindName(c.kind)) + ":" + c.new_side->code);
  EXPECT_EQ(order, (std::vector<std::string>{"header:", "duty:T1", "output:O1.2.1", "task:T1.10", "indicator:P1.10.1",
                                             "knowledge:K9", "knowledge:K10", "note:1"}));
}

}  // namespace
}  // namespace docpipe::diff
