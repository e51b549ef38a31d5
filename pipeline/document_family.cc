#include "pipeline/document_family.h"

#include "normalize/standard/standard_parser.h"
#include "normalize/repair/text_blocks.h"

namespace docpipe {
namespace {

bool LooksLikePolicyDocument(const std::vector<TabRow>& rows, const RuleSet& rules) {
  std::vector<SourceLine> lines = PrepareLines(rows, rules);
  int chapters = 0, sections = 0;
  bool title_checked = false;
  std::string text;
  for (const SourceLine& line : lines) {
    if (line.IsBlank()) continue;
    if (!title_checked) {
      title_checked = true;
      if (rules.Matches("policy_title", line.text)) return true;
    }
    if (rules.Matches("heading_chapter", line.text)) ++chapters;
    if (rules.Matches("heading_capital_number", line.text)) ++sections;
    text += line.text;  // wrapped lines may cut the self-naming phrase
  }
  if (chapters >= 2 && sections >= 1) return true;
  std::vector<std::string_view> groups;
  return rules.Pattern("self_title").PartialMatch(text, &groups) && groups.size() >= 2 &&
         rules.Matches("policy_title", groups[1]);
}

}  // namespace

DocumentFamily DetectFamily(const std::vector<TabRow>& rows, const RuleSet& rules) {
  if (LooksLikeCompetencyStandard(rows)) return DocumentFamily::kCompetencyStandard;
  if (LooksLikePolicyDocument(rows, rules)) return DocumentFamily::kPolicyDocument;
  return DocumentFamily::kUnknown;
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
