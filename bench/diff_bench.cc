// Speed of `docpipe diff` on two ~100-task standards (issue 5: well under
// 50 ms). The standards are built from samples/text/INM3513-001v4.txt by
// repeating its four duties (15 tasks) seven times under fresh numbers:
// 28 duties, 105 tasks, ~560 outputs and indicators. The new version has the
// edits a publisher makes: a task inserted (later tasks renumbered), two
// indicators reworded, a K entry renumbered everywhere, a duty renamed.
//
// Baselines in the same run:
//   BM_ParseJson          parsing both documents' JSON text (nlohmann), the
//                         unavoidable cost of reading the inputs;
//   BM_NaiveAllPairs      similarity of every old indicator with every new
//                         one, what the matcher would cost without its exact
//                         passes.
// Results: bench/README.md, "Diff speed".
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "common/unicode.h"
#include "diff/char_diff.h"
#include "diff/standard_diff.h"
#include "pipeline/pipeline.h"

namespace docpipe::diff {
namespace {

using Json = nlohmann::ordered_json;

Json Load(const char* name) {
  Result<Json> doc = ProcessFile(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/" + name + ".txt", {});
  if (!doc.ok()) {
    std::cerr << name << ": " << doc.status().ToString() << "\n";
    std::exit(1);
  }
  return std::move(*doc);
}

void Renumber(Json& task, const std::string& number) {
  task["code"] = "T" + number;
  for (const char* list : {"outputs", "indicators"}) {
    const std::string prefix = std::string(list) == "outputs" ? "O" : "P";
    for (size_t i = 0; i < task[list].size(); ++i) task[list][i]["code"] = prefix + number + "." + std::to_string(i + 1);
  }
}

// The sample's duties `copies` times, numbered T1..Tn; copy k's wordings get
// a suffix so that copies differ from each other as real duties do.
Json Repeat(const Json& sample, int copies) {
  Json doc = sample;
  doc["duties"] = Json::array();
  int duty_number = 0;
  for (int k = 0; k < copies; ++k) {
    for (Json duty : sample["duties"]) {
      const std::string d = std::to_string(++duty_number);
      duty["code"] = "T" + d;
      duty["name"] = duty["name"].get<std::string>() + "（第" + std::to_string(k + 1) + "部分）";
      for (size_t t = 0; t < duty["tasks"].size(); ++t) {
        Json& task = duty["tasks"][t];
        Renumber(task, d + "." + std::to_string(t + 1));
        task["name"] = task["name"].get<std::string>() + "（" + d + "）";
        for (Json& p : task["indicators"]) p["text"] = p["text"].get<std::string>() + "（" + d + "）";
      }
      doc["duties"].push_back(duty);
    }
  }
  return doc;
}

Json NextVersion(Json doc) {
  Json& tasks = doc["duties"][13]["tasks"];
  Json inserted = tasks[0];
  inserted["name"] = "評估雲端服務安全風險";
  tasks.insert(tasks.begin() + 1, inserted);
  for (size_t i = 1; i < tasks.size(); ++i) Renumber(tasks[i], "14." + std::to_string(i + 1));
  doc["duties"][2]["tasks"][0]["indicators"][0]["text"] = "盤點並分析網路安全威脅。";
  doc["duties"][20]["tasks"][1]["indicators"][1]["text"] = "在執行任何配置變更前，進行網路伺服器備份。";
  for (Json& k : doc["knowledge"]) {
    if (k["code"] == "K05") k["code"] = "K40";
  }
  for (Json& d : doc["duties"]) {
    for (Json& t : d["tasks"]) {
      for (Json& r : t["knowledge"]) {
        if (r == "K05") r = "K40";
      }
    }
  }
  doc["duties"][7]["name"] = "網路安全治理";
  return doc;
}

struct Fixture {
  Json old_doc, new_doc;
  std::string old_text, new_text;
  StandardView old_view, new_view;
  StandardView unrelated_view;
};

const Fixture& Data() {
  static const Fixture* f = [] {
    auto* f = new Fixture;
    f->old_doc = Repeat(Load("INM3513-001v4"), 7);
    f->new_doc = NextVersion(f->old_doc);
    f->old_text = f->old_doc.dump();
    f->new_text = f->new_doc.dump();
    f->old_view = ViewOf(f->old_doc);
    f->new_view = ViewOf(f->new_doc);
    f->unrelated_view = ViewOf(Repeat(Load("IIS3513-001v4"), 7));
    return f;
  }();
  return *f;
}

void BM_ParseJson(benchmark::State& state) {
  const Fixture& f = Data();
  for (auto _ : state) {
    benchmark::DoNotOptimize(Json::parse(f.old_text));
    benchmark::DoNotOptimize(Json::parse(f.new_text));
  }
}
BENCHMARK(BM_ParseJson)->Unit(benchmark::kMillisecond);

void BM_DiffStandards(benchmark::State& state) {
  const Fixture& f = Data();
  size_t changes = 0;
  for (auto _ : state) changes = DiffStandards(f.old_view, f.new_view, {}).size();
  state.counters["tasks"] = static_cast<double>(f.new_view.tasks.size());
  state.counters["changes"] = static_cast<double>(changes);
}
BENCHMARK(BM_DiffStandards)->Unit(benchmark::kMillisecond);

// What `docpipe diff a.json b.json` does after reading the files.
void BM_ParseViewAndDiff(benchmark::State& state) {
  const Fixture& f = Data();
  for (auto _ : state) {
    StandardView a = ViewOf(Json::parse(f.old_text));
    StandardView b = ViewOf(Json::parse(f.new_text));
    benchmark::DoNotOptimize(DiffStandards(a, b, {}));
  }
}
BENCHMARK(BM_ParseViewAndDiff)->Unit(benchmark::kMillisecond);

void BM_NaiveAllPairs(benchmark::State& state) {
  const Fixture& f = Data();
  std::vector<std::u32string> a, b;
  for (const LeafView& l : f.old_view.indicators) a.push_back(unicode::ToCodePoints(unicode::FoldKey(l.text)));
  for (const LeafView& l : f.new_view.indicators) b.push_back(unicode::ToCodePoints(unicode::FoldKey(l.text)));
  for (auto _ : state) {
    double sum = 0;
    for (const auto& x : a) {
      for (const auto& y : b) sum += Similarity(x, y);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.counters["pairs"] = static_cast<double>(a.size() * b.size());
}
BENCHMARK(BM_NaiveAllPairs)->Unit(benchmark::kMillisecond);

// Worst case: two unrelated standards, nothing pairs exactly, every
// remaining pair is scored.
void BM_DiffUnrelatedStandards(benchmark::State& state) {
  const Fixture& f = Data();
  for (auto _ : state) benchmark::DoNotOptimize(DiffStandards(f.old_view, f.unrelated_view, {}));
  state.counters["new_tasks"] = static_cast<double>(f.unrelated_view.tasks.size());
}
BENCHMARK(BM_DiffUnrelatedStandards)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace docpipe::diff

BENCHMARK_MAIN();
