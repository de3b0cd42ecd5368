// Files addressed by their SHA-256 (rendered PDFs, uploaded workbooks): written once,
// fsynced with their directory before put() returns, never changed afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace vanban::store {

// Lower-case hex SHA-256 of `bytes` (OpenSSL).
std::string sha256_hex(std::string_view bytes);

class BlobStore {
public:
    explicit BlobStore(std::filesystem::path root) : root_(std::move(root)) {}

    // Stores `bytes` (idempotent) and returns their SHA-256; durable when it returns.
    std::string put(std::string_view bytes) const;
    // The stored bytes; throws vanban::Error when missing or when they no longer hash to `sha256`.
    std::string get(std::string_view sha256) const;
    bool contains(std::string_view sha256) const;
    std::filesystem::path path_of(std::string_view sha256) const;
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

}  // namespace vanban::store
