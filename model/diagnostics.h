// Warnings and unparsed text: the per-item problems a document can have.
// They never fail a run; they are written into the output (see
// docs/output-format.md) so that nothing is lost silently.
#ifndef DOCPIPE_MODEL_DIAGNOSTICS_H_
#define DOCPIPE_MODEL_DIAGNOSTICS_H_

#include <string>
#include <vector>

namespace docpipe {

// A position in the input: 1-based line, and 1-based page when known (0 if
// not).
struct SourcePos {
  int line = 0;
  int page = 0;
};

struct Warning {
  std::string kind;     // duplicate_code, misnumbered_code, undefined_code, ...
  std::string message;  // names the codes involved
  SourcePos pos;
};

struct UnparsedText {
  std::string text;
  SourcePos pos;
};

struct Diagnostics {
  std::vector<Warning> warnings;
  std::vector<UnparsedText> unparsed;

  void Warn(std::string kind, std::string message, SourcePos pos) {
    warnings.push_back({std::move(kind), std::move(message), pos});
  }
  void Unplaced(std::string text, SourcePos pos) {
    if (!text.empty()) unparsed.push_back({std::move(text), pos});
  }
};

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_DIAGNOSTICS_H_
