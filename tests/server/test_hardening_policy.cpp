// `vanban serve` on a real network (issue 12), items 5–10: tokens and proxies, origins,
// paths in errors, the log, bogus framing, costly requests.
#include "hardening_support.h"
#include "server/auth.h"
#include "server/request_policy.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <future>
#include <sys/wait.h>

using namespace hardening;

// ---- 5. tokens, non-loopback, trusted proxies ------------------------------------------------

namespace {

// The hash line for `token` as the README says to make it, with sha256sum (coreutils).
std::string auth_line(const std::string& token, const std::string& name) {
    const fs::path tmp = fs::temp_directory_path() / ("vanban-token-" + std::to_string(::getpid()));
    { std::ofstream(tmp, std::ios::binary) << token; }
    std::string out;
    if (FILE* p = ::popen(("sha256sum " + tmp.string()).c_str(), "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        ::pclose(p);
    }
    fs::remove(tmp);
    return out.substr(0, out.find(' ')) + " " + name + "\n";
}

}  // namespace

TEST_CASE("Listening beyond loopback is refused without tokens") {
    for (const char* host : {"0.0.0.0", "::", "192.0.2.1"}) {
        server::ServerOptions o;
        o.host = host;
        o.port = 0;
        server::Server s(engine(), o);
        INFO(host);
        CHECK_THROWS_WITH(s.bind(), Catch::Contains("without tokens"));
    }
    // And `vanban serve` says so and exits without listening.
    const std::string cmd = std::string(VANBAN_BINARY_DIR) + "/vanban serve --host 0.0.0.0 --port 0 2>&1";
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    const int status = ::pclose(p);
    INFO(out);
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(out.find("--auth-file") != std::string::npos);
}

TEST_CASE("With an auth file every API request needs a valid Bearer token while the page stays public") {
    if (std::system("command -v sha256sum >/dev/null 2>&1") != 0) {
        WARN("sha256sum is missing: skipped");
        return;
    }
    const std::string token = "k3Y-van-thu-1996";
    const std::string file = "# clerks\n" + auth_line(token, "van-thu-tld") + auth_line("other", "other");
    server::ServerOptions o;
    o.authenticators.push_back(std::make_shared<server::TokenFile>(server::TokenFile::parse(file, "tokens.txt")));
    INFO(file);
    TestServer s(o);
    const std::string doc = seed();
    const rawhttp::Reply none = rawhttp::exchange(s.port, request("POST", "/api/render", s.host(), doc));
    CHECK(none.status == 401);
    CHECK(rawhttp::header(none, "WWW-Authenticate").rfind("Bearer", 0) == 0);
    CHECK(rawhttp::exchange(s.port, request("GET", "/api/templates", s.host())).status == 401);
    const std::string bad = "Content-Type: application/json\r\nAuthorization: Bearer k3Y-van-thu-1997\r\n";
    CHECK(rawhttp::exchange(s.port, request("POST", "/api/render", s.host(), doc, bad)).status == 401);
    // A token also stands for the page's origin: a client with one may come from anywhere.
    const std::string good =
        "Content-Type: application/json\r\nAuthorization: Bearer " + token + "\r\nOrigin: https://other.example\r\n";
    const rawhttp::Reply ok = rawhttp::exchange(s.port, request("POST", "/api/render", s.host(), doc, good));
    INFO(ok.head << "\n" << ok.body.substr(0, 300));
    CHECK(ok.status == 200);
    CHECK(rawhttp::exchange(s.port, request("GET", "/", s.host())).status == 200);
    const auto log = s.log_lines();
    REQUIRE(!log.empty());
    bool named = false;
    for (const auto& l : log) named = named || (json::parse(l).value("who", "") == "van-thu-tld" && json::parse(l)["status"] == 200);
    CHECK(named);
}

TEST_CASE("An auth file line that is not '<sha256> <name>' is refused with its line number") {
    CHECK_THROWS_WITH(server::TokenFile::parse("# ok\n\nnot-a-hash someone\n", "tokens.txt"),
                      Catch::StartsWith("tokens.txt:3:1: expected"));
    CHECK_THROWS_WITH(server::TokenFile::parse(std::string(64, 'a') + "\n", "t.txt"), Catch::StartsWith("t.txt:1:1:"));
    CHECK_THROWS_WITH(server::TokenFile::parse("# none\n", "t.txt"), Catch::Contains("no token"));
    const auto tf = server::TokenFile::parse(std::string(64, 'A') + "  name with spaces\n", "t.txt");
    CHECK(tf.size() == 1);
    CHECK_FALSE(tf.authenticate(""));
    // The hash `printf '%s' k3Y-van-thu-1996 | sha256sum` prints.
    const auto known = server::TokenFile::parse(
        "dd22ad493c98a0b55bf02b6e50e313063049a48da3bd9c8815ad0155e687a32c van-thu\n", "t.txt");
    REQUIRE(known.authenticate("k3Y-van-thu-1996"));
    CHECK(known.authenticate("k3Y-van-thu-1996")->name == "van-thu");
    CHECK_FALSE(known.authenticate("k3Y-van-thu-1997"));
    CHECK(server::bearer_token("Bearer abc") == "abc");
    CHECK(server::bearer_token("bearer  abc ") == "abc");
    CHECK(server::bearer_token("Basic abc") == "");
}

TEST_CASE("X-Forwarded-For names the client only when it comes from a --trusted-proxy") {
    const std::string headers = "X-Forwarded-For: 198.51.100.1, 203.0.113.9\r\n";
    // The page behind an HTTPS proxy: its Origin is https://vanban.example.
    const std::string page = "Content-Type: application/json\r\nOrigin: https://vanban.example\r\n"
                             "Sec-Fetch-Site: same-origin\r\nX-Forwarded-Proto: https\r\n" + headers;
    server::ServerOptions o;
    o.allow_hosts = {"vanban.example"};
    {
        TestServer s(o);
        REQUIRE(rawhttp::exchange(s.port, request("GET", "/api/templates", s.host(), "", headers)).status == 200);
        const auto log = s.log_lines();
        REQUIRE(log.size() == 1);
        CHECK(json::parse(log[0])["client"] == "127.0.0.1");
        CHECK(rawhttp::exchange(s.port, request("POST", "/api/check", "vanban.example", seed(), page)).status == 403);
    }
    o.trusted_proxies = {"127.0.0.1"};
    TestServer s(o);
    REQUIRE(rawhttp::exchange(s.port, request("GET", "/api/templates", s.host(), "", headers)).status == 200);
    const auto log = s.log_lines();
    REQUIRE(log.size() == 1);
    CHECK(json::parse(log[0])["client"] == "203.0.113.9");
    CHECK(rawhttp::exchange(s.port, request("POST", "/api/check", "vanban.example", seed(), page)).status == 200);
}

// ---- 6. where requests come from ---------------------------------------------------------------

TEST_CASE("A cross-site POST is refused while the page's own requests and curl's are served") {
    TestServer s;
    const std::string doc = seed();
    const std::string self = "http://" + s.host();
    struct Case {
        std::string headers;
        int status;
    };
    const std::vector<Case> cases = {
        {"Content-Type: text/plain\r\nOrigin: http://evil.example\r\n", 403},
        {"Content-Type: application/json\r\nOrigin: http://evil.example\r\n", 403},
        {"Content-Type: application/json\r\nOrigin: null\r\n", 403},
        {"Content-Type: application/json\r\nOrigin: https://" + s.host() + "\r\n", 403},
        {"Content-Type: application/json\r\nSec-Fetch-Site: cross-site\r\n", 403},
        {"Content-Type: application/json\r\nSec-Fetch-Site: same-site\r\nOrigin: " + self + "\r\n", 403},
        {"Content-Type: text/plain\r\nOrigin: " + self + "\r\n", 415},                     // JSON only
        {"Content-Type: application/json\r\nOrigin: " + self + "\r\nSec-Fetch-Site: same-origin\r\n", 200},  // the page
        {"Content-Type: application/json; charset=utf-8\r\n", 200},                         // curl
    };
    for (const auto& c : cases) {
        for (const char* path : {"/api/render", "/api/check"}) {
            const rawhttp::Reply r = rawhttp::exchange(s.port, request("POST", path, s.host(), doc, c.headers));
            INFO(path << "\n" << c.headers);
            CHECK(r.status == c.status);
        }
    }
}

// ---- 7. no server paths in errors ---------------------------------------------------------------

TEST_CASE("Errors name templates relative to their directory, never by a server path") {
    const fs::path dir = fs::temp_directory_path() / ("vanban-tpl-" + std::to_string(::getpid())) / "templates";
    fs::create_directories(dir);
    { std::ofstream(dir / "hong.mustache") << "<document>{{#data.x}}\n<p>unclosed</p>\n</document>\n"; }
    EngineOptions eo;
    eo.template_dirs = {dir};
    const Engine e(eo);
    TestServer s({}, e);
    json doc = json::parse(seed());
    for (const char* name : {"hong", "khong-co"}) {
        doc["template"] = name;
        for (const char* path : {"/api/render", "/api/check"}) {
            const rawhttp::Reply r = rawhttp::exchange(s.port, request("POST", path, s.host(), doc.dump()));
            INFO(path << " " << name << ": " << r.body);
            CHECK(r.body.find(dir.string()) == std::string::npos);
            CHECK(r.body.find(fs::temp_directory_path().string()) == std::string::npos);
            CHECK(r.body.find(VANBAN_SOURCE_DIR) == std::string::npos);
            if (std::string(name) == "hong" && std::string(path) == "/api/render") CHECK(json::parse(r.body)["file"] == "hong.mustache");
        }
    }
    const rawhttp::Reply list = rawhttp::exchange(s.port, request("GET", "/api/templates", s.host()));
    CHECK(list.body.find(dir.string()) == std::string::npos);
    fs::remove_all(dir.parent_path());
}

// ---- 8. the log -------------------------------------------------------------------------------

TEST_CASE("A control character in the path cannot forge a log line") {
    TestServer s;
    const rawhttp::Reply r = rawhttp::exchange(s.port, request("GET", "/x%0aPOST%20/api/render%20200", s.host()));
    CHECK(r.status == 404);
    const auto log = s.log_lines();
    REQUIRE(log.size() == 1);
    INFO(log[0]);
    CHECK(log[0].find('\n') == std::string::npos);
    CHECK(log[0].find('\r') == std::string::npos);
    const json line = json::parse(log[0]);
    CHECK(line["path"] == "/x\nPOST /api/render 200");  // kept, escaped in the line
    CHECK(line["method"] == "GET");
    CHECK(line["status"] == 404);
    CHECK(line["client"] == "127.0.0.1");
    CHECK(line["bytes"].get<std::size_t>() == r.body.size());
    CHECK(line["ms"].get<double>() >= 0);
    const std::string escaped = server::log_line({"GET", "/\x1b[31m\xc2\x9b\xff", 200, 1, 2, "c", ""});
    for (unsigned char c : escaped) CHECK((c >= 0x20 && c < 0x7f));
}

// ---- 9. bogus framing -------------------------------------------------------------------------

TEST_CASE("A bogus Content-Length or a body-less PUT/PATCH is answered at once") {
    TestServer s;
    const auto head = [&](const std::string& method, const std::string& extra) {
        return method + " /api/check HTTP/1.1\r\nHost: " + s.host() + "\r\nContent-Type: application/json\r\n" + extra + "\r\n";
    };
    const std::vector<std::pair<std::string, int>> cases = {
        {head("POST", "Content-Length: 1000000000000\r\n"), 413},
        {head("POST", "Content-Length: 99999999999999999999999999\r\n"), 413},
        {head("POST", "Content-Length: -1\r\n"), 400},
        {head("POST", "Content-Length: 12abc\r\n"), 400},
        {head("POST", "Content-Length: 5\r\nContent-Length: 6\r\n"), 400},
        {head("POST", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"), 400},
        {head("POST", "Transfer-Encoding: gzip\r\n"), 501},
        {head("PUT", ""), 405},
        {head("PATCH", ""), 405},
        {head("DELETE", ""), 405},
    };
    for (const auto& [req, status] : cases) {
        const rawhttp::Reply r = rawhttp::exchange(s.port, req, 10);
        INFO(req);
        CHECK(r.status == status);
        CHECK(r.seconds < 1.0);
        CHECK_NOTHROW(json::parse(r.body));
    }
    // A POST without a body is a request with an empty body, answered at once.
    const rawhttp::Reply empty = rawhttp::exchange(s.port, head("POST", ""), 10);
    CHECK(empty.status == 200);
    CHECK(empty.seconds < 1.0);
}

// ---- 10. costly requests ----------------------------------------------------------------------

TEST_CASE("Server-mode limits: rows and pages over the limit are 422, a render past its time is 503") {
    EngineOptions eo;
    eo.limits.max_table_rows = 100;
    eo.limits.max_pages = 1;
    const Engine small(eo);
    TestServer s({}, small);
    json doc = json::parse(seed());
    json rows = json::array();
    for (int i = 0; i < 150; ++i) rows.push_back({std::to_string(i), "Công đoàn cơ sở"});
    doc["body"].push_back(table(rows));
    const rawhttp::Reply r = rawhttp::exchange(s.port, request("POST", "/api/render", s.host(), doc.dump()));
    CHECK(r.status == 422);
    CHECK(error_of(r).find("limit of 100") != std::string::npos);
    const rawhttp::Reply pages = rawhttp::exchange(s.port, request("POST", "/api/render", s.host(), seed()));  // 2 pages
    CHECK(pages.status == 422);
    CHECK(error_of(pages).find("than the limit of 1") != std::string::npos);

    eo.limits = Limits{};
    eo.limits.max_render_time = std::chrono::milliseconds(1);
    const Engine hurried(eo);
    TestServer h({}, hurried);
    json long_doc = json::parse(seed());
    json many = json::array();
    for (int i = 0; i < 1000; ++i) many.push_back({std::to_string(i), "Công đoàn cơ sở"});
    long_doc["body"].push_back(table(many));  // laid out in far more than 1 ms
    for (const char* path : {"/api/render", "/api/check"}) {
        const rawhttp::Reply t = rawhttp::exchange(h.port, request("POST", path, h.host(), long_doc.dump()));
        INFO(path);
        CHECK(t.status == 503);
        CHECK(error_of(t).find("longer than the limit of 1 ms") != std::string::npos);
    }
}

TEST_CASE("One client gets at most --max-per-client costly requests at once, and added routes get the same policies") {
    std::promise<void> entered, release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<bool> first{true};
    server::ServerOptions o;
    o.max_requests_per_client = 1;
    o.max_body = 1024;
    o.route_groups.push_back([&](server::Routes& r) {
        r.post("/api/test/slow/([a-z]+)", [&](const server::Call& c) {
            if (first.exchange(false)) {
                entered.set_value();
                released.wait_for(std::chrono::seconds(10));
            }
            server::Reply reply;
            reply.body = json{{"name", c.match(1)}, {"body", c.body}, {"client", c.client}}.dump();
            return reply;
        });
    });
    TestServer s(o);
    auto slow = std::async(std::launch::async, [&] {
        return rawhttp::exchange(s.port, request("POST", "/api/test/slow/a", s.host(), "{}"));
    });
    REQUIRE(entered.get_future().wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    const rawhttp::Reply busy = rawhttp::exchange(s.port, request("POST", "/api/check", s.host(), "{}"));
    CHECK(busy.status == 429);
    CHECK(rawhttp::header(busy, "Retry-After") == "1");
    CHECK(error_of(busy).find("more than 1 requests at once") == 0);
    // Cheap requests are not counted.
    CHECK(rawhttp::exchange(s.port, request("GET", "/api/templates", s.host())).status == 200);
    release.set_value();
    const rawhttp::Reply done = slow.get();
    CHECK(done.status == 200);
    CHECK(json::parse(done.body) == json{{"name", "a"}, {"body", "{}"}, {"client", "127.0.0.1"}});
    // The added route is protected like the API's: origin, content type, body limit, method.
    CHECK(rawhttp::exchange(s.port, request("POST", "/api/test/slow/b", s.host(), "{}",
                                            "Content-Type: text/plain\r\nOrigin: http://evil.example\r\n"))
              .status == 403);
    CHECK(rawhttp::exchange(s.port, request("POST", "/api/test/slow/b", s.host(), "{}", "Content-Type: text/plain\r\n"))
              .status == 415);
    CHECK(rawhttp::exchange(s.port, request("POST", "/api/test/slow/b", s.host(), std::string(2000, ' '))).status == 413);
    CHECK(rawhttp::exchange(s.port, request("GET", "/api/test/slow/b", s.host())).status == 405);
}

TEST_CASE("`vanban serve` applies the server-mode row limit by default") {
    json doc = json::parse(seed());
    json rows = json::array();
    for (int i = 0; i < 6000; ++i) rows.push_back({std::to_string(i), "Công đoàn cơ sở"});
    doc["body"].push_back(table(rows));
    const std::string exe = std::string(VANBAN_BINARY_DIR) + "/vanban";
    FILE* p = ::popen((exe + " serve --port 0 --quiet & echo $!; wait").c_str(), "r");
    REQUIRE(p);
    char buf[256];
    REQUIRE(std::fgets(buf, sizeof buf, p));
    const int pid = std::atoi(buf);
    REQUIRE(std::fgets(buf, sizeof buf, p));
    const std::string line = buf;
    const std::string prefix = "vanban serve: http://127.0.0.1:";
    REQUIRE(line.rfind(prefix, 0) == 0);
    const int port = std::stoi(line.substr(prefix.size()));
    const rawhttp::Reply r =
        rawhttp::exchange(port, request("POST", "/api/render", "127.0.0.1:" + std::to_string(port), doc.dump()), 20);
    ::kill(pid, SIGTERM);
    ::pclose(p);
    CHECK(r.status == 422);
    CHECK(error_of(r).find("limit of 5000") != std::string::npos);
    CHECK(r.seconds < 5);
}
