#include "batch/batch_runner.h"
#include "batch/index_record.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace docpipe {
namespace {
namespace fs = std::filesystem;

// Regression (issue 14): index.jsonl counted top-level outline nodes only
// (80 for a document of 817 nodes).
TEST(SummarizeDocument, OutlineCountsNodesAtEveryDepth) {
  // 壹、 > 一、 > (一), 壹、 > 二、, 貳、: five nodes, two at the top.
  using Json = nlohmann::ordered_json;
  Json doc = {{"document_type", "generic_document"}, {"source", {{"sha256", "5e"}}},
              {"paragraphs", Json::array()}, {"tables", Json::array()},
              {"captions", Json::array()},           {"action_plans", Json::array()}, {"warnings", Json::array()},
              {"unparsed", {{{"text", "x"}}}}};
  auto node = [](const char* label, Json children) {
    return Json{{"label", label}, {"children", std::move(children)}};
  };
  doc["outline"] = {node("壹、", {node("一、", {node("(一)", Json::array())}), node("二、", Json::array())}),
                    node("貳、", Json::array())};
  Result<DocumentSummary> summary = SummarizeDocument(doc);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->counts.at("outline"), 5);
  EXPECT_EQ(summary->counts.at("paragraphs"), 0);
  EXPECT_EQ(summary->unparsed, 1);
  EXPECT_EQ(summary->code, "");
}

// A standard's tasks, outputs and indicators are summed over its duties.
TEST(SummarizeDocument, CountsTasksOutputsAndIndicatorsOverAllDuties) {
  using Json = nlohmann::ordered_json;
  auto task = [](int outputs, int indicators) {
    return Json{{"outputs", Json(std::vector<int>(outputs, 0))}, {"indicators", Json(std::vector<int>(indicators, 0))}};
  };
  Json doc = {{"document_type", "competency_standard"},
              {"source", {{"sha256", "5e"}}},
              {"code", "IIS3513-001v4"},
              {"duties", {{{"tasks", {task(1, 2), task(0, 3)}}}, {{"tasks", {task(2, 1)}}}, {{"tasks", Json::array()}}}},
              {"knowledge", {1, 2}},
              {"skills", Json::array()},
              {"attitudes", {1}},
              {"warnings", {1, 2, 3}},
              {"unparsed", Json::array()}};
  Result<DocumentSummary> summary = SummarizeDocument(doc);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->code, "IIS3513-001v4");
  EXPECT_EQ(summary->input_sha256, "5e");
  const std::map<std::string, int> expected = {{"duties", 3},    {"tasks", 3},  {"outputs", 3},  {"indicators", 6},
                                               {"knowledge", 2}, {"skills", 0}, {"attitudes", 1}};
  EXPECT_EQ(summary->counts, expected);
  EXPECT_EQ(summary->warnings, 3);
  EXPECT_EQ(summary->unparsed, 0);
}

// What is no docpipe document is said to be none, with where it breaks.
TEST(SummarizeDocument, RefusesWhatIsNoDocpipeDocument) {
  using Json = nlohmann::ordered_json;
  const Json source = {{"sha256", "5e"}};
  const std::vector<std::pair<Json, std::string>> cases = {
      {Json::array(), "not a JSON object"},
      {Json{{"document_type", 3}}, "no document_type"},
      {Json{{"document_type", "policy_document"}, {"source", {{"path", "x"}}}}, "no source.sha256"},
      {Json{{"document_type", "layout"}, {"source", source}}, "document_type \"layout\""},
      {Json{{"document_type", "competency_standard"}, {"source", source}, {"code", "X"}, {"duties", {1}}},
       "$.duties[] is not an object"},
      {Json{{"document_type", "competency_standard"}, {"source", source}, {"code", "X"}, {"duties", {{{"tasks", 1}}}}},
       "$.duties[].tasks is not an array"},
      {Json{{"document_type", "policy_document"}, {"source", source}, {"outline", Json::array()}},
       "$.paragraphs is not an array"},
      {Json{{"document_type", "policy_document"}, {"source", source}, {"outline", {{{"label", "壹、"}}}}},
       "children is not an array"},
  };
  for (const auto& [doc, why] : cases) {
    Result<DocumentSummary> summary = SummarizeDocument(doc);
    ASSERT_FALSE(summary.ok()) << doc.dump();
    EXPECT_NE(summary.status().message().find(why), std::string::npos) << summary.status().ToString();
  }
}

