#include "server/auth.h"

#include "core/diagnostic.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <fstream>
#include <sstream>

namespace vanban::server {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

Sha256 sha256(std::string_view bytes) {
    Sha256 out{};
    unsigned int n = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), out.data(), &n, EVP_sha256(), nullptr) != 1 || n != out.size()) {
        throw std::runtime_error("OpenSSL cannot compute SHA-256");
    }
    return out;
}

TokenFile TokenFile::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail_at_pointer(file.string(), "", "cannot read the auth file");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) fail_at_pointer(file.string(), "", "cannot read the auth file");
    return parse(ss.str(), file.string());
}

TokenFile TokenFile::parse(std::string_view text, const std::string& file) {
    TokenFile out;
    int line_no = 0;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        const std::string_view line = trim(text.substr(0, eol));
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        const auto space = line.find_first_of(" \t");
        const std::string_view hex = line.substr(0, space);
        const std::string_view name = space == std::string_view::npos ? std::string_view{} : trim(line.substr(space));
        Entry e{};
        bool ok = hex.size() == 64;
        for (std::size_t i = 0; ok && i < 32; ++i) {
            const int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
            ok = hi >= 0 && lo >= 0;
            e.hash[i] = static_cast<unsigned char>(hi * 16 + lo);
        }
        if (!ok || name.empty()) {
            fail_at_line(file, line_no, 1,
                         "expected '<64 hex digits of SHA-256(token)> <name>' (sha256sum prints the hash)");
        }
        e.name = std::string(name);
        out.entries_.push_back(std::move(e));
    }
    if (out.entries_.empty()) fail_at_pointer(file, "", "the auth file has no token");
    return out;
}

std::optional<Principal> TokenFile::authenticate(std::string_view token) const {
    if (token.empty()) return std::nullopt;
    const Sha256 h = sha256(token);
    // Every entry is compared, each in constant time: the time says nothing of which
    // entry (or how much of one) matched.
    const Entry* found = nullptr;
    for (const Entry& e : entries_) {
        if (CRYPTO_memcmp(e.hash.data(), h.data(), h.size()) == 0 && !found) found = &e;
    }
    if (!found) return std::nullopt;
    return Principal{found->name, "auth-file"};
}

std::string_view bearer_token(std::string_view authorization) {
    constexpr std::string_view kScheme = "Bearer ";
    if (authorization.size() <= kScheme.size()) return {};
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        const char c = authorization[i];
        const char want = kScheme[i];
        if ((c | 0x20) != (want | 0x20)) return {};  // the scheme is case-insensitive
    }
    return trim(authorization.substr(kScheme.size()));
}

}  // namespace vanban::server
