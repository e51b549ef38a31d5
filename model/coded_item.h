// CodedItem: one numbered item of a table cell (O1.1.1, K03, ...) with the
// lines it was assembled from. Filled by SplitItems (normalize/standard/
// item_splitter.h), held by the document types.
#ifndef DOCPIPE_MODEL_CODED_ITEM_H_
#define DOCPIPE_MODEL_CODED_ITEM_H_

#include <string>
#include <vector>

#include "model/diagnostics.h"

namespace docpipe {

struct CodedItem {
  std::string code;
  std::string text;              // repaired (spaces collapsed)
  std::vector<SourcePos> where;  // fragments the item was assembled from
};

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_CODED_ITEM_H_
