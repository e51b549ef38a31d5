// OcrEngine::Open and Deskew for the docpipe binary: they load the OCR
// module (extract/ocr_module.h) once per process, at the first page that
// needs OCR, and call into it. Linking Tesseract into the binary cost every
// process ~12 ms of dynamic loading (37 M instructions of 553 M for a
// 9-page standard) whether or not it read a scan.
#include <dlfcn.h>
#include <time.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

#include "extract/ocr_module.h"

namespace docpipe {
namespace {

using AbiFn = int (*)();
using OpenFn = void (*)(const OcrOptions*, OcrEngine**, Status*);
using DeskewFn = void (*)(const PageImage*, PageImage*, double*);

struct OcrModule {
  OpenFn open = nullptr;
  DeskewFn deskew = nullptr;
};

// Loads the module from the first candidate that has one. A failure is not
// kept, so a later call looks again; the module once loaded stays for the
// process (it is never dlclose'd: Tesseract's and OpenMP's threads and
// statics outlive any one engine).
Result<const OcrModule*> LoadOcrModule() {
  static std::mutex mutex;
  static OcrModule module;
  static bool loaded = false;
  std::lock_guard<std::mutex> lock(mutex);
  if (loaded) return &module;
  std::error_code error;
  const std::string executable = std::filesystem::read_symlink("/proc/self/exe", error).string();
  const char* env = std::getenv("DOCPIPE_OCR_MODULE");
#ifdef DOCPIPE_OCR_MODULE_BUILD_PATH
  const std::string build_module = DOCPIPE_OCR_MODULE_BUILD_PATH;
#else
  const std::string build_module;
#endif
  std::string looked;
  for (const std::string& path : OcrModuleCandidates(executable, env ? env : "", build_module)) {
    if (!std::filesystem::exists(path, error)) {
      looked += (looked.empty() ? "" : ", ") + path;
      continue;
    }
    // RTLD_LOCAL: Tesseract's symbols stay the module's.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      return Status::Unsupported("the OCR module " + path + " does not load: " + (why ? why : "unknown reason"));
    }
    auto abi = reinterpret_cast<AbiFn>(dlsym(handle, "docpipe_ocr_module_abi"));
    module.open = reinterpret_cast<OpenFn>(dlsym(handle, "docpipe_ocr_open"));
    module.deskew = reinterpret_cast<DeskewFn>(dlsym(handle, "docpipe_ocr_deskew"));
    if (abi == nullptr || abi() != kOcrModuleAbi || module.open == nullptr || module.deskew == nullptr) {
      dlclose(handle);
      return Status::Unsupported("the OCR module " + path + " is not this docpipe's (rebuild or reinstall it)");
    }
    loaded = true;
    return &module;
  }
  return Status::Unsupported(std::string("the OCR module ") + kOcrModuleFile + " is not installed (looked for " +
                             looked + ")");
}

}  // namespace

std::vector<std::string> OcrModuleCandidates(const std::string& executable, const std::string& env_module,
                                             const std::string& build_module) {
  if (!env_module.empty()) return {env_module};
  std::vector<std::string> candidates;
  if (!executable.empty()) {
    const std::filesystem::path folder = std::filesystem::path(executable).parent_path();
    candidates.push_back((folder / kOcrModuleFile).string());
    candidates.push_back((folder.parent_path() / "lib" / "docpipe" / kOcrModuleFile).string());
  }
  if (!build_module.empty()) candidates.push_back(build_module);
  return candidates;
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Open(const OcrOptions& options) {
  Result<const OcrModule*> module = LoadOcrModule();
  if (!module.ok()) return module.status();
  OcrEngine* engine = nullptr;
  Status status;
  (*module)->open(&options, &engine, &status);
  if (engine == nullptr) return status.ok() ? Status::Internal("the OCR module opened no engine") : status;
  return std::unique_ptr<OcrEngine>(engine);
}

PageImage Deskew(const PageImage& image, double* degrees) {
  *degrees = 0;
  Result<const OcrModule*> module = LoadOcrModule();
  if (!module.ok()) return image;  // no engine could have been opened either
  PageImage straight;
  (*module)->deskew(&image, &straight, degrees);
  return straight;
}

}  // namespace docpipe
