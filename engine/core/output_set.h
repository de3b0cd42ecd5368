// Output files committed all together or not at all.
//
// A document's PDF and DOCX, or a summary's PDF, JSON, CSV and XLSX, are one result:
// a reader must never find the new PDF next to the old DOCX. An OutputSet writes every
// file to a hidden temporary beside its target (".NAME.XXXXXX"), and only when all are
// written does commit() fsync and rename them all, then fsync their directories. A set
// destroyed without commit() removes its temporaries; so do SIGINT and SIGTERM (see
// install_signal_cleanup).
//
// Policy for the targets, checked when a file is added (before anything is written):
// - a new file gets mode 0666 & ~umask, like any Unix tool; an existing file keeps its
//   mode (a "Mật" document made 0600 stays 0600);
// - an existing target without any write bit (chmod 0444) is refused, as cp without
//   -f refuses it: remove it or make it writable first;
// - a symbolic link is written through: the file it points to is replaced and the link
//   stays; a dangling link is refused;
// - a directory is refused; a character device or FIFO (/dev/stdout, /dev/null) is
//   written directly, since it cannot be renamed over.
#pragma once

#include <csignal>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

class OutputSet {
public:
    OutputSet() = default;
    ~OutputSet();  // removes the temporaries of a set that was not committed
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;

    // Writes `bytes` to a temporary for `target`. Throws vanban::Error naming the target.
    void add(const std::filesystem::path& target, std::string_view bytes);

    // A temporary file for `target`, for a library that writes by name (libxlsxwriter):
    // the caller fills it, and checks what it wrote, before commit().
    std::filesystem::path reserve(const std::filesystem::path& target);

    // fsyncs every temporary, renames each over its target, fsyncs the directories.
    // Throws vanban::Error; the temporaries not yet renamed are removed.
    void commit();

    // The targets as given, in the order added.
    const std::vector<std::filesystem::path>& targets() const { return targets_; }

private:
    struct Entry {
        std::filesystem::path target;   // where the file lands (a symlink resolved)
        std::filesystem::path temp;     // empty: written directly (a device or FIFO)
        unsigned mode = 0;
        int slot = -1;                  // in the signal-cleanup table
    };
    Entry prepare(const std::filesystem::path& target);
    void discard(Entry& e);
    std::vector<Entry> entries_;
    std::vector<std::filesystem::path> targets_;
};

// The process's umask, read once without changing it (from /proc/self/status).
unsigned process_umask();

// Installs SIGINT/SIGTERM handlers that remove every live temporary of every OutputSet.
// graceful = false: the first signal cleans up and exits with 128 + signal number.
// graceful = true: the first signal only sets interrupted() — a batch stops taking new
// documents, finishes the ones in hand and writes its report — and a second signal
// cleans up and exits at once. Also ignores SIGPIPE, so that a closed pipe is an EPIPE
// error where the write happens (write_stdout) instead of a silent death.
void install_signal_cleanup(bool graceful);

// 0, or the signal (SIGINT, SIGTERM) received in graceful mode.
int interrupted();

}  // namespace vanban
