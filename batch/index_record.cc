#include "batch/index_record.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>

#include "common/json_parse.h"

namespace docpipe {
namespace fs = std::filesystem;
namespace {

// An int field of a record read back: a JSON integer within int's range.
// nlohmann's get<int> casts whatever number it meets, so a float beyond
// int's range (4.9e94, the fuzzer's find) was undefined behaviour, and 2.5
// or 2^40 came back as another number than the line holds.
std::optional<int> IntValue(const nlohmann::json& value) {
  if (value.is_number_unsigned()) {
    const uint64_t u = value.get<uint64_t>();
    if (u <= static_cast<uint64_t>(std::numeric_limits<int>::max())) return static_cast<int>(u);
  } else if (value.is_number_integer()) {
    const int64_t i = value.get<int64_t>();
    if (i >= std::numeric_limits<int>::min() && i <= std::numeric_limits<int>::max()) return static_cast<int>(i);
  }
  return std::nullopt;
}

// The field `key` of `j` into *out when it is an int, `fallback` when the
// record has no such field; false when it holds anything else.
bool ReadInt(const nlohmann::json& j, const char* key, int fallback, int* out) {
  const auto it = j.find(key);
  if (it == j.end()) {
    *out = fallback;
    return true;
  }
  const std::optional<int> value = IntValue(*it);
  if (value) *out = *value;
  return value.has_value();
}

}  // namespace

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
    if (const auto counts = j.find("counts"); counts != j.end()) {
      if (!counts->is_object()) return std::nullopt;
      for (const auto& [name, value] : counts->items()) {
        const std::optional<int> count = IntValue(value);
        if (!count) return std::nullopt;
        r.counts[name] = *count;
      }
    }
    if (!ReadInt(j, "warnings", 0, &r.warnings) || !ReadInt(j, "unparsed", 0, &r.unparsed) ||
        !ReadInt(j, "exit_code", 0, &r.exit_code)) {
      return std::nullopt;
    }
    r.error = j.value("error", "");
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
