#include "core/files.h"

#include "core/diagnostic.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vanban {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail_errno(const std::string& name, const std::string& what) {
    fail_at_pointer(name, "", what + ": " + std::strerror(errno));
}

// Opens a file for reading; only regular files (a FIFO or a device could block or
// never end, and a directory is a mistake).
int open_regular(const fs::path& path, const std::string& name, struct stat& st) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) fail_errno(name, "cannot read");
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        errno = err;
        fail_errno(name, "cannot read");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        fail_at_pointer(name, "", S_ISDIR(st.st_mode) ? "is a directory, not a file" : "is not a regular file");
    }
    return fd;
}

}  // namespace

void fsync_path(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail_at_pointer(path.string(), "", std::string("cannot open to sync: ") + std::strerror(errno));
    if (::fsync(fd) != 0) {
        const std::string err = std::strerror(errno);
        ::close(fd);
        fail_at_pointer(path.string(), "", "cannot sync to disk: " + err);
    }
    ::close(fd);
}

std::string read_file(const fs::path& path, std::size_t max_bytes) {
    struct stat st{};
    const int fd = open_regular(path, path.string(), st);
    std::string out;
    char buf[65536];
    for (;;) {
        const auto n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            errno = err;
            fail_errno(path.string(), "read error");  // never taken for the end of the file
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > max_bytes) {
            ::close(fd);
            fail_at_pointer(path.string(), "", "file is larger than the limit of " + std::to_string(max_bytes) + " bytes");
        }
    }
    ::close(fd);
    return out;
}

std::string read_file_range(const fs::path& path, std::uint64_t offset, std::size_t length, const std::string& name) {
    struct stat st{};
    const int fd = open_regular(path, name, st);
    std::string out(length, '\0');
    std::size_t done = 0;
    while (done < length) {
        const auto n = ::pread(fd, out.data() + done, length - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : 0;
            ::close(fd);
            if (n == 0) fail_at_pointer(name, "", "the file became shorter while the batch ran");
            errno = err;
            fail_errno(name, "read error");
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return out;
}

void write_stdout(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(1, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail_errno("standard output", "cannot write");
        }
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace vanban
