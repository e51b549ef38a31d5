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

// The "counts" object of a record or a summary line into *out: false when
// it is no object or a count is no int.
bool ReadCounts(const nlohmann::json& counts, std::map<std::string, int>* out) {
  if (!counts.is_object()) return false;
  for (const auto& [name, value] : counts.items()) {
    const std::optional<int> count = IntValue(value);
    if (!count) return false;
    (*out)[name] = *count;
  }
  return true;
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
    if (const auto counts = j.find("counts"); counts != j.end() && !ReadCounts(*counts, &r.counts)) {
      return std::nullopt;
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

namespace {

using Json = nlohmann::ordered_json;

// The arrays of a document, counted; the first member missing or not an
// array (or an element that is no object where members are looked up)
// makes `status` say so, and every count after it 0.
class ArrayCounter {
 public:
  int Count(const Json& object, const char* key, std::string_view where) {
    const Json* array = Find(object, key, where);
    return array != nullptr ? static_cast<int>(array->size()) : 0;
  }
  // The elements of array `key`, each an object; empty after a failure.
  std::vector<const Json*> Objects(const Json& object, const char* key, std::string_view where) {
    std::vector<const Json*> objects;
    const Json* array = Find(object, key, where);
    if (array == nullptr) return objects;
    for (const Json& element : *array) {
      if (!element.is_object()) {
        Fail(std::string(where) + "." + key + "[] is not an object");
        return {};
      }
      objects.push_back(&element);
    }
    return objects;
  }
  const Status& status() const { return status_; }

 private:
  const Json* Find(const Json& object, const char* key, std::string_view where) {
    if (!status_.ok()) return nullptr;
    auto it = object.find(key);
    if (it == object.end() || !it->is_array()) {
      Fail(std::string(where) + "." + key + " is not an array");
      return nullptr;
    }
    return &*it;
  }
  void Fail(const std::string& what) { status_ = Status::BadInput("not a docpipe document: " + what); }
  Status status_;
};

}  // namespace

Result<DocumentSummary> SummarizeDocument(const Json& doc) {
  if (!doc.is_object()) return Status::BadInput("not a docpipe document: not a JSON object");
  auto type = doc.find("document_type");
  if (type == doc.end() || !type->is_string()) return Status::BadInput("not a docpipe document: no document_type");
  DocumentSummary summary;
  summary.document_type = type->get<std::string>();
  auto source = doc.find("source");
  if (source == doc.end() || !source->is_object() || !source->contains("sha256") || !(*source)["sha256"].is_string()) {
    return Status::BadInput("not a docpipe document: no source.sha256");
  }
  summary.input_sha256 = (*source)["sha256"].get<std::string>();
  ArrayCounter arrays;
  if (summary.document_type == "competency_standard") {
    auto code = doc.find("code");
    if (code == doc.end() || !code->is_string()) return Status::BadInput("not a docpipe document: no code");
    summary.code = code->get<std::string>();
    int tasks = 0, outputs = 0, indicators = 0;
    const std::vector<const Json*> duties = arrays.Objects(doc, "duties", "$");
    for (const Json* duty : duties) {
      for (const Json* task : arrays.Objects(*duty, "tasks", "$.duties[]")) {
        ++tasks;
        outputs += arrays.Count(*task, "outputs", "$.duties[].tasks[]");
        indicators += arrays.Count(*task, "indicators", "$.duties[].tasks[]");
      }
    }
    summary.counts["duties"] = static_cast<int>(duties.size());
    summary.counts["tasks"] = tasks;
    summary.counts["outputs"] = outputs;
    summary.counts["indicators"] = indicators;
    for (const char* key : {"knowledge", "skills", "attitudes"}) summary.counts[key] = arrays.Count(doc, key, "$");
  } else if (summary.document_type == "policy_document" || summary.document_type == "generic_document") {
    // Outline nodes at every depth, the top-level ones and their children's
    // trees: the top level alone says little (80 of 817 nodes in a gazette).
    // A stack, not recursion: the tree may be as deep as the parser allowed.
    int nodes = 0;
    std::vector<const Json*> open = arrays.Objects(doc, "outline", "$");
    while (!open.empty()) {
      const Json* node = open.back();
      open.pop_back();
      ++nodes;
      for (const Json* child : arrays.Objects(*node, "children", "$.outline[]..")) open.push_back(child);
    }
    summary.counts["outline"] = nodes;
    for (const char* key : {"paragraphs", "tables", "captions", "action_plans"}) {
      summary.counts[key] = arrays.Count(doc, key, "$");
    }
  } else {
    return Status::BadInput("not a docpipe document (document_type \"" + summary.document_type + "\")");
  }
  summary.warnings = arrays.Count(doc, "warnings", "$");
  summary.unparsed = arrays.Count(doc, "unparsed", "$");
  if (!arrays.status().ok()) return arrays.status();
  return summary;
}

std::string IndexSummaryLine(const WorkerSummary& summary) {
  const DocumentSummary& d = summary.document;
  nlohmann::ordered_json line = {{"input_sha256", d.input_sha256},   {"output_sha256", summary.output_sha256},
                                 {"document_type", d.document_type}, {"code", d.code},
                                 {"counts", d.counts},               {"warnings", d.warnings},
                                 {"unparsed", d.unparsed}};
  return kIndexSummaryPrefix + line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<WorkerSummary> FindIndexSummaryLine(std::string_view text) {
  const std::string_view prefix = kIndexSummaryPrefix;
  size_t at = std::string_view::npos;
  for (size_t from = 0; (from = text.find(prefix, from)) != std::string_view::npos; from += prefix.size()) {
    if (from == 0 || text[from - 1] == '\n') at = from;
  }
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = text.substr(at + prefix.size());
  const size_t end = rest.find('\n');
  if (end == std::string_view::npos) return std::nullopt;  // cut: the line was never ended
  Result<nlohmann::json> json = ParseUntrustedJson(rest.substr(0, end));
  if (!json.ok() || !json->is_object()) return std::nullopt;
  auto text_of = [&](const char* key, std::string* out) {
    auto it = json->find(key);
    if (it == json->end() || !it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  auto int_of = [&](const char* key, int* out) {
    auto it = json->find(key);
    std::optional<int> value = it == json->end() ? std::nullopt : IntValue(*it);
    if (value) *out = *value;
    return value.has_value();
  };
  WorkerSummary summary;
  DocumentSummary& d = summary.document;
  if (!text_of("input_sha256", &d.input_sha256) || !text_of("output_sha256", &summary.output_sha256) ||
      !text_of("document_type", &d.document_type) || !text_of("code", &d.code) || !int_of("warnings", &d.warnings) ||
      !int_of("unparsed", &d.unparsed)) {
    return std::nullopt;
  }
  auto counts = json->find("counts");
  if (counts == json->end() || !ReadCounts(*counts, &d.counts)) return std::nullopt;
  return summary;
}

}  // namespace docpipe
