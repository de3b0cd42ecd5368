// A printed book (model/book.h, the sổ đăng ký of Phụ lục IV): cover alone on page 1,
// the table from page 2 with its header on every page, landscape, nothing clipped.
#include "fonts/font_set.h"
#include "layout/book.h"

#include <catch2/catch.hpp>

#include <map>

using namespace vanban;
using namespace vanban::layout;

namespace {

model::InlineText plain(std::string s) { return {model::Span{std::move(s), false, false}}; }

model::Book book(int rows, const std::string& long_cell = "") {
    model::Book b;
    b.cover = {{"Tổng LĐLĐ Việt Nam", 13, false, true, 0}, {"SỔ ĐĂNG KÝ VĂN BẢN ĐI", 24, true, false, 96}};
    for (const char* title : {"Số, ký hiệu", "Trích yếu", "Ghi chú"})
        b.table.columns.push_back(model::TableColumn{plain(title), title[0] == 'T' ? 4.0 : 1.0, model::Align::left});
    b.table.column_numbers = true;
    for (int i = 1; i <= rows; ++i) {
        const std::string subject = i == 3 && !long_cell.empty() ? long_cell : "Sơ kết hoạt động đợt " + std::to_string(i);
        b.table.rows.push_back({{plain("R" + std::to_string(i) + "/TLĐ"), false}, {plain(subject), false}, {{}, false}});
    }
    return b;
}

}  // namespace

TEST_CASE("A book's cover is alone on page 1 and the table header repeats on every further landscape page") {
    const auto out = layout_book(book(150), *fonts::shared_font_set({}));
    REQUIRE(out.pages.size() >= 4);
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < out.pages.size(); ++i) {
        const auto& page = out.pages[i];
        INFO("page " << i + 1);
        CHECK(page.width > page.height);
        int headers = 0;
        for (const auto& t : page.texts) {
            if (t.text == "(1)") ++headers;
            if (t.text.rfind('R', 0) == 0) ++seen[t.text];
            // Inside the landscape text block (page numbers sit in the top margin).
            if (t.baseline > mm(20)) CHECK(t.baseline <= page.height - mm(20) + 0.01);
            CHECK(t.x + t.width <= page.width - mm(15) + 0.01);
        }
        CHECK(headers == (i == 0 ? 0 : 1));
    }
    CHECK(out.pages[0].texts.size() == 2);  // the cover's two lines and no page number
    REQUIRE(seen.size() == 150);            // every row once
    for (const auto& [text, count] : seen) CHECK(count == 1);
}

TEST_CASE("A book row taller than a page continues on the next page under the repeated header") {
    std::string words;
    for (int i = 0; i < 900; ++i) words += "chữ" + std::to_string(i) + " ";
    const auto out = layout_book(book(5, words), *fonts::shared_font_set({}));
    int found = 0, pages_with_row = 0;
    for (const auto& page : out.pages) {
        int here = 0;
        for (const auto& t : page.texts) {
            for (std::size_t at = t.text.find("chữ"); at != std::string::npos; at = t.text.find("chữ", at + 1)) ++here;
        }
        found += here;
        pages_with_row += here > 0;
    }
    CHECK(found == 900);  // every word printed once
    CHECK(pages_with_row >= 2);
}
