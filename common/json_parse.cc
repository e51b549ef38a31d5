#include "common/json_parse.h"

namespace docpipe {
namespace {

struct TooDeep {};

template <typename JsonT>
Result<JsonT> Parse(std::string_view text, int max_depth) {
  // nlohmann's parser is iterative and reports each value's depth to the
  // callback; stopping there bounds everything that walks the value later.
  auto guard = [max_depth](int depth, typename JsonT::parse_event_t, JsonT&) {
    if (depth > max_depth) throw TooDeep{};
    return true;
  };
  try {
    return JsonT::parse(text.begin(), text.end(), guard, /*allow_exceptions=*/true);
  } catch (const TooDeep&) {
    return Status::BadInput("JSON nested deeper than " + std::to_string(max_depth) + " levels");
  } catch (const nlohmann::json::exception& e) {
    return Status::BadInput(std::string("not JSON: ") + e.what());
  }
}

}  // namespace

Result<nlohmann::json> ParseUntrustedJson(std::string_view text, int max_depth) {
  return Parse<nlohmann::json>(text, max_depth);
}

Result<nlohmann::ordered_json> ParseUntrustedOrderedJson(std::string_view text, int max_depth) {
  return Parse<nlohmann::ordered_json>(text, max_depth);
}

}  // namespace docpipe
