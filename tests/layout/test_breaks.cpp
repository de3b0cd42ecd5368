// Line breaks of names and titles (layout/breaks.h over text/phrases.h): real unit names
// from ../shared/spec/units.md and trade-union bodies, in the header's left column at
// the issuing name's size, with the breaks a Vietnamese reader expects — never between
// the syllables of one word ("GIAO / THÔNG"), preferably before a place word (§10 step 3).
#include "fonts/font_set.h"
#include "layout/breaks.h"
#include "layout/layout.h"
#include "text/phrases.h"
#include "text/text.h"

#include <catch2/catch.hpp>

using namespace vanban;
using namespace vanban::layout;

namespace {

const fonts::FontSet& font() { return *fonts::shared_font_set({}); }

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : " / ") + l;
    return out;
}

// The header's left column as the header lays it out for a Hà Nội date, less padding.
double issuer_width() {
    model::Document d;
    d.issuer.name = "X";
    d.symbol = "TLĐ";
    d.date_line = {"Hà Nội", model::Date{2026, 3, 5}, 0};
    const Profile p;
    const auto g = header_geometry(d, font(), p, 2026);
    return g.left_width - 2 * p.cell_padding;
}

struct Case {
    const char* name;
    const char* expected;  // lines joined with " / "
};

}  // namespace

// Expected breaks, judged by reading: each line is whole words and, where the name must
// break, the break falls before the place or country ("TỈNH …", "THÀNH PHỐ …", "VIỆT NAM")
// or between two phrases.
const Case kIssuers[] = {
    {"TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "TỔNG LIÊN ĐOÀN LAO ĐỘNG / VIỆT NAM"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH QUẢNG NGÃI"},
    {"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH", "LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HỒ CHÍ MINH"},
    {"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI", "LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HÀ NỘI"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH BÀ RỊA - VŨNG TÀU", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH BÀ RỊA - VŨNG TÀU"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH THỪA THIÊN HUẾ", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH THỪA THIÊN HUẾ"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐẮK LẮK", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH ĐẮK LẮK"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH KHÁNH HÒA", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH KHÁNH HÒA"},
    {"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ CẦN THƠ", "LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ CẦN THƠ"},
    {"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG", "LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ ĐÀ NẴNG"},
    {"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG", "LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HẢI PHÒNG"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH TUYÊN QUANG", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH TUYÊN QUANG"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI NGUYÊN", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH THÁI NGUYÊN"},
    {"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐỒNG NAI", "LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ ĐỒNG NAI"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH LÂM ĐỒNG", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH LÂM ĐỒNG"},
    {"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HUẾ", "LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HUẾ"},
    {"LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN", "LIÊN ĐOÀN LAO ĐỘNG / TỈNH NGHỆ AN"},
    {"CÔNG ĐOÀN NÔNG NGHIỆP VÀ MÔI TRƯỜNG VIỆT NAM", "CÔNG ĐOÀN NÔNG NGHIỆP / VÀ MÔI TRƯỜNG VIỆT NAM"},
    {"CÔNG ĐOÀN XÂY DỰNG VIỆT NAM", "CÔNG ĐOÀN XÂY DỰNG / VIỆT NAM"},
    {"CÔNG ĐOÀN KHOA HỌC VÀ CÔNG NGHỆ VIỆT NAM", "CÔNG ĐOÀN KHOA HỌC / VÀ CÔNG NGHỆ VIỆT NAM"},
    {"CÔNG ĐOÀN GIÁO DỤC VIỆT NAM", "CÔNG ĐOÀN GIÁO DỤC / VIỆT NAM"},
    {"CÔNG ĐOÀN Y TẾ VIỆT NAM", "CÔNG ĐOÀN Y TẾ VIỆT NAM"},
    {"CÔNG ĐOÀN CÔNG THƯƠNG VIỆT NAM", "CÔNG ĐOÀN CÔNG THƯƠNG / VIỆT NAM"},
    {"CÔNG ĐOÀN GIAO THÔNG VẬN TẢI VIỆT NAM", "CÔNG ĐOÀN / GIAO THÔNG VẬN TẢI / VIỆT NAM"},
    {"CÔNG ĐOÀN NGÀNH GIAO THÔNG VẬN TẢI VIỆT NAM", "CÔNG ĐOÀN NGÀNH / GIAO THÔNG VẬN TẢI / VIỆT NAM"},
    {"CÔNG ĐOÀN NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN VIỆT NAM", "CÔNG ĐOÀN NÔNG NGHIỆP / VÀ PHÁT TRIỂN NÔNG THÔN / VIỆT NAM"},
    {"CÔNG ĐOÀN NGÂN HÀNG VIỆT NAM", "CÔNG ĐOÀN NGÂN HÀNG / VIỆT NAM"},
    {"CÔNG ĐOÀN THÔNG TIN VÀ TRUYỀN THÔNG VIỆT NAM", "CÔNG ĐOÀN THÔNG TIN VÀ / TRUYỀN THÔNG VIỆT NAM"},
    {"CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM", "CÔNG ĐOÀN VIÊN CHỨC / VIỆT NAM"},
    {"CÔNG ĐOÀN CÔNG AN NHÂN DÂN", "CÔNG ĐOÀN / CÔNG AN NHÂN DÂN"},
    {"CÔNG ĐOÀN DẦU KHÍ VIỆT NAM", "CÔNG ĐOÀN DẦU KHÍ / VIỆT NAM"},
    {"CÔNG ĐOÀN ĐIỆN LỰC VIỆT NAM", "CÔNG ĐOÀN ĐIỆN LỰC / VIỆT NAM"},
    {"CÔNG ĐOÀN THAN - KHOÁNG SẢN VIỆT NAM", "CÔNG ĐOÀN / THAN - KHOÁNG SẢN / VIỆT NAM"},
    {"CÔNG ĐOÀN DỆT MAY VIỆT NAM", "CÔNG ĐOÀN DỆT MAY / VIỆT NAM"},
    {"CÔNG ĐOÀN ĐƯỜNG SẮT VIỆT NAM", "CÔNG ĐOÀN ĐƯỜNG SẮT / VIỆT NAM"},
    {"CÔNG ĐOÀN HÀNG KHÔNG VIỆT NAM", "CÔNG ĐOÀN HÀNG KHÔNG / VIỆT NAM"},
    {"CÔNG ĐOÀN TỔNG CÔNG TY HÀNG HẢI VIỆT NAM", "CÔNG ĐOÀN TỔNG CÔNG TY / HÀNG HẢI VIỆT NAM"},
    {"CÔNG ĐOÀN BƯU CHÍNH VIỄN THÔNG VIỆT NAM", "CÔNG ĐOÀN BƯU CHÍNH / VIỄN THÔNG VIỆT NAM"},
    {"CÔNG ĐOÀN TỔNG CÔNG TY QUẢN LÝ BAY VIỆT NAM", "CÔNG ĐOÀN TỔNG CÔNG TY / QUẢN LÝ BAY VIỆT NAM"},
    {"CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BẮC NINH", "CÔNG ĐOÀN CÁC / KHU CÔNG NGHIỆP / TỈNH BẮC NINH"},
    {"ĐẠI HỘI ĐẠI BIỂU CÔNG ĐOÀN TỈNH NGHỆ AN LẦN THỨ XVIII", "ĐẠI HỘI ĐẠI BIỂU / CÔNG ĐOÀN TỈNH NGHỆ AN / LẦN THỨ XVIII"},
};

