#include "common/status.h"

namespace docpipe {

const char* Status::KindName() const {
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kInvalidArgument: return "invalid argument";
    case Code::kNotFound: return "not found";
    case Code::kIoError: return "I/O error";
    case Code::kBadInput: return "bad input";
    case Code::kUnsupported: return "unsupported";
    case Code::kEncrypted: return "encrypted";
    case Code::kSchemaViolation: return "schema violation";
    case Code::kInternal: return "internal error";
    case Code::kLimitExceeded: return "limit exceeded";
  }
  return "internal error";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(KindName()) + ": " + (file_.empty() ? "" : file_ + ": ") + message_;
}

}  // namespace docpipe
