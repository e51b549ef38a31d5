// Pages <-> bytes, exactly: how a page worker (extract/page_workers.h) hands
// the pages it analysed back to the process that forked it.
//
//   std::string frame = EncodePage(page);
//   Result<Page> back = DecodePage(frame);   // back equals page, bit for bit
//
// Not the layout JSON (extract/layout_json.h): that rounds coordinates to
// 0.01 pt for readers, while the cross-page steps that run after the merge
// (furniture, tables continued across pages) and normalize's reading of the
// layout use the unrounded values, so `-j N` would not be byte-identical to
// `-j 1`. Here doubles travel as their 8 bytes, strings as their bytes (no
// UTF-8 requirement), in the host's byte order: both ends are the same
// binary on the same machine. Every field of extract/layout.h's Page is
// carried; a field added there must be added here (the -j test catches it).
//
// DecodePage checks every length against the bytes left, so a truncated or
// garbled frame is BadInput, never a read past the end.
#ifndef DOCPIPE_EXTRACT_PAGE_WIRE_H_
#define DOCPIPE_EXTRACT_PAGE_WIRE_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "extract/layout.h"

namespace docpipe {

std::string EncodePage(const Page& page);
Result<Page> DecodePage(std::string_view bytes);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_PAGE_WIRE_H_
