// libFuzzer target: the rule file loader. Any bytes give a RuleSet or a
// BadInput Status; a loaded rule set must apply to any text without crashing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "normalize/repair/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docpipe::Result<docpipe::RuleSet> rules = docpipe::RuleSet::Parse(bytes);
  if (!rules.ok()) return 0;
  for (const char* stage : {"cell", "text", "parse"}) (void)rules->ApplyStage(stage, "T1.1 風 險 <p>K01</p> **x**");
  for (const docpipe::Rule& rule : rules->rules()) {
    for (const docpipe::RuleExample& example : rule.examples) (void)rules->ApplyRule(rule, example.before);
  }
  return 0;
}
