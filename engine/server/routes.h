// Routes of `vanban serve` and the policies every route gets, whoever wrote it: the
// API (api.h), the page, and route groups added by other parts (campaigns). A route is
// a function from a Call (the body already read, within the limit; the client and the
// token's owner known) to a Reply; before it runs, the server has checked the Host, the
// body's framing and size, the Content-Type, the Origin, the token and the number of
// costly requests the client already has running — and answered for it if one failed.
//
//   void add_campaign_routes(Routes& r, Store& s) {
//       r.post(R"(/api/campaigns/([a-z0-9-]+)/reports)", [&s](const Call& c) { … return reply; });
//   }
//   options.route_groups.push_back([&](Routes& r) { add_campaign_routes(r, store); });
#pragma once

#include "server/api.h"
#include "server/auth.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace httplib { struct Request; }

namespace vanban::server {

struct RoutePolicy {
    // Counted against the client's requests at once (ServerOptions::max_requests_per_client;
    // 429 beyond). Renders, checks, anything that reads a store or writes one.
    bool costly = true;
    // When the server has authenticators, refused with 401 unless the request carries
    // "Authorization: Bearer <token>" one of them accepts. (The page itself is public.)
    bool needs_token = true;
    // The body must be declared application/json (else 415 with the fix). A route that
    // takes another format (an XLSX upload) says false; the Origin check still applies.
    bool json_body = true;
};

// One request, as a route sees it.
struct Call {
    const httplib::Request& http;      // headers, query parameters, path matches
    std::string body;                  // POST/PUT/PATCH/DELETE: the whole body, ≤ the limit
    std::string client;                // peer address, or the trusted proxy's X-Forwarded-For
    std::optional<Principal> who;      // the owner of the request's valid token, if any

    std::string param(const std::string& name) const;   // a query parameter ("" when absent)
    std::string header(const std::string& name) const;  // a request header ("" when absent)
    std::string match(std::size_t i) const;             // the i-th group of the route's pattern
};

using RouteHandler = std::function<Reply(const Call&)>;

class Routes {
public:
    virtual ~Routes() = default;
    // `pattern` is an ECMAScript regex matched against the whole path.
    virtual void add(const std::string& method, const std::string& pattern, RouteHandler handler,
                     RoutePolicy policy = {}) = 0;
    void get(const std::string& p, RouteHandler h, RoutePolicy policy = {false, true, true}) {
        add("GET", p, std::move(h), policy);
    }
    void post(const std::string& p, RouteHandler h, RoutePolicy policy = {}) { add("POST", p, std::move(h), policy); }
    void put(const std::string& p, RouteHandler h, RoutePolicy policy = {}) { add("PUT", p, std::move(h), policy); }
    void patch(const std::string& p, RouteHandler h, RoutePolicy policy = {}) { add("PATCH", p, std::move(h), policy); }
    void del(const std::string& p, RouteHandler h, RoutePolicy policy = {}) { add("DELETE", p, std::move(h), policy); }
};

using RouteGroup = std::function<void(Routes&)>;

}  // namespace vanban::server
