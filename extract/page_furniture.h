// Page furniture: running headers and footers (a document code printed atop
// every page, "第 3 頁，共 5 頁", "第1頁/共7頁", "- 12 -") are labelled
// LineRole::kHeader / kFooter so that they stay out of the content.
//
// A line is furniture when it lies in the top or bottom band of its page and
// the same text, with its numbers blanked, appears in that band on a good
// share of the pages (which catches page numbers of any wording and running
// titles, also on alternating pages). On a document too short for
// repetition, a line in a band that reads as a bare page number (digits with
// 第/頁/共/page/of/-/ / around them) is furniture as well.
#ifndef DOCPIPE_EXTRACT_PAGE_FURNITURE_H_
#define DOCPIPE_EXTRACT_PAGE_FURNITURE_H_

#include <string>

#include "extract/layout.h"

namespace docpipe {

struct FurnitureOptions {
  double band = 0.1;          // share of the page height at the top and bottom
  double min_page_share = 0.4;  // of the pages a repeated line must appear on
};

// Sets the role of the content lines of every page.
void LabelPageFurniture(Layout* layout, const FurnitureOptions& options = {});

// The repetition key of a line: FoldKey with every run of digits replaced by
// '#' ("第 3 頁，共 5 頁" -> "第#頁,共#頁").
std::string FurnitureKey(const std::string& text);

// True when the key reads as nothing but a page number.
bool IsPageNumberKey(const std::string& key);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_PAGE_FURNITURE_H_
