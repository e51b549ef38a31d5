// Texts for the tests that hold a fast path to its slow path: every line of
// the text samples (samples/text) and every TAB-separated cell of each.
#ifndef DOCPIPE_TESTS_SAMPLE_TEXTS_H_
#define DOCPIPE_TESTS_SAMPLE_TEXTS_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace docpipe {

inline void AppendSampleLinesAndCells(std::vector<std::string>* texts) {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(DOCPIPE_SOURCE_DIR) + "/samples/text")) {
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      texts->push_back(line);
      std::stringstream cells(line);
      std::string cell;
      while (std::getline(cells, cell, '\t')) texts->push_back(cell);
    }
  }
}

}  // namespace docpipe

#endif  // DOCPIPE_TESTS_SAMPLE_TEXTS_H_
