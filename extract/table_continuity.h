// Tables that a page break cut: the parts are linked so that readers can put
// the table, and the rows the break cut, back together.
//
// The last table of a page continues on the next page when nothing but page
// furniture and footnotes (set smaller than the table's text) follows it on
// its page, nothing but furniture and lines repeated from above the previous
// part (a running caption) precedes the first table of the next page, and
// both have the same outer edges and (mostly)
// the same column borders. The continuation takes the table's id. Its first
// rows repeat the column header when their texts (FoldKey) equal the first
// rows of the table's first part. Its first body row is taken as the rest of
// the row the break cut when the leftmost cell of that row that does not span
// further rows (its key) opens no entry while the row has text elsewhere: a
// fresh row starts with its key column, the tail of a cut row usually does
// not. A key opens no entry when it is empty, or when its text stands at the
// top of its cell in a column that centres its entries (a producer sets the
// rest of a cut cell at the top of the new part's cell), or when the cut key
// above stops where no text ends (a comma, an open bracket; not a numbering
// label), and no other cell of the row stands centred in a column that
// centres its entries.
// It is also taken as cut when one of its cells begins where its column's
// wrapped lines stand (a hanging or first-line indent: the column's entries
// start at one x and wrap at another, over at least three entries of the
// table's parts) and no entry of the column begins, while the cut row has text
// in that column: the cell goes on with a wrapped entry. Every cell of a
// fresh row begins where its column's entries begin; a column without that
// pattern gives no evidence either way.
//
// When the first body row is a row of its own, a cell of it at or left of
// its key may still go on from the cell above it that the break cut (one
// cell merged over rows on both sides of the break): the cut cell covers the
// same columns and has text, and the cell has text at the top of its cell
// in a column that centres its entries, or the cut text stops where no text
// ends. Such a cell is marked continued_from_previous_page (layout.h);
// readers join it to the cell above, and its row stays a row.
#ifndef DOCPIPE_EXTRACT_TABLE_CONTINUITY_H_
#define DOCPIPE_EXTRACT_TABLE_CONTINUITY_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "extract/layout.h"

namespace docpipe {

struct ContinuityOptions {
  double edge_tolerance = 6.0;      // points between the outer edges of two parts
  double column_match_share = 0.8;  // of column borders that must line up
  int max_header_rows = 3;
};

// Numbers all tables (ids from 1) and links continued ones. Run after
// LabelPageFurniture: it relies on the lines' roles.
void LinkTablesAcrossPages(Layout* layout, const ContinuityOptions& options = {});

// LinkTablesAcrossPages one page at a time, for a document whose pages are
// not all in memory at once (extract's page spill): pages are added in
// order, each seen once, and what the linking decided for each table (id,
// header rows, the four continuation marks) is applied afterwards, since a
// later part can still raise the header rows of a table's first part.
// Between pages it keeps the previous page's lines and last table, and the
// parts of the table that may still go on (slimmed: the texts and fonts the
// decisions do not read are dropped), never the whole document.
//
//   TableLinker linker;
//   for (i...) linker.Add(page_i);           // roles set (LabelPageFurniture)
//   for (i...) linker.ApplyTo(i, &page_i);   // the same pages, in the same order
class TableLinker {
 public:
  explicit TableLinker(const ContinuityOptions& options = {}) : options_(options) {}

  // The next page of the document (pages in increasing order).
  void Add(const Page& page);
  // Sets the link fields of the tables of the index-th page added; `page`
  // holds the same tables as the page added.
  void ApplyTo(size_t index, Page* page) const;

 private:
  struct Link {
    int id = 0;
    int header_rows = 0;
    bool continued_from_previous_page = false;
    bool repeated_header = false;
    bool first_row_continued = false;
    bool continues_on_next_page = false;
    std::vector<size_t> cells_going_on;  // cells marked continued_from_previous_page
  };
  ContinuityOptions options_;
  int next_id_ = 1;
  std::vector<std::vector<Link>> links_;  // per page added, per table
  bool have_previous_ = false;
  int previous_number_ = 0;
  std::vector<TextLine> previous_lines_;  // of the previous page
  // The parts of the previous page's last table so far, first to last, each
  // with its link fields as decided; the last is whole, the others slimmed.
  std::vector<Table> chain_;
  std::vector<std::pair<size_t, size_t>> chain_at_;  // (page index, table index) of each part
};

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_TABLE_CONTINUITY_H_
