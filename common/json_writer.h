// JsonWriter: JSON text written value by value, byte for byte what
// AppendJsonText (common/json_text.h) gives for the same tree, without
// building the tree. For output that is written often and is large (the
// layout JSON of `docpipe extract`: an nlohmann tree per page cost more
// than half of the parent's instructions on a 181-page gazette).
//
//   std::string out;
//   JsonWriter w(/*compact=*/false, /*depth=*/0, &out);
//   w.BeginObject();
//   w.Key("bbox");
//   w.BeginArray();
//   w.Double(1.5);
//   w.EndArray();
//   w.EndObject();   // out == "{\n  \"bbox\": [\n    1.5\n  ]\n}"
//
// The caller keeps the nesting right (a Key before each member's value,
// every Begin closed by its End); nothing is checked. No final newline.
#ifndef DOCPIPE_COMMON_JSON_WRITER_H_
#define DOCPIPE_COMMON_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe {

// One string, one floating-point number, exactly as JsonText writes them
// (defined in json_text.cc, whose tree walk writes its values with them).
void AppendJsonString(std::string_view s, std::string* out);
void AppendJsonDouble(double value, std::string* out);

class JsonWriter {
 public:
  // Writes to *out (appends), as a value standing `depth` levels deep in a
  // document (AppendJsonText's `depth`). `out` must outlive the writer.
  JsonWriter(bool compact, int depth, std::string* out) : compact_(compact), depth_(depth), out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  void Double(double value);  // nlohmann's shortest round-trip form; NaN, inf: null
  void Bool(bool value) { Element(value ? "true" : "false"); }
  void StringArray(const std::vector<std::string>& values);

 private:
  void Open(char bracket);
  void Close(char bracket);
  // Before a value: the separator and indentation it needs in an array
  // (after a key, none).
  void BeforeValue();
  void Element(std::string_view literal) {
    BeforeValue();
    out_->append(literal);
  }

  bool compact_;
  int depth_;
  std::string* out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_JSON_WRITER_H_
