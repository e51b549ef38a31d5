// The differences as one self-contained HTML page: inline CSS, no scripts,
// no external assets, so it can be mailed or archived as a single file.
//
// Layout: title and inputs, a summary table of counts per kind, then one
// table per section, duty and task with the old version on the left and the
// new on the right; deleted characters are marked <del>, inserted ones
// <ins>. All document text is HTML-escaped.
#ifndef DOCPIPE_DIFF_HTML_REPORT_H_
#define DOCPIPE_DIFF_HTML_REPORT_H_

#include <string>

#include "diff/change.h"

namespace docpipe::diff {

std::string HtmlReport(const DiffResult& result);

}  // namespace docpipe::diff

#endif  // DOCPIPE_DIFF_HTML_REPORT_H_
