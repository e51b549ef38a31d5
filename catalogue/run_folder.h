// Loads the documents of a `docpipe run` folder for the catalogue: every
// input that index.jsonl or a shard's index part (batch/shard.h) lists as ok, read from its JSON output into the
// typed model, in the order of their input paths.
#ifndef DOCPIPE_CATALOGUE_RUN_FOLDER_H_
#define DOCPIPE_CATALOGUE_RUN_FOLDER_H_

#include <string>
#include <vector>

#include "catalogue/catalogue_document.h"
#include "common/status.h"

namespace docpipe::catalogue {

// NotFound without any index file in RUN_DIR; the first document that cannot be
// read fails the load, with a message naming its file.
Result<std::vector<CatalogueDocument>> LoadRunFolder(const std::string& run_dir);

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_RUN_FOLDER_H_
