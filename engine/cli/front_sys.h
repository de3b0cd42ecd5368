// What the front (cli/front.cpp) asks of the system: four calls and the words for an
// errno. Two implementations: front_sys_libc.cpp, on the C library, and for the
// optimised x86-64 build front_sys_raw.cpp, on bare system calls with no C library at all —
// a static glibc's own start-up (TLS, ifunc relocations, stdio; ~26 page faults) was most
// of the ~1 ms every command paid for passing through the front (bench/README.md, "Fifth
// round"). The front allocates nothing and keeps no state.
#pragma once

namespace vanban::front {

long write_some(int fd, const char* data, unsigned long size);            // bytes written, or −errno
long read_link(const char* path, char* buffer, unsigned long size);       // its length, or −errno
long execute(const char* path, char* const* argv, char* const* envp);     // returns only −errno
[[noreturn]] void exit_process(int code);
const char* error_text(int err);  // "No such file or directory", as strerror says it

// front.cpp: the command line in, the exit code out (or no return, when a program was run).
int run(int argc, char** argv, char** envp);

}  // namespace vanban::front
