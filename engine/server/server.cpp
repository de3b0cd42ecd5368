#include "server/server.h"

#include "core/diagnostic.h"
#include "server/campaign_routes.h"
#include "server/web_assets.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace vanban::server {

namespace {

using Clock = std::chrono::steady_clock;

void send(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    res.set_content(reply.body, reply.content_type);
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Sends `reply`, with the time the work took as a Server-Timing header.
void send_timed(httplib::Response& res, const Reply& reply, const char* what, Clock::time_point start) {
    char timing[64];
    std::snprintf(timing, sizeof timing, "%s;dur=%.1f", what, ms_since(start));
    res.set_header("Server-Timing", timing);
    send(res, reply);
}

bool is_loopback(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// The host part of a Host header ("127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "::1").
std::string host_name(const std::string& header) {
    if (!header.empty() && header.front() == '[') {
        const auto close = header.find(']');
        return close == std::string::npos ? header : header.substr(1, close - 1);
    }
    return header.substr(0, header.find(':'));
}

constexpr const char* kPageSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self' blob:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

}  // namespace

struct Server::Impl {
    Impl(const Engine& engine, ServerOptions o) : options(std::move(o)), api(engine, options.api) {}
    ServerOptions options;
    Api api;
    httplib::Server http;
    std::shared_ptr<void> campaigns;  // the campaign routes' store, when data_dir is set
};

Server::Server(const Engine& engine, ServerOptions options) : impl_(std::make_unique<Impl>(engine, std::move(options))) {
    auto& http = impl_->http;
    const ServerOptions& o = impl_->options;
    const Api& api = impl_->api;

    const unsigned threads = o.threads ? o.threads : std::max(4u, std::thread::hardware_concurrency());
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_payload_max_length(o.max_body);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"}});

    // Bound to loopback, answer only requests addressed to loopback: a web page
    // elsewhere cannot reach the server through DNS rebinding.
    const bool loopback = is_loopback(o.host);
    http.set_pre_routing_handler([loopback](const httplib::Request& req, httplib::Response& res) {
        if (loopback && req.has_header("Host") && !is_loopback(host_name(req.get_header_value("Host")))) {
            send(res, Api::error(403, "this server answers only requests to localhost"));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    http.Post("/api/render", [&api](const httplib::Request& req, httplib::Response& res) {
        const auto start = Clock::now();
        const std::string format = req.has_param("format") ? req.get_param_value("format") : "pdf";
        send_timed(res, api.render(req.body, format), "render", start);
    });
    http.Post("/api/check", [&api](const httplib::Request& req, httplib::Response& res) {
        const auto start = Clock::now();
        send_timed(res, api.check(req.body), "check", start);
    });
    http.Get("/api/templates", [&api](const httplib::Request&, httplib::Response& res) {
        send(res, api.templates());
    });
    if (o.data_dir) impl_->campaigns = add_campaign_routes(http, engine, *o.data_dir);
    http.Get(R"(/[A-Za-z0-9._-]*)", [](const httplib::Request& req, httplib::Response& res) {
        const WebAsset* asset = find_asset(req.path);
        if (!asset) {
            send(res, Api::error(404, "no such page: " + req.path));
            return;
        }
        if (asset->content_type.rfind("text/html", 0) == 0) {
            res.set_header("Content-Security-Policy", kPageSecurityPolicy);
        }
        res.set_content(std::string(asset->bytes), std::string(asset->content_type));
    });

    // Errors httplib produces itself (unknown path, body too large, …) are JSON too.
    const std::size_t max_body = o.max_body;
    http.set_error_handler(httplib::Server::HandlerWithResponse([max_body](const httplib::Request& req,
                                                                          httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string message;
        switch (res.status) {
            case 413: message = "the request body is larger than the limit of " + std::to_string(max_body) + " bytes"; break;
            case 404: message = "no such page: " + req.method + " " + req.path; break;
            case 400: message = "bad HTTP request"; break;
            default: message = "HTTP error " + std::to_string(res.status); break;
        }
        const int status = res.status;
        send(res, Api::error(status, message));
        return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        send(res, Api::error(500, "internal error: " + what));
    });
    if (o.log) {
        http.set_logger([log = o.log](const httplib::Request& req, const httplib::Response& res) {
            double ms = -1;
            const std::string timing = res.get_header_value("Server-Timing");
            if (const auto at = timing.find("dur="); at != std::string::npos) ms = std::atof(timing.c_str() + at + 4);
            log(req.method, req.path, res.status, ms);
        });
    }
}

Server::~Server() {
    if (impl_) impl_->http.stop();
}

int Server::bind() {
    const ServerOptions& o = impl_->options;
    const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                                 : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
    if (port <= 0) {
        fail_at_pointer("", "", "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                    " (address in use, or not an address of this machine?)");
    }
    port_ = port;
    return port;
}

bool Server::run() { return impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

bool Server::wait_until_running() const {
    for (int i = 0; i < 500; ++i) {
        if (impl_->http.is_running()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

}  // namespace vanban::server
