// SHA-256 of a byte string as lowercase hex (Nettle's sha256 functions).
#ifndef DOCPIPE_COMMON_SHA256_H_
#define DOCPIPE_COMMON_SHA256_H_

#include <string>
#include <string_view>

namespace docpipe {

std::string Sha256Hex(std::string_view bytes);

}  // namespace docpipe

#endif  // DOCPIPE_COMMON_SHA256_H_
