#include "schema/schema_validator.h"

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "common/json_parse.h"

namespace docpipe {
namespace embedded {
extern const char competency_standard_schema[];
extern const char policy_document_schema[];
extern const char layout_schema[];
extern const char diff_schema[];
}  // namespace embedded

namespace {

// valijson reads a document through an adapter. Its own NlohmannJsonAdapter
// takes `nlohmann::json` only; the writers build `nlohmann::ordered_json`
// (members in the order they are written), and copying a whole document
// into the other type cost as much as a quarter of validating it. This is
// the same view of a value for any nlohmann `basic_json`, so the document
// is validated as it was built (plain trees keep valijson's own adapter; a
// test holds the two to the same verdicts and messages). valijson's adapter
// concept: a value type answering type questions, an array and an object
// type with iterators that yield adapters and (name, adapter) pairs.
template <typename Json>
class JsonAdapter;

template <typename Json>
using JsonMember = std::pair<std::string, JsonAdapter<Json>>;

template <typename Json>
class JsonArrayIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = JsonAdapter<Json>;
  using difference_type = std::ptrdiff_t;
  using pointer = value_type*;
  using reference = value_type&;
  explicit JsonArrayIterator(typename Json::const_iterator it) : it_(it) {}
  JsonAdapter<Json> operator*() const { return JsonAdapter<Json>(*it_); }
  valijson::adapters::DerefProxy<JsonAdapter<Json>> operator->() const {
    return valijson::adapters::DerefProxy<JsonAdapter<Json>>(**this);
  }
  bool operator==(const JsonArrayIterator& other) const { return it_ == other.it_; }
  bool operator!=(const JsonArrayIterator& other) const { return it_ != other.it_; }
  const JsonArrayIterator& operator++() {
    ++it_;
    return *this;
  }
  JsonArrayIterator operator++(int) {
    JsonArrayIterator before(it_);
    ++it_;
    return before;
  }
  const JsonArrayIterator& operator--() {
    --it_;
    return *this;
  }
  void advance(std::ptrdiff_t n) { it_ += n; }

 private:
  typename Json::const_iterator it_;
};

template <typename Json>
class JsonMemberIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = JsonMember<Json>;
  using difference_type = std::ptrdiff_t;
  using pointer = value_type*;
  using reference = value_type&;
  explicit JsonMemberIterator(typename Json::const_iterator it) : it_(it) {}
  JsonMember<Json> operator*() const { return JsonMember<Json>(it_.key(), JsonAdapter<Json>(it_.value())); }
  valijson::adapters::DerefProxy<JsonMember<Json>> operator->() const {
    return valijson::adapters::DerefProxy<JsonMember<Json>>(**this);
  }
  bool operator==(const JsonMemberIterator& other) const { return it_ == other.it_; }
  bool operator!=(const JsonMemberIterator& other) const { return it_ != other.it_; }
  const JsonMemberIterator& operator++() {
    ++it_;
    return *this;
  }
  JsonMemberIterator operator++(int) {
    JsonMemberIterator before(it_);
    ++it_;
    return before;
  }
  const JsonMemberIterator& operator--() {
    --it_;
    return *this;
  }

 private:
  typename Json::const_iterator it_;
};

template <typename Json>
const Json& EmptyOf(typename Json::value_t type) {
  static const Json array = Json::array();
  static const Json object = Json::object();
  return type == Json::value_t::array ? array : object;
}

template <typename Json>
class JsonArray {
 public:
  using const_iterator = JsonArrayIterator<Json>;
  using iterator = JsonArrayIterator<Json>;
  JsonArray() : value_(EmptyOf<Json>(Json::value_t::array)) {}
  explicit JsonArray(const Json& value) : value_(value) {}
  const_iterator begin() const { return const_iterator(value_.cbegin()); }
  const_iterator end() const { return const_iterator(value_.cend()); }
  size_t size() const { return value_.size(); }

 private:
  const Json& value_;
};

template <typename Json>
class JsonObject {
 public:
  using const_iterator = JsonMemberIterator<Json>;
  using iterator = JsonMemberIterator<Json>;
  JsonObject() : value_(EmptyOf<Json>(Json::value_t::object)) {}
  explicit JsonObject(const Json& value) : value_(value) {}
  const_iterator begin() const { return const_iterator(value_.cbegin()); }
  const_iterator end() const { return const_iterator(value_.cend()); }
  const_iterator find(const std::string& name) const { return const_iterator(value_.find(name)); }
  size_t size() const { return value_.size(); }

 private:
  const Json& value_;
};

template <typename Json>
class JsonFrozenValue : public valijson::adapters::FrozenValue {
 public:
  explicit JsonFrozenValue(Json value) : value_(std::move(value)) {}
  FrozenValue* clone() const override { return new JsonFrozenValue(value_); }
  bool equalTo(const valijson::adapters::Adapter& other, bool strict) const override {
    return JsonAdapter<Json>(value_).equalTo(other, strict);
  }

 private:
  Json value_;
};

