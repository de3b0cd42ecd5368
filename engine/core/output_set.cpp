#include "core/output_set.h"

#include "core/diagnostic.h"
#include "core/files.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace vanban {

namespace fs = std::filesystem;

namespace {

// --- the temporaries a signal must remove ------------------------------------------
// A fixed table, because a signal handler may neither lock nor allocate: a slot is
// free (0), being filled (1) or holds a live temporary's path (2).
constexpr int kSlots = 1024;
constexpr std::size_t kPathMax = 1024;
struct Slot {
    std::atomic<int> state{0};
    char path[kPathMax]{};
};
// constinit: zero pages from the loader. Without it (path left uninitialised) GCC emits a
// start-up loop storing 0 into each of the 1,024 states, faulting in 1 MB at every start.
constinit Slot g_slots[kSlots];
std::atomic<int> g_interrupted{0};
std::atomic<bool> g_graceful{false};

int register_temp(const std::string& path) {
    if (path.size() >= kPathMax) return -1;  // still removed on errors, just not on signals
    for (int i = 0; i < kSlots; ++i) {
        int expected = 0;
        if (g_slots[i].state.compare_exchange_strong(expected, 1)) {
            std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
            g_slots[i].state.store(2);
            return i;
        }
    }
    return -1;
}

void unregister_temp(int slot) {
    if (slot >= 0) g_slots[slot].state.store(0);
}

void on_signal(int sig) {
    if (g_graceful.load() && g_interrupted.load() == 0) {
        g_interrupted.store(sig);
        const char msg[] = "\nvanban: interrupted; finishing the documents in hand (signal again to stop now)\n";
        [[maybe_unused]] const auto n = ::write(2, msg, sizeof msg - 1);
        return;
    }
    for (auto& s : g_slots) {
        if (s.state.load() == 2) ::unlink(s.path);
    }
    ::_exit(128 + sig);
}

[[noreturn]] void fail_errno(const fs::path& target, const std::string& what) {
    fail_at_pointer(target.string(), "", what + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view bytes, const fs::path& target) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail_errno(target, "cannot write output");
        }
        done += static_cast<std::size_t>(n);
    }
}

// ".NAME.XXXXXX" beside the target; a name near NAME_MAX is shortened (at a UTF-8
// boundary) so that a 250-byte output name still gets a temporary.
std::string temp_template(const fs::path& target) {
    std::string name = target.filename().string();
    constexpr std::size_t kNameMax = 255, kExtra = 8;  // "." + ".XXXXXX"
    if (name.size() + kExtra > kNameMax) {
        std::size_t cut = kNameMax - kExtra;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name.resize(cut);
    }
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    return (dir / ("." + name + ".XXXXXX")).string();
}

}  // namespace

unsigned process_umask() {
    static const unsigned mask = [] {
        std::ifstream status("/proc/self/status");
        for (std::string line; std::getline(status, line);) {
            if (line.rfind("Umask:", 0) == 0) return static_cast<unsigned>(std::stoul(line.substr(6), nullptr, 8));
        }
        const mode_t m = ::umask(022);  // no /proc: read it the old way (not thread-safe, once)
        ::umask(m);
        return static_cast<unsigned>(m);
    }();
    return mask;
}

void install_signal_cleanup(bool graceful) {
    g_graceful.store(graceful);
    (void)process_umask();  // read before any thread starts
    struct sigaction sa{};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

int interrupted() { return g_interrupted.load(); }

// --- OutputSet ------------------------------------------------------------------------

OutputSet::~OutputSet() {
    for (auto& e : entries_) discard(e);
}

void OutputSet::discard(Entry& e) {
    if (!e.temp.empty()) ::unlink(e.temp.c_str());
    unregister_temp(e.slot);
    e.slot = -1;
    e.temp.clear();
}

OutputSet::Entry OutputSet::prepare(const fs::path& target) {
    Entry e;
    e.target = target;
    struct stat st{};
    if (::lstat(target.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        std::error_code ec;
        const fs::path real = fs::canonical(target, ec);
        if (ec) fail_at_pointer(target.string(), "", "is a symbolic link to a missing file; refusing to write through it");
        e.target = real;
    }
    if (::stat(e.target.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) fail_at_pointer(target.string(), "", "is a directory; cannot write the output there");
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return e;  // written directly, no temp
        if (!S_ISREG(st.st_mode)) fail_at_pointer(target.string(), "", "is not a regular file; refusing to replace it");
        if ((st.st_mode & 0222) == 0) {
            fail_at_pointer(target.string(), "", "is read-only; refusing to replace it (remove it or make it writable first)");
        }
        e.mode = st.st_mode & 0777;
    } else if (errno != ENOENT) {
        fail_errno(target, "cannot look at output");
    } else {
        e.mode = 0666 & ~process_umask();
    }
    std::string tmpl = temp_template(e.target);
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) fail_errno(target, "cannot create output");
    ::close(fd);
    e.temp = tmpl;
    e.slot = register_temp(tmpl);
    return e;
}

void OutputSet::add(const fs::path& target, std::string_view bytes) {
    Entry e = prepare(target);
    entries_.push_back(e);
    targets_.push_back(target);
    Entry& mine = entries_.back();
    if (mine.temp.empty()) {  // a device or FIFO
        const int fd = ::open(mine.target.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) fail_errno(target, "cannot open output");
        try {
            write_all(fd, bytes, target);
        } catch (...) {
            ::close(fd);
            throw;
        }
        if (::close(fd) != 0) fail_errno(target, "cannot write output");
        return;
    }
    const int fd = ::open(mine.temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) fail_errno(target, "cannot create output");
    try {
        write_all(fd, bytes, target);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) fail_errno(target, "cannot write output");
}

fs::path OutputSet::reserve(const fs::path& target) {
    Entry e = prepare(target);
    if (e.temp.empty()) fail_at_pointer(target.string(), "", "is not a regular file; this output must be a file");
    entries_.push_back(e);
    targets_.push_back(target);
    return e.temp;
}

void OutputSet::commit() {
    // Every temporary gets its mode and reaches the disk before any is renamed.
    for (const auto& e : entries_) {
        if (e.temp.empty()) continue;
        if (::chmod(e.temp.c_str(), e.mode) != 0) fail_errno(e.target, "cannot set the output's mode");
        const int fd = ::open(e.temp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) fail_errno(e.target, "cannot sync output to disk");
        if (::fsync(fd) != 0) {
            const int err = errno;
            ::close(fd);
            errno = err;
            fail_errno(e.target, "cannot sync output to disk");
        }
        ::close(fd);
    }
    std::set<fs::path> dirs;
    for (auto& e : entries_) {
        if (e.temp.empty()) continue;
        if (std::rename(e.temp.c_str(), e.target.c_str()) != 0) fail_errno(e.target, "cannot write output");
        unregister_temp(e.slot);
        e.slot = -1;
        e.temp.clear();
        dirs.insert(e.target.has_parent_path() ? e.target.parent_path() : fs::path("."));
    }
    for (const auto& d : dirs) fsync_path(d);  // only now do the new names survive a power cut
    entries_.clear();
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    OutputSet set;
    set.add(path, bytes);
    set.commit();
}

}  // namespace vanban
