// End to end: `vanban summarize` on the shipped samples; every total in the PDF's text
// and in --data JSON/CSV equals a sum the test computes itself from the report files.
#include "support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <map>

using nlohmann::json;
namespace fs = std::filesystem;
using report_test::quote;
using report_test::run;
using report_test::source;

namespace {

std::string vanban_cli() { return quote((fs::path(VANBAN_BINARY_DIR) / "vanban").string()); }

// Independent totals: integers summed as long long, decimals as exact hundredths from
// the text of each file (the samples write at most two fraction digits).
std::map<std::string, std::string> independent_totals() {
    std::map<std::string, long long> ints, cents;
    std::map<std::string, bool> decimal;
    for (const auto& f : report_test::samples()) {
        const json doc = json::parse(f.json);  // kept alive: items() refers into it
        for (const auto& [code, v] : doc["data"]["indicators"].items()) {
            if (v.is_null()) continue;
            if (v.is_string()) {
                const std::string t = v.get<std::string>();
                const auto dot = t.find('.');
                std::string frac = dot == std::string::npos ? "" : t.substr(dot + 1);
                frac.resize(2, '0');
                cents[code] += std::stoll(t.substr(0, dot)) * 100 + std::stoll(frac);
                decimal[code] = true;
            } else {
                ints[code] += v.get<long long>();
            }
        }
    }
    std::map<std::string, std::string> out;
    for (const auto& [code, n] : ints) out[code] = std::to_string(n);
    for (const auto& [code, c] : cents) {
        out[code] = std::to_string(c / 100) + "." + (c % 100 < 10 ? "0" : "") + std::to_string(c % 100);
    }
    return out;
}

}  // namespace

TEST_CASE("summarize the samples: PDF text and --data agree with an independent sum") {
    const auto dir = report_test::scratch("cli");
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = run(vanban_cli() + " summarize --form " + quote(source("templates/so-ket-nq20/form.json").string()) +
                       " " + quote(source("samples/so-ket-nq20").string()) + " -o " + quote((dir / "out").string()) +
                       " --data " + quote((dir / "tong-hop.json").string()) + " --data " +
                       quote((dir / "tong-hop.csv").string()));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    WARN("vanban summarize (60 reports → PDF + JSON + CSV, whole process): " << ms << " ms");
    CHECK(r.err.find("60 of 63 units reported, 2 late, 3 missing") != std::string::npos);

    const auto expected = independent_totals();
    REQUIRE(expected.size() == 9);
    const json data = json::parse(report_test::slurp(dir / "tong-hop.json"));
    const std::string text = report_test::pdf_text(dir / "out" / "so-ket-nq20-tong-hop.pdf");
    const auto tong_cong = text.rfind("Tổng cộng");
    REQUIRE(tong_cong != std::string::npos);
    std::size_t in_row = tong_cong;
    for (const auto& ind : data["indicators"]) {
        const std::string code = ind["code"];
        INFO(code);
        const std::string total = ind["total"].is_string() ? ind["total"].get<std::string>() : ind["total"].dump();
        CHECK(total == expected.at(code));
        const std::string shown = report_test::vn_number(expected.at(code));
        // In the body's totals table (before the appendix) and, in order, in the
        // appendix's "Tổng cộng" row.
        CHECK(text.find(shown) < tong_cong);
        const auto at = text.find(shown, in_row);
        CHECK(at != std::string::npos);
        if (at != std::string::npos) in_row = at;
    }
    const std::string csv = report_test::slurp(dir / "tong-hop.csv");
    for (const auto& ind : data["indicators"]) {
        CHECK(csv.find(expected.at(ind["code"].get<std::string>())) != std::string::npos);
    }
}

TEST_CASE("summarize: an invalid report stops it unless --keep-going") {
    const auto dir = report_test::scratch("cli-bad");
    json bad = report_test::sample("27");
    bad["data"]["indicators"]["doan_vien_moi"] = -5;
    report_test::spit(dir / "bad.json", bad.dump());
    const std::string base = vanban_cli() + " summarize --form " +
                             quote(source("templates/so-ket-nq20/form.json").string()) + " " +
                             quote(source("samples/so-ket-nq20/bc-01.json").string()) + " " +
                             quote((dir / "bad.json").string()) + " -o " + quote((dir / "s.pdf").string());
    const auto stop = run(base);
    CHECK(stop.exit_code == 1);
    CHECK(stop.err.find("bad.json: /data/indicators/doan_vien_moi: indicator 'doan_vien_moi' is a count and cannot be "
                        "negative (-5)") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "s.pdf"));
    const auto go = run(base + " --keep-going");
    CHECK(go.exit_code == 1);  // still says something was wrong
    CHECK(fs::exists(dir / "s.pdf"));
    CHECK(go.err.find("rejected: " + (dir / "bad.json").string()) != std::string::npos);
    CHECK(go.err.find("1 of 63 units reported") != std::string::npos);
}

TEST_CASE("summarize --data X.xlsx: numbers as numbers, Vietnamese headers, frozen header, same bytes every run") {
    const auto dir = report_test::scratch("xlsx");
    const std::string base = vanban_cli() + " summarize --form " +
                             quote(source("templates/so-ket-nq20/form.json").string()) + " " +
                             quote(source("samples/so-ket-nq20").string()) + " -o " + quote((dir / "out").string());
    REQUIRE(run(base + " --data " + quote((dir / "a.xlsx").string())).exit_code == 0);
    REQUIRE(run("TZ=Asia/Ho_Chi_Minh " + base + " --data " + quote((dir / "b.xlsx").string())).exit_code == 0);
    CHECK(report_test::slurp(dir / "a.xlsx") == report_test::slurp(dir / "b.xlsx"));

    const auto sheet = run("unzip -p " + quote((dir / "a.xlsx").string()) + " xl/worksheets/sheet1.xml");
    const auto strings = run("unzip -p " + quote((dir / "a.xlsx").string()) + " xl/sharedStrings.xml");
    REQUIRE(sheet.exit_code == 0);
    CHECK(strings.out.find("Mã đơn vị") != std::string::npos);
    CHECK(strings.out.find("Tổng cộng") != std::string::npos);
    CHECK(strings.out.find("Số đoàn viên kết nạp mới (người)") != std::string::npos);
    CHECK(sheet.out.find("ySplit=\"1\"") != std::string::npos);
    CHECK(sheet.out.find("state=\"frozen\"") != std::string::npos);
    // The last row holds the totals as numeric cells, equal to an independent sum.
    const auto last = sheet.out.rfind("<row ");
    REQUIRE(last != std::string::npos);
    const std::string totals = sheet.out.substr(last);
    for (const auto& [code, total] : independent_totals()) {
        std::string shown = total;
        if (shown.find('.') != std::string::npos) {  // 423356.90 is written as 423356.9
            while (shown.back() == '0') shown.pop_back();
            if (shown.back() == '.') shown.pop_back();
        }
        INFO(code);
        CHECK(totals.find("<v>" + shown + "</v>") != std::string::npos);
    }
    CHECK(totals.find(" t=\"s\"") != std::string::npos);  // the "Tổng cộng" label
}
