// Layout <-> JSON (schema/layout.schema.json).
//
//   nlohmann::ordered_json json = LayoutToJson(layout);
//   Result<Layout> back = ParseLayoutJson(text);   // untrusted input
//
// ParseLayoutJson is a parser of untrusted input: it rejects anything over
// kMaxLayoutJsonBytes or nested deeper than the schema allows before parsing,
// validates the parsed document against the layout schema (which bounds every
// array, string and number), and then checks what a schema cannot say
// (cells inside their table's grid, pages in increasing order). Every
// rejection is BadInput or SchemaViolation with the reason; nothing throws.
#ifndef DOCPIPE_EXTRACT_LAYOUT_JSON_H_
#define DOCPIPE_EXTRACT_LAYOUT_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"
#include "extract/layout.h"

namespace docpipe {

inline constexpr size_t kMaxLayoutJsonBytes = size_t{512} << 20;

nlohmann::ordered_json LayoutToJson(const Layout& layout);

// JsonText(LayoutToJson(layout), compact), byte for byte, built one page at
// a time: the whole document's JSON tree (several times the size of its
// text) is never held at once.
std::string LayoutJsonText(const Layout& layout, bool compact);

// LayoutJsonText in pieces, for pages written as they come (`docpipe
// extract`): the head (layout's fields but its pages) up to the opening of
// the pages' array, each page with the separator before it (none before the
// first), and the tail. Head + pages + tail == LayoutJsonText, byte for byte.
std::string LayoutJsonHead(const Layout& layout, bool compact);
void AppendLayoutJsonPage(const Page& page, bool first, bool compact, std::string* out);
std::string LayoutJsonTail(bool any_pages, bool compact);

// Rounds every coordinate, font size and confidence as LayoutToJson writes
// them (hundredths of a point, thousandths), so that a layout and the same
// layout read back from its JSON are equal. Extract returns its layouts
// rounded: normalize of a PDF and normalize of its extract output then see
// the same numbers, where a line a few thousandths of a point above another
// would otherwise sort before it in one and after it in the other (issue 14:
// "297陳唐山…… 262" against "陳唐山…… 262 297").
void RoundToJsonPrecision(Layout* layout);
void RoundToJsonPrecision(Page* page);  // one page of it

Result<Layout> ParseLayoutJson(std::string_view text);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_LAYOUT_JSON_H_
