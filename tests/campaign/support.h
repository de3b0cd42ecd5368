// Shared by the campaign tests: a fresh data directory with the so-ket-nq20 campaign
// registered, its access codes, an in-process `vanban serve` on it, and small helpers.
#pragma once

#include "render/engine.h"
#include "server/campaign_routes.h"
#include "server/campaign_service.h"
#include "server/server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>

namespace campaign_test {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read(const fs::path& p);
void write(const fs::path& p, const std::string& bytes);
fs::path source(const std::string& rel);            // VANBAN_SOURCE_DIR / rel
std::string sample_report(const std::string& unit);  // samples/so-ket-nq20/bc-UNIT.json
fs::path fresh_dir(const std::string& name);         // empty, under the build tree
std::string vanban_exe();
// Runs a shell command; returns its exit status (stdout/stderr to files in `dir` when given).
int sh(const std::string& command);

const vanban::Engine& engine();

// A data directory with one campaign, its unit codes and one admin code.
struct Fixture {
    fs::path dir;
    std::string campaign;
    std::map<std::string, std::string> codes;  // unit code → access code; "admin" → admin code
    explicit Fixture(const std::string& name, const std::vector<std::string>& units = {"01", "02", "27", "31", "48"});
};

// An in-process server on a free loopback port over `dir`.
struct Running {
    std::shared_ptr<vanban::server::Campaigns> campaigns;
    vanban::server::Server server;
    std::thread thread;
    int port = 0;
    explicit Running(const fs::path& dir);
    ~Running();
    httplib::Client client() const;
};

httplib::Headers bearer(const std::string& code);

}  // namespace campaign_test
