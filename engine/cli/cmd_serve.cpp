// vanban serve [--host 127.0.0.1] [--port 8080] [--templates DIR] …: the web form for
// clerks and the HTTP API behind it (engine/server).
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "render/engine.h"
#include "server/auth.h"
#include "server/campaign_routes.h"
#include "server/register_routes.h"
#include "server/request_policy.h"
#include "server/server.h"
#include "sign/credentials.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <csignal>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

namespace vanban::cli {

namespace {

constexpr const char* kServeHelp = R"(  --host ADDR           the address to listen on (default 127.0.0.1: this machine only).
                        Any other address needs --auth-file; put TLS in front (README)
  --port N              the port (default 8080; 0 picks a free one, printed on stdout)
  --templates DIR       look for templates in DIR before the shipped ones (repeatable)
  --fonts DIR           look for Times New Roman / Liberation Serif in DIR first (repeatable)
  --auth-file FILE      require "Authorization: Bearer TOKEN" on /api: FILE has one line
                        "<sha256 of the token> <name>" per token (README "Web form")
  --allow-host NAME     answer requests addressed to NAME too (the proxy's public name;
                        repeatable). Loopback names with the port are always answered
  --trusted-proxy ADDR  believe X-Forwarded-For/-Proto from this peer address (repeatable)
  --max-body SIZE       refuse request bodies larger than SIZE with 413 (bytes, or with
                        K/M: default 2M), counted as read, chunked or not
  --max-rows N          rows of one table (default 5000; `vanban render` allows 100000)
  --max-pages N         pages of one document (default 200)
  --render-timeout S    seconds one render may take (default 10; 503 beyond)
  --max-per-client N    renders/checks at once from one client (default 4; 429 beyond)
  --max-connections N   connections open at once from one address (default 32; 503
                        beyond; a --trusted-proxy has none)
  --threads N           requests handled at once (default: the number of cores, at least 4)
  --quiet               do not log each request (one JSON line on stderr)
  --data DIR            serve the reporting campaigns stored in DIR (created on first use;
                        default ./vanban-data when it exists): /c/ID, /c/ID/admin, /api/campaigns/…,
                        and the register's numbers (/api/register, the form's "Cấp số")
  --trust CA.pem        check the units' signed report PDFs (PUT …/reports/UNIT.pdf) against
                        this anchor (repeatable; the VGCA root); without it they never verify
  --intermediates C.pem intermediate certificates for leaf-only signatures (repeatable)
Open http://HOST:PORT/ in a browser for the form. The API: POST /api/render?format=pdf|docx,
POST /api/check (Content-Type: application/json), GET /api/templates (see README.md).
Stops on Ctrl-C (SIGINT) or SIGTERM.
)";

unsigned long parse_number(const std::string& option, const std::string& v, unsigned long max) {
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) {
        usage_error(option + " takes a whole number, not '" + v + "'");
    }
    const unsigned long n = std::stoul(v);
    if (n > max) usage_error(option + " is at most " + std::to_string(max));
    return n;
}

std::size_t parse_size(const std::string& v) {
    std::string digits = v;
    std::size_t unit = 1;
    if (!digits.empty() && (digits.back() == 'K' || digits.back() == 'k')) unit = 1024;
    if (!digits.empty() && (digits.back() == 'M' || digits.back() == 'm')) unit = 1024 * 1024;
    if (unit != 1) digits.pop_back();
    const std::size_t n = parse_number("--max-body", digits, 1024ul * 1024 * 1024) * unit;
    if (n == 0 || n > 64ul * 1024 * 1024) usage_error("--max-body must be between 1 byte and 64M");
    return n;
}

std::atomic<server::Server*> g_server{nullptr};  // for the signal-waiting thread

