// Golden test: the main job (docpipe run samples -o DIR) must reproduce the
// committed out/ exactly. On a difference it prints the JSON paths that
// differ with both values. To accept an intended change, regenerate out/
// with the README's main command and review `git diff out/`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/cli/run_command.h"

namespace docpipe {
namespace {
namespace fs = std::filesystem;

nlohmann::json Load(const fs::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in, nullptr, false);
}

// index.jsonl, one record per line.
nlohmann::json LoadIndex(const fs::path& p) {
  nlohmann::json all = nlohmann::json::array();
  std::ifstream in(p);
  std::string line;
  while (std::getline(in, line)) {
    all.push_back(nlohmann::json::parse(line, nullptr, false));
  }
  return all;
}

// The run's outputs below root. The catalogue that `docpipe export` adds
// to out/ (catalogue.sqlite, export/) is not part of the run and is not
// committed, so a checkout that built it still compares equal.
std::set<std::string> Files(const fs::path& root) {
  std::set<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string name = fs::relative(e.path(), root).generic_string();
    if (name == "catalogue.sqlite" || name.rfind("export/", 0) == 0) continue;
    files.insert(name);
  }
  return files;
}

std::string Explain(const nlohmann::json& expected, const nlohmann::json& actual) {
  nlohmann::json patch = nlohmann::json::diff(expected, actual);
  std::string out;
  int shown = 0;
  for (const auto& op : patch) {
    if (++shown > 15) {
      out += "  ... " + std::to_string(patch.size() - 15) + " more\n";
      break;
    }
    std::string path = op["path"];
    out += "  " + op["op"].get<std::string>() + " " + path;
    if (op["op"] != "remove") {
      out += "\n    expected: " + (expected.contains(nlohmann::json::json_pointer(path))
                                       ? expected[nlohmann::json::json_pointer(path)].dump()
                                       : std::string("(absent)"));
      out += "\n    actual:   " + op["value"].dump();
    }
    out += "\n";
  }
  return out;
}

TEST(Golden, MainJobReproducesCommittedOut) {
  const fs::path source = DOCPIPE_SOURCE_DIR;
  const fs::path fresh = fs::temp_directory_path() / ("docpipe_golden_" + std::to_string(::getpid()));
  fs::remove_all(fresh);
  // Relative paths, from the repository root, as the README's command runs.
  testing::CommandResult r = testing::RunCommand("cd " + testing::Quote(source.string()) + " && " + DOCPIPE_BINARY +
                                                 " run samples -q -o " + testing::Quote(fresh.string()));
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 10) << r.output;
  std::set<std::string> expected = Files(source / "out");
  std::set<std::string> actual = Files(fresh);
  EXPECT_EQ(actual, expected) << "the set of output files differs from out/";
  for (const std::string& name : expected) {
    if (!actual.count(name)) continue;
    bool index = name == "index.jsonl";
    nlohmann::json want = index ? LoadIndex(source / "out" / name) : Load(source / "out" / name);
    nlohmann::json got = index ? LoadIndex(fresh / name) : Load(fresh / name);
    EXPECT_TRUE(want == got) << "out/" << name << " differs:\n" << Explain(want, got);
  }
  fs::remove_all(fresh);
}

}  // namespace
}  // namespace docpipe
