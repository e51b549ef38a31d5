// The repairs OCR text needs before the family parsers read it: the rules of
// stage "ocr" in normalize/repair/rules.json (confusable characters in codes, O/0
// and l/1 as in O1.1.1 and K0l; halfwidth punctuation that Chinese text
// prints fullwidth), applied to the lines and cells of OCR pages only; then
// codes and words read with confusable characters take the document's own
// spelling (normalize/input/confusable_tokens.h). Text
// from a PDF's text layer is exactly what the author typed and is left alone.
//
//   Layout repaired = RepairOcrText(layout, RuleSet::Default());
#ifndef DOCPIPE_NORMALIZE_INPUT_OCR_REPAIR_H_
#define DOCPIPE_NORMALIZE_INPUT_OCR_REPAIR_H_

#include "extract/layout.h"
#include "normalize/repair/rule_set.h"

namespace docpipe {

// A copy of `layout` whose OCR pages (Page::source kOcr) went through the
// "ocr" stage and the confusable-token vote: every line outside tables,
// every cell line and cell text.
Layout RepairOcrText(Layout layout, const RuleSet& rules);

// Whether any page of `layout` was read by OCR, i.e. whether RepairOcrText
// would change anything. Callers test it first so that a document read
// wholly from its text layer is not copied for nothing.
bool HasOcrPages(const Layout& layout);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_INPUT_OCR_REPAIR_H_
