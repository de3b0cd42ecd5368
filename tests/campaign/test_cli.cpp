// `vanban campaign …` and `vanban store …` as the national office's administrator runs
// them, and the campaign store's schema.
#include "store/campaign_store.h"
#include "store/data_dir.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <regex>
#include <set>

using namespace campaign_test;

namespace {

std::string run_out(const std::string& cmd, int& rc) {
    const fs::path out = fresh_dir("cli-stdout.txt");
    rc = sh(cmd + " > " + out.string() + " 2>/dev/null");
    return read(out);
}

}  // namespace

TEST_CASE("campaign create, list and tokens: codes of 128 bits shown once, stored as SHA-256, revocable") {
    const fs::path dir = fresh_dir("cli-data");
    const std::string data = " --data " + dir.string();
    int rc = 0;
    const std::string id = run_out(vanban_exe() + " campaign create " + source("templates/so-ket-nq20/form.json").string() + data, rc);
    REQUIRE(rc == 0);
    CHECK(id == "so-ket-nq20\n");
    CHECK((fs::status(dir).permissions() & fs::perms::others_all) == fs::perms::none);  // 0700
    CHECK(run_out(vanban_exe() + " campaign create /nonexistent/form.json" + data, rc).empty());
    CHECK(rc == 1);
    const std::string list = run_out(vanban_exe() + " campaign list" + data, rc);
    CHECK(rc == 0);
    CHECK(list.find("so-ket-nq20\t2010-01-20\t0/63\t") == 0);

    const fs::path csv = dir.parent_path() / "cli-codes.csv";
    fs::remove(csv);
    REQUIRE(sh(vanban_exe() + " campaign tokens so-ket-nq20 --units 01,27 --admin -o " + csv.string() + data + " 2>/dev/null") == 0);
    CHECK((fs::status(csv).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    const std::string codes = read(csv);
    std::smatch m;
    const std::regex row(R"(so-ket-nq20,(\d*),([^,]*),(unit|admin),([a-z2-7]{5}(-[a-z2-7]{5}){4}-[a-z2-7]))");
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(codes.begin(), codes.end(), row); it != std::sregex_iterator(); ++it) {
        found.push_back((*it)[4]);
    }
    REQUIRE(found.size() == 3);
    CHECK(codes.find("so-ket-nq20,27,Bắc Ninh,unit,") != std::string::npos);
    CHECK(std::set<std::string>(found.begin(), found.end()).size() == 3);
    // 26 base32 letters = 130 bits of room for the 128 random ones.
    CHECK(found[0].size() == 26 + 5);

    // The store holds hashes, never the codes.
    const std::string db = read(dir / "vanban.db") + read(dir / "vanban.db-wal");
    for (const auto& code : found) {
        std::string plain;
        for (char ch : code) if (ch != '-') plain += ch;
        CHECK(db.find(code) == std::string::npos);
        CHECK(db.find(plain) == std::string::npos);
    }
    {
        auto d = vanban::store::open_data_dir(dir);
        vanban::store::SqliteCampaignStore st(d.db);
        CHECK(d.db.schema_version("campaign") == 2);  // 2: report_signatures (signed PDFs)
        const auto a = st.find_token("so-ket-nq20", vanban::store::access_code_hash(found[1]));
        REQUIRE(a);
        CHECK(a->unit == "27");
        // Case and dashes do not matter (a code read over the phone).
        std::string upper = found[1];
        for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        CHECK(st.find_token("so-ket-nq20", vanban::store::access_code_hash(upper)));
    }
    CHECK(sh(vanban_exe() + " campaign tokens so-ket-nq20 --units 99" + data + " 2>/dev/null") == 1);
    // An existing codes file is never overwritten (its codes were shown only once).
    CHECK(sh(vanban_exe() + " campaign tokens so-ket-nq20 --units 02 -o " + csv.string() + data + " 2>/dev/null") == 1);
    CHECK(read(csv) == codes);
    CHECK(sh(vanban_exe() + " campaign tokens nope" + data + " 2>/dev/null") == 1);
    REQUIRE(sh(vanban_exe() + " campaign tokens so-ket-nq20 --units 27 --revoke" + data + " 2>/dev/null") == 0);
    {
        auto d = vanban::store::open_data_dir(dir);
        vanban::store::SqliteCampaignStore st(d.db);
        CHECK_FALSE(st.find_token("so-ket-nq20", vanban::store::access_code_hash(found[1])));
        CHECK(st.find_token("so-ket-nq20", vanban::store::access_code_hash(found[0])));
    }
}

TEST_CASE("store check finds a corrupted file and store backup copies a consistent store") {
    Fixture f("cli-store");
    {
        Running s(f.dir);
        auto c = s.client();
        REQUIRE(c.Put("/api/campaigns/so-ket-nq20/reports/27", bearer(f.codes["27"]), sample_report("27"), "application/json")
                    ->status == 201);
    }
    const std::string data = " --data " + f.dir.string();
    CHECK(sh(vanban_exe() + " store check" + data + " 2>/dev/null") == 0);
    const fs::path backup = fresh_dir("cli-store-backup");
    REQUIRE(sh(vanban_exe() + " store backup" + data + " " + backup.string() + " 2>/dev/null") == 0);
    CHECK(sh(vanban_exe() + " store check --data " + backup.string() + " 2>/dev/null") == 0);
    CHECK(sh(vanban_exe() + " store backup" + data + " " + backup.string() + " 2>/dev/null") == 1);  // exists
    if (sh("command -v sqlite3 >/dev/null") == 0) {
        CHECK(sh("sqlite3 " + (backup / "vanban.db").string() + " 'SELECT count(*) FROM report_versions' | grep -qx 1") == 0);
    }
    // Flip one byte of the stored PDF: check names it and fails.
    fs::path pdf;
    for (const auto& e : fs::recursive_directory_iterator(backup / "files")) {
        if (e.is_regular_file()) pdf = e.path();
    }
    REQUIRE_FALSE(pdf.empty());
    fs::permissions(pdf, fs::perms::owner_write, fs::perm_options::add);
    std::string bytes = read(pdf);
    bytes[bytes.size() / 2] ^= 1;
    write(pdf, bytes);
    const fs::path log = fresh_dir("cli-store-check.txt");
    CHECK(sh(vanban_exe() + " store check --data " + backup.string() + " 2>" + log.string()) == 1);
    CHECK(read(log).find("corrupt") != std::string::npos);
}

TEST_CASE("summarize --as-unit-report turns a province's summary into its report to the national campaign") {
    const fs::path dir = fresh_dir("upward");
    fs::create_directories(dir);
    // LĐLĐ tỉnh Bắc Ninh's own campaign: two district unions, two of the TLĐ's indicators
    // and one of its own.
    write(dir / "units.json", R"({"units": [{"code": "256", "name": "Từ Sơn", "kind": "thanh-pho"},
                                            {"code": "258", "name": "Yên Phong", "kind": "tinh"}]})");
    const json nation = json::parse(read(source("templates/so-ket-nq20/form.json")));
    json child = nation;
    child["id"] = "so-ket-nq20-bac-ninh";
    child["units"] = "units.json";
    child["indicators"] = json::array({nation["indicators"][4], nation["indicators"][8],
                                       {{"code", "rieng"}, {"label", "Chỉ tiêu riêng"}, {"unit", "cái"}, {"type", "integer"}}});
    child["summary"]["issuer"] = {{"parent", "TỔNG LĐLĐ VIỆT NAM"}, {"name", "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH BẮC NINH"}};
    child["summary"]["date"] = "2010-01-15";
    write(dir / "form.json", child.dump());
    auto report = [&](const std::string& code, const std::string& name, json figures) {
        json r{{"date", "2010-01-10"}, {"data", {{"form", "so-ket-nq20-bac-ninh"}, {"unit", {{"code", code}, {"name", name}}},
                                                  {"indicators", figures}}}};
        write(dir / ("r-" + code + ".json"), r.dump());
    };
    report("256", "LĐLĐ Từ Sơn", {{"doan_vien_moi", 100}, {"gia_tri_lam_loi", "0.1"}, {"rieng", 1}});
    report("258", "LĐLĐ Yên Phong", {{"doan_vien_moi", 23}, {"gia_tri_lam_loi", "0.2"}, {"rieng", nullptr}});
    const std::string cmd = "cd " + dir.string() + " && " + vanban_exe() + " summarize --form form.json r-256.json r-258.json";
    REQUIRE(sh(cmd + " --as-unit-report 27 --parent-form " + source("templates/so-ket-nq20/form.json").string() +
               " -o bc-27.json 2>/dev/null") == 0);
    const json up = json::parse(read(dir / "bc-27.json"));
    CHECK(up["data"]["form"] == "so-ket-nq20");
    CHECK(up["data"]["unit"]["code"] == "27");
    CHECK(up["data"]["unit"]["name"] == "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC NINH");
    CHECK(up["data"]["indicators"]["doan_vien_moi"] == 123);
    CHECK(up["data"]["indicators"]["gia_tri_lam_loi"] == "0.3");  // exact
    CHECK(up["data"]["indicators"]["sang_kien"].is_null());       // not collected by the province
    CHECK_FALSE(up["data"]["indicators"].contains("rieng"));
    CHECK(up["template"] == "so-ket-nq20-don-vi");
    CHECK(up["date"] == "2010-01-15");
    // The national summary accepts it and renders it.
    CHECK(sh("cd " + dir.string() + " && " + vanban_exe() + " summarize --form " +
             source("templates/so-ket-nq20/form.json").string() + " bc-27.json -o tw.pdf --data tw.json 2>/dev/null") == 0);
    CHECK(json::parse(read(dir / "tw.json"))["indicators"][4]["total"] == 123);
    CHECK(sh("cd " + dir.string() + " && " + vanban_exe() + " render bc-27.json -o bc-27.pdf 2>/dev/null") == 0);
    // An unknown code in the parent's list fails and writes nothing.
    CHECK(sh(cmd + " --as-unit-report 999 --parent-form " + source("templates/so-ket-nq20/form.json").string() +
             " -o bad.json 2>/dev/null") == 1);
    CHECK_FALSE(fs::exists(dir / "bad.json"));
}
