// vanban serve [--host 127.0.0.1] [--port 8080] [--templates DIR] …: the web form for
// clerks and the HTTP API behind it (engine/server).
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "render/engine.h"
#include "server/server.h"

#include <atomic>
#include <filesystem>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

namespace vanban::cli {

namespace {

constexpr const char* kHelp = R"(  --host ADDR           the address to listen on (default 127.0.0.1: this machine only)
  --port N              the port (default 8080; 0 picks a free one, printed on stdout)
  --templates DIR       look for templates in DIR before the shipped ones (repeatable)
  --fonts DIR           look for Times New Roman / Liberation Serif in DIR first (repeatable)
  --max-body SIZE       refuse request bodies larger than SIZE with 413 (bytes, or with
                        K/M: default 2M)
  --threads N           requests handled at once (default: the number of cores, at least 4)
  --quiet               do not log each request on stderr
  --data DIR            serve the reporting campaigns stored in DIR (created on first use;
                        default ./vanban-data when it exists): /c/ID, /c/ID/admin, /api/campaigns/…
Open http://HOST:PORT/ in a browser for the form. The API: POST /api/render?format=pdf|docx,
POST /api/check, GET /api/templates (see README.md). Stops on Ctrl-C (SIGINT) or SIGTERM.
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
    bool quiet = false;
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
        else if (s == "--threads") {
            o.threads = static_cast<unsigned>(parse_number(s, value(), 256));
            if (o.threads == 0) usage_error("--threads must be at least 1");
        } else if (s == "--quiet") quiet = true;
        else if (s == "--data") o.data_dir = value();
        else usage_error("unknown argument " + s + " for serve");
    }
    if (o.host.empty()) usage_error("--host needs an address");
    if (std::error_code ec; !o.data_dir && std::filesystem::is_directory("vanban-data", ec)) o.data_dir = "vanban-data";
    if (!quiet) {
        auto mu = std::make_shared<std::mutex>();
        o.log = [mu](const std::string& method, const std::string& path, int status, double ms) {
            std::lock_guard lock(*mu);
            std::cerr << method << " " << path << " " << status;
            if (ms >= 0) std::cerr << " " << ms << " ms";
            std::cerr << "\n";
        };
    }

    // SIGINT/SIGTERM are waited for on a thread of their own, which stops the server.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by the server's threads

    try {
        const Engine engine(eo);
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
                                  kHelp, run_serve});

}  // namespace

}  // namespace vanban::cli
