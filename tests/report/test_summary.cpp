// The summary's lists (missing, late, merged), its order and its exact totals.
#include "report/summary.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <chrono>

using nlohmann::json;
using report_test::campaign;
using report_test::sample;
using report_test::source;
using vanban::report::ReportFile;
using vanban::report::summarize;

namespace {
std::vector<std::string> names_of(const std::vector<vanban::report::Unit>& units) {
    std::vector<std::string> out;
    for (const auto& u : units) out.push_back(u.name);
    return out;
}
}  // namespace

TEST_CASE("the samples: who is missing, who is late, in Vietnamese order") {
    const auto s = summarize(campaign(), report_test::samples());
    CHECK(s.rejected.empty());
    CHECK(s.expected == 63);
    CHECK(s.rows.size() == 60);
    CHECK(names_of(s.missing) == std::vector<std::string>{"Đắk Nông", "Kon Tum", "Lai Châu"});
    REQUIRE(s.late.size() == 2);
    CHECK(s.late[0].unit.name == "Bắc Kạn");
    CHECK(s.late[0].date == "2010-01-25");
    CHECK(s.late[1].unit.name == "Cà Mau");
    CHECK(s.late[1].date == "2010-01-28");
    // Rows in vi order: Bạc Liêu, Bắc Giang, Bắc Kạn …; Hồ Chí Minh among the H's.
    REQUIRE(s.rows.size() > 5);
    CHECK(s.rows[0].unit.name == "An Giang");
    CHECK(s.rows[2].unit.name == "Bạc Liêu");
    CHECK(s.rows[3].unit.name == "Bắc Giang");
    CHECK(s.rows[4].unit.name == "Bắc Kạn");
    CHECK(s.rows.back().unit.name == "Yên Bái");
}

TEST_CASE("a report dated on the deadline is on time; one day later is late") {
    json on_time = sample("27");
    on_time["date"] = "2010-01-20";
    json late = sample("35");
    late["date"] = "2010-01-21";
    const auto s = summarize(campaign(), {ReportFile{"a.json", on_time.dump()}, ReportFile{"b.json", late.dump()}});
    REQUIRE(s.late.size() == 1);
    CHECK(s.late[0].unit.name == "Hà Nam");
    CHECK(s.missing.size() == 61);
}

TEST_CASE("totals equal an independent sum of the report files") {
    const auto files = report_test::samples();
    const auto s = summarize(campaign(), files);
    const auto& inds = campaign().indicators;
    for (std::size_t i = 0; i < inds.size(); ++i) {
        INFO(inds[i].code);
        if (!inds[i].decimal) {
            long long sum = 0;
            for (const auto& f : files) {
                const json v = json::parse(f.json)["data"]["indicators"][inds[i].code];
                if (!v.is_null()) sum += v.get<long long>();
            }
            CHECK(s.totals[i].to_string() == std::to_string(sum));
        } else {
            // Hundredths, from the text: the samples write one or two fraction digits.
            long long cents = 0;
            for (const auto& f : files) {
                const std::string t = json::parse(f.json)["data"]["indicators"][inds[i].code].get<std::string>();
                const auto dot = t.find('.');
                std::string frac = t.substr(dot + 1);
                frac.resize(2, '0');
                cents += std::stoll(t.substr(0, dot)) * 100 + std::stoll(frac);
            }
            const std::string expected = std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") +
                                         std::to_string(cents % 100);
            CHECK(s.totals[i].to_string() == expected);
        }
    }
    // sang_kien: Điện Biên wrote null ("không có số liệu").
    CHECK(s.reported_by[7] == 59);
    CHECK(s.reported_by[0] == 60);
}

