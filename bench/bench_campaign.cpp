// The reporting campaign under load: 63 units submit their reports at once to an
// in-process `vanban serve --data` (each PUT validated, rendered to PDF/A, fsynced and
// committed before its answer), then the national summary is made from the store.
// Prints p50/p99 of the submissions and the summary's time. Usage:
//   build/bench/vanban_bench_campaign [DATA_DIR]
#include "render/engine.h"
#include "server/campaign_routes.h"
#include "server/campaign_service.h"
#include "server/server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path src = VANBAN_SOURCE_DIR;
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "vanban-bench-campaign";
    fs::remove_all(dir);
    std::map<std::string, std::string> codes;
    std::vector<std::pair<std::string, std::string>> reports;  // unit → report JSON
    {
        vanban::server::CampaignService svc(dir);
        const auto id = svc.create(src / "templates/so-ket-nq20/form.json").id;
        for (const auto& c : svc.issue_codes(id, {}, false)) codes[c.unit] = c.code;
        const auto form = svc.form(id);
        // Every unit's report: its sample, or another unit's sample re-addressed.
        const json model = json::parse(read(src / "samples/so-ket-nq20/bc-27.json"));
        for (const auto& u : form->units.units) {
            const fs::path p = src / "samples/so-ket-nq20" / ("bc-" + u.code + ".json");
            if (fs::exists(p)) {
                reports.emplace_back(u.code, read(p));
                continue;
            }
            json j = model;
            j["data"]["unit"] = {{"code", u.code}, {"name", "Liên đoàn Lao động " + u.name}};
            reports.emplace_back(u.code, j.dump(1));
        }
    }
    const vanban::Engine engine{vanban::EngineOptions{}};
    vanban::server::ServerOptions o;
    o.port = 0;
    o.threads = 16;
    o.max_requests_per_client = 128;  // 63 units, all from 127.0.0.1 here
    o.max_connections_per_client = 256;
    const auto campaigns = vanban::server::open_campaigns(engine, dir);
    o.route_groups.push_back([campaigns](vanban::server::Routes& r) { vanban::server::add_campaign_routes(r, *campaigns); });
    vanban::server::Server server(engine, o);
    const int port = server.bind();
    std::thread runner([&] { server.run(); });
    server.wait_until_running();

    std::mutex mu;
    std::vector<double> latencies;
    int failed = 0;
    const auto start = Clock::now();
    std::vector<std::thread> clients;
    for (const auto& [unit, body] : reports) {
        clients.emplace_back([&, unit = unit, body = body] {
            httplib::Client c("127.0.0.1", port);
            c.set_read_timeout(300, 0);
            const auto t0 = Clock::now();
            auto r = c.Put(("/api/campaigns/so-ket-nq20/reports/" + unit).c_str(),
                           {{"Authorization", "Bearer " + codes[unit]}}, body, "application/json");
            const double t = ms(Clock::now() - t0);
            std::lock_guard lock(mu);
            if (r && r->status == 201) latencies.push_back(t);
            else {
                ++failed;
                std::cerr << unit << ": " << (r ? std::to_string(r->status) + " " + r->body : "no answer") << "\n";
            }
        });
    }
    for (auto& t : clients) t.join();
    const double wall = ms(Clock::now() - start);
    std::printf("%zu units submitted concurrently (%d failed) in %.0f ms: p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
                latencies.size(), failed, wall, percentile(latencies, 0.5), percentile(latencies, 0.99),
                percentile(latencies, 1.0));

    // The admin's summary from the store, each format 3 times (median).
    {
        vanban::server::CampaignService svc(dir);
        const auto admin = svc.issue_codes("so-ket-nq20", {}, true).front().code;
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(300, 0);
        for (const std::string format : {"pdf", "xlsx", "json"}) {
            std::vector<double> t;
            std::size_t bytes = 0;
            for (int i = 0; i < 3; ++i) {
                const auto t0 = Clock::now();
                auto r = c.Get(("/api/campaigns/so-ket-nq20/summary?format=" + format).c_str(),
                               {{"Authorization", "Bearer " + admin}});
                t.push_back(ms(Clock::now() - t0));
                bytes = r && r->status == 200 ? r->body.size() : 0;
            }
            std::printf("summary of %zu reports from the store, %s: median %.0f ms (%zu bytes)\n", latencies.size(),
                        format.c_str(), percentile(t, 0.5), bytes);
        }
    }
    server.stop();
    runner.join();
    fs::remove_all(dir);
    return failed ? 1 : 0;
}
