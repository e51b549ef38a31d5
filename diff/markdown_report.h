// The differences as a Markdown document: summary table first, then the
// changes section by section, duty by duty and task by task. Edits inside a
// wording are marked <del>…</del> and <ins>…</ins> (rendered by GitHub and
// most Markdown viewers); document text is escaped so it cannot form markup.
#ifndef DOCPIPE_DIFF_MARKDOWN_REPORT_H_
#define DOCPIPE_DIFF_MARKDOWN_REPORT_H_

#include <string>

#include "diff/change.h"

namespace docpipe::diff {

std::string MarkdownReport(const DiffResult& result);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_MARKDOWN_REPORT_H_