// The line a worker ends its stderr with reads back as written; the last
// one counts (a document's own text can never end stderr after it); a line
// that is cut, not JSON, or has a member missing or of another type is no
// summary, and the run then reads the output itself.
TEST(IndexSummaryLine, ReadsBackTheLastWholeLineOnly) {
  WorkerSummary written;
  written.output_sha256 = "ab12";
  written.document.input_sha256 = "cd34";
  written.document.document_type = "competency_standard";
  written.document.code = "IIS3513-001v4";
  written.document.counts = {{"duties", 5}, {"tasks", 14}};
  written.document.warnings = 2;
  written.document.unparsed = 1;
  const std::string line = IndexSummaryLine(written);
  ASSERT_EQ(line.rfind(kIndexSummaryPrefix, 0), 0u) << line;
  WorkerSummary other = written;
  other.document.code = "other";
  std::optional<WorkerSummary> read = FindIndexSummaryLine("noise\n" + IndexSummaryLine(other) + "\n" + line + "\n");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->output_sha256, "ab12");
  EXPECT_EQ(read->document.input_sha256, "cd34");
  EXPECT_EQ(read->document.document_type, "competency_standard");
  EXPECT_EQ(read->document.code, "IIS3513-001v4");
  EXPECT_EQ(read->document.counts, written.document.counts);
  EXPECT_EQ(read->document.warnings, 2);
  EXPECT_EQ(read->document.unparsed, 1);
  const std::string p = kIndexSummaryPrefix;
  for (const std::string& bad :
       {std::string(""), line, "x" + line + "\n", p + "{\n", p + "[]\n",
        p + R"({"input_sha256":"a","output_sha256":"b","document_type":"t","code":"c","counts":{},"warnings":1})" + "\n",
        p + R"({"input_sha256":"a","output_sha256":"b","document_type":"t","code":"c","counts":{"x":1.5},"warnings":1,"unparsed":0})" + "\n",
        p + R"({"input_sha256":1,"output_sha256":"b","document_type":"t","code":"c","counts":{},"warnings":1,"unparsed":0})" + "\n"}) {
    EXPECT_FALSE(FindIndexSummaryLine(bad).has_value()) << bad;
  }
}

TEST(OutputNames, StripExtensionUnlessTwoInputsShareAStem) {
  EXPECT_EQ(OutputNames({"a/x.pdf", "a/x.txt", "b/y.txt"}),
            (std::vector<std::string>{"a/x.pdf.json", "a/x.txt.json", "b/y.json"}));
}

TEST(ParseIndexLines, ReportsBrokenAndDeeplyNestedLinesKeepsTheLastRecordPerPath) {
  IndexRecord a;
  a.path = "a.txt";
  a.sha256 = "1";
  a.status = "ok";
  a.tool_version = "v";
  IndexRecord a2 = a;
  a2.sha256 = "2";
  std::string text = a.ToJson().dump() + "\n" + std::string(100000, '[') + std::string(100000, ']') + "\n" +
                     "{\"path\": \"half" + "\n" + R"({"path": 5, "output": "", "sha256": "", "status": "ok", "tool_version": ""})" +
                     "\n" + a2.ToJson().dump();
  IndexLoad load;
  ParseIndexLines(text, "index.jsonl", &load);
  ASSERT_EQ(load.records.size(), 1u);
  EXPECT_EQ(load.records["a.txt"].sha256, "2");
  ASSERT_EQ(load.bad_lines.size(), 3u);
  EXPECT_EQ(load.bad_lines[0].rfind("index.jsonl line 2: ", 0), 0u) << load.bad_lines[0];
  EXPECT_EQ(load.bad_lines[2].rfind("index.jsonl line 4: not an index record", 0), 0u) << load.bad_lines[2];
}

