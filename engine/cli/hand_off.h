// Three programs behind one command (bench/README.md, "Cold"):
// - `vanban` (cli/front.cpp) links no library (in the optimised x86-64 build not even the
//   C library: cli/front_sys.h): it answers --version and execs one of the two others
//   with the same argv, so it starts faster than any C program.
// - `vanban-render` runs render, lint, templates and convert: HarfBuzz, ICU, libharu,
//   pugixml, libdeflate (libzip is loaded when a DOCX is written: cli/lazy_zip.cpp).
//   Its --help, render's --check (QPDF) and --register (SQLite), and the signing
//   options hand over to vanban-full (run_in_full_program below).
// - `vanban-full` links everything (QPDF, OpenSSL, cpp-httplib, SQLite, libxlsxwriter:
//   ~20 more shared libraries and ~9,000 more symbol relocations at every start).
//
// Each hand-over is an exec, not fork + wait, so the process id, stdin/stdout/stderr,
// signal dispositions and the exit code stay the command's own.
#pragma once

namespace vanban::cli {

// main() keeps its argv before anything else runs.
void keep_command_line(char** argv);
char** command_line();

// In vanban-render: execs vanban-full with the kept argv and never returns (if it cannot,
// says why on stderr and exits 1). In vanban-full: returns at once, everything is here.
void run_in_full_program();

// Ends the process once a command has returned `code` (its outputs are written, synced and
// closed; its threads joined). In vanban-render: flushes standard output and _exits, skipping
// the static destructors (libstdc++'s locale facets, ICU, the font caches), which were a tenth
// of a short render's CPU (bench/README.md); under AddressSanitizer it exits normally so the
// leak check still runs. In vanban-full: std::exit.
[[noreturn]] void end_process(int code);

}  // namespace vanban::cli
