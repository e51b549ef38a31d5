// Item splitting: a table cell holds several numbered items ("O1.1.1網路安全
// 解決方案 O1.1.2網路伺服器安全設計"); they are split at their codes.
//
// A cell may come in fragments: the same cell continued on the next page
// ("O2.2.3稽" + "核報告 O2.2.4矯正措施文件"). Fragments are joined first: a
// fragment that opens with a code starts a new item, any other fragment
// continues the text before it (joined without a space when either side is
// CJK, see unicode::JoinWrapped). Then codes are found with the column's code
// pattern and the text between codes becomes the item's wording.
#ifndef DOCPIPE_NORMALIZE_STANDARD_ITEM_SPLITTER_H_
#define DOCPIPE_NORMALIZE_STANDARD_ITEM_SPLITTER_H_

#include <string>
#include <vector>

#include "model/coded_item.h"
#include "model/diagnostics.h"
#include "normalize/repair/regex.h"

namespace docpipe {

// A piece of one cell's text (markup already removed) and where it was read.
struct Fragment {
  std::string text;
  SourcePos pos;
};

struct SplitCell {
  std::string leading;  // repaired text before the first code ("" if none)
  SourcePos leading_pos;
  std::vector<CodedItem> items;
};

// Joins fragments as described above; the result keeps, for every fragment,
// the byte offset where it starts, so items can name their source lines.
struct JoinedText {
  std::string text;
  std::vector<size_t> starts;  // parallel to the fragments
  std::vector<SourcePos> where;
};
JoinedText JoinFragments(const std::vector<Fragment>& fragments, const Regex* code_pattern);

// `code_pattern` must have one capturing group around the code.
SplitCell SplitItems(const std::vector<Fragment>& fragments, const Regex& code_pattern);

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_STANDARD_ITEM_SPLITTER_H_
