// The checks every request of `vanban serve` passes before a route sees it, as plain
// functions of header values (so they are tested without sockets): the Host a request
// is addressed to (DNS rebinding), where it comes from (Origin / Sec-Fetch-Site: CSRF),
// how its body is framed (Content-Length / chunked: limits before reading), who the
// client is (X-Forwarded-For only from a trusted proxy), and the log line it leaves.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::server {

// The Host names a server answers to: the exact loopback names with the bound port,
// the bound address itself, and the names of --allow-host.
struct HostRules {
    std::string bound_host;               // --host as given ("127.0.0.1", "0.0.0.0", "::")
    int port = 0;                         // the bound port
    std::vector<std::string> allowed;     // --allow-host: "vanban.example" or "vanban.example:8443"
};

bool is_loopback_address(std::string_view host);
bool is_wildcard_address(std::string_view host);
// True when `host_header` names this server. An empty or missing Host is refused; an
// IP literal with the bound port is accepted only when bound to all addresses (no
// name, so no DNS rebinding); any other name must be listed in `allowed`.
bool host_allowed(std::string_view host_header, const HostRules& rules);

// A request that changes state or costs work must come from the page itself: a browser
// sends Origin (and Sec-Fetch-Site) with every cross-site POST. Missing both means a
// non-browser client (curl), which is allowed. `scheme` is "http", or the
// X-Forwarded-Proto of a trusted proxy.
bool same_origin(std::string_view origin, std::string_view sec_fetch_site, std::string_view host_header,
                 std::string_view scheme);

// Content-Type of a document body: application/json (parameters allowed), any case.
bool is_json_content_type(std::string_view content_type);

// What the declared framing of a request body allows, decided before a byte of it is read.
struct BodyFraming {
    int status = 0;        // 0: fine; else answer this at once (400, 411, 413, 501)
    std::string message;   // why, for the JSON error
    bool chunked = false;  // Transfer-Encoding: chunked (the limit is counted while reading)
    unsigned long long length = 0;
};
// `content_lengths`: every Content-Length header value (more than one is refused).
BodyFraming check_body_framing(const std::vector<std::string>& content_lengths, std::string_view transfer_encoding,
                               std::size_t max_body);

// The client a request is counted and logged as: the peer address, or — only when the
// peer is one of `trusted_proxies` — the last address the proxy appended to X-Forwarded-For.
std::string client_address(std::string_view peer, std::string_view x_forwarded_for,
                           const std::vector<std::string>& trusted_proxies);
bool is_trusted_proxy(std::string_view peer, const std::vector<std::string>& trusted_proxies);

// One request in the log: one line, JSON, control characters escaped (a path cannot
// forge a second line).
struct RequestLog {
    std::string method;
    std::string path;
    int status = 0;
    double ms = 0;
    std::size_t bytes = 0;  // response body bytes
    std::string client;
    std::string who;        // the token's owner, when one was given
};
std::string log_line(const RequestLog& entry);

// Errors sent to clients name no server path. hide_paths: `text` with the directories
// of `dirs` taken out (a file inside one becomes its relative name, the directory its
// last component). relative_file: a diagnostic's file — relative to the directory of
// `dirs` it is in, else only its file name.
std::string hide_paths(std::string_view text, const std::vector<std::string>& dirs);
std::string relative_file(std::string_view file, const std::vector<std::string>& dirs);

}  // namespace vanban::server
