// Date parts, case and collation. Expected strings written by hand.
#include "text/calendar.h"
#include "text/casing.h"
#include "text/collation.h"

#include <catch2/catch.hpp>

using namespace vanban::text;

TEST_CASE("Months, quarters and the NĐ 30 date phrase on edge dates") {
    CHECK(month_phrase(2026, 3) == "tháng 3 năm 2026");
    CHECK(month_phrase(2026, 2) == "tháng 2 năm 2026");
    CHECK(month_phrase(2009, 12) == "tháng 12 năm 2009");
    CHECK(quarter_phrase(2026, 1) == "Quý I năm 2026");
    CHECK(quarter_phrase(2026, 3) == "Quý I năm 2026");
    CHECK(quarter_phrase(2026, 4) == "Quý II năm 2026");
    CHECK(quarter_phrase(2026, 9) == "Quý III năm 2026");
    CHECK(quarter_phrase(2026, 10) == "Quý IV năm 2026");
    CHECK(quarter_phrase(2026, 12) == "Quý IV năm 2026");
    CHECK(date_phrase(Date{2026, 1, 1}) == "ngày 01 tháng 01 năm 2026");
    CHECK(date_phrase(Date{2024, 2, 29}) == "ngày 29 tháng 02 năm 2024");
    CHECK(date_phrase(Date{2026, 2, 5}) == "ngày 05 tháng 02 năm 2026");

    CHECK(parse_iso_date_or_month("2026-03") == Date{2026, 3, 0});
    CHECK(parse_iso_date_or_month("2026-03-15") == Date{2026, 3, 15});
    CHECK(parse_iso_date_or_month("2024-02-29") == Date{2024, 2, 29});
    for (const char* bad : {"2026-13", "2026-00", "2026-02-29", "2026-3", "03/2026", ""}) {
        INFO(bad);
        CHECK_FALSE(parse_iso_date_or_month(bad).has_value());
    }
}

TEST_CASE("Days of the week") {
    CHECK(weekday_name(Date{2026, 2, 1}) == "Chủ nhật");
    CHECK(weekday_name(Date{2026, 2, 2}) == "Thứ Hai");
    CHECK(weekday_name(Date{2026, 2, 3}) == "Thứ Ba");
    CHECK(weekday_name(Date{2009, 12, 30}) == "Thứ Tư");
    CHECK(weekday_name(Date{2026, 2, 5}) == "Thứ Năm");
    CHECK(weekday_name(Date{2026, 2, 6}) == "Thứ Sáu");
    CHECK(weekday_name(Date{2026, 2, 7}) == "Thứ Bảy");
    CHECK(weekday_name(Date{2026, 1, 1}) == "Thứ Năm");
    CHECK(weekday_name(Date{2024, 2, 29}) == "Thứ Năm");
    CHECK(weekday_name(Date{2000, 1, 1}) == "Thứ Bảy");
}

TEST_CASE("Title case and first-letter capitals with Vietnamese rules, NFC out") {
    CHECK(title_vi("ỦY BAN NHÂN DÂN tỉnh hà nội") == "Ủy Ban Nhân Dân Tỉnh Hà Nội");
    CHECK(title_vi("đắk lắk") == "Đắk Lắk");
    CHECK(title_vi("nguyễn văn a") == "Nguyễn Văn A");
    CHECK(title_vi("vie\u0302\u0323t nam") == "Việt Nam");  // NFD in, NFC out
    CHECK(capitalize_first_vi("một triệu đồng") == "Một triệu đồng");
    CHECK(capitalize_first_vi("đắk Lắk") == "Đắk Lắk");
    CHECK(capitalize_first_vi("“ủy ban”") == "“Ủy ban”");
    CHECK(capitalize_first_vi("") == "");
}

TEST_CASE("Vietnamese alphabetical order") {
    std::vector<std::string> provinces = {"Hà Nội", "An Giang", "Đà Nẵng", "Cần Thơ", "Bắc Ninh", "Cao Bằng", "Cà Mau",
                                          "Bạc Liêu", "Ư", "U", "Ơn", "Ôn", "On", "Huế", "Hồ Chí Minh", "Hải Phòng",
                                          "Hà Tĩnh", "Điện Biên", "Đắk Lắk"};
    sort_vi(provinces);
    const std::vector<std::string> expected = {"An Giang", "Bạc Liêu", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ",
                                               "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Hà Nội", "Hà Tĩnh", "Hải Phòng",
                                               "Hồ Chí Minh", "Huế", "On", "Ôn", "Ơn", "U", "Ư"};
    CHECK(provinces == expected);
    CHECK(compare_vi("Việt", "Vie\u0302\u0323t") == 0);  // NFC and NFD are the same word
    CHECK(compare_vi("Đà Nẵng", "Dung Quất") > 0);       // đ is a letter after d
    CHECK(compare_vi("a", "b") < 0);
}

TEST_CASE("Accent-insensitive matching and search keys") {
    CHECK(equal_folded("ha noi", "Hà Nội"));
    CHECK(equal_folded("dak lak", "Đắk Lắk"));
    CHECK(equal_folded("d", "đ"));
    CHECK_FALSE(equal_folded("Hà Nội", "Hà Tĩnh"));
    CHECK(search_key("  Hà   Nội ") == "ha noi");
    CHECK(search_key("Đắk Lắk") == "dak lak");
    CHECK(search_key("ỦY BAN NHÂN DÂN") == "uy ban nhan dan");
    CHECK(search_key("“Quý” – I") == "\"quy\" - i");
    CHECK(contains_folded("Ủy ban nhân dân thành phố Hà Nội", "ha noi"));
    CHECK(contains_folded("Đà Nẵng", "da nang"));
    CHECK(contains_folded("Đà Nẵng", "đa"));
    CHECK_FALSE(contains_folded("Hà Nội", "hue"));
}