TEST_CASE("Issuing names from units.md break between words, before the place, never between two syllables of one word") {
    const double width = issuer_width();
    const Profile p;
    int mismatches = 0;
    for (const auto& c : kIssuers) {
        const auto lines = phrase_lines(c.name, fonts::Style::bold, p.issuer_size, width, font());
        const std::string got = joined(lines);
        if (got != c.expected) ++mismatches;
        INFO(c.name);
        CHECK(got == c.expected);
        for (const auto& l : lines) CHECK(font().width(fonts::Style::bold, l, p.issuer_size) <= width + 1e-6);
    }
    CHECK(std::size(kIssuers) >= 30);
    CHECK(mismatches == 0);
}

// How many of `lines`' breaks fall between two syllables of one word.
int breaks_inside_words(const std::vector<std::string>& lines) {
    std::vector<std::string> words;
    std::vector<std::size_t> starts;  // the word index each line after the first starts at
    for (const auto& l : lines) {
        if (!words.empty()) starts.push_back(words.size());
        for (auto& w : text::split_spaces(l)) words.push_back(std::move(w));
    }
    const auto kinds = text::break_kinds(words);
    int n = 0;
    for (const auto at : starts) n += kinds[at] == text::BreakKind::inside_word ? 1 : 0;
    return n;
}

TEST_CASE("Body headings fill their lines and break between words, never between two syllables of one word") {
    // R5.4: left-aligned at the body's size and first-line indent, over the text width. The
    // same heading behind 0 … 24 words of lead-in moves every break point along it, so a
    // greedy breaker (compose) lands inside a word for some; heading_lines never does, and
    // takes at most one line more.
    const Profile p;
    const std::string lead = "Đánh giá việc tổ chức các hoạt động của công đoàn cơ sở trong năm và ";
    const std::string tail = "kết quả sơ kết hai năm thực hiện nghị quyết của Ban Chấp hành về tiếp tục xây dựng giai "
                             "cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước";
    const auto lead_words = text::split_spaces(lead);
    int greedy_inside = 0;
    for (std::size_t k = 0; k <= lead_words.size(); ++k) {
        std::string heading = "II.";
        for (std::size_t i = 0; i < k; ++i) heading += " " + lead_words[i];
        heading += " " + tail;
        for (const auto style : {fonts::Style::bold, fonts::Style::regular}) {
            const std::string t = style == fonts::Style::bold ? text::upper_vi(heading) : heading;
            INFO(t);
            const auto lines = heading_lines(t, style, p.body_size, p.text_width(), p.first_line_indent, font());
            std::vector<std::string> greedy;
            for (const auto& l : compose(t, style, p.text_width(), LineStyle{p.body_size, Align::left, p.first_line_indent, 0},
                                         font())) {
                std::string s;
                for (const auto& item : l.items) s += item.text;
                greedy.push_back(s);
            }
            INFO(joined(lines));
            CHECK(breaks_inside_words(lines) == 0);
            CHECK(lines.size() <= greedy.size() + 1);
            CHECK(joined(lines) != "");
            greedy_inside += breaks_inside_words(greedy);
            // Every line fits, the first after the indent; none but the last is less than 2/3 full.
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const double room = p.text_width() - (i == 0 ? p.first_line_indent : 0);
                const double w = font().width(style, lines[i], p.body_size);
                CHECK(w <= room + 1e-6);
                if (i + 1 < lines.size()) CHECK(w >= 2.0 / 3 * room);
            }
        }
    }
    CHECK(greedy_inside > 0);  // the cases do exercise the word list
}
