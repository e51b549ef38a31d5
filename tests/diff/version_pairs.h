// Builds new versions of a sample standard by deliberate edits, for the diff
// tests: each helper changes one thing, the way a publisher would.
#ifndef DOCPIPE_TESTS_DIFF_VERSION_PAIRS_H_
#define DOCPIPE_TESTS_DIFF_VERSION_PAIRS_H_

#include <nlohmann/json.hpp>
#include <string>

namespace docpipe::diff::testing {

using Json = nlohmann::ordered_json;

// samples/text/<name>.txt through the normalize pipeline; aborts the test
// binary with a message if the pipeline fails.
Json LoadSample(const std::string& name);

// The duty with this code (the document itself when absent, after a
// non-fatal test failure).
Json& Duty(Json& doc, const std::string& code);

// Gives a task the number `number` ("1.3"): its code and the codes of its
// outputs and indicators, numbered by position as the standards do.
void Renumber(Json& task, const std::string& number);

// A task that no sample has (評估雲端服務安全風險), numbered `number`, with
// one output, two indicators, K01 and S01.
Json NewTask(const std::string& number);

// Replaces `code` by `replacement` in the K (or S) dictionary and in every
// task's references ("knowledge" or "skills").
void RenameCode(Json& doc, const char* list, const std::string& code, const std::string& replacement);

// "K05" for 5: the two-digit codes of the dictionaries.
std::string TwoDigitCode(char letter, int n);

// Several edits at once, for report tests: a task inserted as T1.2 (later
// tasks of T1 renumbered), indicator P1.1.2 reworded (檢討 -> 審查), K05
// renumbered K32 everywhere, duty T2 renamed, the first note removed. Made
// for INM3513-001v4.
Json ConstructedNextVersion(const Json& sample);

}  // namespace docpipe::diff::testing

#endif  // DOCPIPE_TESTS_DIFF_VERSION_PAIRS_H_
