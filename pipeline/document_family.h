// Which family a document belongs to, decided from its content (never from
// its file name):
//
//   kCompetencyStandard  a 職能基準 (LooksLikeCompetencyStandard);
//   kPolicyDocument      a government plan or directive: it names itself
//                        「…」(以下簡稱本方案/本要點…), or its title line ends
//                        with a plan or directive word (方案, 計畫, 要點,
//                        辦法…; rule policy_title), or it is organised in
//                        chapters (第N章) with 壹/貳 sections;
//   kUnknown             anything else, read as a generic document.
//
//   DocumentFamily family = DetectFamily(rows, RuleSet::Default());
//
// Deciding a plan or directive reads the rows as the policy parser does
// (PrepareLines: the "cell" repairs of every row). DecideFamily hands
// those lines on, so that the parser of a plan, directive or generic
// document does not prepare them a second time:
//
//   FamilyDecision decision = DecideFamily(rows, rules);
//   if (decision.family != DocumentFamily::kCompetencyStandard)
//     ParsePolicyLines(decision.lines, rules);
#ifndef DOCPIPE_PIPELINE_DOCUMENT_FAMILY_H_
#define DOCPIPE_PIPELINE_DOCUMENT_FAMILY_H_

#include <vector>

#include "normalize/repair/rule_set.h"
#include "normalize/repair/text_blocks.h"
#include "normalize/input/tab_text.h"

namespace docpipe {

enum class DocumentFamily { kCompetencyStandard, kPolicyDocument, kUnknown };

struct FamilyDecision {
  DocumentFamily family = DocumentFamily::kUnknown;
  // PrepareLines(rows, rules) for a plan, directive or generic document;
  // empty for a competency standard, whose parser reads the rows.
  std::vector<SourceLine> lines;
};

FamilyDecision DecideFamily(const std::vector<TabRow>& rows, const RuleSet& rules);

// DecideFamily's family alone.
DocumentFamily DetectFamily(const std::vector<TabRow>& rows, const RuleSet& rules);

// "competency_standard", "policy_document" or "generic_document": the
// document_type written for the family.
const char* DocumentTypeOf(DocumentFamily family);

}  // namespace docpipe

#endif  // DOCPIPE_PIPELINE_DOCUMENT_FAMILY_H_
