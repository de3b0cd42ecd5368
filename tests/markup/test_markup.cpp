#include "markup/markup.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace vanban;

namespace {

std::string doc(const std::string& body, const std::string& extra = "") {
    return "<document>\n"
           "  <issuer><parent>Tổng LĐLĐ Việt Nam</parent><name>LIÊN ĐOÀN LAO ĐỘNG\n  TỈNH QUẢNG NGÃI</name></issuer>\n"
           "  <number symbol=\"LĐLĐ\">5</number>\n"
           "  <place-date place=\"Quảng Ngãi\" date=\"2026-02-05\"/>\n"
           "  <subject>  tổ chức   Tết </subject>\n" +
           extra + "  <body>" + body + "</body>\n" +
           "  <signers><signer><acting>KT. CHỦ TỊCH</acting><title>PHÓ CHỦ TỊCH</title><name>Trần Thị B</name></signer></signers>\n"
           "</document>\n";
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.diagnostic().to_string();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("Markup becomes a document model with whitespace collapsed and forced breaks kept in names") {
    const auto d = markup::parse(doc("<p>Một  <b>hai</b>\n  ba</p>"), "m");
    CHECK(d.issuer.parent == "Tổng LĐLĐ Việt Nam");
    CHECK(d.issuer.name == "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG NGÃI");
    CHECK(d.number == "5");
    CHECK(d.symbol == "LĐLĐ");
    REQUIRE(d.date_line.date);
    CHECK(d.date_line.date->month == 2);
    CHECK(d.subject == "tổ chức Tết");
    CHECK(d.is_letter);
    REQUIRE(d.body.size() == 1);
    const auto& p = std::get<model::Paragraph>(d.body[0]);
    REQUIRE(p.text.size() == 3);
    CHECK(p.text[0] == model::Span{"Một ", false, false});
    CHECK(p.text[1] == model::Span{"hai", true, false});
    CHECK(p.text[2] == model::Span{" ba", false, false});
    REQUIRE(d.signers.size() == 1);
    CHECK(d.signers[0].acting == "KT. CHỦ TỊCH");
}

TEST_CASE("Inline **bold** and *italic* markers in text become styled spans") {
    const auto d = markup::parse(doc("<p>Hạn **trước ngày 10/02/2026** và *ghi chú*.</p>"), "m");
    const auto& p = std::get<model::Paragraph>(d.body[0]);
    REQUIRE(p.text.size() == 5);
    CHECK(p.text[1] == model::Span{"trước ngày 10/02/2026", true, false});
    CHECK(p.text[3] == model::Span{"ghi chú", false, true});
}

TEST_CASE("Headings, lists and page breaks are read with their attributes") {
    const auto d = markup::parse(
        doc("<heading level=\"2\">1. Mục</heading><list marker=\"a)\"><item>x</item><item>y</item></list><page-break/>",
            "<kind>Báo cáo</kind><urgency>Thượng khẩn</urgency><draft/>"),
        "m");
    REQUIRE(d.body.size() == 3);
    CHECK(std::get<model::Heading>(d.body[0]).level == 2);
    CHECK(std::get<model::List>(d.body[1]).marker == "a)");
    CHECK(std::get<model::List>(d.body[1]).items.size() == 2);
    CHECK(std::holds_alternative<model::PageBreak>(d.body[2]));
    CHECK(!d.is_letter);
    CHECK(d.kind == "Báo cáo");
    CHECK(d.urgency == model::Urgency::thuong_khan);
    CHECK(d.draft);
}

TEST_CASE("An unknown element is reported at its markup line and column with its tag") {
    try {
        markup::parse(doc("<p>x</p>\n    <sigenr/>"), "m");
        FAIL("no error");
    } catch (const markup::MarkupError& e) {
        CHECK(e.diagnostic().to_string() ==
              "m:8:5: unknown element <sigenr> in <body> (expected p, heading, list, table, page-break, preamble or article)");
        CHECK(e.element() == "<sigenr");
    }
}

TEST_CASE("Ill-formed markup is reported with line and column") {
    CHECK(error_of([] { markup::parse("<document>\n  <body><p>x</body>\n</document>", "m"); }) ==
          "m:2:15: ill-formed markup: Start-end tags mismatch");
}

TEST_CASE("Unknown attributes, bad levels and markers, and missing parts are errors") {
    CHECK(error_of([] { markup::parse(doc("<p align=\"x\">a</p>"), "m"); }) ==
          "m:7:9: unknown attribute 'align' on <p>");
    CHECK(error_of([] { markup::parse(doc("<heading level=\"4\">a</heading>"), "m"); }) ==
          "m:7:9: heading level must be 1, 2 or 3, not '4'");
    CHECK(error_of([] { markup::parse(doc("<list marker=\"*\"><item>a</item></list>"), "m"); }) ==
          "m:7:9: list marker must be one of - + 1. a) I., not '*'");
    CHECK(error_of([] { markup::parse("<document><body/></document>", "m"); }) == "m:1:1: <document> needs an <issuer>");
    CHECK(error_of([] { markup::parse("<letter/>", "m"); }) == "m:1:1: the markup's root element must be <document>");
}

TEST_CASE("Literal template text obeys the same text rules as data: control characters are refused") {
    CHECK(error_of([] { markup::parse(doc("<p>a&#x7;b</p>"), "m"); }).find("U+0007") != std::string::npos);
}

TEST_CASE("An impossible date in the markup is refused") {
    std::string m = doc("<p>a</p>");
    m.replace(m.find("2026-02-05"), 10, "2026-02-30");
    CHECK(error_of([&] { markup::parse(m, "m"); }) ==
          "m:5:3: date must be a real date as YYYY-MM-DD, not '2026-02-30'");
}

TEST_CASE("A table is read with its columns, rows, number cells and total row") {
    const auto d = markup::parse(
        doc("<table header-rows=\"1\" total-row=\"true\"><column width=\"0.5\" align=\"center\">STT</column>"
            "<column width=\"2\">Đơn vị</column><row><cell>1</cell><cell>A</cell></row>"
            "<row><cell></cell><cell number=\"true\">1234.5</cell></row></table>"),
        "m");
    const auto& t = std::get<model::Table>(d.body.at(0));
    CHECK(t.columns.size() == 2);
    CHECK(t.columns[0].width == 0.5);
    CHECK(t.columns[0].align == model::Align::center);
    CHECK(t.rows.size() == 2);
    CHECK(t.rows[1][1].number);
    CHECK(t.total_row);
}

TEST_CASE("Table mistakes are reported: wrong cell count, bad width, a number cell that is not a number") {
    CHECK(error_of([] { markup::parse(doc("<table><column>A</column><row><cell>1</cell><cell>2</cell></row></table>"), "m"); }) ==
          "m:7:34: a <row> needs 1 cell (one per <column>), not 2");
    CHECK(error_of([] { markup::parse(doc("<table><column width=\"0\">A</column></table>"), "m"); }) ==
          "m:7:16: column width must be a number greater than 0, not '0'");
    CHECK(error_of([] { markup::parse(doc("<table><column>A</column><row><cell number=\"true\">12a</cell></row></table>"), "m"); }) ==
          "m:7:39: a number cell must hold a decimal number like 1234567.5, not '12a'");
}

TEST_CASE("A preamble carries the thẩm quyền ban hành, the căn cứ lines and the enacting word") {
    const auto d = markup::parse(doc("<preamble><authority>Đoàn Chủ tịch</authority>"
                                     "<basis>Căn cứ Luật Công đoàn;</basis><basis>Xét đề nghị của Ban Tuyên giáo</basis>"
                                     "<enact>QUYẾT ĐỊNH:</enact></preamble><p>x</p>"),
                                 "m");
    REQUIRE(d.body.size() == 2);
    const auto& pre = std::get<model::Preamble>(d.body[0]);
    CHECK(pre.authority == "Đoàn Chủ tịch");
    REQUIRE(pre.bases.size() == 2);
    CHECK(model::plain_text(pre.bases[1]) == "Xét đề nghị của Ban Tuyên giáo");
    CHECK(pre.enact == "QUYẾT ĐỊNH:");
    CHECK(error_of([] { markup::parse(doc("<preamble><law>x</law></preamble>"), "m"); }) ==
          "m:7:19: unknown element <law> in <preamble> (expected authority, basis or enact)");
}

TEST_CASE("Articles are numbered in order, an explicit number restarts the count, and an empty one is an error") {
    const auto d = markup::parse(doc("<article title=\"Phạm vi\">Văn bản này quy định</article>"
                                     "<article title=\"\">Có hiệu lực</article>"
                                     "<article number=\"7\" title=\"Thi hành\"/>"
                                     "<article title=\"Tiếp\">x</article>"),
                                 "m");
    REQUIRE(d.body.size() == 4);
    const auto& a1 = std::get<model::Article>(d.body[0]);
    CHECK(a1.number == 1);
    CHECK(model::plain_text(a1.title) == "Phạm vi");
    CHECK(model::plain_text(a1.text) == "Văn bản này quy định");
    const auto& a2 = std::get<model::Article>(d.body[1]);
    CHECK(a2.number == 2);
    CHECK(a2.title.empty());
    CHECK(std::get<model::Article>(d.body[2]).number == 7);
    CHECK(std::get<model::Article>(d.body[3]).number == 8);
    CHECK(error_of([] { markup::parse(doc("<article title=\"\"/>"), "m"); }) ==
          "m:7:9: an <article> needs a title or some text");
    CHECK(error_of([] { markup::parse(doc("<article number=\"07\">x</article>"), "m"); }) ==
          "m:7:9: article number must be a whole number from 1, not '07'");
}

TEST_CASE("Fuzz regression: <b>/<i> nested deep are refused, not a stack overflow") {
    auto nested = [](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += i % 2 ? "<i>" : "<b>";
        s += "x";
        for (int i = n - 1; i >= 0; --i) s += i % 2 ? "</i>" : "</b>";
        return s;
    };
    const auto d = markup::parse(doc("<p>" + nested(32) + "</p>"), "m");
    CHECK(std::get<model::Paragraph>(d.body[0]).text.at(0) == model::Span{"x", true, true});
    // "  <body><p>" and 32 tags of 3 characters: the 33rd starts at column 108.
    CHECK(error_of([&] { markup::parse(doc("<p>" + nested(33) + "</p>"), "m"); }) ==
          "m:7:108: <b> and <i> nested more than 32 deep");
    CHECK(error_of([&] { markup::parse(doc("<p>" + nested(100000) + "</p>"), "m"); }) ==
          "m:7:108: <b> and <i> nested more than 32 deep");
}

TEST_CASE("Every block's source line and column match a count from the start of the markup") {
    // ref() counts on from the previous element (linear time); check it against the
    // plain count for blocks on many lines, with multi-byte text between them.
    std::string body;
    for (int i = 0; i < 300; ++i) {
        body += "\n  <p>Đoạn văn số " + std::to_string(i) + " có chữ Việt</p>";
        if (i % 7 == 0) body += "<heading level=\"1\">MỤC " + std::to_string(i) + "</heading>";
        if (i % 11 == 0) body += "\n    <list marker=\"-\"><item>một</item></list>";
    }
    const std::string xml = doc(body);
    const auto d = markup::parse(xml, "m");
    REQUIRE(d.body.size() > 300);
    std::size_t search_from = 0;
    for (const auto& b : d.body) {
        const auto src = std::visit([](const auto& x) { return x.source; }, b);
        const std::string tag = std::holds_alternative<model::Paragraph>(b) ? "<p>"
                                : std::holds_alternative<model::Heading>(b) ? "<heading"
                                                                            : "<list";
        const auto at = xml.find(tag, search_from);
        REQUIRE(at != std::string::npos);
        const auto want = line_column_at(xml, at);
        CHECK(src.line == want.line);
        CHECK(src.column == want.column);
        search_from = at + 1;
    }
}
