#include "common/status.h"

namespace docpipe {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kNotFound: name = "not found"; break;
    case Code::kIoError: name = "I/O error"; break;
    case Code::kBadInput: name = "bad input"; break;
    case Code::kUnsupported: name = "unsupported"; break;
    case Code::kEncrypted: name = "encrypted"; break;
    case Code::kSchemaViolation: name = "schema violation"; break;
    case Code::kInternal: name = "internal error"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace docpipe
