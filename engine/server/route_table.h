// The server's side of routes.h: the table of routes, registered with cpp-httplib, and
// the policies checked before a route runs (internal to engine/server).
#pragma once

#include "server/request_policy.h"
#include "server/routes.h"

#include <httplib.h>

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <regex>

namespace vanban::server {

// What the server learnt of the request the current thread serves (a connection carries
// one request, and a worker serves one connection at a time).
struct RequestState {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::string client;                 // empty until the headers were judged
    std::optional<Principal> who;
    BodyFraming framing;
    bool body_read = false;             // the whole body was read (else the reply lingers)
};
RequestState& current_request();
void reset_current_request();

struct Policies {
    std::size_t max_body = 0;
    HostRules hosts;
    std::vector<std::string> trusted_proxies;
    std::vector<std::shared_ptr<const Authenticator>> authenticators;
    unsigned max_requests_per_client = 4;
};

class RouteTable final : public Routes {
public:
    RouteTable(httplib::Server& http, const Policies& policies) : http_(http), p_(policies) {}
    void add(const std::string& method, const std::string& pattern, RouteHandler handler,
             RoutePolicy policy = {}) override;
    // Before the body is read: true (with `res` filled) when the request is refused.
    bool refuse_early(const httplib::Request& req, httplib::Response& res);

private:
    struct Route {
        std::string method;
        std::regex pattern;
        RoutePolicy policy;
        RouteHandler handler;
    };
    void handle(const Route& route, const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader* reader);

    httplib::Server& http_;
    const Policies& p_;
    std::deque<Route> routes_;  // stable addresses: cpp-httplib's handlers point into it
    std::mutex mu_;
    std::map<std::string, unsigned> running_;  // costly requests running, per client
};

// Fills `res` from `reply`.
void send_reply(httplib::Response& res, const Reply& reply);

}  // namespace vanban::server
