// The command line: `vanban check` exit codes and JSON, and `vanban render --check`.
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

using namespace checktest;

namespace {

struct Run {
    int exit_code = -1;
    std::string out, err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

Run run_vanban(const std::string& args, const fs::path& dir) {
    const fs::path exe = fs::path(VANBAN_BINARY_DIR) / "vanban";
    const int status = std::system((q(exe) + " " + args + " >" + q(dir / "out") + " 2>" + q(dir / "err")).c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    return r;
}

void put(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

}  // namespace

TEST_CASE("vanban check: 0 for a conforming PDF, 1 for a broken one, 2 for usage") {
    const auto dir = scratch("cli");
    const auto rendered = render_sample("cong-van-1996");
    put(dir / "good.pdf", rendered.pdf);
    auto doc = rendered.layout;
    item_containing(doc, ", ngày").style = vanban::fonts::Style::regular;  // R3.5
    put(dir / "bad.pdf", write(doc));

    const Run good = run_vanban("check " + q(dir / "good.pdf") + " --input " + q(repo() / "samples" / "cong-van-1996.json"), dir);
    INFO(good.out << good.err);
    CHECK(good.exit_code == 0);
    CHECK(good.out.find("PASS R3.2 Tiêu ngữ rule") != std::string::npos);
    CHECK(good.out.find("conforms") != std::string::npos);

    const Run bad = run_vanban("check " + q(dir / "bad.pdf"), dir);
    INFO(bad.out << bad.err);
    CHECK(bad.exit_code == 1);
    CHECK(bad.out.find("FAIL R3.5") != std::string::npos);

    const Run both = run_vanban("check " + q(dir / "good.pdf") + " " + q(dir / "bad.pdf"), dir);
    CHECK(both.exit_code == 1);

    CHECK(run_vanban("check", dir).exit_code == 2);
    CHECK(run_vanban("check --bogus " + q(dir / "good.pdf"), dir).exit_code == 2);
    put(dir / "junk.pdf", "this is not a PDF");
    const Run junk = run_vanban("check " + q(dir / "junk.pdf"), dir);
    CHECK(junk.exit_code == 1);
    CHECK(junk.err.find("junk.pdf") != std::string::npos);
}

TEST_CASE("vanban check --json is valid JSON with one entry per finding") {
    const auto dir = scratch("cli-json");
    auto doc = render_sample("cong-van-1996").layout;
    item_containing(doc, "Nơi nhận").size = 13;  // R7
    put(dir / "bad.pdf", write(doc));
    const Run r = run_vanban("check --json " + q(dir / "bad.pdf"), dir);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j.at("conforms") == false);
    bool r7 = false;
    for (const auto& f : j.at("findings")) {
        CHECK(f.contains("rule"));
        CHECK(f.contains("message"));
        if (f.at("rule") == "R7" && f.at("status") == "FAIL") r7 = true;
    }
    CHECK(r7);
}

TEST_CASE("vanban render --check: a conforming render passes and keeps its file") {
    const auto dir = scratch("render-check");
    const Run r = run_vanban("render " + q(repo() / "samples" / "cong-van-quang-ngai.json") + " -o " + q(dir / "x.pdf") +
                             " --check",
                         dir);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(dir / "x.pdf"));
    CHECK(run_vanban("render " + q(repo() / "samples" / "cong-van-quang-ngai.json") + " -o " + q(dir / "x.docx") + " --check",
                 dir).exit_code == 2);
}
