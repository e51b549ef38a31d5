#include "batch/index_record.h"

#include <fstream>

#include "common/json_parse.h"

namespace docpipe {

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

void ParseIndexLines(std::string_view text, std::map<std::string, IndexRecord>* index) {
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    // Depth-limited: a hostile line nested 100,000 deep must not overflow the stack.
    Result<nlohmann::json> j = ParseUntrustedJson(line);
    if (!j.ok()) continue;
    if (std::optional<IndexRecord> r = IndexRecord::FromJson(*j)) (*index)[r->path] = *r;
  }
}

std::map<std::string, IndexRecord> LoadIndex(const std::vector<std::string>& files) {
  std::map<std::string, IndexRecord> index;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ParseIndexLines(text, &index);
  }
  return index;
}

std::map<std::string, int> CountItems(const nlohmann::json& doc) {
  std::map<std::string, int> counts;
  auto size_of = [&](const char* key) {
    auto it = doc.find(key);
    return it != doc.end() && it->is_array() ? static_cast<int>(it->size()) : 0;
  };
  if (doc.value("document_type", "") == "competency_standard") {
    int tasks = 0, outputs = 0, indicators = 0;
    for (const auto& duty : doc["duties"]) {
      for (const auto& task : duty["tasks"]) {
        ++tasks;
        outputs += static_cast<int>(task["outputs"].size());
        indicators += static_cast<int>(task["indicators"].size());
      }
    }
    counts["duties"] = size_of("duties");
    counts["tasks"] = tasks;
    counts["outputs"] = outputs;
    counts["indicators"] = indicators;
    counts["knowledge"] = size_of("knowledge");
    counts["skills"] = size_of("skills");
    counts["attitudes"] = size_of("attitudes");
  } else {
    for (const char* key : {"outline", "paragraphs", "tables", "captions", "action_plans"}) {
      if (doc.contains(key)) counts[key] = size_of(key);
    }
  }
  return counts;
}

}  // namespace docpipe
