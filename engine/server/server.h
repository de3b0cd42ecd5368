// `vanban serve`: the API (api.h), the embedded web form and any added route groups
// (routes.h) over HTTP, on cpp-httplib behind a connection gate (connection_gate.h).
// Requests run in parallel on worker threads and share one Engine (which is
// thread-safe), so the output is byte for byte what `vanban render` writes.
//
// Loopback by default. Any other address needs authenticators (tokens): bind() refuses
// without. TLS is a reverse proxy's job; X-Forwarded-* is believed only from
// `trusted_proxies`.
#pragma once

#include "render/engine.h"
#include "server/api.h"
#include "server/auth.h"
#include "server/routes.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vanban::server {

struct ServerOptions {
    std::string host = "127.0.0.1";     // loopback unless asked otherwise
    int port = 8080;                    // 0 = any free port (see Server::port())
    std::size_t max_body = 2 * 1024 * 1024;  // larger request bodies get 413, whatever the framing
    unsigned threads = 0;               // worker threads; 0 = max(4, cores)
    ApiOptions api;

    std::vector<std::string> allow_hosts;      // Host names answered besides loopback (--allow-host)
    std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For/-Proto are believed
    // Tokens: with any, every route that needs one (all of /api) wants a valid Bearer token.
    std::vector<std::shared_ptr<const Authenticator>> authenticators;

    unsigned max_requests_per_client = 4;      // costly requests at once from one client (429)
    std::size_t max_connections_per_client = 32;  // open connections from one address (503)
    std::chrono::milliseconds header_timeout{10000};  // 408 when the headers take longer
    std::chrono::milliseconds body_timeout{30000};    // the body must arrive within this
    std::chrono::milliseconds write_timeout{30000};   // the reply must be taken within this

    // More routes, with the same policies (campaigns).
    std::vector<RouteGroup> route_groups;
    // Called once per request, after the reply, with one JSON line (request_policy.h).
    std::function<void(const std::string& line)> log;
};

class Server {
public:
    Server(const Engine& engine, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the socket; throws vanban::Error when the address cannot be bound, or is
    // not loopback and there are no authenticators. Returns the port (the chosen one
    // when options.port is 0).
    int bind();
    // Serves until stop(); returns false when the server failed.
    bool run();
    // Stops run() from any thread.
    void stop();
    // Waits (up to about five seconds) until run() accepts connections.
    bool wait_until_running() const;

    int port() const { return port_; }

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
    int port_ = 0;
};

}  // namespace vanban::server
