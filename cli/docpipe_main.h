// The whole `docpipe` command line: what main runs, and what each document's
// worker runs when a worker server (batch/worker_server.h) forks it instead
// of starting the binary again.
#ifndef DOCPIPE_CLI_DOCPIPE_MAIN_H_
#define DOCPIPE_CLI_DOCPIPE_MAIN_H_

namespace docpipe {

// Parses argv (argv[0] is the program's name) and runs the subcommand;
// returns the exit code (cli/exit_codes.h). Prints at most the command's
// lines; never exits the process itself.
// Only the subcommand that argv[1] names is built, when it names one.
int DocpipeMain(int argc, char** argv);

}  // namespace docpipe

#endif  // DOCPIPE_CLI_DOCPIPE_MAIN_H_
