// `vanban serve`: the API (api.h) and the embedded web form over HTTP, on cpp-httplib.
// Requests run in parallel on a thread pool and share one Engine (which is
// thread-safe), so the output is byte for byte what `vanban render` writes.
#pragma once

#include "render/engine.h"
#include "server/api.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace vanban::server {

struct ServerOptions {
    std::string host = "127.0.0.1";     // loopback unless asked otherwise
    int port = 8080;                    // 0 = any free port (see Server::port())
    std::size_t max_body = 2 * 1024 * 1024;  // larger request bodies get 413
    unsigned threads = 0;               // worker threads; 0 = max(4, cores)
    ApiOptions api;
    // The data directory of the reporting campaigns (README "Reporting campaigns");
    // unset: no campaign routes.
    std::optional<std::filesystem::path> data_dir;
    // Called once per request, after the reply: method, path, status, milliseconds.
    std::function<void(const std::string&, const std::string&, int, double)> log;
};

class Server {
public:
    Server(const Engine& engine, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the socket; throws vanban::Error when the address cannot be bound.
    // Returns the port (the chosen one when options.port is 0).
    int bind();
    // Serves until stop(); returns false when the server failed.
    bool run();
    // Stops run() from any thread.
    void stop();
    // Waits (up to about five seconds) until run() accepts connections.
    bool wait_until_running() const;

    int port() const { return port_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int port_ = 0;
};

}  // namespace vanban::server
