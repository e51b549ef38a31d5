// The docpipe binary as a user meets it: exit codes, one-line messages that
// name the file and the reason, and no output file when anything fails.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tests/cli/run_command.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;
const std::string kSamples = std::string(DOCPIPE_SOURCE_DIR) + "/samples";

class CliTest : public testing::TempDirTest {};

TEST_F(CliTest, UnknownTextBecomesAGenericDocument) {
  std::string in = Write("novel.txt", "從前有一座山。\n山上有一座廟。\n");
  std::string out = (dir_ / "novel.json").string();
  testing::CommandResult r = RunCommand(kDocpipe + " normalize " + Quote(in) + " -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream file(out);
  nlohmann::json doc = nlohmann::json::parse(file);
  EXPECT_EQ(doc["document_type"], "generic_document");
  EXPECT_EQ(doc["paragraphs"][0]["text"], "從前有一座山。");
  EXPECT_EQ(doc["paragraphs"][1]["text"], "山上有一座廟。");
}

struct BadInputCase {
  const char* name;
  std::string bytes;
  int exit_code;
  const char* reason;
};

TEST_F(CliTest, BadInputGivesOneLineExitCodeAndNoOutput) {
  const BadInputCase cases[] = {
      {"empty.txt", "", 4, "empty file"},
      {"binary.txt", std::string("\x7f" "ELF\0\0\1", 7), 4, "NUL byte"},
      {"latin1.txt", "職能基準 caf\xe9\n", 4, "not UTF-8"},
  };
  for (const BadInputCase& c : cases) {
    std::string in = Write(c.name, c.bytes);
    std::string out = (dir_ / (std::string(c.name) + ".json")).string();
    testing::CommandResult r = RunCommand(kDocpipe + " normalize " + Quote(in) + " -o " + Quote(out));
    EXPECT_EQ(r.exit_code, c.exit_code) << c.name << ": " << r.output;
    EXPECT_NE(r.output.find(in), std::string::npos) << "message must name the file: " << r.output;
    EXPECT_NE(r.output.find(c.reason), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
    EXPECT_FALSE(fs::exists(out)) << c.name;
  }
}

TEST_F(CliTest, MissingInputIsExitCode3) {
  testing::CommandResult r = RunCommand(kDocpipe + " normalize " + Quote((dir_ / "nope.txt").string()));
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("no such file"), std::string::npos);
}

TEST_F(CliTest, UsageErrorIsExitCode2) {
  EXPECT_EQ(RunCommand(kDocpipe + " normalize").exit_code, 2);
  EXPECT_EQ(RunCommand(kDocpipe + " frobnicate").exit_code, 2);
  EXPECT_EQ(RunCommand(kDocpipe).exit_code, 2);
}

TEST_F(CliTest, VersionAndHelp) {
  testing::CommandResult v = RunCommand(kDocpipe + " --version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.output.find("docpipe "), std::string::npos);
  for (const char* sub : {"normalize", "validate", "extract", "run", "export", "diff"}) {
    testing::CommandResult h = RunCommand(kDocpipe + " " + sub + " --help");
    EXPECT_EQ(h.exit_code, 0) << sub;
    EXPECT_NE(h.output.find("Usage"), std::string::npos) << sub;
  }
}

// DocpipeMain builds only the subcommand argv[1] names (a worker runs it
// once per document): each subcommand --help lists must be found that way
// under its own name, with its own usage line; a name it does not list
// still gets the usage error.
TEST_F(CliTest, EachSubcommandIsBuiltAloneUnderItsOwnName) {
  testing::CommandResult all = RunCommand(kDocpipe + " --help");
  ASSERT_EQ(all.exit_code, 0) << all.output;
  const size_t listed = all.output.find("Subcommands:");
  ASSERT_NE(listed, std::string::npos) << all.output;
  std::stringstream lines(all.output.substr(listed));
  std::string line;
  int checked = 0;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    std::stringstream words(line);
    std::string name;
    if (!(words >> name)) continue;
    testing::CommandResult h = RunCommand(kDocpipe + " " + name + " --help");
    EXPECT_EQ(h.exit_code, 0) << name << "\n" << h.output;
    EXPECT_NE(h.output.find("Usage: " + kDocpipe + " " + name + " "), std::string::npos) << name << "\n" << h.output;
    ++checked;
  }
  EXPECT_GE(checked, 6);
  testing::CommandResult misspelt = RunCommand(kDocpipe + " normalise x.txt");
  EXPECT_EQ(misspelt.exit_code, 2) << misspelt.output;
  EXPECT_NE(misspelt.output.find("A subcommand is required"), std::string::npos) << misspelt.output;
}

TEST_F(CliTest, ExportHelpNamesFormatsAndOutput) {
  testing::CommandResult h = RunCommand(kDocpipe + " export --help");
  EXPECT_EQ(h.exit_code, 0);
  for (const char* word : {"--format", "sqlite", "csv", "jsonl", "-o,--output", "catalogue.sqlite"}) {
    EXPECT_NE(h.output.find(word), std::string::npos) << word << "\n" << h.output;
  }
}

TEST_F(CliTest, ExportWritesTheCatalogueOrOneLineOnBadDocuments) {
  fs::copy(kSamples + "/../out", dir_ / "run", fs::copy_options::recursive);
  fs::remove(dir_ / "run" / "catalogue.sqlite");
  const std::string db = (dir_ / "c.sqlite").string();
  testing::CommandResult r = RunCommand(kDocpipe + " export " + Quote((dir_ / "run").string()) + " -o " + Quote(db));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // As many documents as the run's index has lines.
  std::ifstream index(kSamples + "/../out/index.jsonl");
  const long documents = std::count(std::istreambuf_iterator<char>(index), std::istreambuf_iterator<char>(), '\n');
  EXPECT_NE(r.output.find("docpipe export: " + std::to_string(documents) + " documents"), std::string::npos)
      << r.output;
  EXPECT_TRUE(fs::exists(db));
  // A document whose task lists a number as a K code: exit 4, one line.
  Write("run/text/INM2529-002v2.json", "{\"document_type\": \"competency_standard\", \"duties\": "
                                       "[{\"code\": \"T1\", \"tasks\": [{\"knowledge\": [1]}]}]}");
  r = RunCommand(kDocpipe + " export " + Quote((dir_ / "run").string()) + " -o " + Quote(db));
  EXPECT_EQ(r.exit_code, 4) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  EXPECT_NE(r.output.find("docpipe export: " + (dir_ / "run" / "text" / "INM2529-002v2.json").string() +
                          ": bad input: "),
            std::string::npos)
      << r.output;
}

// Every command's failure line has one shape, "docpipe COMMAND: FILE: KIND:
// reason", with the file once and first; export used to print the kind
// first ("docpipe export: bad input: FILE: ..."), and a failed write printed
// no file of its own.
TEST_F(CliTest, EveryCommandFailsWithOneLineInTheSameShape) {
  const std::regex shape(
      "docpipe (normalize|extract|validate|diff|run|export): ([^:]+): "
      "(invalid argument|not found|I/O error|bad input|unsupported|encrypted|schema violation|internal error|"
      "limit exceeded): [^\\n]+\\n");
  const std::string missing = (dir_ / "nope.txt").string();
  const std::string not_pdf = Write("not.pdf", "this is no PDF\n");
  const std::string broken = Write("broken.json", "{\"document_type\": ");
  const std::string text = kSamples + "/text/INM2529-002v2.txt";
  const std::string unwritable = "/dev/null/x.json";  // its folder cannot be made
  const std::string run_dir = (dir_ / "run").string();
  fs::create_directories(run_dir);
  Write("run/index.jsonl", "[[[\n");
  struct Case {
    std::string args, command, file;
  };
  const Case cases[] = {
      {"normalize " + Quote(missing), "normalize", missing},
      {"normalize " + Quote(text) + " -o " + Quote(unwritable), "normalize", unwritable},
      {"extract " + Quote(not_pdf), "extract", not_pdf},
      {"extract " + Quote(not_pdf) + " --pages 3-x", "extract", not_pdf},
      {"validate " + Quote(broken), "validate", broken},
      {"diff " + Quote(missing) + " " + Quote(text), "diff", missing},
      {"diff " + Quote(text) + " " + Quote(text) + " -o " + Quote(unwritable), "diff", unwritable},
      {"run " + Quote(missing) + " -o " + Quote((dir_ / "out").string()), "run", missing},
      // Regression: a malformed --shard printed "docpipe run: <message>".
      {"run " + Quote(run_dir) + " --shard 3/2 -o " + Quote((dir_ / "out").string()), "run", run_dir},
      {"normalize " + Quote(text) + " --password-fd 77", "normalize", text},
      {"export " + Quote(run_dir), "export", run_dir + "/index.jsonl"},
      {"export " + Quote(missing), "export", missing + "/index.jsonl"},
  };
  for (const Case& c : cases) {
    testing::CommandResult r = RunCommand(kDocpipe + " " + c.args);
    EXPECT_NE(r.exit_code, 0) << c.args;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(r.output, m, shape)) << c.args << ": " << r.output;
    EXPECT_EQ(m[1].str(), c.command) << r.output;
    EXPECT_EQ(m[2].str(), c.file) << r.output;
  }
}

