// The "Cấp số" routes of `vanban serve --data` (server/register_routes.h): an in-process
// server on a free 127.0.0.1 port, HTTP clients on threads, and a second process (the
// CLI) numbering from the same store at the same time.
#include "register_support.h"
#include "render/engine.h"
#include "server/auth.h"
#include "server/register_routes.h"
#include "server/server.h"
#include "store/data_dir.h"
#include "store/register.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;
using namespace vanban;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("vanban-register-server-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void init_register(const fs::path& dir) {
    store::DataDir data = store::open_data_dir(dir);
    store::Register(data.db).init({"LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI", "TỔNG LĐLĐ VIỆT NAM", ""});
}

const Engine& engine() {
    static const Engine e{EngineOptions{}};
    return e;
}

// An in-process server with the register routes over `dir`; `auth` adds a token file.
struct Running {
    std::shared_ptr<server::RegisterDesk> desk;
    server::Server srv;
    std::thread thread;
    int port = 0;
    Running(const fs::path& dir, std::shared_ptr<const server::Authenticator> auth = nullptr)
        : desk(server::open_register_desk(dir)), srv(engine(), [&] {
              server::ServerOptions o;
              o.port = 0;
              o.threads = 8;
              o.max_requests_per_client = 64;  // every test client is 127.0.0.1
              o.max_connections_per_client = 128;
              if (auth) o.authenticators.push_back(auth);
              o.route_groups.push_back([d = desk](server::Routes& r) { server::add_register_routes(r, *d); });
              return o;
          }()) {
        port = srv.bind();
        thread = std::thread([this] { srv.run(); });
        srv.wait_until_running();
    }
    ~Running() {
        srv.stop();
        thread.join();
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(60, 0);
        return c;
    }
};

httplib::Result next(httplib::Client& c, const json& body, const httplib::Headers& h = {}) {
    return c.Post("/api/register/next", h, body.dump(), "application/json");
}

using register_test::today_vn;

}  // namespace

TEST_CASE("Eight server threads and a second process allocating at once get distinct consecutive numbers") {
    const fs::path dir = fresh_dir("race");
    init_register(dir);
    Running s(dir);
    {
        auto c = s.client();
        const auto r = c.Get("/api/register");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        const json info = json::parse(r->body);
        CHECK(info["available"] == true);
        CHECK(info["organisation"] == "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI");
        std::set<std::string> books;
        for (const auto& b : info["books"]) books.insert(b["name"].get<std::string>());
        CHECK(books == std::set<std::string>{"chung", "mat", "sao"});
    }
    // The CLI in another process, numbering from the same store while the server does.
    const std::string cli = std::string(VANBAN_BINARY_DIR) + "/vanban register next --symbol LĐLĐ-TG --data '" +
                            dir.string() + "'";
    const std::string loop = "for i in $(seq 25); do " + cli + " || exit 1; done > '" + (dir / "cli.txt").string() + "'";
    std::thread other([&] { CHECK(std::system(loop.c_str()) == 0); });

    constexpr int kThreads = 8, kEach = 50;  // 400 numbers through the server
    std::mutex mu;
    std::vector<int> numbers;
    std::vector<std::string> failures;
    std::vector<std::thread> clients;
    for (int t = 0; t < kThreads; ++t) {
        clients.emplace_back([&] {
            auto c = s.client();
            for (int i = 0; i < kEach; ++i) {
                const auto r = next(c, {{"symbol", "LĐLĐ-TG"}, {"subject", "Sơ kết công tác"}});
                std::lock_guard lock(mu);
                if (!r || r->status != 200) {
                    failures.push_back(r ? r->body : "no reply");
                    continue;
                }
                const json j = json::parse(r->body);
                numbers.push_back(j["number"].get<int>());
            }
        });
    }
    for (auto& t : clients) t.join();
    other.join();
    INFO((failures.empty() ? "" : failures.front()));
    CHECK(failures.empty());
    REQUIRE(numbers.size() == kThreads * kEach);
    std::set<int> all(numbers.begin(), numbers.end());
    CHECK(all.size() == numbers.size());  // no number given twice
    std::ifstream cli_out(dir / "cli.txt");
    int from_cli = 0;
    for (std::string line; std::getline(cli_out, line); ++from_cli) all.insert(std::stoi(line.substr(0, line.find('/'))));
    CHECK(from_cli == 25);
    REQUIRE(all.size() == numbers.size() + 25);
    CHECK(*all.begin() == 1);
    CHECK(*all.rbegin() == kThreads * kEach + 25);  // gap-free: 1 … 425

    // The store agrees: 425 entries numbered 1 … 425 in order.
    store::DataDir data = store::open_data_dir(dir);
    const auto list = store::Register(data.db).list(std::nullopt);
    REQUIRE(list.size() == all.size());
    for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i].number == static_cast<int>(i) + 1);
}