int run_serve(const Args& args) {
    server::ServerOptions o;
    EngineOptions eo;
    // Server mode: lower limits than the CLI's, so one request cannot hold a worker for long.
    eo.limits.max_table_rows = 5000;
    eo.limits.max_pages = 200;
    eo.limits.max_render_time = std::chrono::seconds(10);
    std::string auth_file;
    std::optional<std::filesystem::path> data_dir;  // the reporting campaigns' store
    bool quiet = false;
    std::vector<std::string> trust_files, intermediate_files;  // signed reports' anchors
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) usage_error(s + " needs a value");
            return args[++i];
        };
        if (s == "--host") o.host = value();
        else if (s == "--port") o.port = static_cast<int>(parse_number(s, value(), 65535));
        else if (s == "--templates") eo.template_dirs.emplace_back(value());
        else if (s == "--fonts") eo.font_dirs.emplace_back(value());
        else if (s == "--max-body") o.max_body = parse_size(value());
        else if (s == "--auth-file") auth_file = value();
        else if (s == "--allow-host") o.allow_hosts.push_back(value());
        else if (s == "--trusted-proxy") o.trusted_proxies.push_back(value());
        else if (s == "--max-rows") eo.limits.max_table_rows = parse_number(s, value(), 100000000);
        else if (s == "--max-pages") eo.limits.max_pages = parse_number(s, value(), 1000000);
        else if (s == "--render-timeout") eo.limits.max_render_time = std::chrono::seconds(parse_number(s, value(), 3600));
        else if (s == "--max-connections") o.max_connections_per_client = parse_number(s, value(), 100000);
        else if (s == "--max-per-client") o.max_requests_per_client = static_cast<unsigned>(parse_number(s, value(), 4096));
        else if (s == "--threads") {
            o.threads = static_cast<unsigned>(parse_number(s, value(), 256));
            if (o.threads == 0) usage_error("--threads must be at least 1");
        } else if (s == "--quiet") quiet = true;
        else if (s == "--data") data_dir = value();
        else if (s == "--trust") trust_files.emplace_back(value());
        else if (s == "--intermediates") intermediate_files.emplace_back(value());
        else usage_error("unknown argument " + s + " for serve");
    }
    if (o.host.empty()) usage_error("--host needs an address");
    if (eo.limits.max_table_rows == 0 || eo.limits.max_pages == 0 || eo.limits.max_render_time.count() == 0) {
        usage_error("--max-rows, --max-pages and --render-timeout must be at least 1");
    }
    if (o.max_requests_per_client == 0 || o.max_connections_per_client == 0) {
        usage_error("--max-per-client and --max-connections must be at least 1");
    }
    eo.limits.max_input_bytes = o.max_body;
    if (std::error_code ec; !data_dir && std::filesystem::is_directory("vanban-data", ec)) data_dir = "vanban-data";
    if (!quiet) {
        auto mu = std::make_shared<std::mutex>();
        o.log = [mu](const std::string& line) {
            std::lock_guard lock(*mu);
            std::cerr << line << "\n";
        };
    }

    // SIGINT/SIGTERM are waited for on a thread of their own, which stops the server.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by the server's threads

    try {
        if (!auth_file.empty()) {
            auto tokens = std::make_shared<server::TokenFile>(server::TokenFile::load(auth_file));
            std::cerr << "vanban serve: " << tokens->size() << " token(s) from " << auth_file << "\n";
            o.authenticators.push_back(std::move(tokens));
        }
        if (!server::is_loopback_address(o.host)) {
            if (o.authenticators.empty()) {
                usage_error("--host " + o.host + " is reachable from the network: give --auth-file FILE "
                            "(tokens), or keep the default 127.0.0.1");
            }
            std::cerr << "warning: listening on " << o.host << ", not only this machine: every /api request "
                      << "needs a token; serve it behind a TLS reverse proxy (README \"Web form\")\n";
        }
        const Engine engine(eo);
        std::shared_ptr<server::Campaigns> campaigns;
        std::shared_ptr<server::RegisterDesk> desk;
        if (data_dir) {
            campaigns = server::open_campaigns(engine, *data_dir);
            sign::VerifyOptions trust;
            for (const auto& f : trust_files) for (auto& c : sign::load_certificates(f)) trust.trust.push_back(c);
            for (const auto& f : intermediate_files) {
                for (auto& c : sign::load_certificates(f)) trust.intermediates.push_back(c);
            }
            server::set_campaign_trust(*campaigns, std::move(trust));
            o.route_groups.push_back([campaigns](server::Routes& r) { server::add_campaign_routes(r, *campaigns); });
            // The "Cấp số" button of the form numbers from this store's register.
            desk = server::open_register_desk(*data_dir);
            o.route_groups.push_back([desk](server::Routes& r) { server::add_register_routes(r, *desk); });
        }
        server::Server srv(engine, o);
        const int port = srv.bind();
        const std::string host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
        std::cout << "vanban serve: http://" << host << ":" << port << "/" << std::endl;
        g_server = &srv;
        std::thread waiter([&signals] {
            int sig = 0;
            sigwait(&signals, &sig);
            if (server::Server* s = g_server.load()) {
                s->wait_until_running();  // a signal before listening still stops it
                s->stop();
            }
        });
        const bool ok = srv.run();
        g_server = nullptr;
        // Wake the waiter if the server stopped on its own.
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
        return ok ? 0 : 1;
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}

const CommandRegistration kServe({"serve", "serve [--host H] [--port N] [options]   the web form and HTTP API",
                                  kServeHelp, run_serve});

}  // namespace

}  // namespace vanban::cli
