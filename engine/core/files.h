// File output that never leaves half a file behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace vanban {

// Writes `bytes` to a temporary file next to `path` and renames it over `path`, so a
// reader sees either the old file or the whole new one. Throws vanban::Error.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// Reads a whole file, refusing files larger than `max_bytes`. Throws vanban::Error.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

// Flushes a file's data, or a directory's entries, to stable storage (open + fsync).
// After a rename, fsync the directory too: only then does the new name survive a power
// cut. Throws vanban::Error naming the path.
void fsync_path(const std::filesystem::path& path);

}  // namespace vanban
