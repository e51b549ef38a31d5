#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "common/exit_codes.h"
#include "cli/failure.h"
#include "cli/shared_options.h"
#include "cli/resource_limits.h"
#include "common/file_io.h"
#include "extract/extractor.h"
#include "extract/layout_json.h"
#include "extract/page_workers.h"

namespace docpipe {
namespace {

struct ExtractArgs {
  std::string input;
  std::string output;  // empty: stdout
  std::string pages;   // "A-B" or "A"
  PasswordOption password;
  std::string ocr = "auto";
  bool compact = false;
  int jobs = 0;  // 0: one per core
  ResourceLimits limits;
};

// "3" or "2-5" -> options; false when malformed.
bool ParsePageRange(const std::string& text, ExtractOptions* options) {
  size_t dash = text.find('-');
  try {
    size_t used = 0;
    int first = std::stoi(text.substr(0, dash), &used);
    if (used != (dash == std::string::npos ? text.size() : dash)) return false;
    int last = first;
    if (dash != std::string::npos) {
      std::string rest = text.substr(dash + 1);
      last = std::stoi(rest, &used);
      if (used != rest.size()) return false;
    }
    if (first < 1 || last < first) return false;
    options->first_page = first;
    options->last_page = last;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

// Writes the layout JSON of `doc`'s pages to args.output (atomically) or
// stdout, and the line of each page that could not be read to stderr.
int WritePages(const ExtractArgs& args, ExtractedPages& doc) {
  const char* me = "docpipe extract: ";
  const bool to_stdout = args.output.empty() || args.output == "-";
  std::unique_ptr<AtomicFileWriter> file;
  if (!to_stdout) {
    Result<std::unique_ptr<AtomicFileWriter>> opened = AtomicFileWriter::Open(args.output);
    if (!opened.ok()) {
      PrintFailure("extract", args.output, opened.status());
      return kExitWriteFailed;
    }
    file = std::move(*opened);
  }
  auto write = [&](const std::string& text) {
    if (!file) {
      std::cout << text;
      return Status::Ok();
    }
    return file->Write(text);
  };
  try {
    // Paths and PDF strings may hold bytes that are not UTF-8: replaced, not fatal.
    Status written = write(LayoutJsonHead(doc.head(), args.compact));
    std::string text;
    for (size_t i = 0; i < doc.size() && written.ok(); ++i) {
      Result<Page> page = doc.Next();
      if (!page.ok()) {
        PrintFailure("extract", args.input, page.status());
        return ExitCodeFor(page.status());
      }
      if (page->failed) {
        std::cerr << me << args.input << ": page " << page->number << " could not be read"
                  << (page->warnings.empty() ? std::string() : ": " + page->warnings.front()) << "\n";
      }
      text.clear();
      AppendLayoutJsonPage(*page, i == 0, args.compact, &text);
      written = write(text);
    }
    if (written.ok()) written = write(LayoutJsonTail(doc.size() > 0, args.compact));
    if (written.ok() && file) written = file->Commit();
    if (!written.ok()) {
      PrintFailure("extract", args.output, written);
      return kExitWriteFailed;
    }
  } catch (const std::bad_alloc&) {
    std::cerr << me << args.input << ": " << OutOfMemoryMessage(args.limits) << "\n";
    return kExitLimit;
  }
  return kExitOk;
}

int RunExtract(const ExtractArgs& args) {
  const char* me = "docpipe extract: ";
  ExtractOptions options;
  Result<std::optional<std::string>> password = args.password.Get();
  if (!password.ok()) {
    PrintFailure("extract", args.input, password.status());
    return kExitUsage;
  }
  options.password = *password;
  options.ocr = ParseOcrMode(args.ocr).value_or(OcrMode::kAuto);  // checked by CLI11
  options.jobs = args.jobs > 0 ? args.jobs : AvailableCores();
  if (!args.pages.empty() && !ParsePageRange(args.pages, &options)) {
    PrintFailure("extract", args.input,
                 Status::InvalidArgument("--pages wants A-B or A (1-based, A <= B), got '" + args.pages + "'"));
    return kExitUsage;
  }
  ApplyResourceLimits("extract", args.input, args.limits);
  if (args.limits.page_timeout_seconds > 0) options.page_seconds = args.limits.page_timeout_seconds;
  Result<std::string> bytes = ReadFile(args.input);
  if (!bytes.ok()) {
    EndLimitedWork();
    PrintFailure("extract", args.input, bytes.status());
    return ExitCodeFor(bytes.status());
  }
  // The pages are handed out one at a time and written as they come: the
  // whole layout, or its text, is never held (a 2,000-page PDF's is
  // hundreds of MB).
  std::unique_ptr<ExtractedPages> doc;
  try {
    Result<std::unique_ptr<ExtractedPages>> extracted = ExtractPages(*bytes, args.input, options);
    if (!extracted.ok()) {
      EndLimitedWork();
      PrintFailure("extract", args.input, extracted.status());
      return ExitCodeFor(extracted.status());
    }
    doc = std::move(*extracted);
  } catch (const std::bad_alloc&) {
    EndLimitedWork();
    std::cerr << me << args.input << ": " << OutOfMemoryMessage(args.limits) << "\n";
    return kExitLimit;
  }
  EndLimitedWork();
  std::string().swap(*bytes);
  return WritePages(args, *doc);
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "PDF -> layout JSON (text lines, ruled tables with spans, page furniture)");
  cmd->add_option("input", args->input, "Input PDF")->required();
  AddOutputOption(cmd, &args->output, "Output layout JSON");
  cmd->add_option("--pages", args->pages, "Page range A-B (1-based, inclusive) or a single page A");
  AddPasswordOption(cmd, &args->password);
  AddOcrOption(cmd, &args->ocr);
  AddCompactOption(cmd, &args->compact);
  AddJobsOption(cmd, &args->jobs);
  AddResourceLimitOptions(cmd, &args->limits);
  cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
}

}  // namespace docpipe
