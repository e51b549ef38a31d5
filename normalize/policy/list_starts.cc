#include "normalize/policy/list_starts.h"

#include "common/unicode.h"

namespace docpipe {

std::vector<std::optional<int>> NextListStarts(const std::vector<BlockReading>& blocks) {
  std::vector<std::optional<int>> starts(blocks.size());
  std::optional<int> next;  // for the block before the one being read
  for (size_t i = blocks.size(); i-- > 0;) {
    starts[i] = next;
    const std::optional<HeadingLabel>& heading = blocks[i].heading;
    if (blocks[i].text.empty()) {
      next.reset();  // a table row
    } else if (heading) {
      next = unicode::SoleNumeralValue(heading->label) == 1.0 ? std::optional<int>(heading->rank) : std::optional<int>(0);
    }
  }
  return starts;
}

}  // namespace docpipe