// An encrypted PDF through `run --password` (its workers get the password
// on a descriptor, not their command line: RunBatch.WorkersCommandLineDoes
// NotHoldThePassword) and through `normalize --password-fd`.
TEST_F(CliTest, PasswordReachesTheReaderFromTheCommandLineOrADescriptor) {
  if (std::system("qpdf --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "qpdf is not installed";
  fs::create_directories(dir_ / "in");
  const std::string locked = (dir_ / "in" / "locked.pdf").string();
  ASSERT_EQ(std::system(("qpdf --encrypt s3cret owner 256 -- " + Quote(kSamples + "/pdf/INM2529-002v2.pdf") + " " +
                         Quote(locked)).c_str()),
            0);
  testing::CommandResult run = RunCommand(kDocpipe + " run -q -j 1 " + Quote((dir_ / "in").string()) +
                                          " --password s3cret -o " + Quote((dir_ / "out").string()));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "locked.json")) << run.output;
  // One worker serving several documents gets the password anew for each.
  fs::create_directories(dir_ / "many");
  fs::copy_file(locked, dir_ / "many" / "a-locked.pdf");
  fs::copy_file(kSamples + "/text/IIS3513-001v4.txt", dir_ / "many" / "b-text.txt");
  fs::copy_file(locked, dir_ / "many" / "c-locked.pdf");
  testing::CommandResult many = RunCommand(kDocpipe + " run -q -j 1 " + Quote((dir_ / "many").string()) +
                                           " --password s3cret -o " + Quote((dir_ / "many-out").string()));
  EXPECT_EQ(many.exit_code, 0) << many.output;
  for (const char* name : {"a-locked.json", "b-text.json", "c-locked.json"}) {
    EXPECT_TRUE(fs::exists(dir_ / "many-out" / name)) << name << ": " << many.output;
  }
  const std::string secret = Write("secret.txt", "s3cret\n");
  testing::CommandResult fd = RunCommand(kDocpipe + " normalize " + Quote(locked) + " --password-fd 3 -o " +
                                         Quote((dir_ / "fd.json").string()) + " 3< " + Quote(secret));
  EXPECT_EQ(fd.exit_code, 0) << fd.output;
  testing::CommandResult none = RunCommand(kDocpipe + " normalize " + Quote(locked) + " -o " +
                                           Quote((dir_ / "none.json").string()));
  EXPECT_EQ(none.exit_code, 6) << none.output;
  testing::CommandResult both = RunCommand(kDocpipe + " normalize " + Quote(locked) + " --password x --password-fd 3");
  EXPECT_EQ(both.exit_code, 2) << both.output;
}

