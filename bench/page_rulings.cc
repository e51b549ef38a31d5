// page_rulings: prints the rulings docpipe's extract finds on every page of a
// PDF, one JSON object per page, for bench/icdar_score.py to sort the ground
// truth's tables into ruling classes (full / partial / horizontal-only /
// none) independently of which tables docpipe detects.
//
//   build/bench/page_rulings FILE.pdf
//   {"page":1,"height":792,"h":[[y,x0,x1],...],"v":[[x,y0,y1],...],
//    "fills":[[x0,y0,x1,y1,"rrggbb"],...]}
// ("fills": the wide filled rectangles the reader keeps apart, before
// extract/fill_rulings.h decides which of their edges are rules.)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/pdf_reader.h"
#include "extract/ruling_detector.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: page_rulings FILE.pdf\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto reader = docpipe::PdfReader::Open(bytes.str(), std::nullopt);
  if (!reader.ok()) {
    std::cerr << "page_rulings: " << argv[1] << ": cannot open\n";
    return 4;
  }
  for (int p = 1; p <= (*reader)->page_count(); ++p) {
    docpipe::PageContent content = (*reader)->ReadPage(p);
    std::vector<docpipe::Ruling> rulings = docpipe::DetectRulings(content.segments);
    std::printf("{\"page\":%d,\"height\":%.2f,\"h\":[", p, content.height);
    bool first = true;
    for (const auto& r : rulings) {
      if (!r.horizontal) continue;
      std::printf("%s[%.2f,%.2f,%.2f]", first ? "" : ",", r.pos, r.start, r.end);
      first = false;
    }
    std::printf("],\"v\":[");
    first = true;
    for (const auto& r : rulings) {
      if (r.horizontal) continue;
      std::printf("%s[%.2f,%.2f,%.2f]", first ? "" : ",", r.pos, r.start, r.end);
      first = false;
    }
    std::printf("],\"fills\":[");
    first = true;
    for (const auto& f : content.fills) {
      std::printf("%s[%.2f,%.2f,%.2f,%.2f,\"%06x\"]", first ? "" : ",", f.box.x0, f.box.y0, f.box.x1, f.box.y1, f.rgb);
      first = false;
    }
    std::printf("]}\n");
  }
  return 0;
}
