// Unit report figures: errors that say why a number was refused, and a total that
// overflows treated like any invalid report (named by indicator code, --keep-going).
#include "cli_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace cli;
using e2e::quote;
using e2e::run;
using e2e::scratch;

namespace {

std::string summarize(const fs::path& reports, const fs::path& out, const std::string& extra) {
    return vanban() + " summarize --form " + quote((e2e::repo() / "templates" / "so-ket-nq20" / "form.json").string()) +
           " " + quote(reports.string()) + " -o " + quote(out.string()) + " " + extra;
}

void report_with(const fs::path& dir, const std::string& name, const std::string& unit_file, const std::string& code,
                 const nlohmann::json& value) {
    auto doc = nlohmann::json::parse(e2e::slurp(e2e::repo() / "samples" / "so-ket-nq20" / unit_file));
    doc["data"]["indicators"][code] = value;
    write(dir / name, doc.dump());
}

}  // namespace

TEST_CASE("A too-large count and a fraction with more than 9 digits say so") {
    const auto dir = scratch("numbers");
    fs::create_directories(dir / "r");
    report_with(dir / "r", "a.json", "bc-01.json", "doan_vien_moi", "123456789012345678901234");
    auto r = run(summarize(dir / "r", dir / "s.pdf", ""));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("indicator 'doan_vien_moi' is too large") != std::string::npos);
    CHECK(r.err.find("must be a whole number") == std::string::npos);
    report_with(dir / "r", "a.json", "bc-01.json", "gia_tri_lam_loi", "1.1234567891");
    r = run(summarize(dir / "r", dir / "s.pdf", ""));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("has 10 digits after the decimal point; at most 9 are allowed") != std::string::npos);
}

TEST_CASE("A national total that overflows names the indicator's code and --keep-going summarises the rest") {
    const auto dir = scratch("overflow");
    fs::create_directories(dir / "r");
    const std::string big = "9000000000000000000";  // fits alone; two of them do not
    report_with(dir / "r", "a.json", "bc-01.json", "sang_kien", nlohmann::json::parse(big));
    report_with(dir / "r", "b.json", "bc-02.json", "sang_kien", nlohmann::json::parse(big));
    fs::copy_file(e2e::repo() / "samples" / "so-ket-nq20" / "bc-04.json", dir / "r" / "c.json");
    auto r = run(summarize(dir / "r", dir / "s.pdf", "--data " + quote((dir / "s.json").string())));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("/data/indicators/sang_kien") != std::string::npos);
    CHECK(r.err.find("/indicators/7") == std::string::npos);
    CHECK_FALSE(fs::exists(dir / "s.pdf"));
    r = run(summarize(dir / "r", dir / "s.pdf", "--keep-going --data " + quote((dir / "s.json").string())));
    CHECK(r.exit_code == 1);  // rejected reports make the exit code 1, but the rest is summarised
    REQUIRE(fs::exists(dir / "s.json"));
    const auto s = nlohmann::json::parse(e2e::slurp(dir / "s.json"));
    CHECK(s["received"] == 2);
    CHECK(s["rejected"].size() == 1);
}
