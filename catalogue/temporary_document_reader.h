// TEMPORARY: reads a document JSON written by `docpipe normalize` back into
// the typed model, until issue 11's one reader of our own JSON lands; then
// run_folder.cc calls that reader and this file is deleted. It reads only
// what the catalogue needs, checks every type it reads, and turns any
// malformed value into BadInput, never an exception.
#ifndef DOCPIPE_CATALOGUE_TEMPORARY_DOCUMENT_READER_H_
#define DOCPIPE_CATALOGUE_TEMPORARY_DOCUMENT_READER_H_

#include <string_view>

#include "catalogue/catalogue_document.h"
#include "common/status.h"

namespace docpipe::catalogue {

// Fills document_type, source and content; the caller sets the rest.
Result<CatalogueDocument> ReadDocumentJsonTemporarily(std::string_view text);

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_TEMPORARY_DOCUMENT_READER_H_
