// The summary and a unit report rendered through the Engine, read back with pdftotext.
#include "render/engine.h"
#include "report/summary.h"
#include "support.h"

#include <catch2/catch.hpp>

using nlohmann::json;
using report_test::campaign;
using report_test::pdf_pages;
using report_test::pdf_text;
using report_test::sample;
using report_test::scratch;

namespace {
const vanban::Engine& engine() {
    static const vanban::Engine e;
    return e;
}
}  // namespace

TEST_CASE("a long table repeats its header row on page 2") {
    json doc = {{"template", "bao-cao"},
                {"issuer", {{"name", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"}}},
                {"symbol", "BC-TLĐ"}, {"place", "Hà Nội"}, {"date", "2010-02-01"},
                {"subject", "Danh sách dài"},
                {"signers", {{{"title", "CHỦ TỊCH"}, {"name", "Nguyễn Văn A"}}}}};
    json rows = json::array();
    for (int i = 1; i <= 120; ++i) rows.push_back({std::to_string(i), "Đơn vị số " + std::to_string(i), i * 1000});
    doc["body"] = {"Bảng sau:", {{"table", {{"columns", {{{"title", "STT"}, {"width", 0.5}},
                                                        {{"title", "Tên đơn vị báo cáo"}, {"width", 3}},
                                                        {{"title", "Số đoàn viên"}, {"width", 1.5}}}},
                                            {"rows", rows}}}}};
    vanban::RenderRequest req;
    const auto r = engine().render(doc.dump(), "long.json", req);
    const auto dir = scratch("long-table");
    report_test::spit(dir / "long.pdf", r.pdf);
    REQUIRE(pdf_pages(dir / "long.pdf") >= 3);
    const std::string page2 = pdf_text(dir / "long.pdf", 2, 2);
    CHECK(page2.find("Tên đơn vị báo cáo") != std::string::npos);
    CHECK(page2.find("Số đoàn viên") != std::string::npos);
    const std::string page3 = pdf_text(dir / "long.pdf", 3, 3);
    CHECK(page3.find("Tên đơn vị báo cáo") != std::string::npos);
}

TEST_CASE("the national summary: body, totals and a landscape appendix whose header repeats") {
    const auto s = vanban::report::summarize(campaign(), report_test::samples());
    const auto r = engine().render(vanban::report::summary_document(campaign(), s).dump(), "summary", {});
    const auto dir = scratch("summary");
    report_test::spit(dir / "summary.pdf", r.pdf);
    REQUIRE(r.model.appendices.size() == 1);
    CHECK(r.layout.pages.back().width > r.layout.pages.back().height);  // landscape
    const int pages = pdf_pages(dir / "summary.pdf");
    // The appendix spans at least two pages; every one of them carries the header.
    int appendix_pages = 0;
    for (int p = 1; p <= pages; ++p) {
        const std::string text = pdf_text(dir / "summary.pdf", p, p);
        if (text.find("Số đoàn viên kết nạp mới (người)") == std::string::npos) continue;
        ++appendix_pages;
        CHECK(text.find("STT") != std::string::npos);
        // The "(1) (2) … (11)" numbering row repeats too (poppler reads it in any order).
        for (int c = 1; c <= 11; ++c) CHECK(text.find("(" + std::to_string(c) + ")") != std::string::npos);
    }
    CHECK(appendix_pages >= 2);
    const std::string all = pdf_text(dir / "summary.pdf");
    CHECK(all.find("60/63") != std::string::npos);
    CHECK(all.find("Bắc Kạn (báo cáo ngày 25/01/2010)") != std::string::npos);
    CHECK(all.find("Đắk Nông") != std::string::npos);
    CHECK(all.find("Tổng cộng") != std::string::npos);
}

TEST_CASE("a unit report prints its figures as the Phụ lục số liệu, on the form") {
    const json doc = sample("27");
    const auto r = engine().render(doc.dump(), "bc-27.json", {});
    const auto dir = scratch("unit");
    report_test::spit(dir / "bc-27.pdf", r.pdf);
    const std::string text = pdf_text(dir / "bc-27.pdf");
    // R8.1: "Phụ lục" in normal case, the title in capitals under it.
    const auto label = text.find("Phụ lục");
    const auto title = text.find("SỐ LIỆU KẾT QUẢ SƠ KẾT 2 NĂM THỰC HIỆN");
    REQUIRE(label != std::string::npos);
    REQUIRE(title != std::string::npos);
    CHECK(text.substr(label + std::string("Phụ lục").size(), title - label - std::string("Phụ lục").size())
              .find_first_not_of(" \n") == std::string::npos);  // line 1 alone, the title right under it
    CHECK(text.find("PHỤ LỤC") == std::string::npos);
    // Every indicator of the form, in order, with the unit's own figure.
    std::size_t at = text.find("SỐ LIỆU KẾT QUẢ SƠ KẾT");
    for (const auto& ind : campaign().indicators) {
        INFO(ind.code);
        const auto label = text.find(ind.label, at);
        REQUIRE(label != std::string::npos);
        const json v = doc["data"]["indicators"][ind.code];
        const std::string plain = v.is_string() ? v.get<std::string>() : v.dump();
        CHECK(text.find(report_test::vn_number(plain), label) != std::string::npos);
        at = label;
    }
    // The seven sections of the letter.
    CHECK(text.find("I. CÔNG TÁC TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT 20") != std::string::npos);
    CHECK(text.find("VII. HẠN CHẾ, NGUYÊN NHÂN VÀ KIẾN NGHỊ") != std::string::npos);
}

TEST_CASE("a unit report with no figure for an indicator prints a dash") {
    const auto r = engine().render(sample("11").dump(), "bc-11.json", {});
    CHECK(r.markup.find("<cell>–</cell>") != std::string::npos);
}
