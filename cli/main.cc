// docpipe: competency standards and government plans from PDF or extracted
// text to validated JSON. See README.md for commands and exit codes.
#include "cli/docpipe_main.h"

int main(int argc, char** argv) { return docpipe::DocpipeMain(argc, argv); }
