// The `changes` table: for every standard_id, the preferred documents of
// its versions in version order, and for each consecutive pair (v3 -> v4)
// the changes `docpipe diff` reports between them (diff/standard_diff.h),
// one row per change in the diff's order.
//
//   Status s = AddVersionChanges(documents, preferred, &sink);
#ifndef DOCPIPE_CATALOGUE_VERSION_CHANGES_H_
#define DOCPIPE_CATALOGUE_VERSION_CHANGES_H_

#include <vector>

#include "catalogue/catalogue_document.h"
#include "catalogue/row_sink.h"
#include "common/status.h"

namespace docpipe::catalogue {

// `preferred[i]` says whether documents[i] represents its (standard_id,
// version); only those are compared, so the text and the PDF of one version
// never appear as a pair. Standards without a version are not paired.
Status AddVersionChanges(const std::vector<CatalogueDocument>& documents, const std::vector<bool>& preferred,
                         RowSink* sink);

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_VERSION_CHANGES_H_
