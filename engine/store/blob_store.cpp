#include "store/blob_store.h"

#include "core/diagnostic.h"
#include "core/files.h"

#include <openssl/evp.h>

#include <array>
#include <limits>
#include <system_error>

namespace vanban::store {

namespace fs = std::filesystem;

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), md.data(), &len, EVP_sha256(), nullptr) != 1)
        fail_at_pointer("", "", "SHA-256 failed (OpenSSL)");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned i = 0; i < len; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 15];
    }
    return out;
}

namespace {
bool is_sha256_hex(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}
}  // namespace

fs::path BlobStore::path_of(std::string_view sha256) const {
    if (!is_sha256_hex(sha256)) fail_at_pointer(root_.string(), "", "not a SHA-256: '" + std::string(sha256) + "'");
    // Two-level fan-out keeps directories small: files/ab/abcdef….
    return root_ / std::string(sha256.substr(0, 2)) / std::string(sha256);
}

bool BlobStore::contains(std::string_view sha256) const {
    std::error_code ec;
    return fs::is_regular_file(path_of(sha256), ec);
}

std::string BlobStore::put(std::string_view bytes) const {
    const std::string sha = sha256_hex(bytes);
    const fs::path p = path_of(sha);
    if (contains(sha)) return sha;  // same bytes, same name: already durable
    std::error_code ec;
    const bool made_root = !fs::exists(root_, ec);
    fs::create_directories(p.parent_path(), ec);
    if (ec) fail_at_pointer(p.parent_path().string(), "", "cannot create directory: " + ec.message());
    write_file_atomically(p, bytes);
    // The file's data, its name in the fan-out directory, and that directory's name.
    fsync_path(p);
    fsync_path(p.parent_path());
    fsync_path(root_);
    if (made_root && root_.has_parent_path()) fsync_path(root_.parent_path());
    return sha;
}

std::string BlobStore::get(std::string_view sha256) const {
    const fs::path p = path_of(sha256);
    std::string bytes = read_file(p, std::numeric_limits<std::size_t>::max());
    if (sha256_hex(bytes) != sha256) fail_at_pointer(p.string(), "", "stored file is corrupt (SHA-256 differs)");
    return bytes;
}

}  // namespace vanban::store
