// Where the binary looks for the OCR module (extract/ocr_module.h).
#include "extract/ocr_module.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

TEST(OcrModule, LookedForNextToTheBinaryThenInItsInstallFolderThenTheBuildTree) {
  EXPECT_EQ(OcrModuleCandidates("/opt/docpipe/bin/docpipe", "", "/src/build/docpipe_ocr.so"),
            (std::vector<std::string>{"/opt/docpipe/bin/docpipe_ocr.so", "/opt/docpipe/lib/docpipe/docpipe_ocr.so",
                                      "/src/build/docpipe_ocr.so"}));
}

TEST(OcrModule, TheEnvironmentNamesTheOnlyPlaceLookedAt) {
  EXPECT_EQ(OcrModuleCandidates("/opt/docpipe/bin/docpipe", "/elsewhere/ocr.so", "/src/build/docpipe_ocr.so"),
            (std::vector<std::string>{"/elsewhere/ocr.so"}));
}

TEST(OcrModule, WithoutItsOwnPathTheBinaryStillHasTheBuildTree) {
  EXPECT_EQ(OcrModuleCandidates("", "", "/src/build/docpipe_ocr.so"),
            (std::vector<std::string>{"/src/build/docpipe_ocr.so"}));
}

}  // namespace
}  // namespace docpipe
