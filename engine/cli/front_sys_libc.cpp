// cli/front_sys.h on the C library: for builds that are not the optimised x86-64 one
// (the sanitizer build, other architectures).
#include "cli/front_sys.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace vanban::front {

long write_some(int fd, const char* data, unsigned long size) {
    const ssize_t n = ::write(fd, data, size);
    return n < 0 ? -errno : n;
}

long read_link(const char* path, char* buffer, unsigned long size) {
    const ssize_t n = ::readlink(path, buffer, size);
    return n < 0 ? -errno : n;
}

long execute(const char* path, char* const* argv, char* const* envp) {
    ::execve(path, argv, envp);
    return -errno;
}

void exit_process(int code) { std::exit(code); }

const char* error_text(int err) { return std::strerror(err); }

}  // namespace vanban::front

int main(int argc, char** argv) { return vanban::front::run(argc, argv, environ); }
