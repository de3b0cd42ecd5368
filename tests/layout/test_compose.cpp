#include "fonts/font_set.h"
#include "layout/compose.h"

#include <catch2/catch.hpp>

using namespace vanban;
using namespace vanban::layout;

namespace {
const fonts::FontSet& font() { return *fonts::shared_font_set({}); }

std::string line_text(const Line& l) {
    std::string s;
    for (const auto& i : l.items) s += i.text;
    return s;
}
}  // namespace

TEST_CASE("Lines break only at spaces, never inside a document number or a date") {
    const std::string t = "Căn cứ Quyết định số 1234/QĐ-UBND ngày 30/12/2009 của Ủy ban nhân dân tỉnh về việc ban hành "
                          "Quy chế phối hợp 1234/QĐ-UBND 30/12/2009 1234/QĐ-UBND 30/12/2009";
    for (double width : {120.0, 150.0, 200.0, 250.0}) {
        const auto lines = compose(t, fonts::Style::regular, width, LineStyle{14, Align::justify, 0, 0}, font());
        REQUIRE(lines.size() > 1);
        std::string joined;
        for (const auto& l : lines) {
            const auto s = line_text(l);
            CHECK((s.find("1234/QĐ-UBND") != std::string::npos || s.find("1234/") == std::string::npos));
            CHECK((s.find("30/12/2009") != std::string::npos || s.find("30/12") == std::string::npos));
            joined += (joined.empty() ? "" : " ") + s;
        }
        CHECK(joined == t);
    }
}

TEST_CASE("Justified lines end exactly at the column's right edge; the last line does not") {
    const std::string t = "Để đánh giá kết quả thực hiện Nghị quyết số 20/NQ-TƯ, Hội nghị lần thứ 6, Ban Chấp hành "
                          "Trung ương Đảng khóa X về tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh.";
    const double width = 300;
    const auto lines = compose(t, fonts::Style::regular, width, LineStyle{14, Align::justify, 36, 0}, font());
    REQUIRE(lines.size() >= 3);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& last_item = lines[i].items.back();
        const double right = last_item.x + last_item.width;
        if (i + 1 < lines.size()) {
            CHECK(right == Approx(width).margin(0.01));
            CHECK(lines[i].items.front().word_spacing > 0);
        } else {
            CHECK(right < width - 1);
            CHECK(lines[i].items.front().word_spacing == 0);
        }
    }
    CHECK(lines[0].items.front().x == Approx(36));  // first-line indent
    CHECK(lines[1].items.front().x == Approx(0));
}

TEST_CASE("Justification widens spaces, it never letter-spaces: item width = natural + extra per space") {
    const auto lines = compose("một hai ba bốn năm sáu bảy tám chín mười mười một mười hai", fonts::Style::regular, 150,
                               LineStyle{14, Align::justify, 0, 0}, font());
    REQUIRE(lines.size() >= 2);
    const auto& it = lines[0].items.front();
    const double natural = font().width(fonts::Style::regular, it.text, 14);
    const auto spaces = static_cast<double>(std::count(it.text.begin(), it.text.end(), ' '));
    CHECK(it.width == Approx(natural + spaces * it.word_spacing));
}

TEST_CASE("Bold and italic spans become separate items that continue on the same line") {
    const std::vector<Run> runs{{"Hạn chót ", fonts::Style::regular}, {"trước ngày 10/02/2026", fonts::Style::bold},
                                {" nhé.", fonts::Style::italic}};
    const auto lines = compose(runs, 1000, LineStyle{14, Align::left, 0, 0}, font());
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].items.size() == 3);
    CHECK(lines[0].items[0].text == "Hạn chót ");
    CHECK(lines[0].items[1].style == fonts::Style::bold);
    CHECK(lines[0].items[1].x == Approx(lines[0].items[0].x + lines[0].items[0].width));
    // A space belongs to the word before it, so it takes that word's style.
    CHECK(lines[0].items[1].text == "trước ngày 10/02/2026 ");
    CHECK(lines[0].items[2].text == "nhé.");
}

TEST_CASE("A word wider than the line is cut between characters rather than overflowing") {
    const std::string url = "https://congdoan.vn/tin-tuc/huong-dan-to-chuc-thang-cong-nhan-nam-2026-rat-dai-qua-muc";
    const auto lines = compose(url, fonts::Style::regular, 120, LineStyle{14, Align::justify, 0, 0}, font());
    REQUIRE(lines.size() > 1);
    std::string joined;
    for (const auto& l : lines) {
        CHECK(l.items.back().x + l.items.back().width <= 120.01);
        joined += line_text(l);
    }
    CHECK(joined == url);
}
