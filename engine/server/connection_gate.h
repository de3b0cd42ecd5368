// The connections of `vanban serve`, before and around cpp-httplib. cpp-httplib gives
// each connection a worker thread from the moment it is accepted, and reads headers
// with a timeout per recv() only: a client sending one byte every few seconds holds a
// worker for as long as it likes, and a few such clients hold them all.
//
// The gate keeps a connection off the workers until its request line and headers have
// arrived (a waiting room polled by one thread, peeking without reading), gives up on
// headers that take longer than a deadline (408), caps the connections one address may
// hold open, and watches the connection while a worker serves it: each phase (reading
// the body, writing the reply) has a deadline, after which the socket is shut down.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vanban::server {

struct GateOptions {
    std::chrono::milliseconds header_timeout{10000};  // request line + headers, from accept
    std::chrono::milliseconds body_timeout{30000};    // the body, once the headers are in
    std::chrono::milliseconds write_timeout{30000};   // the reply
    unsigned workers = 4;
    std::size_t max_connections_per_client = 32;      // open at once from one address (503 beyond)
    std::size_t max_waiting = 1024;                   // accepted, not yet served (503 beyond)
    std::vector<std::string> uncapped;                // addresses without the per-address cap (trusted proxies)
    // Told of each connection refused before a request was read (408, 431, 503).
    std::function<void(const std::string& client, int status)> refused;
};

class ConnectionGate {
public:
    // `serve` runs HTTP on a socket whose headers have arrived; the gate closes it after.
    ConnectionGate(GateOptions options, std::function<void(int fd)> serve);
    ~ConnectionGate();
    ConnectionGate(const ConnectionGate&) = delete;
    ConnectionGate& operator=(const ConnectionGate&) = delete;

    // Takes an accepted socket (from the accept thread); never blocks.
    void admit(int fd);
    // Closes the waiting connections, lets the served ones finish, joins the threads.
    void stop();

    // For the thread serving a connection (no effect elsewhere): its body has been read,
    // the work has no socket deadline (the render has its own) …
    static void working();
    // … and the reply is being written: the write deadline starts.
    static void replying();
    // After a reply sent without reading the whole body (413, 401, …): the rest of the
    // request is read and dropped for a moment (at most 0.5 s, 8 MB) before the socket
    // closes, so the client reads the reply instead of a connection reset.
    static void linger();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::server
