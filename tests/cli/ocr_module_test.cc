// The OCR engine as a module loaded at the first page that needs it
// (extract/ocr_module.h), as a user meets it: the binary does not need
// Tesseract to start, and a missing module is one line and the documented
// exit of a scan that OCR could not read.
#include <gtest/gtest.h>

#include "tests/cli/run_command.h"

namespace docpipe {
namespace {
using testing::Quote;
using testing::RunCommand;

const std::string kDocpipe = DOCPIPE_BINARY;
const std::string kSource = DOCPIPE_SOURCE_DIR;
const std::string kScan = kSource + "/tests/data/scans/INM2529-002v2_scan.pdf";  // pages 1-2, scanned

TEST(OcrModule, TheBinaryNeedsNeitherTesseractNorLeptonicaNorOpenMp) {
  testing::CommandResult r = RunCommand("readelf -d " + Quote(kDocpipe));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ASSERT_NE(r.output.find("(NEEDED)"), std::string::npos) << r.output;
  for (const char* library : {"libtesseract", "liblept", "libgomp"}) {
    EXPECT_EQ(r.output.find(library), std::string::npos) << library << " in\n" << r.output;
  }
}

TEST(OcrModule, AMissingModuleIsOneLineAndTheExitOfAScanNothingRead) {
  testing::CommandResult r = RunCommand("DOCPIPE_OCR_MODULE=/nonexistent/docpipe_ocr.so " + kDocpipe + " extract " +
                                        Quote(kScan) + " --pages 1-1 -o /dev/null");
  EXPECT_EQ(r.exit_code, 5) << r.output;
  EXPECT_EQ(r.output,
            "docpipe extract: " + kScan +
                ": unsupported: no text: the PDF's pages hold no text layer and OCR recognised none (the OCR module "
                "docpipe_ocr.so is not installed (looked for /nonexistent/docpipe_ocr.so))\n");
}

}  // namespace
}  // namespace docpipe
