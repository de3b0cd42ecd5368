// Two programs behind one command. `vanban` (the front) links only what render, lint,
// templates and convert need, so it starts in a few milliseconds; every other command,
// --help, and render's --check (QPDF) and --register (SQLite) run in vanban-full, which
// links everything (QPDF, OpenSSL, cpp-httplib, SQLite, libxlsxwriter: ~20 more shared
// libraries and ~9,000 more symbol relocations at every start; bench/README.md).
//
// The front execs vanban-full with the same argv: exec, not fork + wait, so the process
// id, stdin/stdout/stderr, signal dispositions and the exit code stay the command's own.
#pragma once

namespace vanban::cli {

// main() keeps its argv before anything else runs.
void keep_command_line(char** argv);
char** command_line();

// In the front: execs vanban-full with the kept argv and never returns (if it cannot,
// says why on stderr and exits 1). In vanban-full: returns at once, everything is here.
void run_in_full_program();

}  // namespace vanban::cli
