// File input and output that never loses a byte silently: every read and write result
// is checked, and a failure is a vanban::Error naming the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace vanban {

// Writes one file the way an OutputSet of one does (core/output_set.h): a temporary
// beside the target, fsynced, renamed over it, the directory fsynced. Throws vanban::Error.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// Reads a whole regular file, refusing files larger than `max_bytes`. A read error is
// an error (never an early end of file); so are directories, FIFOs and devices, which
// could block or never end. Throws vanban::Error naming the file.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

// Reads `length` bytes at `offset` (one line of a JSON Lines file); a short read is an
// error, since the file was measured before. Throws vanban::Error naming `name`.
std::string read_file_range(const std::filesystem::path& path, std::uint64_t offset, std::size_t length,
                            const std::string& name);

// Flushes a file's data, or a directory's entries, to stable storage (open + fsync).
// After a rename, fsync the directory too: only then does the new name survive a power
// cut. Throws vanban::Error naming the path.
void fsync_path(const std::filesystem::path& path);

// Writes to standard output with every result checked: a full disk (ENOSPC), a closed
// pipe (EPIPE, with SIGPIPE ignored) or any other error throws vanban::Error for
// "standard output". Commands print through this, never through std::cout, so that
// `vanban lint --json > /dev/full` fails instead of exiting 0 with half a report.
void write_stdout(std::string_view bytes);

}  // namespace vanban
