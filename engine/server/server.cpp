#include "server/server.h"

#include "core/diagnostic.h"
#include "server/connection_gate.h"
#include "server/route_table.h"
#include "server/socket_stream.h"
#include "server/web_assets.h"

#include <httplib.h>

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

namespace vanban::server {

namespace {

using Clock = std::chrono::steady_clock;

// Connections the kernel may hold before the accept thread takes them (see bind()).
constexpr int kListenBacklog = 1024;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// `reply`, with the time the work took as a Server-Timing header.
Reply timed(Reply reply, const char* what, Clock::time_point start) {
    char timing[64];
    std::snprintf(timing, sizeof timing, "%s;dur=%.1f", what, ms_since(start));
    reply.headers.emplace_back("Server-Timing", timing);
    return reply;
}

constexpr const char* kPageSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self' blob:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

// cpp-httplib with its connections handed to the gate instead of its own thread pool;
// the gate's workers call serve() once the headers are in.
class GatedHttp final : public httplib::Server {
public:
    ConnectionGate* gate = nullptr;
    int listening_fd = -1;  // the socket bind_to_port made (recorded by socket_options)
    std::chrono::milliseconds write_timeout{30000};
    // One request on `fd` (a connection carries one: a worker never waits for a next).
    void serve(int fd) {
        SocketStream stream(fd, std::chrono::seconds(5), write_timeout);
        bool closed = false;
        process_request(stream, true, closed, nullptr);
    }

private:
    bool process_and_close_socket(socket_t sock) override {  // on the accept thread
        gate->admit(sock);
        return true;
    }
};

// Runs each accepted socket's task on the accept thread: the task only admits it to the gate.
class Inline final : public httplib::TaskQueue {
public:
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {}
};

}  // namespace

struct Server::Impl {
    Impl(const Engine& engine, ServerOptions o) : options(std::move(o)), api(engine, options.api), routes(http, policies) {}
    ServerOptions options;
    Api api;
    Policies policies;
    GatedHttp http;
    RouteTable routes;
    std::unique_ptr<ConnectionGate> gate;
};

Server::Server(const Engine& engine, ServerOptions options) : impl_(std::make_unique<Impl>(engine, std::move(options))) {
    Impl& s = *impl_;
    auto& http = s.http;
    const ServerOptions& o = s.options;
    const Api& api = s.api;

    s.policies.max_body = o.max_body;
    s.policies.hosts = HostRules{o.host, 0, o.allow_hosts};
    s.policies.trusted_proxies = o.trusted_proxies;
    s.policies.authenticators = o.authenticators;
    s.policies.max_requests_per_client = std::max(1u, o.max_requests_per_client);

    GateOptions g;
    g.header_timeout = o.header_timeout;
    g.body_timeout = o.body_timeout;
    g.write_timeout = o.write_timeout;
    g.workers = o.threads ? o.threads : std::max(4u, std::thread::hardware_concurrency());
    g.max_connections_per_client = o.max_connections_per_client;
    g.uncapped = o.trusted_proxies;
    if (o.log) {
        g.refused = [log = o.log](const std::string& client, int status) {
            log(log_line(RequestLog{"-", "-", status, 0, 0, client, ""}));  // no request was read
        };
    }
    s.gate = std::make_unique<ConnectionGate>(g, [&http](int fd) {
        reset_current_request();
        http.serve(fd);
    });
    http.gate = s.gate.get();
    http.write_timeout = o.write_timeout;
    http.new_task_queue = [] { return new Inline; };
    // Debian's compiled cpp-httplib listens with a backlog of 5: eight clients connecting at
    // once overflowed it, and each dropped SYN cost its client a 1 s retransmit (throughput
    // swung 571–1,790 requests/s; TcpExtListenOverflows counted them). Remember the socket so
    // bind() can raise the backlog; the options are cpp-httplib's own.
    http.set_socket_options([&http](socket_t sock) {
        httplib::default_socket_options(sock);
        http.listening_fd = sock;
    });
    http.set_payload_max_length(o.max_body);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"}});
    http.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
        return s.routes.refuse_early(req, res) ? httplib::Server::HandlerResponse::Handled
                                               : httplib::Server::HandlerResponse::Unhandled;
    });

    Routes& r = s.routes;
    r.post("/api/render", [&api](const Call& c) {
        const auto start = Clock::now();
        const std::string format = c.http.has_param("format") ? c.param("format") : "pdf";
        return timed(api.render(c.body, format), "render", start);
    });
    r.post("/api/check", [&api](const Call& c) {
        const auto start = Clock::now();
        return timed(api.check(c.body), "check", start);
    });
    r.get("/api/templates", [&api](const Call&) { return api.templates(); });
    for (const RouteGroup& group : o.route_groups) group(r);
    r.get(R"(/[A-Za-z0-9._-]*)", [](const Call& c) {
        const WebAsset* asset = find_asset(c.http.path);
        if (!asset) return Api::error(404, "no such page: " + c.http.path);
        Reply page;
        page.content_type = std::string(asset->content_type);
        page.body = std::string(asset->bytes);
        if (page.content_type.rfind("text/html", 0) == 0) page.headers.emplace_back("Content-Security-Policy", kPageSecurityPolicy);
        return page;
    }, RoutePolicy{false, false, true});

    // Errors cpp-httplib produces itself (a malformed request, …) are JSON too.
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const int status = res.status;
        send_reply(res, Api::error(status, status == 400 ? "bad HTTP request" : "HTTP error " + std::to_string(status)));
        return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([&api](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        send_reply(res, Api::error(500, "internal error: " + api.hide_paths(what)));
    });
    // Called once the reply is written.
    http.set_logger([log = o.log](const httplib::Request& req, const httplib::Response& res) {
        const RequestState& st = current_request();
        if ((st.framing.chunked || st.framing.length > 0 || st.framing.status) && !st.body_read) ConnectionGate::linger();
        if (!log) return;
        RequestLog e{req.method, req.path, res.status, ms_since(st.start), res.body.size(),
                     st.client.empty() ? req.remote_addr : st.client, st.who ? st.who->name : ""};
        log(log_line(e));
    });
}

Server::~Server() {
    if (impl_) {
        impl_->http.stop();
        impl_->gate->stop();
    }
}

int Server::bind() {
    const ServerOptions& o = impl_->options;
    if (!is_loopback_address(o.host) && o.authenticators.empty()) {
        fail_at_pointer("", "", "refusing to listen on " + o.host +
                                    " without tokens: anyone on the network could use the server "
                                    "(give --auth-file FILE; see README \"Web form\")");
    }
    const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                                 : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
    if (port <= 0) {
        fail_at_pointer("", "", "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                    " (address in use, or not an address of this machine?)");
    }
    // listen(2) again on a listening socket only changes its backlog (capped by somaxconn).
    if (::listen(impl_->http.listening_fd, kListenBacklog) != 0) {
        fail_at_pointer("", "", std::string("cannot listen on ") + o.host + ": " + std::strerror(errno));
    }
    port_ = port;
    impl_->policies.hosts.port = port;
    return port;
}

bool Server::run() { return impl_->http.listen_after_bind(); }

void Server::stop() {
    impl_->http.stop();
    impl_->gate->stop();
}

bool Server::wait_until_running() const {
    for (int i = 0; i < 500; ++i) {
        if (impl_->http.is_running()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

}  // namespace vanban::server
