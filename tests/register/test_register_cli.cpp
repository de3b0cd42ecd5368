#include "register_support.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>
#include <set>

using namespace e2e;

namespace {

std::string vb() { return quote(vanban().string()); }

using register_test::today_vn;

// A copy of a sample without its number (the register gives it), dated today or undated.
fs::path unnumbered(const fs::path& dir, const std::string& sample, const std::string& name, bool keep_date = true) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(slurp(repo() / "samples" / sample));
    doc.erase("number");
    if (keep_date) doc["date"] = today_vn();
    else doc.erase("date");
    const fs::path p = dir / name;
    std::ofstream(p) << doc.dump(2);
    return p;
}

Run ok(const std::string& cmd) {
    Run r = run(cmd);
    INFO(cmd << "\n" << r.out << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

std::string pdftext(const fs::path& pdf) { return squash(run("pdftotext -layout " + quote(pdf.string()) + " -").out); }

}  // namespace

TEST_CASE("render --register numbers documents 01, 02 in order, prints the numbers and records them") {
    const fs::path dir = scratch("register-render");
    const std::string data = " --data " + quote((dir / "data").string());
    ok(vb() + " register init --org 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM' --org-code 000.00.00.I02" + data);
    const fs::path a = unnumbered(dir, "cong-van-1996.json", "a.json");
    const fs::path b = unnumbered(dir, "cong-van-quang-ngai.json", "b.json", false);
    const Run r1 = ok(vb() + " render --register " + quote(a.string()) + " -o " + quote((dir / "a.pdf").string()) + data);
    CHECK(r1.out.find("01/TLĐ") != std::string::npos);
    ok(vb() + " render --register --pdfa " + quote(b.string()) + " -o " + quote((dir / "b.pdf").string()) + data);
    CHECK(pdftext(dir / "a.pdf").find("Số: 01/TLĐ") != std::string::npos);
    CHECK(pdftext(dir / "b.pdf").find("Số: 02/") != std::string::npos);

    const auto list = nlohmann::json::parse(ok(vb() + " register list --json" + data).out);
    REQUIRE(list.size() == 2);
    CHECK(list[0]["number"] == 1);
    CHECK(list[0]["date"] == today_vn());  // the document's own date is kept
    CHECK(list[0]["subject"] == "Sơ kết 2 năm thực hiện NQ 20");
    CHECK(list[1]["number"] == 2);
    CHECK(list[1]["date"].get<std::string>().size() == 10);  // no date: today's, in Vietnam
    CHECK(list[1]["pdf_sha256"].get<std::string>().size() == 64);

    // A numbered input is refused with its pointer, and nothing is given away.
    const Run again = run(vb() + " render --register " + quote((repo() / "samples/cong-van-1996.json").string()) + " -o " +
                          quote((dir / "c.pdf").string()) + data);
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("/number") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "c.pdf"));
    CHECK(ok(vb() + " register next --symbol TLĐ" + data).out == "03/TLĐ\n");
}

TEST_CASE("Register search finds documents typed without diacritics, and void keeps the number") {
    const fs::path dir = scratch("register-search");
    const std::string data = " --data " + quote((dir / "data").string());
    ok(vb() + " register init --org 'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI'" + data);
    ok(vb() + " register next --symbol LĐLĐ-TG --subject 'Sơ kết Nghị quyết 20' --type 'Báo cáo'" + data);
    ok(vb() + " register next --symbol LĐLĐ-TG --subject 'Hòa giải tranh chấp lao động'" + data);
    const auto hits = nlohmann::json::parse(ok(vb() + " register search so ket nghi quyet --json" + data).out);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["number_symbol"] == "01/LĐLĐ-TG");
    CHECK(nlohmann::json::parse(ok(vb() + " register search hoà --json" + data).out).size() == 1);
    const Run bad = run(vb() + " register void 2" + data);
    CHECK(bad.exit_code == 2);  // a cancelled number needs its reason
    const std::string year = nlohmann::json::parse(ok(vb() + " register list --json" + data).out)[1]["year"].dump();
    ok(vb() + " register void 2 --year " + year + " --note 'Hủy theo ý kiến lãnh đạo'" + data);
    CHECK(ok(vb() + " register next --symbol LĐLĐ-TG" + data).out == "03/LĐLĐ-TG\n");
    const std::string listed = ok(vb() + " register list" + data).out;
    CHECK(listed.find("02/LĐLĐ-TG") != std::string::npos);
    CHECK(listed.find("HỦY: Hủy theo ý kiến lãnh đạo") != std::string::npos);
}

