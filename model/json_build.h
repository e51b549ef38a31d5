// Building an nlohmann::ordered_json tree member by member, for the
// document writers (model/standard_json.cc, model/policy_json.cc).
//
//   Json out = json_build::Object(2);
//   json_build::Put(&out, "code", std::move(code));  // keys in the schema's order
//   json_build::Put(&out, "lines", json_build::Array(0));
//
// nlohmann's initializer lists (`{{"code", x}}`) build a two-element array
// per member and copy every value, and operator[] searches the object for
// the key: together they cost as much as writing the JSON text (bench/README.md
// "Wave 6: nspeed2"). Put appends without a search, so each key must be put
// once; the caller keeps the schema's order.
#ifndef DOCPIPE_MODEL_JSON_BUILD_H_
#define DOCPIPE_MODEL_JSON_BUILD_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace docpipe {
namespace json_build {

using Json = nlohmann::ordered_json;

// An empty object with room for `members`.
inline Json Object(size_t members) {
  Json out(Json::value_t::object);
  out.get_ref<Json::object_t&>().reserve(members);
  return out;
}

// Appends `key` (not yet in `object`) with `value`.
inline void Put(Json* object, const char* key, Json value) {
  object->get_ref<Json::object_t&>().emplace_back(key, std::move(value));
}

// An empty array with room for `elements`.
inline Json Array(size_t elements) {
  Json out(Json::value_t::array);
  out.get_ref<Json::array_t&>().reserve(elements);
  return out;
}

inline void Push(Json* array, Json value) { array->get_ref<Json::array_t&>().push_back(std::move(value)); }

// The strings as an array, moved in.
inline Json Strings(std::vector<std::string>* strings) {
  Json out = Array(strings->size());
  for (std::string& s : *strings) Push(&out, std::move(s));
  return out;
}

}  // namespace json_build
}  // namespace docpipe

#endif  // DOCPIPE_MODEL_JSON_BUILD_H_
