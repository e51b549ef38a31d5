#include "normalize/input/ocr_repair.h"

#include "normalize/input/confusable_tokens.h"

namespace docpipe {

Layout RepairOcrText(Layout layout, const RuleSet& rules) {
  for (Page& page : layout.pages) {
    if (page.source != PageSource::kOcr) continue;
    for (TextLine& line : page.lines) line.text = rules.ApplyStage("ocr", line.text);
    for (Table& table : page.tables) {
      for (Cell& cell : table.cells) {
        cell.text = rules.ApplyStage("ocr", cell.text);
        for (TextLine& line : cell.lines) line.text = rules.ApplyStage("ocr", line.text);
      }
    }
  }
  // After the rules (K0l is K01 before it votes): a reading that differs
  // from the document's usual spelling only in confusable characters.
  VoteConfusableTokens(&layout);
  return layout;
}

bool HasOcrPages(const Layout& layout) {
  for (const Page& page : layout.pages) {
    if (page.source == PageSource::kOcr) return true;
  }
  return false;
}

}  // namespace docpipe
