// `vanban`, the front (cli/hand_off.h): links nothing but the C library, answers
// --version itself and execs the program that runs the command — vanban-render for the
// render path (render, lint, templates, convert), vanban-full for everything else. A
// start of this program costs what any process costs (bench/README.md, "Cold"); the
// HarfBuzz, ICU and libharu start-up is paid only by the commands that use them.
//
// No C++ library here on purpose (no std::string, no iostream): libstdc++ alone would
// triple the start-up of --version.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#ifndef VANBAN_LIBEXEC_FROM_BIN
#define VANBAN_LIBEXEC_FROM_BIN "../libexec/vanban"
#endif
#ifndef VANBAN_VERSION
#define VANBAN_VERSION "0.0.0"
#endif
#ifndef VANBAN_RENDER_COMMANDS
#define VANBAN_RENDER_COMMANDS ""
#endif

namespace {

// Writes all of `s` to standard output; a failed write (a full disk) is an error.
int print(const char* s) {
    std::size_t left = std::strlen(s);
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, s, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::fprintf(stderr, "error: cannot write to standard output: %s\n", std::strerror(errno));
            return 1;
        }
        s += n;
        left -= static_cast<std::size_t>(n);
    }
    return 0;
}

// Whether `command` is one of the space-separated names in VANBAN_RENDER_COMMANDS (set
// from engine/cli/CMakeLists.txt: the cmd_*.cpp files that vanban-render links).
bool runs_in_render_program(const char* command) {
    const std::size_t len = std::strlen(command);
    for (const char* p = VANBAN_RENDER_COMMANDS; *p;) {
        const char* end = std::strchr(p, ' ');
        const std::size_t n = end ? static_cast<std::size_t>(end - p) : std::strlen(p);
        if (n == len && len > 0 && std::strncmp(p, command, n) == 0) return true;
        if (!end) break;
        p = end + 1;
    }
    return false;
}

// Execs `program` from this program's directory (the build tree) or from libexec/vanban
// (installed: the path from bin/ is fixed at configure time). Returns only on failure.
[[noreturn]] void exec_program(const char* program, char** argv) {
    char dir[4096];
    const ssize_t n = ::readlink("/proc/self/exe", dir, sizeof dir - 1);
    char* slash = n > 0 ? static_cast<char*>(::memrchr(dir, '/', static_cast<std::size_t>(n))) : nullptr;
    if (!slash) {
        std::fprintf(stderr, "error: cannot find the vanban program's own directory (/proc/self/exe)\n");
        std::exit(1);
    }
    *slash = '\0';
    char paths[2][4096 + 512];
    std::snprintf(paths[0], sizeof paths[0], "%s/%s", dir, program);
    std::snprintf(paths[1], sizeof paths[1], "%s/%s/%s", dir, VANBAN_LIBEXEC_FROM_BIN, program);
    int err = ENOENT;
    for (const char* path : paths) {
        ::execv(path, argv);
        err = errno;
        if (err != ENOENT) {
            std::fprintf(stderr, "error: cannot run %s: %s\n", path, std::strerror(err));
            std::exit(1);
        }
    }
    std::fprintf(stderr, "error: cannot run %s: %s (vanban runs this command there; is vanban installed whole?)\n",
                 paths[1], std::strerror(err));
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("vanban: no command given\n(see vanban --help)\n", stderr);
        return 2;
    }
    if (std::strcmp(argv[1], "--version") == 0) return print("vanban " VANBAN_VERSION "\n");
    // The same argv: the program sees "vanban" as argv[0], and exec keeps the process id,
    // the standard streams, signal dispositions and the exit code the command's own.
    exec_program(runs_in_render_program(argv[1]) ? "vanban-render" : "vanban-full", argv);
}
