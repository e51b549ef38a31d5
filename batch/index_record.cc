#include "batch/index_record.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "common/json_parse.h"

namespace docpipe {
namespace fs = std::filesystem;

nlohmann::ordered_json IndexRecord::ToJson() const {
  nlohmann::ordered_json j;
  j["path"] = path;
  j["output"] = output;
  j["sha256"] = sha256;
  j["output_sha256"] = output_sha256;
  j["status"] = status;
  j["document_type"] = document_type;
  j["code"] = code;
  j["counts"] = counts;
  j["warnings"] = warnings;
  j["unparsed"] = unparsed;
  j["error"] = error;
  j["exit_code"] = exit_code;
  j["tool_version"] = tool_version;
  return j;
}

std::optional<IndexRecord> IndexRecord::FromJson(const nlohmann::json& j) {
  if (!j.is_object()) return std::nullopt;
  IndexRecord r;
  try {
    r.path = j.at("path").get<std::string>();
    r.output = j.at("output").get<std::string>();
    r.sha256 = j.at("sha256").get<std::string>();
    r.output_sha256 = j.value("output_sha256", "");
    r.status = j.at("status").get<std::string>();
    r.document_type = j.value("document_type", "");
    r.code = j.value("code", "");
    r.counts = j.value("counts", std::map<std::string, int>{});
    r.warnings = j.value("warnings", 0);
    r.unparsed = j.value("unparsed", 0);
    r.error = j.value("error", "");
    r.exit_code = j.value("exit_code", 0);
    r.tool_version = j.at("tool_version").get<std::string>();
    r.seconds = j.value("seconds", 0.0);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  return r;
}

void ParseIndexLines(std::string_view text, std::string_view name, IndexLoad* load) {
  int number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    const std::string where = std::string(name) + " line " + std::to_string(number);
    // Depth-limited: a hostile line nested 100,000 deep must not overflow the stack.
    Result<nlohmann::json> j = ParseUntrustedJson(line);
    if (!j.ok()) {
      load->bad_lines.push_back(where + ": " + j.status().message());
      continue;
    }
    std::optional<IndexRecord> r = IndexRecord::FromJson(*j);
    if (!r) {
      load->bad_lines.push_back(where + ": not an index record");
      continue;
    }
    load->records[r->path] = *r;
  }
}

IndexLoad LoadIndex(const std::vector<std::string>& files) {
  IndexLoad load;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ParseIndexLines(text, fs::path(file).filename().string(), &load);
  }
  return load;
}

std::map<std::string, int> CountItems(const Document& doc) {
  std::map<std::string, int> counts;
  auto size = [](const auto& v) { return static_cast<int>(v.size()); };
  if (doc.standard) {
    const CompetencyStandard& s = *doc.standard;
    int tasks = 0, outputs = 0, indicators = 0;
    for (const Duty& duty : s.duties) {
      for (const Task& task : duty.tasks) {
        ++tasks;
        outputs += size(task.outputs);
        indicators += size(task.indicators);
      }
    }
    counts["duties"] = size(s.duties);
    counts["tasks"] = tasks;
    counts["outputs"] = outputs;
    counts["indicators"] = indicators;
    counts["knowledge"] = size(s.knowledge);
    counts["skills"] = size(s.skills);
    counts["attitudes"] = size(s.attitudes);
  } else if (doc.policy) {
    const PolicyDocument& p = *doc.policy;
    // Outline nodes at every depth: the top level alone says little (80 of
    // 817 nodes in a gazette).
    counts["outline"] = size(p.outline);
    counts["paragraphs"] = size(p.paragraphs);
    counts["tables"] = size(p.tables);
    counts["captions"] = size(p.captions);
    counts["action_plans"] = size(p.action_plans);
  }
  return counts;
}

}  // namespace docpipe
