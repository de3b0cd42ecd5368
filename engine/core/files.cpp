#include "core/files.h"

#include "core/diagnostic.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vanban {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) fail_at_pointer(path.string(), "", std::string("cannot create output: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string err = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            fail_at_pointer(path.string(), "", "cannot write output: " + err);
        }
        done += static_cast<std::size_t>(n);
    }
    // Ordinary files are readable by the group and others, like those cp or an editor make.
    ::fchmod(fd, 0644);
    if (::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const std::string err = std::strerror(errno);
        ::unlink(tmpl.c_str());
        fail_at_pointer(path.string(), "", "cannot write output: " + err);
    }
}

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
    std::error_code ec;
    if (fs::is_directory(path, ec)) fail_at_pointer(path.string(), "", "is a directory, not a file");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) fail_at_pointer(path.string(), "", std::string("cannot read: ") + std::strerror(errno));
    std::string out;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        out.append(buf, n);
        if (out.size() > max_bytes) {
            std::fclose(f);
            fail_at_pointer(path.string(), "", "file is larger than the limit of " + std::to_string(max_bytes) + " bytes");
        }
    }
    std::fclose(f);
    return out;
}

}  // namespace vanban