TEST_F(CliTest, HelpNamesMarkdownAndHtmlInputs) {
  testing::CommandResult normalize = RunCommand(kDocpipe + " normalize --help");
  EXPECT_NE(normalize.output.find(".md (Markdown"), std::string::npos) << normalize.output;
  EXPECT_NE(normalize.output.find(".html"), std::string::npos) << normalize.output;
  testing::CommandResult run = RunCommand(kDocpipe + " run --help");
  EXPECT_NE(run.output.find("*.markdown"), std::string::npos) << run.output;
}

// Every option every command's --help lists is documented in the README.
TEST_F(CliTest, EveryOptionOfEveryCommandIsInTheReadme) {
  std::ifstream in(std::string(DOCPIPE_SOURCE_DIR) + "/README.md");
  std::stringstream readme;
  readme << in.rdbuf();
  int checked = 0;
  for (const char* sub : {"normalize", "validate", "extract", "run", "export", "diff"}) {
    testing::CommandResult h = RunCommand(kDocpipe + " " + sub + " --help");
    ASSERT_EQ(h.exit_code, 0) << sub;
    std::stringstream lines(h.output);
    std::string line;
    while (std::getline(lines, line)) {
      // "  -o,--output TEXT  ..." -> every "--name" on the line.
      for (size_t at = line.find("--"); at != std::string::npos; at = line.find("--", at + 2)) {
        size_t end = line.find_first_not_of("abcdefghijklmnopqrstuvwxyz-", at + 2);
        std::string option = line.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (option == "--help" || option.size() < 3) continue;
        ++checked;
        EXPECT_NE(readme.str().find(option), std::string::npos) << sub << " " << option << " is not in README.md";
      }
    }
  }
  EXPECT_GE(checked, 20);
}

