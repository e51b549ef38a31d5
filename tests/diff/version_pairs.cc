#include "tests/diff/version_pairs.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "pipeline/pipeline.h"

namespace docpipe::diff::testing {

Json LoadSample(const std::string& name) {
  Result<Json> doc = ProcessFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + name + ".txt", {});
  if (!doc.ok()) {
    std::cerr << "cannot load sample " << name << ": " << doc.status().ToString() << "\n";
    std::abort();
  }
  return std::move(*doc);
}

Json& Duty(Json& doc, const std::string& code) {
  for (Json& d : doc["duties"]) {
    if (d["code"] == code) return d;
  }
  ADD_FAILURE() << "no duty " << code;
  return doc;
}

void Renumber(Json& task, const std::string& number) {
  task["code"] = "T" + number;
  for (const char* list : {"outputs", "indicators"}) {
    const std::string prefix = std::string(list) == "outputs" ? "O" : "P";
    for (size_t i = 0; i < task[list].size(); ++i) task[list][i]["code"] = prefix + number + "." + std::to_string(i + 1);
  }
}

Json NewTask(const std::string& number) {
  Json task = {{"code", ""},
               {"name", "評估雲端服務安全風險"},
               {"level", 4},
               {"outputs", Json::array({{{"code", ""}, {"text", "雲端風險評估報告"}}})},
               {"indicators", Json::array({{{"code", ""}, {"text", "盤點組織使用之雲端服務。"}},
                                           {{"code", ""}, {"text", "評估雲端服務供應商之安全控制。"}}})},
               {"knowledge", Json::array({"K01"})},
               {"skills", Json::array({"S01"})},
               {"source_lines", Json::array({1})}};
  Renumber(task, number);
  return task;
}

void RenameCode(Json& doc, const char* list, const std::string& code, const std::string& replacement) {
  for (Json& entry : doc[list]) {
    if (entry["code"] == code) entry["code"] = replacement;
  }
  for (Json& d : doc["duties"]) {
    for (Json& t : d["tasks"]) {
      for (Json& r : t[list]) {
        if (r == code) r = replacement;
      }
    }
  }
}

std::string TwoDigitCode(char letter, int n) { return std::string(1, letter) + (n < 10 ? "0" : "") + std::to_string(n); }

Json ConstructedNextVersion(const Json& sample) {
  Json next = sample;
  Json& tasks = Duty(next, "T1")["tasks"];
  tasks.insert(tasks.begin() + 1, NewTask("1.2"));
  for (size_t i = 2; i < tasks.size(); ++i) Renumber(tasks[i], "1." + std::to_string(i + 1));
  tasks[0]["indicators"][1]["text"] = "分析與審查使用者的安全性文件並預測網路服務弱點。";
  RenameCode(next, "knowledge", "K05", "K32");
  Duty(next, "T2")["name"] = "建置並強化網路防護架構";
  next["notes"].erase(0);
  return next;
}

}  // namespace docpipe::diff::testing
