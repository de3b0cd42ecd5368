// Shared by the hardening tests (issue 12): an in-process server on a free loopback port
// that keeps its log lines, and raw requests to it.
#pragma once

#include "raw_http.h"
#include "render/engine.h"
#include "server/server.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace hardening {

using namespace vanban;
using nlohmann::json;
namespace fs = std::filesystem;


inline std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string seed() { return read(fs::path(VANBAN_SOURCE_DIR) / "samples" / "cong-van-1996.json"); }

inline const Engine& engine() {
    static const Engine e{EngineOptions{}};
    return e;
}

struct TestServer {
    server::Server server;
    std::thread thread;
    int port = 0;
    std::mutex log_mu;
    std::vector<std::string> log;

    explicit TestServer(server::ServerOptions o = {}, const Engine& e = engine()) : server(e, prepare(o, this)) {
        port = server.bind();
        thread = std::thread([this] { server.run(); });
        server.wait_until_running();
    }
    ~TestServer() {
        server.stop();
        thread.join();
    }
    static server::ServerOptions prepare(server::ServerOptions o, TestServer* self) {
        o.host = "127.0.0.1";
        o.port = 0;
        if (!o.threads) o.threads = 4;
        o.log = [self](const std::string& line) {
            std::lock_guard lock(self->log_mu);
            self->log.push_back(line);
        };
        return o;
    }
    std::string host() const { return "127.0.0.1:" + std::to_string(port); }
    std::vector<std::string> log_lines() {
        std::lock_guard lock(log_mu);
        return log;
    }
};

// A request with a Content-Length body (or none), one per connection.
inline std::string request(const std::string& method, const std::string& path, const std::string& host,
                    const std::string& body = "", const std::string& headers = "Content-Type: application/json\r\n") {
    std::string r = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers;
    if (!body.empty()) r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

inline json table(const json& rows) {
    json t = json::parse(R"({"table": {"columns": [{"title": "STT"}, {"title": "Đơn vị"}]}})");
    t["table"]["rows"] = rows;
    return t;
}

inline std::string error_of(const rawhttp::Reply& r) {
    try {
        return json::parse(r.body).value("error", "");
    } catch (const std::exception&) {
        return "(not JSON: " + r.body.substr(0, 80) + ")";
    }
}

}  // namespace hardening
