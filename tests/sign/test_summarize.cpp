// summarize --require-signed: a unit report counts only when the signed PDF beside it
// verifies; the others stop the summary, or with --keep-going are listed as rejected.
#include "support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace signtest;

TEST_CASE("summarize --require-signed refuses a report whose PDF signature does not verify and names the file") {
    const fs::path dir = scratch("summarize-signed");
    const fs::path src = fs::path(VANBAN_SOURCE_DIR) / "samples" / "so-ket-nq20";
    const Pki& p = pki();
    const std::string key = " --key " + q(p.person_key) + " --cert " + q(p.person_cert) + " --chain " + q(p.inter);
    for (const char* unit : {"bc-01", "bc-02", "bc-04"}) {
        fs::copy_file(src / (std::string(unit) + ".json"), dir / (std::string(unit) + ".json"));
    }
    // bc-01: signed and intact; bc-02: signed, then one byte of the signed text changed;
    // bc-04: no PDF at all.
    for (const char* unit : {"bc-01", "bc-02"}) {
        const fs::path json = dir / (std::string(unit) + ".json"), pdf = dir / (std::string(unit) + ".pdf");
        Run r = run_vanban("render " + q(json) + " --pdfa --sign" + key + " -o " + q(pdf));
        INFO(r.err);
        REQUIRE(r.code == 0);
    }
    std::string tampered = slurp(dir / "bc-02.pdf");
    const auto at = tampered.find("/Producer");
    REQUIRE(at != std::string::npos);
    tampered[at + 1] = 'p';
    put(dir / "bc-02.pdf", tampered);

    const std::string form = q(fs::path(VANBAN_SOURCE_DIR) / "templates" / "so-ket-nq20" / "form.json");
    const std::string reports = " " + q(dir / "bc-01.json") + " " + q(dir / "bc-02.json") + " " + q(dir / "bc-04.json");
    const std::string trust = " --require-signed --trust " + q(p.root);
    Run r = run_vanban("summarize --form " + form + reports + trust + " -o " + q(dir / "out.pdf"));
    CHECK(r.code == 1);
    CHECK(r.err.find("bc-02.json: its signed PDF") != std::string::npos);
    CHECK(r.err.find("integrity") != std::string::npos);
    CHECK(r.err.find("bc-04.json: no signed PDF") != std::string::npos);
    CHECK(r.err.find("bc-01.json") == std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.pdf"));

    // A wrong trust anchor: even the intact one is refused.
    r = run_vanban("summarize --form " + form + " " + q(dir / "bc-01.json") + " --require-signed --trust " +
                   q(p.other_root) + " -o " + q(dir / "other.pdf"));
    CHECK(r.code == 1);
    CHECK(r.err.find("certificate chain") != std::string::npos);

    // --keep-going: bc-01 is summed, the two others are listed as rejected.
    r = run_vanban("summarize --form " + form + reports + trust + " --keep-going -o " + q(dir / "out.pdf") +
                   " --data " + q(dir / "out.json"));
    INFO(r.err);
    CHECK(r.code == 1);
    REQUIRE(fs::exists(dir / "out.json"));
    CHECK(fs::exists(dir / "out.pdf"));
    const auto data = nlohmann::json::parse(slurp(dir / "out.json"));
    std::string rejected;
    for (const auto& x : data["rejected"]) rejected += x["file"].get<std::string>() + " ";
    CHECK(rejected.find("bc-02.json") != std::string::npos);
    CHECK(rejected.find("bc-04.json") != std::string::npos);
    CHECK(rejected.find("bc-01.json") == std::string::npos);
    CHECK(data.dump().find("bc-01.json") != std::string::npos);  // summed: its row names the file

    // Without --trust, --require-signed is a usage error.
    CHECK(run_vanban("summarize --form " + form + reports + " --require-signed -o " + q(dir / "x.pdf")).code == 2);
}