// Regression (issue 16, found by index_record_fuzzer's budget hour): a count
// written as 4.9e94 was cast to int (undefined behaviour, UBSan's report);
// 2.5 and 2^40 came back as other numbers. A count, the warnings, the
// unparsed and the exit code are integers within int's range, or the line
// is no index record. The counter-examples: the largest and smallest ints,
// and fields left out, are read.
TEST(ParseIndexLines, ACountThatIsNoIntMakesTheLineNoRecord) {
  const std::string head = R"({"path": "a.txt", "output": "", "sha256": "", "status": "ok", "tool_version": "v", )";
  const std::vector<std::string> bad = {
      R"("counts": {"indicators": 4.9e94})", R"("counts": {"tasks": 2.5})", R"("counts": {"tasks": 1099511627776})",
      R"("counts": [1])",                    R"("warnings": 1e300)",        R"("unparsed": -2147483649)",
      R"("exit_code": "0")",                 R"("counts": {"tasks": null})"};
  for (const std::string& field : bad) {
    IndexLoad load;
    ParseIndexLines(head + field + "}", "index.jsonl", &load);
    EXPECT_TRUE(load.records.empty()) << field;
    ASSERT_EQ(load.bad_lines.size(), 1u) << field;
    EXPECT_EQ(load.bad_lines[0], "index.jsonl line 1: not an index record") << field;
  }
  IndexLoad load;
  ParseIndexLines(head + R"("counts": {"tasks": 2147483647}, "exit_code": -2147483648})" + "\n" +
                      R"({"path": "b.txt", "output": "", "sha256": "", "status": "ok", "tool_version": "v"})",
                  "index.jsonl", &load);
  EXPECT_TRUE(load.bad_lines.empty());
  ASSERT_EQ(load.records.size(), 2u);
  EXPECT_EQ(load.records["a.txt"].counts["tasks"], 2147483647);
  EXPECT_EQ(load.records["a.txt"].exit_code, -2147483648);
  EXPECT_TRUE(load.records["b.txt"].counts.empty());
  EXPECT_EQ(load.records["b.txt"].warnings, 0);
}

TEST(FindInputs, RecursiveSortedSkipsHiddenAndOutputFolder) {
  fs::path root = fs::temp_directory_path() / ("docpipe_find_" + std::to_string(::getpid()));
  fs::remove_all(root);
  for (const char* p : {"b/one.PDF", "a/two.txt", ".hidden/three.txt", "out/four.txt", "five.json"}) {
    fs::create_directories((root / p).parent_path());
    std::ofstream(root / p) << "x";
  }
  Result<InputTree> tree = FindInputs(root.string(), (root / "out").string());
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->inputs, (std::vector<std::string>{"a/two.txt", "b/one.PDF"}));
  EXPECT_TRUE(tree->unreadable.empty());
  EXPECT_FALSE(FindInputs((root / "missing").string(), "").ok());
  fs::remove_all(root);
}

TEST(FindInputs, PicksUpMarkdownAndHtml) {
  fs::path root = fs::temp_directory_path() / ("docpipe_find_markup_" + std::to_string(::getpid()));
  fs::remove_all(root);
  for (const char* p : {"a.md", "b.markdown", "c.HTML", "d.htm.bak", "e.mdx", "f.txt"}) {
    fs::create_directories(root);
    std::ofstream(root / p) << "x";
  }
  Result<InputTree> tree = FindInputs(root.string(), "");
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->inputs, (std::vector<std::string>{"a.md", "b.markdown", "c.HTML", "f.txt"}));
  fs::remove_all(root);
}

