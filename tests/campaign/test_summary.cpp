// The summary from the store is `vanban summarize` run on the stored latest reports,
// byte for byte; the export zip holds what the archive needs to repeat it.
#include "support.h"

#include <catch2/catch.hpp>

using namespace campaign_test;

namespace {

const std::string kBase = "/api/campaigns/so-ket-nq20";
const std::vector<std::string> kUnits = {"01", "02", "27", "31", "48"};

}  // namespace

TEST_CASE("GET summary in every format equals the bytes of vanban summarize on the exported reports") {
    if (!fs::exists(vanban_exe())) FAIL("build/vanban is missing");
    if (sh("command -v unzip >/dev/null") != 0) {
        WARN("SKIP: unzip is not installed");
        return;
    }
    Fixture f("summary", kUnits);
    Running s(f.dir);
    auto c = s.client();
    const auto admin = bearer(f.codes["admin"]);
    CHECK(c.Get((kBase + "/summary?format=pdf").c_str(), admin)->status == 409);  // nothing yet

    for (const auto& u : kUnits) {
        auto doc = json::parse(sample_report(u));
        if (u == "31") doc["date"] = "2010-01-28";  // one late report
        auto put = c.Put((kBase + "/reports/" + u).c_str(), bearer(f.codes[u]), doc.dump(2), "application/json");
        REQUIRE(put);
        REQUIRE(put->status == 201);
    }
    // A second version of 27: the summary takes the latest.
    auto v2 = json::parse(sample_report("27"));
    v2["data"]["indicators"]["gia_tri_lam_loi"] = "0.1";
    REQUIRE(c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), v2.dump(1), "application/json")->status == 201);

    auto zip = c.Get((kBase + "/export").c_str(), admin);
    REQUIRE(zip);
    REQUIRE(zip->status == 200);
    CHECK(zip->get_header_value("Content-Type") == "application/zip");
    const fs::path out = fresh_dir("summary-export");
    fs::create_directories(out);
    write(out / "export.zip", zip->body);
    REQUIRE(sh("cd " + out.string() + " && unzip -q export.zip -d x") == 0);
    const fs::path x = out / "x";
    for (const auto& u : kUnits) {
        CHECK(fs::exists(x / ("bc-" + u + ".json")));
        CHECK(read(x / ("bc-" + u + ".pdf")).rfind("%PDF-", 0) == 0);
    }
    CHECK(read(x / "bc-27.json") == v2.dump(1));

    // The CLI, run inside the export on its reports.
    std::string files;
    for (const auto& u : kUnits) files += " bc-" + u + ".json";
    const std::string base = "cd " + x.string() + " && " + vanban_exe() + " summarize --form form.json" + files;
    REQUIRE(sh(base + " -o cli.pdf --data cli.json --data cli.csv --data cli.xlsx 2>/dev/null") == 0);
    REQUIRE(sh(base + " -o cli.docx 2>/dev/null") == 0);

    for (const std::string format : {"pdf", "docx", "json", "csv", "xlsx"}) {
        auto r = c.Get((kBase + "/summary?format=" + format).c_str(), admin);
        REQUIRE(r);
        REQUIRE(r->status == 200);
        INFO(format);
        const std::string cli = read(x / ("cli." + format));
        REQUIRE_FALSE(cli.empty());
        CHECK(r->body == cli);
        CHECK(read(x / ("so-ket-nq20-tong-hop." + format)) == cli);  // the export's copy
    }
    const json sj = json::parse(read(x / "cli.json"));
    CHECK(sj["received"] == 5);
    CHECK(sj["late"].size() == 1);
    CHECK(sj["late"][0]["name"] == "Hải Phòng");
}
