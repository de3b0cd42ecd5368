// Issue 11: regions flow onto further pages, or fail naming the field; nothing is
// clipped at the page's edge.
#include "core/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/layout.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace vanban;
using namespace vanban::layout;

namespace {

const fonts::FontSet& font() { return *fonts::shared_font_set({}); }

model::InlineText plain(std::string s) { return {model::Span{std::move(s), false, false}}; }

model::Document letter() {
    model::Document d;
    d.issuer.name = "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM";
    d.number = "1996";
    d.symbol = "TLĐ";
    d.date_line = {"Hà Nội", model::Date{2009, 12, 30}, 0};
    d.subject = "Sơ kết 2 năm thực hiện NQ 20";
    d.body.push_back(model::Paragraph{plain("Căn cứ nội dung công văn này, yêu cầu các cấp công đoàn triển khai."), {}});
    d.signers.push_back({"TM. ĐOÀN CHỦ TỊCH", "", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"});
    d.distribution.items = {"Như trên", "Lưu: VT, TG"};
    return d;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.diagnostic().to_string();
    }
    return "(no error)";
}

// Every text item lies inside the text block (page numbers sit in the top margin).
void check_inside(const LaidOutDocument& out) {
    const Profile p;
    for (std::size_t i = 0; i < out.pages.size(); ++i) {
        const auto& page = out.pages[i];
        const bool landscape = page.width > page.height;
        const double bottom = page.height - p.margin_bottom, right = page.width - p.margin_right;
        for (const auto& t : page.texts) {
            INFO("page " << i + 1 << ": " << t.text);
            if (t.baseline < p.margin_top) continue;  // the page number
            CHECK(t.baseline <= bottom + 0.01);
            CHECK(t.x >= p.margin_left - 0.01);
            CHECK(t.x + t.width <= right + 0.01);
            (void)landscape;
        }
    }
}

// How many text items hold `word`, on which pages.
std::vector<std::size_t> pages_with(const LaidOutDocument& out, const std::string& word) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < out.pages.size(); ++i) {
        for (const auto& t : out.pages[i].texts) {
            if (t.text.find(word) != std::string::npos) at.push_back(i);
        }
    }
    return at;
}

}  // namespace

TEST_CASE("A Nơi nhận list of 80 items continues under the signature on the next page, every item printed") {
    auto d = letter();
    d.distribution.items.clear();
    for (int i = 0; i < 80; ++i) d.distribution.items.push_back("Liên đoàn Lao động tỉnh số " + std::to_string(i) + "x");
    const auto out = layout_document(d, font());
    REQUIRE(out.pages.size() >= 2);
    for (int i = 0; i < 80; ++i) CHECK(pages_with(out, "số " + std::to_string(i) + "x").size() == 1);
    // The heading, the first item and the whole signature block share a page.
    const auto heading = pages_with(out, "Nơi nhận:");
    REQUIRE(heading.size() == 1);
    CHECK(pages_with(out, "số 0x") == heading);
    CHECK(pages_with(out, "Nguyễn Văn A") == heading);
    CHECK(pages_with(out, "PHÓ CHỦ TỊCH") == heading);
    CHECK(pages_with(out, "số 79x").front() > heading.front());
    check_inside(out);
}

TEST_CASE("A short Nơi nhận list stays level with the signature block, as before") {
    const auto out = layout_document(letter(), font());
    REQUIRE(out.pages.size() == 1);
    const auto& texts = out.pages[0].texts;
    auto baseline_of = [&](const std::string& s) {
        for (const auto& t : texts) if (t.text.rfind(s, 0) == 0) return t.baseline;
        return -1.0;
    };
    CHECK(baseline_of("Nơi nhận:") == Approx(baseline_of("TM. ĐOÀN CHỦ TỊCH")).margin(3));
}

TEST_CASE("Seventy Kính gửi recipients flow onto the next pages and page 1 is not left with the header alone") {
    auto d = letter();
    for (int i = 0; i < 70; ++i) d.recipients.push_back("Liên đoàn Lao động tỉnh số " + std::to_string(i) + "x");
    const auto out = layout_document(d, font());
    REQUIRE(out.pages.size() >= 2);
    CHECK(pages_with(out, "số 69x").front() >= 1);
    for (int i = 0; i < 70; ++i) CHECK(pages_with(out, "số " + std::to_string(i) + "x").size() == 1);
    CHECK(pages_with(out, "Kính gửi:") == std::vector<std::size_t>{0});
    CHECK(pages_with(out, "số 0x") == std::vector<std::size_t>{0});
    check_inside(out);
}

