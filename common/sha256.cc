#include "common/sha256.h"

#include <nettle/sha2.h>

namespace docpipe {

// Nettle rather than OpenSSL 3: a hash is all docpipe needs, and loading
// libcrypto (21,000 relocations), its configuration and its provider look-up
// cost every process about 9 M instructions before the first byte is hashed
// (bench/README.md, "Wave 8: xspeed4").
std::string Sha256Hex(std::string_view bytes) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, sizeof digest, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * sizeof digest, '0');
  for (size_t i = 0; i < sizeof digest; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace docpipe
