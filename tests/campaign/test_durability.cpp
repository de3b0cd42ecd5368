// Nothing acknowledged is lost: `vanban serve` is killed with SIGKILL while 64 clients
// submit; after a restart every acknowledged version is there with its bytes and PDF,
// the database passes integrity_check, and no half-stored submission is visible.
#include "store/blob_store.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>
#include <mutex>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace campaign_test;

extern char** environ;

namespace {

struct Served {
    pid_t pid = 0;
    int port = 0;
};

Served spawn_server(const fs::path& dir) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const std::string exe = vanban_exe();
    std::vector<std::string> args = {exe, "serve", "--port", "0", "--quiet", "--threads", "8",
                                     // 64 clients from one address: lift the per-client caps
                                     "--max-per-client", "128", "--max-connections", "256", "--data", dir.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    Served s;
    REQUIRE(posix_spawn(&s.pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    std::string line;
    char ch = 0;
    while (::read(out[0], &ch, 1) == 1 && ch != '\n') line.push_back(ch);
    ::close(out[0]);
    const std::string prefix = "vanban serve: http://127.0.0.1:";
    INFO(line);
    REQUIRE(line.rfind(prefix, 0) == 0);
    s.port = std::stoi(line.substr(prefix.size()));
    return s;
}

struct Ack {
    std::string unit, sha256;
    int version = 0;
};

}  // namespace

TEST_CASE("kill -9 while 64 clients submit: every acknowledged version survives, intact, and the store is sound") {
    if (!fs::exists(vanban_exe())) FAIL("build/vanban is missing");
    Fixture f("durability", {});
    const std::string admin = f.codes["admin"];

    // 64 submissions: the sample reports, and second versions of the first units.
    std::vector<std::pair<std::string, std::string>> work;
    for (const auto& e : fs::directory_iterator(source("samples/so-ket-nq20"))) {
        const std::string name = e.path().filename().string();
        if (name.rfind("bc-", 0) == 0 && e.path().extension() == ".json") work.emplace_back(name.substr(3, 2), read(e.path()));
    }
    std::sort(work.begin(), work.end());
    for (std::size_t i = 0; work.size() < 64; ++i) {
        auto j = json::parse(work[i].second);
        j["data"]["indicators"]["sang_kien"] = 7;
        work.emplace_back(work[i].first, j.dump());
    }
    REQUIRE(work.size() == 64);

    Served s = spawn_server(f.dir);
    std::mutex mu;
    std::vector<Ack> acks;
    std::atomic<int> failed{0};
    std::vector<std::thread> clients;
    for (const auto& [unit, body] : work) {
        clients.emplace_back([&, unit = unit, body = body] {
            httplib::Client c("127.0.0.1", s.port);
            c.set_read_timeout(120, 0);
            auto r = c.Put(("/api/campaigns/so-ket-nq20/reports/" + unit).c_str(), bearer(admin), body, "application/json");
            if (r && (r->status == 201 || r->status == 200)) {
                const json j = json::parse(r->body);
                std::lock_guard lock(mu);
                acks.push_back({unit, j["sha256"], j["version"]});
            } else {
                ++failed;
            }
        });
    }
    // Kill once a quarter has been acknowledged (bounded: at most 120 s).
    for (int i = 0; i < 12000; ++i) {
        {
            std::lock_guard lock(mu);
            if (acks.size() >= 16) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(::kill(s.pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(s.pid, &status, 0) == s.pid);
    CHECK(WIFSIGNALED(status));
    for (auto& t : clients) t.join();
    WARN(acks.size() << " submissions acknowledged before kill -9, " << failed.load() << " cut off");
    CHECK(acks.size() >= 16);
    CHECK(acks.size() + static_cast<std::size_t>(failed.load()) == 64);

    // After the crash: every acknowledged version, byte for byte, with its PDF.
    {
        vanban::server::CampaignService svc(f.dir);
        CHECK(svc.data().db.integrity_check().empty());
        for (const Ack& a : acks) {
            const auto v = svc.store().version("so-ket-nq20", a.unit, a.version);
            INFO(a.unit << " v" << a.version);
            REQUIRE(v);
            CHECK(v->sha256 == a.sha256);
            CHECK(vanban::store::sha256_hex(v->json) == a.sha256);
            CHECK(svc.files().get(v->pdf_sha256).rfind("%PDF-", 0) == 0);
        }
        // No half-stored submission: every stored version has its JSON and its PDF.
        for (const auto& v : svc.store().all_versions()) {
            CHECK(vanban::store::sha256_hex(v.json) == v.sha256);
            CHECK(svc.files().contains(v.pdf_sha256));
        }
    }
    CHECK(sh(vanban_exe() + " store check --data " + f.dir.string() + " 2>/dev/null") == 0);

    // The restarted server serves them.
    Served again = spawn_server(f.dir);
    httplib::Client c("127.0.0.1", again.port);
    const Ack& first = acks.front();
    auto r = c.Get(("/api/campaigns/so-ket-nq20/reports/" + first.unit + "?version=" + std::to_string(first.version)).c_str(),
                   bearer(admin));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(vanban::store::sha256_hex(r->body) == first.sha256);
    ::kill(again.pid, SIGTERM);
    ::waitpid(again.pid, &status, 0);
}
