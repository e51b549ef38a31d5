// `docpipe __worker-server --parent-pid PID`: the worker server of `run`
// (batch/worker_server.h). Hidden from --help: only `run` starts it, with
// its channel on kWorkerServerChannelFd.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string_view>

#include "batch/worker_server.h"
#include "cli/commands.h"
#include "cli/docpipe_main.h"
#include "common/exit_codes.h"
#include "normalize/repair/rule_set.h"
#include "pipeline/pipeline.h"
#include "schema/schema_validator.h"

namespace docpipe {
namespace {

// A competency standard and a plan of a few lines each: what a real
// document's normalize touches first (sniffing, rows, family detection,
// the parsers, the JSON and its schema), done once here and not again in
// every forked worker.
constexpr char kWarmStandard[] =
    "網站管理維護人員職能基準\n\n"
    "職能基準代碼\t\tIIS3513-001v4\t\t\t\n"
    "職能基準名稱 (擇一填寫)\t\t職類\t\t\t\n"
    "\t\t職業\t網站管理維護人員\t\t\n"
    "工作描述\t\t網站伺服器維護及管理。\t\t\t\n"
    "基準級別\t\t3\t\t\t\n\n"
    "主要職責\t工作任務\t工作產出\t行為指標\t職能 級別\t職能內涵 (K=knowledge 知識)\t職能內涵 (S=skills 技能)\n"
    "T1作業系統的配置\tT1.1找出可用的 OS\tO1.1.1建議書\tP1.1.1.確認使用者需求。\t3\tK01目前技術系統架構\tS01溝通協調能力\n";
constexpr char kWarmPlan[] =
    "第一章 前言\n\n"
    "為強化國家資通訊安全能力，行政院訂定本方案。\n\n"
    "壹、目標\n"
    "一、建構安全的資通訊環境。\n"
    "(一)強化防護能力。\n";

// Everything a worker would otherwise do first in every process: every
// rule of both inputs compiled (RuleSet::Default compiles each lazily), the
// schemas loaded, two small documents normalized. Results are not looked
// at: only what they leave compiled and cached matters.
void WarmUp() {
  for (RuleInput input : {RuleInput::kText, RuleInput::kPdf}) {
    const RuleSet& rules = RuleSet::Default(input);
    for (const Rule& rule : rules.rules()) {
      if (rule.kind == "pattern") rules.Pattern(rule.name);
      for (const RuleExample& example : rule.examples) {
        rules.ApplyRule(rule, example.before);
        rules.ApplyStage(rule.stage, example.before);
      }
    }
  }
  for (SchemaKind kind : {SchemaKind::kCompetencyStandard, SchemaKind::kPolicyDocument, SchemaKind::kLayout}) {
    Status ignored = ValidateDocument(nlohmann::ordered_json::object(), kind);
    (void)ignored;
  }
  PipelineOptions options;
  for (const char* text : {kWarmStandard, kWarmPlan}) {
    Result<nlohmann::ordered_json> ignored = ProcessBytes(text, "warm-up.txt", options);
    (void)ignored;
  }
}

// One forked worker: the same entry point as a started binary's main.
int RunWorker(const std::vector<std::string>& args) {
  // Tests make a worker crash here (a document's path containing this
  // value), to see the run report it and go on; with "reused:" before the
  // value, only a worker that has served documents before crashes.
  static int served = 0;
  if (const char* fault = std::getenv("DOCPIPE_WORKER_CRASH_FOR_TESTS"); fault != nullptr && args.size() > 2) {
    std::string_view value = fault;
    const bool reused_only = value.rfind("reused:", 0) == 0;
    if (reused_only) value.remove_prefix(7);
    if (!value.empty() && args[2].find(value) != std::string::npos && (!reused_only || served > 0)) {
      signal(SIGSEGV, SIG_DFL);  // not a sanitizer's report: the plain crash
      raise(SIGSEGV);
    }
  }
  ++served;
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int code = DocpipeMain(static_cast<int>(copy.size()), argv.data());
  std::cout.flush();
  std::cerr.flush();
  return code;
}

int RunWorkerServer(int parent) {
  // Dies with the run thread that started it; a run already gone (before
  // the prctl) is not served.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) return kExitInternal;
  // The channel moves above the worker's descriptors (its password is fd 3).
  const int channel = ::fcntl(kWorkerServerChannelFd, F_DUPFD_CLOEXEC, 10);
  if (channel < 0) {
    std::cerr << "docpipe __worker-server: no channel on fd " << kWorkerServerChannelFd << "\n";
    return kExitUsage;
  }
  ::close(kWorkerServerChannelFd);
  WarmUp();
  const int served = ServeWorkers(channel, RunWorker);
  ::close(channel);
  return served == 0 ? kExitOk : kExitInternal;
}

}  // namespace

void AddWorkerServerCommand(CLI::App& app, int* exit_code) {
  auto parent = std::make_shared<int>(0);
  CLI::App* cmd = app.add_subcommand("__worker-server", "Serve `run`'s workers (internal)");
  cmd->group("");
  cmd->add_option("--parent-pid", *parent, "The run process that started this server")->required();
  cmd->callback([parent, exit_code] { *exit_code = RunWorkerServer(*parent); });
}

}  // namespace docpipe