// Each failure names the file once: "docpipe COMMAND: FILE: KIND: reason".
TEST_F(CliTest, MissingInputIsNamedOnceByEveryCommand) {
  const std::string missing = (dir_ / "nope.pdf").string();
  for (const std::string& args : {"normalize " + Quote(missing), "extract " + Quote(missing),
                                  "validate " + Quote(missing)}) {
    testing::CommandResult r = RunCommand(kDocpipe + " " + args);
    EXPECT_EQ(r.exit_code, 3) << args << ": " << r.output;
    const std::string command = args.substr(0, args.find(' '));
    EXPECT_EQ(r.output, "docpipe " + command + ": " + missing + ": not found: no such file\n") << args;
  }
}

// Numeric options out of range were accepted (-j -3) or gave nonsense
// ("0 MB exceeds the limit of 0 MB", "outside pages 1-9"); each is now a
// usage error, exit 2, before anything runs.
TEST_F(CliTest, NumericOptionsOutOfRangeAreUsageErrors) {
  std::string in = Write("x.txt", "T1\tx\n");
  const std::string samples = Quote(kSamples + "/text");
  const std::string out = Quote((dir_ / "out").string());
  for (const std::string& args :
       {"run " + samples + " -o " + out + " --timeout -1", "run " + samples + " -o " + out + " --timeout 0",
        "run " + samples + " -o " + out + " -j -3", "run " + samples + " -o " + out + " --max-memory-mb -5",
        "normalize " + Quote(in) + " --max-text-mb -5", "normalize " + Quote(in) + " --max-text-mb 0",
        "normalize " + Quote(in) + " --max-memory-mb -1", "extract " + Quote(in) + " --pages 9-3",
        "extract " + Quote(in) + " --pages 0"}) {
    testing::CommandResult r = RunCommand(kDocpipe + " " + args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.output;
  }
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// A bare `docpipe run` used to process ./samples into ./out.
TEST_F(CliTest, RunRequiresItsInputFolder) {
  testing::CommandResult r = RunCommand("cd " + Quote(dir_.string()) + " && " + kDocpipe + " run");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("input_dir is required"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(CliTest, OcrOptionIsInHelpAndChecked) {
  for (const char* sub : {"normalize", "extract", "run"}) {
    testing::CommandResult h = RunCommand(kDocpipe + " " + sub + " --help");
    EXPECT_NE(h.output.find("--ocr"), std::string::npos) << sub;
    EXPECT_NE(h.output.find("never"), std::string::npos) << sub;
  }
  testing::CommandResult bad =
      RunCommand(kDocpipe + " normalize --ocr sometimes " + Quote(kSamples + "/text/INM2529-002v2.txt"));
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("--ocr"), std::string::npos) << bad.output;
}

TEST_F(CliTest, NormalizeWritesValidJsonThatValidatePasses) {
  std::string out = (dir_ / "s.json").string();
  testing::CommandResult r =
      RunCommand(kDocpipe + " normalize " + Quote(kSamples + "/text/INM2529-002v2.txt") + " -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(r.output.empty()) << r.output;
  std::ifstream in(out);
  nlohmann::json doc = nlohmann::json::parse(in);
  EXPECT_EQ(doc["code"], "INM2529-002v2");
  testing::CommandResult v = RunCommand(kDocpipe + " validate " + Quote(out));
  EXPECT_EQ(v.exit_code, 0) << v.output;
}

TEST_F(CliTest, NormalizeToStdout) {
  testing::CommandResult r = RunCommand(kDocpipe + " normalize --compact " + Quote(kSamples + "/text/IIS3513-001v4.txt"));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(r.output)["name"], "網站管理維護人員");
}

TEST_F(CliTest, ValidateRejectsBrokenDocuments) {
  std::string not_json = Write("a.json", "{oops");
  std::string no_type = Write("b.json", "{\"x\": 1}");
  std::string invalid = Write("c.json", "{\"document_type\": \"competency_standard\"}");
  EXPECT_EQ(RunCommand(kDocpipe + " validate " + Quote(not_json)).exit_code, 4);
  EXPECT_EQ(RunCommand(kDocpipe + " validate " + Quote(no_type)).exit_code, 4);
  testing::CommandResult r = RunCommand(kDocpipe + " validate " + Quote(invalid));
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_NE(r.output.find("schema violation"), std::string::npos) << r.output;
}

TEST_F(CliTest, RunIsolatesFailuresAndResumes) {
  fs::path in = dir_ / "in";
  fs::create_directories(in / "sub");
  fs::copy_file(kSamples + "/text/INM2529-002v2.txt", in / "sub" / "good.txt");
  std::ofstream(in / "zero.pdf") << "";
  std::ofstream(in / "truncated.pdf") << "%PDF-1.7\n1 0 obj\n<<";
  std::ofstream(in / "notes.txt") << "隨手記事\n";
  fs::path out = dir_ / "out";
  testing::CommandResult r = RunCommand(kDocpipe + " run " + Quote(in.string()) + " -o " + Quote(out.string()));
  EXPECT_EQ(r.exit_code, 10) << r.output;
  EXPECT_TRUE(fs::exists(out / "sub" / "good.json"));
  std::ifstream index(out / "index.jsonl");
  std::map<std::string, nlohmann::json> records;
  std::string line;
  while (std::getline(index, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    records[j["path"]] = j;
  }
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records["sub/good.txt"]["status"], "ok");
  EXPECT_EQ(records["sub/good.txt"]["counts"]["tasks"], 12);
  // A text of no known family is read as a generic document (issue 4).
  EXPECT_EQ(records["notes.txt"]["status"], "ok");
  EXPECT_EQ(records["notes.txt"]["document_type"], "generic_document");
  for (const char* bad : {"zero.pdf", "truncated.pdf"}) {
    EXPECT_EQ(records[bad]["status"], "failed") << bad;
    EXPECT_FALSE(records[bad]["error"].get<std::string>().empty()) << bad;
  }
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
  }
  // The second run skips the unchanged good inputs.
  testing::CommandResult again = RunCommand(kDocpipe + " run -q " + Quote(in.string()) + " -o " + Quote(out.string()));
  EXPECT_NE(again.output.find("2 unchanged"), std::string::npos) << again.output;
}

// The per-document time limit: a worker still running at the deadline is
// killed, the input fails with the reason, and no partial output remains.
TEST_F(CliTest, RunKillsAWorkerPastTheTimeLimit) {
  fs::path in = dir_ / "in";
  fs::create_directories(in);
  // 40 pages drawing one 60 MB content stream: far past a one-second limit
  // on any machine (the 181-page gazette, used before, took 0.8 s on an
  // idle one). The worker stops itself at its budget; the kill is the
  // backstop.
  fs::copy_file(std::string(DOCPIPE_SOURCE_DIR) + "/tests/data/hostile/content-stream-bomb.pdf", in / "slow.pdf");
  // A text before it (so that one worker serves both: the budget holds in
  // a reused worker) and one after it (served by a new worker).
  // Small, so that even a sanitizer build reads them well within a second.
  std::ofstream(in / "a-first.txt") << "第一章 前言\n\n為強化國家資通訊安全能力，訂定本方案。\n";
  std::ofstream(in / "z-last.txt") << "第一章 總則\n\n本辦法依法訂定之。\n";
  fs::path out = dir_ / "out";
  testing::CommandResult r =
      RunCommand(kDocpipe + " run -j 1 -q --timeout 1 " + Quote(in.string()) + " -o " + Quote(out.string()));
  EXPECT_EQ(r.exit_code, 10) << r.output;
  EXPECT_NE(r.output.find("limit exceeded"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out / "slow.json"));
  EXPECT_TRUE(fs::exists(out / "a-first.json")) << r.output;
  EXPECT_TRUE(fs::exists(out / "z-last.json")) << r.output;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace docpipe
