// Who a request comes from: a Bearer token, checked by an Authenticator. `vanban serve
// --auth-file FILE` gives a TokenFile (SHA-256 hashes of tokens, one per line); the
// campaign store can add its own tokens by implementing Authenticator. Tokens are never
// stored, only their hashes, and compared in constant time.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::server {

// The owner of a valid token: its name (from the auth file, or the campaign's unit),
// and which authenticator vouched for it ("auth-file", "campaign", …).
struct Principal {
    std::string name;
    std::string realm;
};

class Authenticator {
public:
    virtual ~Authenticator() = default;
    // The owner of `token` (the text after "Bearer "), or nullopt when it is not valid.
    virtual std::optional<Principal> authenticate(std::string_view token) const = 0;
};

using Sha256 = std::array<unsigned char, 32>;
Sha256 sha256(std::string_view bytes);

// An --auth-file: lines "<64 hex digits of SHA-256(token)> <name>"; blank lines and
// lines starting with '#' are ignored. Create a line with
//   printf '%s' "$TOKEN" | sha256sum | sed 's/ .*/ van-thu-quang-ngai/' >> tokens.txt
class TokenFile final : public Authenticator {
public:
    // Throws vanban::Error naming file:line for a malformed line, and for a file with no token.
    static TokenFile load(const std::filesystem::path& file);
    // From "<hex> <name>" lines already in memory (`file` names them in errors).
    static TokenFile parse(std::string_view text, const std::string& file);

    std::optional<Principal> authenticate(std::string_view token) const override;
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        Sha256 hash;
        std::string name;
    };
    std::vector<Entry> entries_;
};

// The token of an "Authorization: Bearer <token>" header value; empty when it is not one.
std::string_view bearer_token(std::string_view authorization);

}  // namespace vanban::server
