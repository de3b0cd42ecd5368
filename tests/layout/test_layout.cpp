#include "fonts/font_set.h"
#include "layout/layout.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace vanban;
using namespace vanban::layout;

namespace {

const fonts::FontSet& font() { return *fonts::shared_font_set({}); }

model::InlineText plain(std::string s) { return {model::Span{std::move(s), false, false}}; }

model::Document seed_like() {
    model::Document d;
    d.issuer.name = "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM";
    d.number = "1996";
    d.symbol = "TLĐ";
    d.date_line = {"Hà Nội", model::Date{2009, 12, 30}, 0};
    d.subject = "Sơ kết 2 năm thực hiện NQ 20";
    d.recipients = {"Các LĐLĐ tỉnh, thành phố", "Các Công đoàn ngành Trung ương", "Công đoàn Tổng công ty trực thuộc TLĐ"};
    d.body.push_back(model::Paragraph{plain("Để đánh giá kết quả thực hiện Nghị quyết số 20/NQ-TƯ, Hội nghị lần thứ 6, "
                                            "Ban Chấp hành Trung ương Đảng khóa X về tiếp tục xây dựng giai cấp công "
                                            "nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước."),
                                      {}});
    d.body.push_back(model::Paragraph{plain("Căn cứ nội dung công văn này, yêu cầu các cấp công đoàn triển khai."), {}});
    d.signers.push_back({"TM. ĐOÀN CHỦ TỊCH", "", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"});
    d.distribution.items = {"Như trên", "Thường trực ĐCT (để b/c)", "Lưu: VT, TG"};
    return d;
}

const TextItem* find_text(const Page& p, std::string_view starts) {
    for (const auto& t : p.texts) {
        if (t.text.rfind(starts, 0) == 0) return &t;
    }
    return nullptr;
}

const RuleItem* rule_below(const Page& p, const TextItem& t) {
    const RuleItem* best = nullptr;
    for (const auto& r : p.rules) {
        if (r.y1 > t.baseline && (!best || r.y1 < best->y1) && std::abs((r.x1 + r.x2) / 2 - (t.x + t.width / 2)) < 3) best = &r;
    }
    return best;
}

model::Document long_letter(int paragraphs) {
    auto d = seed_like();
    d.body.clear();
    for (int i = 0; i < paragraphs; ++i) {
        d.body.push_back(model::Paragraph{
            plain("Đoạn " + std::to_string(i + 1) +
                  ": các cấp công đoàn đẩy mạnh tuyên truyền bằng nhiều hình thức phong phú, đa dạng như treo băng "
                  "rôn, khẩu hiệu tại trụ sở cơ quan, doanh nghiệp, khu công nghiệp, khu chế xuất và nơi có đông "
                  "người lao động; tổ chức các buổi nói chuyện chuyên đề, đối thoại với người lao động."),
            {}});
    }
    return d;
}

}  // namespace

TEST_CASE("The Tiêu ngữ rule is exactly as long as the Tiêu ngữ and centred under it") {
    const auto out = layout_document(seed_like(), font());
    const auto& p = out.pages.front();
    const auto* motto = find_text(p, "Độc lập - Tự do - Hạnh phúc");
    REQUIRE(motto);
    const auto* rule = rule_below(p, *motto);
    REQUIRE(rule);
    CHECK(rule->x2 - rule->x1 == Approx(motto->width).margin(0.01));
    CHECK((rule->x1 + rule->x2) / 2 == Approx(motto->x + motto->width / 2).margin(0.01));
    const double below_mm = (rule->y1 - motto->baseline) * 25.4 / 72;
    CHECK(below_mm >= 0.5);
    CHECK(below_mm <= 4);
}

TEST_CASE("The issuing-body rule is between a third and a half of the longest name line, centred") {
    const auto out = layout_document(seed_like(), font());
    const auto& p = out.pages.front();
    const auto* name = find_text(p, "TỔNG LIÊN ĐOÀN LAO ĐỘNG");
    REQUIRE(name);
    const auto* rule = rule_below(p, *name);
    REQUIRE(rule);
    const double len = rule->x2 - rule->x1;
    CHECK(len >= name->width / 3);
    CHECK(len <= name->width / 2);
}

TEST_CASE("A long issuing name breaks before the place word, not in the middle of a phrase") {
    auto d = seed_like();
    d.issuer.parent = "TỔNG LĐLĐ VIỆT NAM";
    d.issuer.name = "Liên đoàn Lao động tỉnh Quảng Ngãi";
    const auto out = layout_document(d, font());
    const auto& p = out.pages.front();
    CHECK(find_text(p, "TỔNG LĐLĐ VIỆT NAM"));
    REQUIRE(find_text(p, "LIÊN ĐOÀN LAO ĐỘNG"));
    CHECK(find_text(p, "LIÊN ĐOÀN LAO ĐỘNG")->text == "LIÊN ĐOÀN LAO ĐỘNG");
    REQUIRE(find_text(p, "TỈNH QUẢNG NGÃI"));
    CHECK(find_text(p, "TỔNG LĐLĐ VIỆT NAM")->style == fonts::Style::regular);
    CHECK(find_text(p, "TỈNH QUẢNG NGÃI")->style == fonts::Style::bold);
}

TEST_CASE("Số and the date line share one baseline") {
    const auto out = layout_document(seed_like(), font());
    const auto& p = out.pages.front();
    const auto* so = find_text(p, "Số: 1996/TLĐ");
    const auto* date = find_text(p, "Hà Nội, ngày 30 tháng 12 năm 2009");
    REQUIRE(so);
    REQUIRE(date);
    CHECK(so->baseline == date->baseline);
    CHECK(date->style == fonts::Style::italic);
}

TEST_CASE("A number below 10 is zero-padded and a February date keeps its leading zero") {
    auto d = seed_like();
    d.number = "5";
    d.date_line.date = model::Date{2026, 2, 5};
    const auto out = layout_document(d, font());
    CHECK(find_text(out.pages.front(), "Số: 05/TLĐ"));
    CHECK(find_text(out.pages.front(), "Hà Nội, ngày 05 tháng 02 năm 2026"));
}

TEST_CASE("A wide date (Thành phố Hồ Chí Minh) stays on one line inside the right margin") {
    auto d = seed_like();
    d.date_line = {"Thành phố Hồ Chí Minh", model::Date{2026, 12, 29}, 0};
    const auto out = layout_document(d, font());
    const Profile prof;
    const auto* date = find_text(out.pages.front(), "Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2026");
    REQUIRE(date);
    CHECK(date->x + date->width <= prof.text_right() + 0.01);
    const auto* qh = find_text(out.pages.front(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    REQUIRE(qh);
    CHECK(std::abs((qh->x + qh->width / 2) - (date->x + date->width / 2)) < mm(1.5));
}

TEST_CASE("V/v is 12 pt upright, 6 pt below the Số line, centred under it") {
    const auto out = layout_document(seed_like(), font());
    const auto& p = out.pages.front();
    const auto* so = find_text(p, "Số:");
    const auto* vv = find_text(p, "V/v ");
    REQUIRE(so);
    REQUIRE(vv);
    CHECK(vv->size == 12);
    CHECK(vv->style == fonts::Style::regular);
    CHECK(std::abs((vv->x + vv->width / 2) - (so->x + so->width / 2)) < mm(1.5));
    const double so_bottom = so->baseline - font().ascent(fonts::Style::regular) * 13 / 1000 +
                             font().line_height(fonts::Style::regular) * 13 / 1000;
    const double vv_top = vv->baseline - font().ascent(fonts::Style::regular) * 12 / 1000;
    CHECK(vv_top - so_bottom == Approx(6).margin(0.01));
}

TEST_CASE("Several recipients are a dash list aligned after the colon, ';' after each and '.' after the last") {
    const auto out = layout_document(seed_like(), font());
    const auto& p = out.pages.front();
    const auto* label = find_text(p, "Kính gửi:");
    REQUIRE(label);
    CHECK(label->text == "Kính gửi:");
    std::vector<const TextItem*> dashes;
    for (const auto& t : p.texts) {
        if (t.text.rfind("- Các", 0) == 0 || t.text.rfind("- Công đoàn Tổng", 0) == 0) dashes.push_back(&t);
    }
    REQUIRE(dashes.size() == 3);
    CHECK(dashes[0]->text == "- Các LĐLĐ tỉnh, thành phố;");
    CHECK(dashes[2]->text == "- Công đoàn Tổng công ty trực thuộc TLĐ.");
    for (const auto* d : dashes) CHECK(d->x == Approx(dashes[0]->x));
    CHECK(dashes[0]->x > label->x + label->width);
}

TEST_CASE("One recipient is printed inline after Kính gửi") {
    auto d = seed_like();
    d.recipients = {"Bộ Nội vụ"};
    const auto out = layout_document(d, font());
    CHECK(find_text(out.pages.front(), "Kính gửi: Bộ Nội vụ."));
}

TEST_CASE("The body ends with ./. exactly once") {
    auto d = seed_like();
    auto out = layout_document(d, font());
    CHECK(find_text(out.pages.back(), "Căn cứ") != nullptr);
    bool found = false;
    for (const auto& pg : out.pages)
        for (const auto& t : pg.texts)
            if (t.text.find("triển khai./.") != std::string::npos) found = true;
    CHECK(found);
    std::get<model::Paragraph>(d.body.back()).text = plain("Đã có dấu kết thúc./.");
    out = layout_document(d, font());
    bool once = false;
    for (const auto& pg : out.pages)
        for (const auto& t : pg.texts)
            if (t.text.find("kết thúc./.") != std::string::npos && t.text.find("./../.") == std::string::npos) once = true;
    CHECK(once);
}

TEST_CASE("Page 1 has no page number; later pages are numbered in the top margin, centred") {
    const auto out = layout_document(long_letter(30), font());
    REQUIRE(out.pages.size() >= 3);
    const Profile prof;
    for (const auto& t : out.pages[0].texts) CHECK(t.baseline > prof.margin_top);
    for (std::size_t i = 1; i < out.pages.size(); ++i) {
        const auto* n = find_text(out.pages[i], std::to_string(i + 1));
        REQUIRE(n);
        CHECK(n->text == std::to_string(i + 1));
        CHECK(n->baseline < prof.margin_top);
        CHECK(n->x + n->width / 2 == Approx(prof.text_left() + prof.text_width() / 2).margin(0.01));
    }
}

TEST_CASE("No glyph leaves the text block (except the page number in the top margin)") {
    for (int n : {1, 12, 30}) {
        const auto out = layout_document(long_letter(n), font());
        const Profile prof;
        for (const auto& p : out.pages) {
            for (const auto& t : p.texts) {
                CHECK(t.x >= prof.text_left() - 0.01);
                CHECK(t.x + t.width <= prof.text_right() + 0.01);
                CHECK(t.baseline <= prof.text_bottom());
            }
        }
    }
}

TEST_CASE("Body paragraphs are justified to the right margin with a 1.27 cm first-line indent") {
    const auto out = layout_document(long_letter(3), font());
    const Profile prof;
    const auto& p = out.pages.front();
    int indented = 0, full = 0;
    for (const auto& t : p.texts) {
        if (t.text.rfind("Đoạn ", 0) == 0) {
            CHECK(t.x == Approx(prof.text_left() + mm(12.7)).margin(0.01));
            ++indented;
        }
        if (t.word_spacing > 0) {
            CHECK(t.x + t.width == Approx(prof.text_right()).margin(0.01));
            ++full;
        }
    }
    CHECK(indented == 3);
    CHECK(full >= 3);
}

TEST_CASE("Nơi nhận is level with the first signature line, 12 pt bold italic, items 11 pt") {
    const auto out = layout_document(seed_like(), font());
    const auto& p = out.pages.back();
    const auto* noi = find_text(p, "Nơi nhận:");
    const auto* tm = find_text(p, "TM. ĐOÀN CHỦ TỊCH");
    REQUIRE(noi);
    REQUIRE(tm);
    CHECK(noi->style == fonts::Style::bold_italic);
    CHECK(noi->size == 12);
    const double top_noi = noi->baseline - font().ascent(fonts::Style::regular) * 12 / 1000;
    const double top_tm = tm->baseline - font().ascent(fonts::Style::regular) * 14 / 1000;
    CHECK(std::abs(top_noi - top_tm) < mm(2));
    const auto* luu = find_text(p, "- Lưu:");
    REQUIRE(luu);
    CHECK(luu->text == "- Lưu: VT, TG.");
    CHECK(luu->size == 11);
    CHECK(find_text(p, "- Như trên;"));
    const Profile prof;
    CHECK(noi->x == Approx(prof.text_left()));
}

TEST_CASE("The signature block is upper-case bold with the name as written, in the right half") {
    const auto out = layout_document(seed_like(), font());
    const auto& p = out.pages.back();
    const auto* title = find_text(p, "PHÓ CHỦ TỊCH");
    const auto* name = find_text(p, "Nguyễn Văn A");
    REQUIRE(title);
    REQUIRE(name);
    CHECK(title->style == fonts::Style::bold);
    CHECK(name->style == fonts::Style::bold);
    const Profile prof;
    CHECK(name->x > prof.text_left() + prof.text_width() / 3);
    CHECK(name->baseline - title->baseline > mm(20));
}

TEST_CASE("The signature block is never alone on a page: body text always precedes it") {
    // Try every body length around a page boundary.
    for (int n = 8; n <= 20; ++n) {
        const auto out = layout_document(long_letter(n), font());
        const auto& last = out.pages.back();
        CHECK(find_text(last, "Nguyễn Văn A"));
        CHECK(find_text(last, "TM. ĐOÀN CHỦ TỊCH"));
        bool body_there = false;
        for (const auto& t : last.texts) {
            if (t.size == 14 && t.style == fonts::Style::regular && t.text.find("người lao động") != std::string::npos)
                body_there = true;
        }
        INFO("paragraphs: " << n << ", pages: " << out.pages.size());
        CHECK(body_there);
    }
}

TEST_CASE("Two signers of a joint letter stand side by side") {
    auto d = seed_like();
    d.signers = {{"TM. BAN THƯỜNG VỤ THÀNH ĐOÀN", "", "BÍ THƯ", "Ngô Minh Hải"},
                 {"TM. BAN THƯỜNG VỤ LĐLĐ", "", "CHỦ TỊCH", "Lê Văn Thành"}};
    const auto out = layout_document(d, font());
    const auto& p = out.pages.back();
    const auto* a = find_text(p, "Ngô Minh Hải");
    const auto* b = find_text(p, "Lê Văn Thành");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->baseline == Approx(b->baseline));
    CHECK(a->x + a->width < b->x);
}

TEST_CASE("An urgency mark is framed in red under the number") {
    auto d = seed_like();
    d.urgency = model::Urgency::thuong_khan;
    const auto out = layout_document(d, font());
    const auto& p = out.pages.front();
    const auto* mark = find_text(p, "THƯỢNG KHẨN");
    REQUIRE(mark);
    CHECK(mark->color.r > 0.5);
    REQUIRE(p.frames.size() == 1);
    CHECK(p.frames[0].width == Approx(mm(40)));
    CHECK(mark->x >= p.frames[0].x);
    CHECK(mark->x + mark->width <= p.frames[0].x + p.frames[0].width);
}

TEST_CASE("A document without a date leaves the clerk's gaps with the gap year") {
    auto d = seed_like();
    d.date_line.date.reset();
    d.number.clear();
    LayoutOptions o;
    o.gap_year = 2026;
    const auto out = layout_document(d, font(), o);
    CHECK(find_text(out.pages.front(), "Hà Nội, ngày    tháng    năm 2026"));
    CHECK(find_text(out.pages.front(), "Số:       /TLĐ"));
}

namespace {
model::Table big_table(int rows) {
    model::Table t;
    t.columns = {{plain("STT"), 0.5, model::Align::center}, {plain("Đơn vị"), 3, model::Align::left},
                 {plain("Số đoàn viên"), 1.5, model::Align::right}};
    for (int i = 0; i < rows; ++i) {
        t.rows.push_back({{plain(std::to_string(i + 1)), false},
                          {plain("Công đoàn cơ sở số " + std::to_string(i + 1)), false},
                          {plain(std::to_string(1000 + i) + ".5"), true}});
    }
    t.rows.push_back({{plain(""), false}, {plain("Tổng cộng"), false}, {plain("1234567.5"), true}});
    t.total_row = true;
    return t;
}
}  // namespace

TEST_CASE("A long table repeats its header row on every page and never splits a row") {
    auto d = seed_like();
    d.body = {model::Paragraph{plain("Số liệu:"), {}}, big_table(150)};
    const auto out = layout_document(d, font());
    REQUIRE(out.pages.size() >= 3);
    for (std::size_t i = 0; i < out.pages.size(); ++i) {
        bool has_rows = false;
        for (const auto& t : out.pages[i].texts) has_rows |= t.text.rfind("Công đoàn cơ sở số", 0) == 0;
        if (!has_rows) continue;
        INFO("page " << i + 1);
        const auto* header = find_text(out.pages[i], "Số đoàn viên");
        REQUIRE(header);
        CHECK(header->style == fonts::Style::bold);
        // The header sits above every row of the page.
        for (const auto& t : out.pages[i].texts)
            if (t.text.rfind("Công đoàn cơ sở số", 0) == 0) CHECK(t.baseline > header->baseline);
    }
}

TEST_CASE("Table numbers are right-aligned in the Vietnamese format and the total row is bold") {
    auto d = seed_like();
    d.body = {big_table(3)};
    const auto out = layout_document(d, font());
    const auto& p = out.pages.front();
    const auto* total = find_text(p, "1.234.567,5");
    REQUIRE(total);
    CHECK(total->style == fonts::Style::bold);
    const auto* first = find_text(p, "1.000,5");
    REQUIRE(first);
    CHECK(first->x + first->width == Approx(total->x + total->width).margin(0.01));
    const Profile prof;
    CHECK(total->x + total->width == Approx(prof.text_right() - prof.table_padding_x).margin(0.01));
}

TEST_CASE("Table cells wrap long text inside their column and the borders span the text width") {
    auto d = seed_like();
    auto t = big_table(1);
    t.rows[0][1].text = plain("Công đoàn cơ sở Công ty TNHH Samsung Electronics Việt Nam tại khu công nghiệp Yên Phong, tỉnh Bắc Ninh");
    d.body = {t};
    const auto out = layout_document(d, font());
    const Profile prof;
    const double cell_left = prof.text_left() + prof.text_width() * 0.5 / 5 + prof.table_padding_x;
    const double cell_right = prof.text_left() + prof.text_width() * 3.5 / 5 - prof.table_padding_x;
    int lines = 0;
    for (const auto& x : out.pages.front().texts) {
        if (x.size != prof.table_size || std::abs(x.x - cell_left) > 0.01) continue;
        ++lines;
        CHECK(x.x + x.width <= cell_right + 0.01);
    }
    CHECK(lines >= 3);  // "Đơn vị" is centred; the cell's own lines start at its left edge
    double min_x = 1e9, max_x = 0;
    for (const auto& r : out.pages.front().rules) {
        if (r.y1 != r.y2) continue;
        if (r.x2 - r.x1 > prof.text_width() - 1) {
            min_x = std::min(min_x, r.x1);
            max_x = std::max(max_x, r.x2);
        }
    }
    CHECK(min_x == Approx(prof.text_left()));
    CHECK(max_x == Approx(prof.text_right()));
}

TEST_CASE("An appendix starts a new page, may be landscape, and numbers its pages from 1 with none on its first") {
    auto d = long_letter(2);
    model::Appendix a;
    a.title = "Số liệu đoàn viên";
    a.landscape = true;
    a.body = {big_table(60)};
    d.appendices.push_back(a);
    const auto out = layout_document(d, font());
    // Find the appendix's first page.
    std::size_t first = out.pages.size();
    for (std::size_t i = 0; i < out.pages.size(); ++i)
        if (find_text(out.pages[i], "Phụ lục")) first = std::min(first, i);  // R8.1: one appendix, no number
    REQUIRE(first < out.pages.size());
    REQUIRE(first > 0);
    CHECK(find_text(out.pages[first - 1], "Nguyễn Văn A"));  // the signature ends the main text
    const auto& p = out.pages[first];
    CHECK(p.width > p.height);  // landscape
    CHECK(find_text(p, "SỐ LIỆU ĐOÀN VIÊN"));
    // R8.1: line 1 "Phụ lục" (one appendix: no number) in normal case, 14 pt bold, above the title.
    const auto* label = find_text(p, "Phụ lục");
    REQUIRE(label);
    CHECK(label->text == "Phụ lục");
    CHECK(label->style == fonts::Style::bold);
    CHECK(label->size == 14);
    CHECK(label->baseline < find_text(p, "SỐ LIỆU ĐOÀN VIÊN")->baseline);
    CHECK(find_text(p, "SỐ LIỆU ĐOÀN VIÊN")->size == 14);
    CHECK(find_text(p, "(Kèm theo Công văn số 1996/TLĐ ngày 30 tháng 12 năm 2009"));
    const Profile prof;
    for (const auto& t : p.texts) CHECK(t.baseline > prof.margin_top);  // no number on the appendix's first page
    REQUIRE(out.pages.size() > first + 1);
    const TextItem* two = nullptr;
    for (const auto& t : out.pages[first + 1].texts)
        if (t.baseline < prof.margin_top) two = &t;
    REQUIRE(two);
    CHECK(two->text == "2");
    CHECK(two->x + two->width / 2 == Approx(p.width / 2 + (prof.margin_left - prof.margin_right) / 2).margin(0.01));
}

TEST_CASE("Căn cứ lines are italic at the body indent, end with ';' and the last with '.'; Điều labels are bold") {
    auto d = seed_like();
    d.recipients.clear();
    d.kind = "QUYẾT ĐỊNH";
    d.is_letter = false;
    model::Preamble pre;
    pre.authority = "Đoàn Chủ tịch Tổng Liên đoàn";
    pre.bases = {plain("Căn cứ Luật Công đoàn."), plain("Căn cứ Điều lệ Công đoàn Việt Nam"), plain("Xét đề nghị của Ban Tuyên giáo;")};
    pre.enact = "QUYẾT ĐỊNH:";
    d.body.clear();
    d.body.push_back(pre);
    d.body.push_back(model::Article{1, {}, plain("Tặng Bằng khen."), {}});
    d.body.push_back(model::Article{2, plain("Hiệu lực thi hành"), plain("Quyết định có hiệu lực kể từ ngày ký."), {}});
    const auto out = layout_document(d, font());
    const Page& p = out.pages.at(0);
    const auto profile = Profile{};
    const TextItem* authority = find_text(p, "ĐOÀN CHỦ TỊCH TỔNG LIÊN ĐOÀN");
    REQUIRE(authority);
    CHECK(fonts::is_bold(authority->style));
    CHECK(std::abs(authority->x + authority->width / 2 - (profile.text_left() + profile.text_right()) / 2) < 0.5);
    const TextItem* b1 = find_text(p, "Căn cứ Luật Công đoàn");
    const TextItem* b3 = find_text(p, "Xét đề nghị");
    REQUIRE(b1);
    REQUIRE(b3);
    CHECK(b1->text == "Căn cứ Luật Công đoàn;");
    CHECK(b3->text == "Xét đề nghị của Ban Tuyên giáo.");
    CHECK(fonts::is_italic(b1->style));
    CHECK(std::abs(b1->x - (profile.text_left() + profile.first_line_indent)) < 0.01);
    const TextItem* enact = find_text(p, "QUYẾT ĐỊNH:");
    REQUIRE(enact);
    CHECK(enact->baseline > b3->baseline);
    const TextItem* l1 = find_text(p, "Điều 1.");
    REQUIRE(l1);
    CHECK(fonts::is_bold(l1->style));
    const TextItem* l2 = find_text(p, "Điều 2.");
    REQUIRE(l2);
    const TextItem* text2 = find_text(p, "Quyết định có hiệu lực");
    REQUIRE(text2);
    CHECK(text2->baseline > l2->baseline);  // a titled article's text is its own paragraph
    CHECK_FALSE(fonts::is_bold(text2->style));
    CHECK(text2->text.find("./.") != std::string::npos);  // the end mark follows the last article
}

TEST_CASE("Several appendices are numbered Phụ lục I, II, … by position; an appendix's own label wins") {
    auto d = seed_like();
    for (const char* label : {"", "", "5"}) {
        model::Appendix a;
        a.label = label;
        a.title = "Danh sách";
        a.body = {model::Paragraph{plain("Nội dung."), {}}};
        d.appendices.push_back(a);
    }
    const auto out = layout_document(d, font());
    std::vector<std::string> labels;
    for (const auto& page : out.pages) {
        for (const auto& t : page.texts) {
            if (t.text.rfind("Phụ lục", 0) == 0) labels.push_back(t.text);
        }
    }
    CHECK(labels == std::vector<std::string>{"Phụ lục I", "Phụ lục II", "Phụ lục 5"});
}
