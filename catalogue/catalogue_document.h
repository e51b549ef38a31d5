// One document of a `docpipe run` folder, as the catalogue receives it: the
// typed model of its family plus where it came from.
#ifndef DOCPIPE_CATALOGUE_CATALOGUE_DOCUMENT_H_
#define DOCPIPE_CATALOGUE_CATALOGUE_DOCUMENT_H_

#include <string>
#include <variant>

#include "model/competency_standard.h"
#include "model/policy_document.h"
#include "model/source_info.h"

namespace docpipe::catalogue {

struct CatalogueDocument {
  std::string id;             // the input path relative to the run's input folder (index.jsonl `path`)
  std::string output_path;    // the JSON file, relative to the run folder
  std::string tool_version;   // of the docpipe that wrote it
  std::string document_type;  // competency_standard, policy_document or generic_document
  SourceInfo source;
  std::variant<CompetencyStandard, PolicyDocument> content;
};

}  // namespace docpipe::catalogue

#endif  // DOCPIPE_CATALOGUE_CATALOGUE_DOCUMENT_H_