TEST_CASE("register next refuses a symbol with a slash or a space and a date that is not one, and uses no number") {
    // The register checks these itself: its CLI and its server route reach it without a
    // document, so nothing else has checked them.
    const fs::path dir = scratch("register-refusals");
    const std::string data = " --data " + quote((dir / "data").string());
    ok(vb() + " register init --org 'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI'" + data);
    const std::pair<std::string, std::string> bad[] = {
        {" --symbol 'LĐLĐ/TG'", "/symbol: symbol must not contain '/'"},
        {" --symbol 'LĐLĐ TG'", "/symbol: symbol must not contain spaces"},
        {" --symbol LĐLĐ-TG --date 2026-13-40", "/date: expected a date as YYYY-MM-DD, got '2026-13-40'"},
    };
    for (const auto& [args, message] : bad) {
        const Run r = run(vb() + " register next" + args + data);
        INFO(args << ": " << r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find(message) != std::string::npos);
    }
    CHECK(ok(vb() + " register next --symbol LĐLĐ-TG" + data).out == "01/LĐLĐ-TG\n");
}

TEST_CASE("Two processes allocating at once get distinct, consecutive numbers") {
    const fs::path dir = scratch("register-race");
    const std::string data = " --data " + quote((dir / "data").string());
    ok(vb() + " register init --org 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM'" + data);
    const std::string loop = "for i in $(seq 25); do " + vb() + " register next --symbol TLĐ" + data + " || exit 1; done";
    const Run r = ok("(" + loop + " > " + quote((dir / "p1").string()) + ") & (" + loop + " > " +
                     quote((dir / "p2").string()) + ") & wait %1 && wait %2");
    std::set<std::string> numbers;
    for (const char* f : {"p1", "p2"}) {
        std::ifstream in(dir / f);
        for (std::string line; std::getline(in, line);) numbers.insert(line);
    }
    CHECK(numbers.size() == 50);
    const auto list = nlohmann::json::parse(ok(vb() + " register list --json" + data).out);
    REQUIRE(list.size() == 50);
    for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i]["number"] == i + 1);
}

TEST_CASE("The printed register has the cover of Phụ lục IV and its ten columns") {
    const fs::path dir = scratch("register-print");
    const std::string data = " --data " + quote((dir / "data").string());
    ok(vb() + " register init --org 'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI' --parent 'TỔNG LĐLĐ VIỆT NAM'" + data);
    ok(vb() + " register next --symbol LĐLĐ-TG --date 2026-02-05 --subject 'tổ chức các hoạt động chăm lo Tết' "
              "--signer 'Trần Thị B' --recipients 'Các CĐCS'" + data);
    const std::string year = nlohmann::json::parse(ok(vb() + " register list --json" + data).out)[0]["year"].dump();
    const fs::path x = dir / "so.xlsx";
    ok(vb() + " register print --year " + year + " -o " + quote(x.string()) + data);
    // The workbook's strings, read with Python's zipfile (no vanban code involved).
    const Run strings = ok("/usr/bin/python3 -c \"import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read("
                           "'xl/sharedStrings.xml').decode())\" " + quote(x.string()));
    for (const char* s : {"SỔ ĐĂNG KÝ VĂN BẢN ĐI", "TỔNG LĐLĐ VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI",
                          "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký",
                          "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận",
                          "Ghi chú", "01/LĐLĐ-TG", "05/02/2026", "Trần Thị B", "Quyển số: 01", "Từ số 01 đến số 01"}) {
        INFO(s);
        CHECK(strings.out.find(s) != std::string::npos);
    }
    // Same register, same bytes.
    const fs::path y = dir / "so2.xlsx";
    ok(vb() + " register print --year " + year + " -o " + quote(y.string()) + data);
    CHECK(slurp(x) == slurp(y));
}

