// BlockReading: what one text block of a policy document reads as before it
// is placed: its repaired text and its heading label, if any. A table row's
// reading is empty (no text, no heading).
#ifndef DOCPIPE_NORMALIZE_POLICY_BLOCK_READING_H_
#define DOCPIPE_NORMALIZE_POLICY_BLOCK_READING_H_

#include <optional>
#include <string>

#include "normalize/repair/heading_label.h"

namespace docpipe {

struct BlockReading {
  std::string text;
  std::optional<HeadingLabel> heading;
};

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_BLOCK_READING_H_
