#include "catalogue/standard_code.h"

namespace docpipe::catalogue {

StandardCode SplitStandardCode(const std::string& code) {
  size_t digits = 0;
  while (digits < code.size() && code[code.size() - 1 - digits] >= '0' && code[code.size() - 1 - digits] <= '9') {
    ++digits;
  }
  const size_t v = code.size() - digits - 1;  // index of the v, if any
  if (digits == 0 || digits > 9 || digits >= code.size() || v == 0 || (code[v] != 'v' && code[v] != 'V')) {
    return {code, std::nullopt};
  }
  return {code.substr(0, v), std::stoll(code.substr(v + 1))};
}

}  // namespace docpipe::catalogue
