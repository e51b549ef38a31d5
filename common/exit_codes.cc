#include "common/exit_codes.h"

namespace docpipe {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kInvalidArgument: return kExitUsage;
    case Status::Code::kNotFound: return kExitNotFound;
    case Status::Code::kIoError: return kExitWriteFailed;
    case Status::Code::kBadInput: return kExitBadInput;
    case Status::Code::kUnsupported: return kExitUnsupported;
    case Status::Code::kEncrypted: return kExitEncrypted;
    case Status::Code::kSchemaViolation: return kExitInvalid;
    case Status::Code::kInternal: return kExitInternal;
    case Status::Code::kLimitExceeded: return kExitLimit;
  }
  return kExitInternal;
}

}  // namespace docpipe