template <typename Json>
class JsonValue {
 public:
  JsonValue() : value_(EmptyOf<Json>(Json::value_t::object)) {}
  explicit JsonValue(const Json& value) : value_(value) {}
  valijson::adapters::FrozenValue* freeze() const { return new JsonFrozenValue<Json>(value_); }
  std::optional<JsonArray<Json>> getArrayOptional() const {
    if (!value_.is_array()) return {};
    return std::make_optional(JsonArray<Json>(value_));
  }
  bool getArraySize(size_t& result) const { return Size(value_.is_array(), result); }
  bool getBool(bool& result) const { return Get(value_.is_boolean(), result); }
  bool getDouble(double& result) const { return Get(value_.is_number_float(), result); }
  bool getInteger(int64_t& result) const { return Get(value_.is_number_integer(), result); }
  std::optional<JsonObject<Json>> getObjectOptional() const {
    if (!value_.is_object()) return {};
    return std::make_optional(JsonObject<Json>(value_));
  }
  bool getObjectSize(size_t& result) const { return Size(value_.is_object(), result); }
  bool getString(std::string& result) const { return Get(value_.is_string(), result); }
  static bool hasStrictTypes() { return true; }
  bool isArray() const { return value_.is_array(); }
  bool isBool() const { return value_.is_boolean(); }
  bool isDouble() const { return value_.is_number_float(); }
  bool isInteger() const { return value_.is_number_integer(); }
  bool isNull() const { return value_.is_null(); }
  bool isNumber() const { return value_.is_number(); }
  bool isObject() const { return value_.is_object(); }
  bool isString() const { return value_.is_string(); }

 private:
  template <typename T>
  bool Get(bool is, T& result) const {
    if (is) result = value_.template get<T>();
    return is;
  }
  bool Size(bool is, size_t& result) const {
    if (is) result = value_.size();
    return is;
  }
  const Json& value_;
};

template <typename Json>
class JsonAdapter : public valijson::adapters::BasicAdapter<JsonAdapter<Json>, JsonArray<Json>, JsonMember<Json>,
                                                            JsonObject<Json>, JsonValue<Json>> {
  using Base = valijson::adapters::BasicAdapter<JsonAdapter<Json>, JsonArray<Json>, JsonMember<Json>,
                                                JsonObject<Json>, JsonValue<Json>>;

 public:
  JsonAdapter() = default;
  explicit JsonAdapter(const Json& value) : Base(JsonValue<Json>(value)) {}
};

// Parsed schemas are immutable once built and shared by all threads.
const valijson::Schema& CompiledSchema(SchemaKind kind) {
  static std::mutex mutex;
  static std::map<SchemaKind, std::unique_ptr<valijson::Schema>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[kind];
  if (!slot) {
    slot = std::make_unique<valijson::Schema>();
    // The schemas are compiled in and loaded by the suite: one that does not
    // parse is a build defect, not an input fault.
    Result<nlohmann::json> schema_json = ParseUntrustedJson(SchemaText(kind));
    if (!schema_json.ok()) {
      std::fprintf(stderr, "docpipe: embedded schema is broken: %s\n", schema_json.status().ToString().c_str());
      std::abort();
    }
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(*schema_json);
    parser.populateSchema(adapter, *slot);
  }
  return *slot;
}

}  // namespace

const char* SchemaText(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::kCompetencyStandard: return embedded::competency_standard_schema;
    case SchemaKind::kPolicyDocument: return embedded::policy_document_schema;
    case SchemaKind::kLayout: return embedded::layout_schema;
    case SchemaKind::kDiff: return embedded::diff_schema;
  }
  return "";
}

const char* SchemaFileName(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::kCompetencyStandard: return "competency-standard.schema.json";
    case SchemaKind::kPolicyDocument: return "policy-document.schema.json";
    case SchemaKind::kLayout: return "layout.schema.json";
    case SchemaKind::kDiff: return "diff.schema.json";
  }
  return "";
}

namespace {

template <typename Json>
std::optional<SchemaKind> KindOf(const Json& document) {
  if (!document.is_object()) return std::nullopt;
  auto type = document.find("document_type");
  if (type == document.end() || !type->is_string()) return std::nullopt;
  const std::string& t = type->template get_ref<const std::string&>();
  if (t == "competency_standard") return SchemaKind::kCompetencyStandard;
  if (t == "policy_document" || t == "generic_document") return SchemaKind::kPolicyDocument;
  if (t == "layout") return SchemaKind::kLayout;
  if (t == "diff") return SchemaKind::kDiff;
  return std::nullopt;
}

}  // namespace

std::optional<SchemaKind> SchemaKindOf(const nlohmann::json& document) { return KindOf(document); }

std::optional<SchemaKind> SchemaKindOf(const nlohmann::ordered_json& document) { return KindOf(document); }

namespace {

template <typename Adapter, typename Json>
Status Validate(const Json& document, SchemaKind kind) {
  const valijson::Schema* schema = nullptr;
  try {
    schema = &CompiledSchema(kind);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("cannot load ") + SchemaFileName(kind) + ": " + e.what());
  }
  // One validator per thread: it caches the compiled std::regex of every
  // "pattern" keyword, which would otherwise be rebuilt on every call.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  Adapter target(document);
  if (validator.validate(*schema, target, &results)) return Status::Ok();
  std::string message = std::string("does not satisfy ") + SchemaFileName(kind);
  valijson::ValidationResults::Error error;
  int shown = 0;
  while (results.popError(error) && shown < 5) {
    std::string path;
    for (const std::string& part : error.context) path += part;
    message += "; " + path + ": " + error.description;
    ++shown;
  }
  return Status::SchemaViolation(message);
}

}  // namespace

Status ValidateDocument(const nlohmann::json& document, SchemaKind kind) {
  return Validate<valijson::adapters::NlohmannJsonAdapter>(document, kind);
}

Status ValidateDocument(const nlohmann::ordered_json& document, SchemaKind kind) {
  return Validate<JsonAdapter<nlohmann::ordered_json>>(document, kind);
}

}  // namespace docpipe
