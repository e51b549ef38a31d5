// Turns one typed document into the rows of every catalogue table its
// family fills (table_schema.h): `documents`, `warnings` and `unparsed` for
// all; `standards` and the item tables for a competency standard; the
// outline, paragraph, caption, table and action-plan tables for a policy or
// generic document. Row counts equal the document's item counts: every item
// is one row, nothing is merged or dropped.
//
//   Status s = AddDocumentRows(document, /*preferred=*/true, &sink);
#ifndef DOCPIPE_CATALOGUE_DOCUMENT_ROWS_H_
#define DOCPIPE_CATALOGUE_DOCUMENT_ROWS_H_

#include "catalogue/catalogue_document.h"
#include "catalogue/row_sink.h"
#include "common/status.h"

namespace docpipe::catalogue {

// `preferred`: this document represents its (standard_id, version) among
// several files of the same standard (ignored for other families). Returns
// the first failure of the sink.
Status AddDocumentRows(const CatalogueDocument& document, bool preferred, RowSink* sink);

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_DOCUMENT_ROWS_H_
