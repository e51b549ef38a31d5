#include "pipeline/document_family.h"

#include <re2/re2.h>

#include "normalize/standard/standard_parser.h"
#include "normalize/repair/text_blocks.h"

namespace docpipe {
namespace {

bool Matches(const RuleSet& rules, std::string_view rule, const std::string& text) {
  return RE2::PartialMatch(text, rules.Pattern(rule));
}

bool LooksLikePolicyDocument(const std::vector<TabRow>& rows, const RuleSet& rules) {
  std::vector<SourceLine> lines = PrepareLines(rows, rules);
  int chapters = 0, sections = 0;
  bool title_checked = false;
  std::string text;
  for (const SourceLine& line : lines) {
    if (line.IsBlank()) continue;
    if (!title_checked) {
      title_checked = true;
      if (Matches(rules, "policy_title", line.text)) return true;
    }
    if (Matches(rules, "heading_chapter", line.text)) ++chapters;
    if (Matches(rules, "heading_capital_number", line.text)) ++sections;
    text += line.text;  // wrapped lines may cut the self-naming phrase
  }
  if (chapters >= 2 && sections >= 1) return true;
  std::string name;
  return RE2::PartialMatch(text, rules.Pattern("self_title"), &name) && Matches(rules, "policy_title", name);
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
