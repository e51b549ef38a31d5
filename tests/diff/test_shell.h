// Running docpipe and other programs from tests.
#ifndef DOCPIPE_TESTS_DIFF_TEST_SHELL_H_
#define DOCPIPE_TESTS_DIFF_TEST_SHELL_H_

#include <string>

namespace docpipe::diff::testing {

// Runs `command` with /bin/sh; returns its exit status, or -1 when it did
// not exit normally.
int RunShell(const std::string& command);

// A fresh directory under the GoogleTest temporary directory.
std::string MakeTempDir();

// Whole file, or "" when it cannot be read.
std::string ReadText(const std::string& path);

void WriteText(const std::string& path, const std::string& text);

// Single-quoted for /bin/sh.
std::string Quote(const std::string& text);

}  // namespace docpipe::diff::testing

#endif  // DOCPIPE_TESTS_DIFF_TEST_SHELL_H_
