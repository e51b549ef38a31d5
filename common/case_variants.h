// Whether a character has case variants, for the regex prefilter
// (normalize/repair/regex.h). Implemented in common/unicode.cc, the one file
// that asks ICU; declared apart from common/unicode.h so that the files that
// include that header do not depend on this one.
#ifndef DOCPIPE_COMMON_CASE_VARIANTS_H_
#define DOCPIPE_COMMON_CASE_VARIANTS_H_

#include <cstdint>

namespace docpipe::unicode {

// Whether another character is the same as `c` when case is ignored (ICU's
// case-insensitive closure: A/a, K/U+212A KELVIN SIGN, σ/ς/Σ). False for
// CJK ideographs, digits and most punctuation.
bool HasCaseVariants(int32_t c);

}  // namespace docpipe::unicode

#endif  // DOCPIPE_COMMON_CASE_VARIANTS_H_
