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
  // Text the parser read but does not write out as it stands: the
  // document's structure (labels such as 職能基準代碼, column headers and
  // their repeats on later pages, section titles, dot leaders, page numbers
  // between rows, a date as printed before it became ISO 8601) and repeats
  // of what the document holds once (a knowledge item printed under every
  // task that uses it). Not written out; the conservation check
  // (pipeline/conservation.h) counts it as accounted for.
  std::vector<std::string> consumed;

  void Warn(std::string kind, std::string message, SourcePos pos) {
    warnings.push_back({std::move(kind), std::move(message), pos});
  }
  void Unplaced(std::string text, SourcePos pos) {
    if (!text.empty()) unparsed.push_back({std::move(text), pos});
  }
  void Consumed(std::string text) {
    if (!text.empty()) consumed.push_back(std::move(text));
  }
};

}  // namespace docpipe

#endif  // DOCPIPE_MODEL_DIAGNOSTICS_H_
