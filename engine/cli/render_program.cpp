// vanban-render's half of cli/hand_off.h: find vanban-full and exec it.
#include "cli/hand_off.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#ifndef VANBAN_FULL_FROM_BIN
#define VANBAN_FULL_FROM_BIN "../libexec/vanban"
#endif

namespace vanban::cli {

namespace {

std::string own_directory() {
    char buf[4096];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    const std::string exe(buf, static_cast<std::size_t>(n));
    const auto slash = exe.rfind('/');
    return slash == std::string::npos ? std::string{} : exe.substr(0, slash);
}

}  // namespace

void run_in_full_program() {
    const std::string dir = own_directory();
    // vanban-full sits next to vanban-render, in build/ and in libexec/vanban; the second
    // path is for a vanban-render run from bin/ (the path between them is fixed at configure time).
    const std::string candidates[] = {dir + "/vanban-full", dir + "/" VANBAN_FULL_FROM_BIN "/vanban-full"};
    int err = ENOENT;
    for (const auto& path : candidates) {
        if (dir.empty()) break;
        ::execv(path.c_str(), command_line());
        err = errno;
        if (err != ENOENT) {
            std::fprintf(stderr, "error: cannot run %s: %s\n", path.c_str(), std::strerror(err));
            std::exit(1);
        }
    }
    std::fprintf(stderr, "error: cannot run %s: %s (vanban runs this command there; is vanban installed whole?)\n",
                 candidates[1].c_str(), std::strerror(err));
    std::exit(1);
}

}  // namespace vanban::cli
