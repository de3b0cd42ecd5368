#include "server/request_policy.h"

#include <nlohmann/json.hpp>

#include <arpa/inet.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

namespace vanban::server {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ip_literal(const std::string& h) {
    unsigned char buf[16];
    return inet_pton(AF_INET, h.c_str(), buf) == 1 || inet_pton(AF_INET6, h.c_str(), buf) == 1;
}

// "name:port" / "[v6]:port" / "name" → host (lowercase, no brackets) and port (-1: none).
// False for anything else ("a:b:c", "127.0.0.1:80@evil", "[::1", …).
bool split_host(std::string_view header, std::string& host, int& port) {
    std::string_view rest;
    if (!header.empty() && header.front() == '[') {
        const auto close = header.find(']');
        if (close == std::string_view::npos) return false;
        host = lower(header.substr(1, close - 1));
        rest = header.substr(close + 1);
    } else {
        const auto colon = header.find(':');
        host = lower(header.substr(0, colon));
        rest = colon == std::string_view::npos ? std::string_view{} : header.substr(colon);
    }
    if (host.empty()) return false;
    for (unsigned char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
        if (!ok) return false;
    }
    port = -1;
    if (rest.empty()) return true;
    if (rest.front() != ':' || rest.size() > 6 || !all_digits(rest.substr(1))) return false;
    port = std::stoi(std::string(rest.substr(1)));
    return true;
}

}  // namespace

bool is_loopback_address(std::string_view host) {
    const std::string h = lower(host);
    if (h == "localhost" || h == "::1") return true;
    in_addr a{};
    return inet_pton(AF_INET, h.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

bool is_wildcard_address(std::string_view host) { return host == "0.0.0.0" || host == "::" || host == "*"; }

bool host_allowed(std::string_view header, const HostRules& rules) {
    std::string host;
    int port = 0;
    if (!split_host(header, host, port)) return false;
    for (const auto& a : rules.allowed) {
        std::string ah;
        int ap = 0;
        if (split_host(a, ah, ap) && ah == host && (ap == port || (ap == -1 && port == rules.port))) return true;
    }
    const int effective = port == -1 ? 80 : port;
    if (effective != rules.port) return false;
    if (host == "localhost" || host == "127.0.0.1" || host == "::1") return true;
    if (host == lower(rules.bound_host) && !is_wildcard_address(rules.bound_host)) return true;
    // Bound to every address: an IP literal names no DNS record an attacker could rebind.
    return is_wildcard_address(rules.bound_host) && is_ip_literal(host);
}

bool same_origin(std::string_view origin, std::string_view sec_fetch_site, std::string_view host_header,
                 std::string_view scheme) {
    if (!sec_fetch_site.empty() && sec_fetch_site != "same-origin" && sec_fetch_site != "none") return false;
    if (origin.empty()) return true;
    std::string host = lower(host_header);
    const std::string default_port = scheme == "https" ? ":443" : ":80";
    if (host.size() > default_port.size() && host.compare(host.size() - default_port.size(), default_port.size(),
                                                          default_port) == 0) {
        host.resize(host.size() - default_port.size());
    }
    return lower(origin) == std::string(scheme) + "://" + host;
}

bool is_json_content_type(std::string_view content_type) {
    const std::string t = lower(trim(content_type.substr(0, content_type.find(';'))));
    return t == "application/json";
}

BodyFraming check_body_framing(const std::vector<std::string>& content_lengths, std::string_view transfer_encoding,
                               std::size_t max_body) {
    BodyFraming f;
    const auto too_large = [&] {
        f.status = 413;
        f.message = "the request body is larger than the limit of " + std::to_string(max_body) + " bytes";
    };
    if (!transfer_encoding.empty()) {
        if (lower(trim(transfer_encoding)) != "chunked") {
            f.status = 501;
            f.message = "Transfer-Encoding '" + std::string(transfer_encoding.substr(0, 40)) +
                        "' is not supported: send Content-Length or chunked";
        } else if (!content_lengths.empty()) {
            f.status = 400;
            f.message = "a request may not have both Content-Length and Transfer-Encoding";
        }
        f.chunked = true;
        return f;
    }
    if (content_lengths.empty()) return f;  // no body (RFC 9112 §6.3): length 0
    if (content_lengths.size() > 1) {
        f.status = 400;
        f.message = "a request may have only one Content-Length";
        return f;
    }
    const std::string_view v = trim(content_lengths.front());
    if (!all_digits(v)) {
        f.status = 400;
        f.message = "Content-Length must be a whole number of bytes, not '" + std::string(v.substr(0, 40)) + "'";
        return f;
    }
    if (v.size() > 18 || std::stoull(std::string(v)) > max_body) {
        too_large();
        return f;
    }
    f.length = std::stoull(std::string(v));
    return f;
}

bool is_trusted_proxy(std::string_view peer, const std::vector<std::string>& trusted_proxies) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) != trusted_proxies.end();
}

std::string client_address(std::string_view peer, std::string_view x_forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
    if (x_forwarded_for.empty() || !is_trusted_proxy(peer, trusted_proxies)) return std::string(peer);
    // The proxy appends the address it saw: the last entry is the only one it vouches for.
    const auto comma = x_forwarded_for.rfind(',');
    const std::string_view last =
        trim(comma == std::string_view::npos ? x_forwarded_for : x_forwarded_for.substr(comma + 1));
    return last.empty() ? std::string(peer) : std::string(last.substr(0, 64));
}

std::string log_line(const RequestLog& e) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char t[32];
    std::strftime(t, sizeof t, "%Y-%m-%dT%H:%M:%SZ", &tm);
    nlohmann::ordered_json j{{"t", t},           {"client", e.client}, {"method", e.method}, {"path", e.path},
                             {"status", e.status}, {"ms", std::round(e.ms * 10) / 10}, {"bytes", e.bytes}};
    if (!e.who.empty()) j["who"] = e.who;
    // JSON escapes every control character; bytes that are not UTF-8 become U+FFFD.
    return j.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
}

std::string hide_paths(std::string_view text, const std::vector<std::string>& dirs) {
    std::string out(text);
    for (std::string d : dirs) {
        while (d.size() > 1 && d.back() == '/') d.pop_back();
        if (d.empty() || d.front() != '/') continue;
        const auto slash = d.rfind('/');
        const std::string last = d.substr(slash + 1);
        const std::string inside = d + "/";
        for (auto at = out.find(inside); at != std::string::npos; at = out.find(inside, at)) out.erase(at, inside.size());
        // The directory itself, where its name ends (not "/srv/t" inside "/srv/templates").
        for (auto at = out.find(d); at != std::string::npos; at = out.find(d, at + 1)) {
            const std::size_t end = at + d.size();
            const bool whole = end == out.size() || std::string_view(" ,;:)'\"").find(out[end]) != std::string_view::npos;
            if (whole) out.replace(at, d.size(), last);
        }
    }
    return out;
}

std::string relative_file(std::string_view file, const std::vector<std::string>& dirs) {
    std::string out = hide_paths(file, dirs);
    if (!out.empty() && out.front() == '/') out = out.substr(out.rfind('/') + 1);
    return out;
}

}  // namespace vanban::server
