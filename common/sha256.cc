#include "common/sha256.h"

#include <openssl/evp.h>

#include <cstdio>

namespace docpipe {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // Fetched once: OpenSSL 3 looks the algorithm up on every implicit use.
  static EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, sha256 != nullptr ? sha256 : EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(length * 2);
  char pair[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

}  // namespace docpipe
