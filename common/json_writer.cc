#include "common/json_writer.h"

#include <charconv>

namespace docpipe {

// The layout of AppendJsonText (common/json_text.cc): a container with
// members opens, puts each member on its own line indented one level
// deeper, and closes on a line at its own level; an empty one is "{}" or
// "[]". Compact: no newline, no indentation, ":" without a space.

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the top-level value
  if (!empty_.back()) out_->push_back(',');
  empty_.back() = false;
  if (!compact_) {
    out_->push_back('\n');
    out_->append(static_cast<size_t>(2 * depth_), ' ');
  }
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  empty_.push_back(true);
  ++depth_;
}

void JsonWriter::Close(char bracket) {
  --depth_;
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty && !compact_) {
    out_->push_back('\n');
    out_->append(static_cast<size_t>(2 * depth_), ' ');
  }
  out_->push_back(bracket);
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(key, out_);
  out_->append(compact_ ? ":" : ": ");
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(value, out_);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, end);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  AppendJsonDouble(value, out_);
}

void JsonWriter::StringArray(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& value : values) String(value);
  EndArray();
}

}  // namespace docpipe