TEST_CASE("2026: a pre-2025 province's report is filed under its merged unit") {
    const auto form = vanban::report::load_form(source("tests/report/data/form-2026.json"));
    REQUIRE(form.units.units.size() == 34);
    auto as_2026 = [](json doc, const char* code, const char* name) {
        doc["data"]["form"] = "so-ket-2026";
        doc["data"]["unit"] = {{"code", code}, {"name", name}};
        doc["date"] = "2026-01-10";
        return doc.dump();
    };
    const auto s = summarize(form, {
        ReportFile{"bac-giang.json", as_2026(sample("24"), "24", "Liên đoàn Lao động tỉnh Bắc Giang")},
        ReportFile{"bac-ninh-cu.json", as_2026(sample("27"), "27", "Liên đoàn Lao động tỉnh Bắc Ninh")},
        ReportFile{"ha-noi.json", as_2026(sample("01"), "01", "Liên đoàn Lao động thành phố Hà Nội")},
        ReportFile{"hue.json", as_2026(sample("46"), "46", "Liên đoàn Lao động tỉnh Thừa Thiên Huế")},
    });
    REQUIRE(s.rejected.empty());
    REQUIRE(s.rows.size() == 3);
    CHECK(s.rows[0].unit.name == "Bắc Ninh");
    CHECK(s.rows[0].former_names == std::vector<std::string>{"Bắc Giang", "Bắc Ninh"});
    CHECK(s.rows[1].unit.name == "Hà Nội");
    CHECK(s.rows[2].unit.name == "Huế");
    REQUIRE(s.merged.size() == 3);
    CHECK(s.merged[0].former_name == "Bắc Giang");
    CHECK(s.merged[0].into.name == "Bắc Ninh");
    // The merged unit's figures are the sum of its former units' reports.
    const long long bg = sample("24")["data"]["indicators"]["doan_vien_moi"].get<long long>();
    const long long bn = sample("27")["data"]["indicators"]["doan_vien_moi"].get<long long>();
    CHECK(s.rows[0].values[4]->to_string() == std::to_string(bg + bn));
    CHECK(s.missing.size() == 31);
    // The same former unit twice is a duplicate.
    const auto dup = summarize(form, {ReportFile{"a.json", as_2026(sample("24"), "24", "LĐLĐ tỉnh Bắc Giang")},
                                      ReportFile{"b.json", as_2026(sample("24"), "24", "LĐLĐ tỉnh Bắc Giang")}});
    REQUIRE(dup.rejected.size() == 1);
    CHECK(dup.rejected[0].error ==
          "b.json: /data/unit/code: duplicate report for unit \"24\" (Bắc Giang): already given by a.json");
}

TEST_CASE("data outputs: JSON and CSV carry the same exact figures") {
    const auto s = summarize(campaign(), report_test::samples());
    const json j = vanban::report::summary_json(campaign(), s);
    CHECK(j["received"] == 60);
    CHECK(j["missing"].size() == 3);
    CHECK(j["indicators"][8]["type"] == "decimal");
    CHECK(j["indicators"][8]["total"] == s.totals[8].to_string());
    CHECK(j["indicators"][0]["total"] == std::stoll(s.totals[0].to_string()));
    const std::string csv = vanban::report::summary_csv(campaign(), s);
    CHECK(csv.rfind("\xEF\xBB\xBFSTT,Mã đơn vị,Đơn vị,Số hội nghị quán triệt Nghị quyết (cuộc),", 0) == 0);
    std::string total_line = ",,Tổng cộng";
    for (const auto& t : s.totals) total_line += "," + t.to_string();
    CHECK(csv.find(total_line + "\r\n") != std::string::npos);
    CHECK(csv.find("\r\n3,95,Bạc Liêu,") != std::string::npos);
}

// Its time is measured in bench/ (BM_NationalSummary63), never asserted here.
TEST_CASE("With all 63 units reporting, none is missing") {
    auto files = report_test::samples();
    // The three missing units, so all 63 report.
    for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
             {"12", "LĐLĐ tỉnh Lai Châu"}, {"62", "LĐLĐ tỉnh Kon Tum"}, {"67", "LĐLĐ tỉnh Đắk Nông"}}) {
        json doc = sample("27");
        doc["data"]["unit"] = {{"code", code}, {"name", name}};
        files.push_back({"bc-" + code + ".json", doc.dump()});
    }
    REQUIRE(files.size() == 63);
    const auto s = summarize(campaign(), files);
    CHECK(s.rows.size() == 63);
    CHECK(s.missing.empty());
    CHECK(s.rejected.empty());
}
