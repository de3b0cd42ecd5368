// Every way a unit report can disagree with the form, and the exact message a clerk
// reads: the file, the JSON Pointer, and what to do.
#include "core/diagnostic.h"
#include "report/unit_report.h"
#include "support.h"

#include <catch2/catch.hpp>

using nlohmann::json;
using report_test::campaign;
using report_test::sample;
using vanban::report::read_unit_report;
using vanban::report::ReportFile;
using vanban::report::summarize;

namespace {

// The message read_unit_report throws for `doc` (or "" when it accepts it).
std::string error_of(const std::string& bytes) {
    try {
        read_unit_report(bytes, "bc.json", campaign());
    } catch (const vanban::Error& e) {
        return e.what();
    }
    return "";
}
std::string error_of(const json& doc) { return error_of(doc.dump()); }

json with_value(const char* code, json value) {
    json doc = sample("27");
    doc["data"]["indicators"][code] = std::move(value);
    return doc;
}

}  // namespace

TEST_CASE("a sample report is valid and read exactly") {
    const auto rep = read_unit_report(sample("27").dump(), "bc-27.json", campaign());
    CHECK(campaign().units.units[rep.unit].name == "Bắc Ninh");
    CHECK_FALSE(rep.former);
    CHECK(rep.values.size() == campaign().indicators.size());
    // A decimal written as a bare JSON number keeps its digits (no double in between).
    const auto exact = read_unit_report(R"({"date": "2010-01-10", "data": {"form": "so-ket-nq20",
        "unit": {"code": "27", "name": "LĐLĐ tỉnh Bắc Ninh"}, "indicators": {"hoi_nghi_quan_triet": 1,
        "luot_nguoi_quan_triet": 2, "vu_tu_van_phap_luat": 3, "tuldtt_ky_moi": 4, "doan_vien_moi": 5,
        "cdcs_thanh_lap_moi": 6, "gioi_thieu_dang": 7, "sang_kien": null,
        "gia_tri_lam_loi": 123456789012.30}}})", "x.json", campaign());
    CHECK(exact.values[8]->to_string() == "123456789012.30");
    CHECK_FALSE(exact.values[7]);  // null: "không có số liệu"
}

TEST_CASE("missing indicator") {
    json doc = sample("27");
    doc["data"]["indicators"].erase("doan_vien_moi");
    CHECK(error_of(doc) ==
          "bc.json: /data/indicators/doan_vien_moi: missing indicator 'doan_vien_moi' (Số đoàn viên kết nạp mới); "
          "write null if there is no figure");
}

TEST_CASE("wrong type") {
    CHECK(error_of(with_value("doan_vien_moi", "12.5")) ==
          "bc.json: /data/indicators/doan_vien_moi: indicator 'doan_vien_moi' must be a whole number, not \"12.5\"");
    CHECK(error_of(with_value("doan_vien_moi", "mười")) ==
          "bc.json: /data/indicators/doan_vien_moi: indicator 'doan_vien_moi' must be a whole number, not \"mười\"");
    CHECK(error_of(with_value("gia_tri_lam_loi", true)) ==
          "bc.json: /data/indicators/gia_tri_lam_loi: indicator 'gia_tri_lam_loi' must be a decimal number like "
          "1520.75, not true");
    CHECK(error_of(with_value("gia_tri_lam_loi", "1.520,75")) ==
          "bc.json: /data/indicators/gia_tri_lam_loi: indicator 'gia_tri_lam_loi' must be a decimal number like "
          "1520.75, not \"1.520,75\"");
    CHECK(error_of(with_value("sang_kien", json::array({1}))) ==
          "bc.json: /data/indicators/sang_kien: indicator 'sang_kien' must be a whole number, not [1]");
}

TEST_CASE("negative count") {
    CHECK(error_of(with_value("cdcs_thanh_lap_moi", -3)) ==
          "bc.json: /data/indicators/cdcs_thanh_lap_moi: indicator 'cdcs_thanh_lap_moi' is a count and cannot be "
          "negative (-3)");
    CHECK(error_of(with_value("gia_tri_lam_loi", "-12.5")).empty());  // an amount may be negative
}

TEST_CASE("unknown unit, and a code that names someone else") {
    json doc = sample("27");
    doc["data"]["unit"]["code"] = "99";
    CHECK(error_of(doc) == "bc.json: /data/unit/code: unknown unit \"99\" (Liên đoàn Lao động tỉnh Bắc Ninh): not "
                           "in units-2009.json");
    doc["data"]["unit"]["code"] = "35";
    CHECK(error_of(doc) == "bc.json: /data/unit/name: unit \"35\" is Hà Nam in units-2009.json, but the report names "
                           "\"Liên đoàn Lao động tỉnh Bắc Ninh\"");
}

TEST_CASE("duplicate unit") {
    const std::string bytes = sample("27").dump();
    const auto s = summarize(campaign(), {ReportFile{"a.json", bytes}, ReportFile{"b.json", bytes}});
    REQUIRE(s.rejected.size() == 1);
    CHECK(s.rejected[0].file == "b.json");
    CHECK(s.rejected[0].error ==
          "b.json: /data/unit/code: duplicate report for unit \"27\" (Bắc Ninh): already given by a.json");
    CHECK(s.rows.size() == 1);  // the first one still counts
}

TEST_CASE("unknown indicator, wrong form, no data, bad JSON") {
    CHECK(error_of(with_value("doan_vien_moi_2", 1)) ==
          "bc.json: /data/indicators/doan_vien_moi_2: unknown indicator 'doan_vien_moi_2': form \"so-ket-nq20\" has no "
          "such indicator");
    json doc = sample("27");
    doc["data"]["form"] = "tong-ket";
    CHECK(error_of(doc) == "bc.json: /data/form: report is for form \"tong-ket\", not \"so-ket-nq20\"");
    doc.erase("data");
    CHECK(error_of(doc) == "bc.json: /data: missing required field (a unit report carries its figures in data)");
    CHECK(error_of(std::string("{\n  \"data\": {,}\n}")) ==
          "bc.json:2:12: invalid JSON: syntax error while parsing object key - unexpected ','; expected string literal");
}

TEST_CASE("With --keep-going: invalid reports are listed, the rest summed") {
    auto files = report_test::samples();
    json bad = sample("01");
    bad["data"]["indicators"]["doan_vien_moi"] = -1;
    files[0].json = bad.dump();
    const auto s = summarize(campaign(), files);
    REQUIRE(s.rejected.size() == 1);
    CHECK(s.rejected[0].file == files[0].file);
    CHECK(s.rows.size() == files.size() - 1);
    // The unit whose report was rejected has not reported.
    bool missing = false;
    for (const auto& u : s.missing) missing = missing || u.code == "01";
    CHECK(missing);
}
