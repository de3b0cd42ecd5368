// `vanban`, the front (cli/hand_off.h): answers --version itself and execs the program
// that runs the command — vanban-render for the render path (render, lint, templates,
// convert), vanban-full for everything else. A start of this program costs less than any
// C program's (bench/README.md, "Fifth round"); the HarfBuzz, ICU and libharu start-up is
// paid only by the commands that use them.
//
// No C or C++ library here, only cli/front_sys.h: in the optimised x86-64 build this file
// is compiled freestanding and linked without even the C library. So: no std::string, no
// stdio, no strlen — the few loops below — and messages are built in a buffer on the stack.
#include "cli/front_sys.h"

#include <errno.h>  // the E* numbers only (macros: nothing to link)

#ifndef VANBAN_LIBEXEC_FROM_BIN
#define VANBAN_LIBEXEC_FROM_BIN "../libexec/vanban"
#endif
#ifndef VANBAN_VERSION
#define VANBAN_VERSION "0.0.0"
#endif
#ifndef VANBAN_RENDER_COMMANDS
#define VANBAN_RENDER_COMMANDS ""
#endif

namespace vanban::front {

namespace {

constexpr int kStdout = 1;
constexpr int kStderr = 2;

unsigned long length(const char* s) {
    unsigned long n = 0;
    while (s[n] != '\0') ++n;
    return n;
}

bool equal(const char* a, const char* b) {
    while (*a != '\0' && *a == *b) ++a, ++b;
    return *a == *b;
}

// A path or a message, built by appending; what does not fit is cut (a path that long
// would fail to exec anyway, and then says so).
class Text {
public:
    Text& operator<<(const char* s) {
        while (*s != '\0' && size_ + 1 < sizeof data_) data_[size_++] = *s++;
        data_[size_] = '\0';
        return *this;
    }
    Text& append(const char* s, unsigned long n) {
        for (unsigned long i = 0; i < n && size_ + 1 < sizeof data_; ++i) data_[size_++] = s[i];
        data_[size_] = '\0';
        return *this;
    }
    const char* c_str() const { return data_; }
    unsigned long size() const { return size_; }

private:
    char data_[8192];
    unsigned long size_ = 0;
};

// Writes all of `s`; returns 0 or the errno of the failed write.
long write_all(int fd, const char* s, unsigned long n) {
    while (n > 0) {
        const long written = write_some(fd, s, n);
        if (written == -EINTR) continue;
        if (written <= 0) return written == 0 ? EIO : -written;
        s += written;
        n -= static_cast<unsigned long>(written);
    }
    return 0;
}

void say(const Text& message) { (void)write_all(kStderr, message.c_str(), message.size()); }

// Standard output: a failed write (a full disk) is an error, exit 1.
int print(const char* s) {
    const long err = write_all(kStdout, s, length(s));
    if (err == 0) return 0;
    Text message;
    say(message << "error: cannot write to standard output: " << error_text(static_cast<int>(err)) << "\n");
    return 1;
}

// Whether `command` is one of the space-separated names in VANBAN_RENDER_COMMANDS (set
// from engine/cli/CMakeLists.txt: the cmd_*.cpp files that vanban-render links).
bool runs_in_render_program(const char* command) {
    const unsigned long len = length(command);
    const char* p = VANBAN_RENDER_COMMANDS;
    while (*p != '\0') {
        unsigned long n = 0;
        while (p[n] != '\0' && p[n] != ' ') ++n;
        bool same = n == len && len > 0;
        for (unsigned long i = 0; same && i < n; ++i) same = p[i] == command[i];
        if (same) return true;
        p += n;
        if (*p == ' ') ++p;
    }
    return false;
}

// Execs `program` from this program's directory (the build tree) or from libexec/vanban
// (installed: the path from bin/ is fixed at configure time). Returns only on failure.
[[noreturn]] void exec_program(const char* program, char** argv, char** envp) {
    char self[4096];
    const long n = read_link("/proc/self/exe", self, sizeof self - 1);
    long slash = n - 1;
    while (slash >= 0 && self[slash] != '/') --slash;
    if (n <= 0 || slash < 0) {
        Text message;
        say(message << "error: cannot find the vanban program's own directory (/proc/self/exe)\n");
        exit_process(1);
    }
    Text paths[2];
    paths[0].append(self, static_cast<unsigned long>(slash)) << "/" << program;
    paths[1].append(self, static_cast<unsigned long>(slash)) << "/" VANBAN_LIBEXEC_FROM_BIN "/" << program;
    long err = ENOENT;
    for (const Text& path : paths) {
        err = -execute(path.c_str(), argv, envp);
        if (err != ENOENT) {
            Text message;
            say(message << "error: cannot run " << path.c_str() << ": " << error_text(static_cast<int>(err)) << "\n");
            exit_process(1);
        }
    }
    Text message;
    say(message << "error: cannot run " << paths[1].c_str() << ": " << error_text(static_cast<int>(err))
                << " (vanban runs this command there; is vanban installed whole?)\n");
    exit_process(1);
}

}  // namespace

int run(int argc, char** argv, char** envp) {
    if (argc < 2) {
        Text message;
        say(message << "vanban: no command given\n(see vanban --help)\n");
        return 2;
    }
    if (equal(argv[1], "--version")) return print("vanban " VANBAN_VERSION "\n");
    // The same argv: the program sees "vanban" as argv[0], and exec keeps the process id,
    // the standard streams, signal dispositions and the exit code the command's own.
    exec_program(runs_in_render_program(argv[1]) ? "vanban-render" : "vanban-full", argv, envp);
}

}  // namespace vanban::front
