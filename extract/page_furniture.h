// Page furniture: running headers and footers (a document code printed atop
// every page, "第 3 頁，共 5 頁", "第1頁/共7頁", "- 12 -") are labelled
// LineRole::kHeader / kFooter so that they stay out of the content.
//
// A line is furniture when the same text, with its numbers blanked, repeats
// on the document's pages either
//   - in the top or bottom band of the page, on a good share of the pages
//     (page numbers of any wording, running titles, also on alternating
//     pages), or
//   - at the same height anywhere on the page, on most pages (a running
//     header printed low, just above a continued table, or a line repeated
//     under a table's header) — by position and repetition, not by distance.
//     A line repeated lower on a run of pages only is not enough: a
//     gazette's forms repeat their titles ("第 1 次賸餘政治獻金收支結算表",
//     "臺北市") page after page, and those are content; or
//   - as the first thing on each of a run of consecutive pages (at least
//     min_run_pages), at the same height: the running header of one part
//     of a document (tisa's "服務提供模式：…" atop pages 2–14 of 37). A
//     heading atop two pages is not a run; the last line of a run of
//     pages is not considered (a form's closing line is content).
// Lines that differ in more than one number ("101 年 03 月 22 日至 101 年 05
// 月 21 日" on each form of a gazette) are content, not repetition.
// A page counts towards a repetition only when it holds something else as
// well (another line or a table): a document of one line per page ("Potato
// 0", "Potato 1"...) is content, not furniture. On a document too short for
// repetition, a line in a band that reads as a bare page number (digits with
// 第/頁/共/page/of/-/ / around them) is furniture as well. Whatever the
// rules say, furniture never takes a document's whole text: if nothing
// would be left, every line stays content.
#ifndef DOCPIPE_EXTRACT_PAGE_FURNITURE_H_
#define DOCPIPE_EXTRACT_PAGE_FURNITURE_H_

#include <string>

#include "extract/layout.h"

namespace docpipe {

struct FurnitureOptions {
  double band = 0.1;          // share of the page height at the top and bottom
  double min_page_share = 0.4;  // of the pages a repeated line must appear on
  // Outside the bands: a line must repeat at the same height (its centre
  // within position_tolerance points) on more than this share of the pages,
  // and on at least min_position_pages.
  double position_page_share = 0.5;
  int min_position_pages = 3;
  double position_tolerance = 3;
  // A line that is the first thing on each of this many consecutive
  // pages, at the same height, is the running header of that part of the
  // document.
  int min_run_pages = 5;
};

// Sets the role of the content lines of every page.
void LabelPageFurniture(Layout* layout, const FurnitureOptions& options = {});

// What LabelPageFurniture reads of a page: its number and size, its lines'
// text, box and role, its tables' boxes (without their cells). A layout of
// skeletons gets, line for line, the roles the whole layout would get, so
// that a document need not be held whole to label its furniture.
Page FurnitureSkeleton(const Page& page);

// The repetition key of a line: FoldKey with every run of digits replaced by
// '#' ("第 3 頁，共 5 頁" -> "第#頁,共#頁").
std::string FurnitureKey(const std::string& text);

// True when the key reads as nothing but a page number.
bool IsPageNumberKey(const std::string& key);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_PAGE_FURNITURE_H_
