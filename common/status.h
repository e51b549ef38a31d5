// Status and Result<T>: how every stage reports failure to its caller.
//
// Library code never prints and never exits. A function that can fail returns
// a Status (or a Result<T> holding either a value or a non-OK Status); only
// cli/ maps a Status to a message and an exit code (common/exit_codes.h; `run`
// records the same code in its index for a document it normalized itself).
//
//   Result<std::string> text = ReadFile(path);
//   if (!text.ok()) return text.status();
//   Use(*text);
//
// Per-item problems inside a document (a misnumbered code, a fragment that
// cannot be placed) are not Statuses: they become `warnings` and `unparsed`
// entries in the output, and the run goes on.
#ifndef DOCPIPE_COMMON_STATUS_H_
#define DOCPIPE_COMMON_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace docpipe {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller asked for something impossible
    kNotFound,         // an input file does not exist
    kIoError,          // reading or writing failed
    kBadInput,         // the input is empty, binary, not UTF-8, truncated...
    kUnsupported,      // a well-formed input of a kind we do not handle
    kEncrypted,        // a PDF that needs a (different) password
    kSchemaViolation,  // a result does not satisfy its JSON Schema
    kInternal,         // a bug: an invariant did not hold
    kLimitExceeded,    // a resource bound (time, memory, pixels) stopped the work
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {Code::kIoError, std::move(m)}; }
  static Status BadInput(std::string m) { return {Code::kBadInput, std::move(m)}; }
  static Status Unsupported(std::string m) { return {Code::kUnsupported, std::move(m)}; }
  static Status Encrypted(std::string m) { return {Code::kEncrypted, std::move(m)}; }
  static Status SchemaViolation(std::string m) { return {Code::kSchemaViolation, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }
  static Status LimitExceeded(std::string m) { return {Code::kLimitExceeded, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // The file the failure is about, when the code that failed names it
  // (WithFile); "" otherwise, and the caller knows which file it asked for.
  const std::string& file() const { return file_; }
  // "bad input", "not found", ...: the KIND of a failure line.
  const char* KindName() const;
  // "bad input: <file>: <message>" (the file only when named), or "OK".
  std::string ToString() const;
  // The same code, with "<context>: " before the message (a file inside a
  // folder the caller names, a line number).
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    Status s(code_, context + ": " + message_);
    s.file_ = file_;
    return s;
  }
  // The same status naming the file it is about. A file already named is
  // kept: the innermost code knows best which file failed.
  Status WithFile(std::string file) const {
    if (ok() || !file_.empty()) return *this;
    Status s = *this;
    s.file_ = std::move(file);
    return s;
  }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
  std::string file_;
};

// A value or the reason there is none. Accessing the value of a failed
// Result is a programming error (asserted in debug builds).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {     // NOLINT: implicit by design
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& operator*() { assert(ok()); return *value_; }
  const T& operator*() const { assert(ok()); return *value_; }
  T* operator->() { assert(ok()); return &*value_; }
  const T* operator->() const { assert(ok()); return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_STATUS_H_
