#include "server/route_table.h"

#include "server/connection_gate.h"

namespace vanban::server {

namespace {

thread_local RequestState t_request;

bool has_body_method(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

bool refuse(httplib::Response& res, int status, const std::string& message,
            std::vector<std::pair<std::string, std::string>> headers = {}) {
    Reply r = Api::error(status, message);
    r.headers = std::move(headers);
    send_reply(res, r);
    return true;
}

std::vector<std::string> header_values(const httplib::Request& req, const char* name) {
    std::vector<std::string> out;
    for (std::size_t i = 0, n = req.get_header_value_count(name); i < n; ++i) {
        out.push_back(req.get_header_value(name, i));
    }
    return out;
}

// One costly request of a client, counted while it lives.
class Slot {
public:
    Slot(std::mutex& mu, std::map<std::string, unsigned>& running, std::string client, unsigned limit)
        : mu_(mu), running_(running), client_(std::move(client)) {
        std::lock_guard lock(mu_);
        unsigned& n = running_[client_];
        taken_ = n < limit;
        if (taken_) ++n;
        else if (n == 0) running_.erase(client_);
    }
    ~Slot() {
        if (!taken_) return;
        std::lock_guard lock(mu_);
        if (--running_[client_] == 0) running_.erase(client_);
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    bool taken() const { return taken_; }

private:
    std::mutex& mu_;
    std::map<std::string, unsigned>& running_;
    std::string client_;
    bool taken_ = false;
};

}  // namespace

RequestState& current_request() { return t_request; }
void reset_current_request() { t_request = RequestState{}; }

void send_reply(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    res.set_content(reply.body, reply.content_type);
}

std::string Call::param(const std::string& name) const { return http.get_param_value(name.c_str()); }
std::string Call::header(const std::string& name) const { return http.get_header_value(name.c_str()); }
std::string Call::match(std::size_t i) const { return i < http.matches.size() ? std::string(http.matches[i]) : ""; }

void RouteTable::add(const std::string& method, const std::string& pattern, RouteHandler handler, RoutePolicy policy) {
    const Route& r = routes_.emplace_back(Route{method, std::regex(pattern), policy, std::move(handler)});
    if (has_body_method(method)) {
        // Bodies are read here, counting bytes as they come (chunked or not), never by
        // cpp-httplib, whose payload limit ignores chunked bodies and whose form parser
        // refuses urlencoded ones over 8 KB.
        const httplib::Server::HandlerWithContentReader h =
            [this, &r](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                handle(r, req, res, &reader);
            };
        if (method == "POST") http_.Post(pattern, h);
        else if (method == "PUT") http_.Put(pattern, h);
        else if (method == "PATCH") http_.Patch(pattern, h);
        else http_.Delete(pattern, h);
    } else if (method == "GET") {
        http_.Get(pattern, [this, &r](const httplib::Request& req, httplib::Response& res) { handle(r, req, res, nullptr); });
    } else {
        throw std::invalid_argument("vanban serve: routes are GET, POST, PUT, PATCH or DELETE, not " + method);
    }
}

bool RouteTable::refuse_early(const httplib::Request& req, httplib::Response& res) {
    RequestState& st = t_request;
    st.client = client_address(req.remote_addr, req.get_header_value("X-Forwarded-For"), p_.trusted_proxies);
    st.framing = check_body_framing(header_values(req, "Content-Length"), req.get_header_value("Transfer-Encoding"),
                                    p_.max_body);

    // The Host: exactly this server's names, so a page elsewhere cannot reach it through
    // DNS rebinding.
    if (req.get_header_value_count("Host") != 1) return refuse(res, 400, "a request needs exactly one Host header");
    const std::string host = req.get_header_value("Host");
    if (!host_allowed(host, p_.hosts)) {
        return refuse(res, 403, "this server does not answer to the host name '" + host.substr(0, 100) +
                                    "' (vanban serve --allow-host NAME adds one)");
    }

    const std::string method = req.method == "HEAD" ? "GET" : req.method;
    const Route* route = nullptr;
    std::string allow;
    for (const Route& r : routes_) {
        if (!std::regex_match(req.path, r.pattern)) continue;
        if (r.method == method) {
            route = &r;
            break;
        }
        if (allow.find(r.method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + r.method;
    }
    if (!route && allow.empty()) return refuse(res, 404, "no such page: " + req.method + " " + req.path);
    if (!route) return refuse(res, 405, req.method + " is not allowed on " + req.path, {{"Allow", allow}});

    // The body's framing, before a byte of it is read: a bogus or huge Content-Length
    // is answered at once instead of waiting for bytes that never come.
    if (has_body_method(method) && st.framing.status) return refuse(res, st.framing.status, st.framing.message);

    const std::string authorization = req.get_header_value("Authorization");
    if (const std::string_view token = bearer_token(authorization); !token.empty()) {
        for (const auto& a : p_.authenticators) {
            if ((st.who = a->authenticate(token))) break;
        }
    }
    if (!p_.authenticators.empty() && route->policy.needs_token && !st.who) {
        return refuse(res, 401,
                      req.has_header("Authorization") ? "the token is not valid"
                                                      : "this server needs a token: send Authorization: Bearer <token>",
                      {{"WWW-Authenticate", "Bearer realm=\"vanban\""}});
    }

    // A state-changing or costly request must come from the page itself (or carry a
    // token, which a cross-site page cannot send without a preflight we never grant).
    const bool trusted = is_trusted_proxy(req.remote_addr, p_.trusted_proxies);
    const std::string scheme = trusted && req.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
    if ((has_body_method(method) || route->policy.costly) && !st.who &&
        !same_origin(req.get_header_value("Origin"), req.get_header_value("Sec-Fetch-Site"), host, scheme)) {
        return refuse(res, 403, "cross-site requests are refused (Origin '" + req.get_header_value("Origin").substr(0, 100) +
                                    "', Sec-Fetch-Site '" + req.get_header_value("Sec-Fetch-Site").substr(0, 40) + "')");
    }

    const std::string type = req.get_header_value("Content-Type");
    const bool has_body = st.framing.chunked || st.framing.length > 0;
    if (has_body && type.rfind("multipart/", 0) == 0) {
        return refuse(res, 415, "send the file itself as the request body, not a multipart form");
    }
    if (has_body && route->policy.json_body && !is_json_content_type(type)) {
        return refuse(res, 415,
                      "the body must be declared as JSON, not '" + type.substr(0, 60) +
                          "': send the header Content-Type: application/json (curl: -H 'Content-Type: "
                          "application/json' --data-binary @document.json)");
    }
    return false;
}

void RouteTable::handle(const Route& route, const httplib::Request& req, httplib::Response& res,
                        const httplib::ContentReader* reader) {
    RequestState& st = t_request;
    Slot slot(mu_, running_, st.client, route.policy.costly ? p_.max_requests_per_client : ~0u);
    if (!slot.taken()) {
        refuse(res, 429,
               "more than " + std::to_string(p_.max_requests_per_client) +
                   " requests at once from one client (vanban serve --max-per-client N)",
               {{"Retry-After", "1"}});
        return;
    }
    std::string body;
    if (reader && (st.framing.chunked || st.framing.length > 0)) {
        bool over = false;
        const bool ok = (*reader)([&](const char* data, std::size_t n) {
            if (body.size() + n > p_.max_body) {
                over = true;
                return false;
            }
            body.append(data, n);
            return true;
        });
        if (over) {
            refuse(res, 413, "the request body is larger than the limit of " + std::to_string(p_.max_body) + " bytes");
            return;
        }
        if (!ok) {
            refuse(res, 400, "the request body did not arrive whole");
            return;
        }
    }
    st.body_read = true;
    ConnectionGate::working();
    const Reply reply = route.handler(Call{req, std::move(body), st.client, st.who});
    ConnectionGate::replying();
    send_reply(res, reply);
}

}  // namespace vanban::server
