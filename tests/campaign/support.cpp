#include "support.h"

#include <fstream>
#include <sstream>

namespace campaign_test {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

fs::path source(const std::string& rel) { return fs::path(VANBAN_SOURCE_DIR) / rel; }

std::string sample_report(const std::string& unit) { return read(source("samples/so-ket-nq20/bc-" + unit + ".json")); }

fs::path fresh_dir(const std::string& name) {
    const fs::path d = fs::path(VANBAN_BINARY_DIR) / "tests" / "campaign-out" / name;
    fs::remove_all(d);
    fs::create_directories(d.parent_path());
    return d;
}

std::string vanban_exe() { return std::string(VANBAN_BINARY_DIR) + "/vanban"; }

int sh(const std::string& command) {
    const int rc = std::system(command.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

const vanban::Engine& engine() {
    static const vanban::Engine e{vanban::EngineOptions{}};
    return e;
}

Fixture::Fixture(const std::string& name, const std::vector<std::string>& units) : dir(fresh_dir(name)) {
    vanban::server::CampaignService svc(dir);
    campaign = svc.create(source("templates/so-ket-nq20/form.json")).id;
    for (const auto& c : svc.issue_codes(campaign, units, true)) codes[c.admin ? "admin" : c.unit] = c.code;
}

Running::Running(const fs::path& dir)
    : campaigns(vanban::server::open_campaigns(engine(), dir)), server(engine(), [&] {
          vanban::server::ServerOptions o;
          o.port = 0;
          o.threads = 8;
          // The tests' clients all come from 127.0.0.1.
          o.max_requests_per_client = 128;
          o.max_connections_per_client = 256;
          o.route_groups.push_back([c = campaigns](vanban::server::Routes& r) { vanban::server::add_campaign_routes(r, *c); });
          return o;
      }()) {
    port = server.bind();
    thread = std::thread([this] { server.run(); });
    server.wait_until_running();
}

Running::~Running() {
    server.stop();
    thread.join();
}

httplib::Client Running::client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(120, 0);
    c.set_write_timeout(60, 0);
    return c;
}

httplib::Headers bearer(const std::string& code) { return {{"Authorization", "Bearer " + code}}; }

}  // namespace campaign_test
