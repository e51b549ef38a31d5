#include "pipeline/document_family.h"

#include "normalize/standard/standard_parser.h"

namespace docpipe {
namespace {

// The title line decides at once, and the chapter count as soon as it is
// met: only a document that passes neither is joined into one text for the
// self-naming phrase, so a plan costs a look at its first lines and its
// headings, not a copy of its text.
bool LooksLikePolicyDocument(const std::vector<SourceLine>& lines, const RuleSet& rules) {
  const Regex& chapter = rules.Pattern("heading_chapter");
  const Regex& capital_number = rules.Pattern("heading_capital_number");
  const Regex& policy_title = rules.Pattern("policy_title");
  int chapters = 0, sections = 0;
  bool title_checked = false;
  for (const SourceLine& line : lines) {
    if (line.IsBlank()) continue;
    if (!title_checked) {
      title_checked = true;
      if (policy_title.PartialMatch(line.text)) return true;
    }
    if (chapter.PartialMatch(line.text)) ++chapters;
    if (capital_number.PartialMatch(line.text)) ++sections;
    if (chapters >= 2 && sections >= 1) return true;
  }
  std::string text;
  for (const SourceLine& line : lines) text += line.text;  // wrapped lines may cut the self-naming phrase
  std::vector<std::string_view> groups;
  return rules.Pattern("self_title").PartialMatch(text, &groups) && groups.size() >= 2 &&
         policy_title.PartialMatch(groups[1]);
}

}  // namespace

FamilyDecision DecideFamily(const std::vector<TabRow>& rows, const RuleSet& rules) {
  FamilyDecision decision;
  if (LooksLikeCompetencyStandard(rows)) {
    decision.family = DocumentFamily::kCompetencyStandard;
    return decision;
  }
  decision.lines = PrepareLines(rows, rules);
  decision.family =
      LooksLikePolicyDocument(decision.lines, rules) ? DocumentFamily::kPolicyDocument : DocumentFamily::kUnknown;
  return decision;
}

DocumentFamily DetectFamily(const std::vector<TabRow>& rows, const RuleSet& rules) {
  return DecideFamily(rows, rules).family;
}

const char* DocumentTypeOf(DocumentFamily family) {
  switch (family) {
    case DocumentFamily::kCompetencyStandard: return "competency_standard";
    case DocumentFamily::kPolicyDocument: return "policy_document";
    case DocumentFamily::kUnknown: return "generic_document";
  }
  return "generic_document";
}

}  // namespace docpipe