TEST_CASE("A table row taller than a page splits between lines and the header repeats above its continuation") {
    auto d = letter();
    model::Table t;
    t.columns = {{plain("STT"), 1, model::Align::center}, {plain("Nội dung"), 6, model::Align::left}};
    std::string long_cell;
    for (int i = 0; i < 1500; ++i) long_cell += "từ" + std::to_string(i) + " ";
    t.rows = {{{plain("1"), false}, {plain(long_cell), false}}, {{plain("2"), false}, {plain("ngắn"), false}}};
    d.body.push_back(t);
    const auto out = layout_document(d, font());
    REQUIRE(out.pages.size() >= 3);
    for (int i = 0; i < 1500; ++i) CHECK(pages_with(out, "từ" + std::to_string(i) + " ").size() +
                                            pages_with(out, "từ" + std::to_string(i)).size() >= 1);
    // The column titles are on every page the row spans.
    const auto titles = pages_with(out, "Nội dung");
    CHECK(titles.size() >= 3);
    CHECK(pages_with(out, "từ1499").back() == titles.back());
    check_inside(out);
}

TEST_CASE("A trích yếu too long for the header column fails naming /subject") {
    auto d = letter();
    d.subject.clear();
    for (int i = 0; i < 60; ++i) d.subject += "Về việc tổ chức hội nghị sơ kết công tác năm của các cấp công đoàn ";
    const auto e = error_of([&] { (void)layout_document(d, font()); });
    CHECK_THAT(e, Catch::Matches("<input>: /subject: the trích yếu needs [0-9]+ lines in the header column; at most 8 fit"));
    d.is_letter = false;
    d.kind = "BÁO CÁO";
    CHECK_THAT(error_of([&] { (void)layout_document(d, font()); }),
               Catch::Matches("<input>: /subject: the trích yếu needs [0-9]+ lines under the tên loại; at most 8 fit"));
}

TEST_CASE("The header cells, signature lines and appendix titles have maximum sizes, named in the error") {
    auto fails = [](const std::function<void(model::Document&)>& change) {
        auto d = letter();
        change(d);
        return error_of([&] { (void)layout_document(d, font()); });
    };
    std::string twelve;
    for (int i = 0; i < 12; ++i) twelve += "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI ";
    CHECK_THAT(fails([&](auto& d) { d.issuer.name = twelve; }),
               Catch::Matches("<input>: /issuer/name: the tên cơ quan ban hành needs [0-9]+ lines in the header column; at most 5 fit"));
    CHECK_THAT(fails([&](auto& d) { d.issuer.parent = twelve; }), Catch::StartsWith("<input>: /issuer/parent: "));
    CHECK_THAT(fails([&](auto& d) { d.symbol = "BC-" + std::string(40, 'X'); }),
               Catch::Matches("<input>: /symbol: the Số line is [0-9]+ mm wide; the left header column holds [0-9]+ mm on one line"));
    CHECK_THAT(fails([&](auto& d) { d.date_line.place = twelve; }), Catch::StartsWith("<input>: /place: the date line is "));
    CHECK_THAT(fails([&](auto& d) { d.signers.push_back(d.signers[0]); d.signers[1].title = twelve; }),
               Catch::Matches("<input>: /signers/1/title: the signer's title line needs [0-9]+ lines in the signature block; at most 3 fit"));
    CHECK_THAT(fails([&](auto& d) { d.signers[0].name = twelve; }), Catch::StartsWith("<input>: /signers/0/name: "));
    CHECK_THAT(fails([&](auto& d) { d.signers[0].authority = "TM. " + twelve; }),
               Catch::StartsWith("<input>: /signers/0/authority: "));
    CHECK_THAT(fails([&](auto& d) { d.appendices.push_back({"PHỤ LỤC I", twelve + twelve, false, {}}); }),
               Catch::StartsWith("<input>: /appendices/0/title: "));
    // Every mark at once still fits the left column under Số and V/v.
    auto d = letter();
    d.urgency = model::Urgency::thuong_khan;
    d.confidentiality = model::Confidentiality::tuyet_mat;
    d.draft = true;
    check_inside(layout_document(d, font()));
}

TEST_CASE("The page limit stops layout as soon as it is passed") {
    auto d = letter();
    for (int i = 0; i < 200; ++i) {
        d.body.push_back(model::PageBreak{});
        d.body.push_back(model::Paragraph{plain("Trang " + std::to_string(i)), {}});
    }
    LayoutOptions o;
    o.max_pages = 20;
    CHECK(error_of([&] { (void)layout_document(d, font(), o); }) ==
          "<input>: the document needs more pages than the limit of 20 (--max-pages)");
    o.max_pages = 201;
    CHECK(layout_document(d, font(), o).pages.size() == 201);
}