TEST(RunBatch, ForceRedoesAndChangedInputIsReprocessed) {
  fs::path root = fs::temp_directory_path() / ("docpipe_batch_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "in");
  fs::copy_file(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text/IIS3513-001v4.txt", root / "in" / "s.txt");
  BatchOptions options;
  options.input_dir = (root / "in").string();
  options.output_dir = (root / "out").string();
  options.isolation = Isolation::kThread;
  ASSERT_EQ(RunBatch(options, nullptr)->ok, 1);
  auto slurp = [&] {
    std::ifstream in(root / "out" / "index.jsonl");
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  std::string index = slurp();
  EXPECT_EQ(RunBatch(options, nullptr)->unchanged, 1);
  EXPECT_EQ(slurp(), index);  // a re-run that skips everything leaves the index as it was
  std::ofstream(root / "in" / "s.txt", std::ios::app) << "\n";
  EXPECT_EQ(RunBatch(options, nullptr)->ok, 1);  // sha256 changed
  options.force = true;
  EXPECT_EQ(RunBatch(options, nullptr)->ok, 1);
  EXPECT_FALSE(fs::exists(root / "out" / ".docpipe-journal.jsonl"));
  fs::remove_all(root);
}

// Regression: `run --password` put the password on every worker's command
// line, which `ps` shows to every user of the machine. The worker here is a
// script that records its arguments (what `ps` shows) and what it reads on
// the descriptor it is told of.
TEST(RunBatch, WorkersCommandLineDoesNotHoldThePassword) {
  fs::path root = fs::temp_directory_path() / ("docpipe_password_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "in");
  std::ofstream(root / "in" / "a.txt") << "x\n";
  const fs::path worker = root / "worker.sh";
  std::ofstream(worker) << "#!/bin/sh\n"
                        << "printf '%s\\n' \"$0\" \"$@\" > '" << (root / "args").string() << "'\n"
                        << "fd=''; prev=''\n"
                        << "for a in \"$@\"; do [ \"$prev\" = --password-fd ] && fd=$a; prev=$a; done\n"
                        << "[ -n \"$fd\" ] && eval \"cat <&$fd\" > '" << (root / "password").string() << "'\n"
                        << "exit 4\n";
  fs::permissions(worker, fs::perms::owner_all);
  BatchOptions options;
  options.input_dir = (root / "in").string();
  options.output_dir = (root / "out").string();
  options.self_executable = worker.string();
  options.password = "s3cret-Pw";
  Result<BatchSummary> summary = RunBatch(options, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string args = slurp(root / "args");
  EXPECT_NE(args.find("normalize"), std::string::npos) << args;
  EXPECT_EQ(args.find("s3cret-Pw"), std::string::npos) << args;
  EXPECT_NE(args.find("--password-fd"), std::string::npos) << args;
  EXPECT_EQ(slurp(root / "password"), "s3cret-Pw\n");
  fs::remove_all(root);
}

// A worker server that does not answer its handshake (here a program that
// is none: it exits at once) leaves the run to one spawned worker per
// document, as before servers existed; no command line holds the password.
TEST(RunBatch, WithoutAnAnsweringWorkerServerEachDocumentGetsItsOwnProcess) {
  fs::path root = fs::temp_directory_path() / ("docpipe_no_server_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "in");
  std::ofstream(root / "in" / "a.txt") << "x\n";
  std::ofstream(root / "in" / "b.txt") << "y\n";
  const fs::path worker = root / "worker.sh";
  std::ofstream(worker) << "#!/bin/sh\n"
                        << "echo \"$*\" >> '" << (root / "args").string() << "'\n"
                        << "fd=''; prev=''\n"
                        << "for a in \"$@\"; do [ \"$prev\" = --password-fd ] && fd=$a; prev=$a; done\n"
                        << "[ -n \"$fd\" ] && eval \"cat <&$fd\" >> '" << (root / "password").string() << "'\n"
                        << "exit 4\n";
  fs::permissions(worker, fs::perms::owner_all);
  BatchOptions options;
  options.input_dir = (root / "in").string();
  options.output_dir = (root / "out").string();
  options.self_executable = worker.string();
  options.worker_server_args = {"__worker-server"};
  options.password = "s3cret-Pw";
  options.jobs = 1;
  Result<BatchSummary> summary = RunBatch(options, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->failed, 2);
  ASSERT_EQ(summary->records.size(), 2u);
  EXPECT_EQ(summary->records[0].error, "worker exited with code 4");
  EXPECT_EQ(summary->records[0].exit_code, 4);
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string args = slurp(root / "args");
  // One server tried (once for the thread), then one worker per document.
  std::istringstream lines(args);
  std::vector<std::string> calls;
  for (std::string line; std::getline(lines, line);) calls.push_back(line);
  ASSERT_EQ(calls.size(), 3u) << args;
  EXPECT_EQ(calls[0].rfind("__worker-server --parent-pid ", 0), 0u) << args;
  EXPECT_EQ(calls[1].rfind("normalize ", 0), 0u) << args;
  EXPECT_EQ(calls[2].rfind("normalize ", 0), 0u) << args;
  EXPECT_EQ(args.find("s3cret-Pw"), std::string::npos) << args;
  EXPECT_EQ(slurp(root / "password"), "s3cret-Pw\ns3cret-Pw\n");
  fs::remove_all(root);
}

}  // namespace
}  // namespace docpipe