TEST_CASE("The allocated number comes back with the date and a Vietnamese message and is never reused") {
    const fs::path dir = fresh_dir("reply");
    init_register(dir);
    Running s(dir);
    auto c = s.client();
    const auto r = next(c, {{"symbol", "LĐLĐ-TG"}, {"subject", "tổ chức Tết"}, {"signer", "Trần Thị B"}});
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const json j = json::parse(r->body);
    CHECK(j["number"] == 1);
    CHECK(j["number_text"] == "01");
    CHECK(j["number_symbol"] == "01/LĐLĐ-TG");
    CHECK(j["date"] == today_vn());
    CHECK(j["book"] == "chung");
    CHECK(j["message_vi"].get<std::string>().find("Đã cấp số 01/LĐLĐ-TG") == 0);
    // Confidential documents have their own sequence (Điều 15.2).
    const auto m = next(c, {{"symbol", "LĐLĐ-TG"}, {"book", "mat"}});
    REQUIRE(m);
    CHECK(json::parse(m->body)["number"] == 1);
    // A voided number stays given: the next one is 02.
    {
        store::DataDir data = store::open_data_dir(dir);
        store::Register reg(data.db);
        reg.void_number("chung", j["year"].get<int>(), 1, "hủy");
        const auto e = reg.find("chung", j["year"].get<int>(), 1);
        REQUIRE(e);
        CHECK(e->subject == "tổ chức Tết");
        CHECK(e->signer == "Trần Thị B");
    }
    const auto again = next(c, {{"symbol", "LĐLĐ-TG"}});
    REQUIRE(again);
    CHECK(json::parse(again->body)["number"] == 2);
}

TEST_CASE("A request the register refuses gets 400 or 422 with the field and a Vietnamese message and gives no number") {
    const fs::path dir = fresh_dir("refused");
    init_register(dir);
    Running s(dir);
    auto c = s.client();
    struct Case {
        std::string body;
        int status;
        std::string pointer;
    };
    const int other_year = std::stoi(today_vn().substr(0, 4)) - 1;
    const std::vector<Case> cases = {
        {"not json", 400, ""},
        {json{{"subject", "x"}}.dump(), 422, "/symbol"},
        {json{{"symbol", "LĐLĐ/TG"}}.dump(), 422, "/symbol"},
        {json{{"symbol", 5}}.dump(), 422, "/symbol"},
        {json{{"symbol", "TLĐ"}, {"date", "05/02/2026"}}.dump(), 422, "/date"},
        {json{{"symbol", "TLĐ"}, {"date", std::to_string(other_year) + "-12-31"}}.dump(), 422, "/date"},
        {json{{"symbol", "TLĐ"}, {"book", "khong-co"}}.dump(), 422, ""},
        {json{{"symbol", "TLĐ"}, {"subject", std::string(600, 'a')}}.dump(), 422, "/subject"},
    };
    for (const auto& k : cases) {
        INFO(k.body.substr(0, 80));
        const auto r = c.Post("/api/register/next", k.body, "application/json");
        REQUIRE(r);
        CHECK(r->status == k.status);
        const json j = json::parse(r->body);
        CHECK(j["pointer"] == k.pointer);
        const std::string vi = j["message_vi"].get<std::string>();
        CHECK_FALSE(vi.empty());
        CHECK(vi.find("the ") == std::string::npos);  // Vietnamese, not the engine's English
        CHECK(r->body.find(dir.string()) == std::string::npos);  // no server path
    }
    // None of them took a number.
    const auto ok = next(c, {{"symbol", "TLĐ"}});
    REQUIRE(ok);
    CHECK(json::parse(ok->body)["number"] == 1);
}

TEST_CASE("With an auth file the register routes need a token and without register init none is available") {
    const fs::path dir = fresh_dir("auth");
    const std::string token = "cap-so-token-123";
    std::ostringstream hex;
    for (const unsigned char b : server::sha256(token)) {
        char h[3];
        std::snprintf(h, sizeof h, "%02x", b);
        hex << h;
    }
    auto tokens = std::make_shared<server::TokenFile>(server::TokenFile::parse(hex.str() + " van-thu\n", "tokens.txt"));
    Running s(dir, tokens);
    auto c = s.client();
    const auto bare = c.Get("/api/register");
    REQUIRE(bare);
    CHECK(bare->status == 401);
    const httplib::Headers auth{{"Authorization", "Bearer " + token}};
    const auto info = c.Get("/api/register", auth);
    REQUIRE(info);
    REQUIRE(info->status == 200);
    CHECK(json::parse(info->body)["available"] == false);  // not initialised yet
    const auto refused = next(c, {{"symbol", "TLĐ"}}, auth);
    REQUIRE(refused);
    CHECK(refused->status == 422);
    CHECK(json::parse(refused->body)["message_vi"].get<std::string>().find("Chưa lập sổ") == 0);

    init_register(dir);
    const auto no_token = next(c, {{"symbol", "TLĐ"}});
    REQUIRE(no_token);
    CHECK(no_token->status == 401);
    const auto given = next(c, {{"symbol", "TLĐ"}}, auth);
    REQUIRE(given);
    CHECK(given->status == 200);
    CHECK(json::parse(given->body)["number"] == 1);
}