TEST_CASE("A PDF/A carries the archive record of Phụ lục VI and the register can be rebuilt from the files") {
    const fs::path dir = scratch("register-xmp");
    const std::string data1 = " --data " + quote((dir / "data1").string());
    const std::string data2 = " --data " + quote((dir / "data2").string());
    ok(vb() + " register init --org 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM'" + data1);
    ok(vb() + " register init --org 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM'" + data2);
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(slurp(repo() / "samples/cong-van-1996.json"));
    doc.erase("number");
    doc["date"] = today_vn();
    doc["archive"] = {{"organ_id", "000.00.00.I02"}, {"file_catalog", 3}, {"issued_amount", 70},
                      {"description", "Bản gốc lưu tại Văn phòng"}};
    std::ofstream(dir / "a.json") << doc.dump(2);
    fs::create_directories(dir / "archive");
    ok(vb() + " render --register --pdfa " + quote((dir / "a.json").string()) + " -o " +
       quote((dir / "archive/a.pdf").string()) + data1);
    const Run check = run(vb() + " check --json " + quote((dir / "archive/a.pdf").string()));
    INFO(check.out << check.err);
    CHECK(check.out.find("PL VI") != std::string::npos);
    CHECK(check.out.find("CodeNumber") != std::string::npos);
    // poppler reads the XMP packet back (no vanban code involved).
    const std::string xmp = ok("pdfinfo -meta " + quote((dir / "archive/a.pdf").string())).out;
    for (const char* s : {"<vbarc:OrganId>000.00.00.I02</vbarc:OrganId>", "<vbarc:FileCatalog>3</vbarc:FileCatalog>",
                          "<vbarc:TypeName>Công văn</vbarc:TypeName>", "<vbarc:CodeNumber>01</vbarc:CodeNumber>",
                          "<vbarc:CodeNotation>TLĐ</vbarc:CodeNotation>", 
                          "<vbarc:Subject>Sơ kết 2 năm thực hiện NQ 20</vbarc:Subject>", "<vbarc:Language>vi</vbarc:Language>",
                          "<vbarc:IssuedAmount>70</vbarc:IssuedAmount>", "<vbarc:Priority>0</vbarc:Priority>",
                          "<pdfaSchema:prefix>vbarc</pdfaSchema:prefix>"}) {
        INFO(s);
        CHECK(xmp.find(s) != std::string::npos);
    }
    CHECK(xmp.find("<vbarc:IssuedDate>" + today_vn() + "</vbarc:IssuedDate>") != std::string::npos);
    const std::string pages = ok("pdfinfo " + quote((dir / "archive/a.pdf").string()) + " | sed -n 's/^Pages: *//p'").out;
    CHECK(xmp.find("<vbarc:PageAmount>" + squash(pages) + "</vbarc:PageAmount>") != std::string::npos);
    ok(vb() + " register import " + quote((dir / "archive").string()) + data2);
    const auto a = nlohmann::json::parse(ok(vb() + " register list --json" + data1).out);
    const auto b = nlohmann::json::parse(ok(vb() + " register list --json" + data2).out);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    for (const char* k : {"number", "symbol", "date", "subject", "signer", "year"}) {
        INFO(k);
        CHECK(a[0][k] == b[0][k]);
    }
    CHECK(b[0]["copies"] == 70);
    CHECK(b[0]["pdf_sha256"] == a[0]["pdf_sha256"]);
}
