// Vietnamese alphabetical order (ICU "vi"): the order units.md lists the 63 units in.
#include "report/collate.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

using vanban::report::fold;
using vanban::report::names_match;
using vanban::report::vi_sort_key;

namespace {
std::vector<std::string> sorted(std::vector<std::string> v) {
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return vi_sort_key(a) < vi_sort_key(b); });
    return v;
}
}  // namespace

TEST_CASE("a ă â, tones as a secondary key: Bạc Liêu < Bắc Giang < Bắc Kạn") {
    CHECK(sorted({"Bắc Kạn", "Bắc Giang", "Bạc Liêu"}) == std::vector<std::string>{"Bạc Liêu", "Bắc Giang", "Bắc Kạn"});
    CHECK(sorted({"Cần Thơ", "Cao Bằng", "Cà Mau"}) == std::vector<std::string>{"Cà Mau", "Cao Bằng", "Cần Thơ"});
}

TEST_CASE("Đ comes after every D, not among them") {
    CHECK(sorted({"Đà Nẵng", "Duyên Hải", "Dak", "Điện Biên", "Gia Lai"}) ==
          std::vector<std::string>{"Dak", "Duyên Hải", "Đà Nẵng", "Điện Biên", "Gia Lai"});
}

TEST_CASE("the 63 units of 2009 sort into units.md's order") {
    // units.md (b), in its order; "Hồ Chí Minh" files under H.
    const std::vector<std::string> expected = {
        "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
        "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
        "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
        "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
        "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
        "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
        "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
        "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái"};
    std::vector<std::string> names;
    for (const auto& u : report_test::campaign().units.units) names.push_back(u.name);
    REQUIRE(names.size() == 63);
    CHECK(sorted(names) == expected);
}

TEST_CASE("NFD spellings sort like NFC ones, on every thread") {
    const std::string nfc = "Bắc Kạn";
    const std::string nfd = "Ba\xCC\x86\xCC\x81" "c Ka\xCC\xA3n";  // a + breve + acute, a + dot below
    CHECK(vi_sort_key(nfc) == vi_sort_key(nfd));
    std::vector<std::string> keys(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < keys.size(); ++i) threads.emplace_back([&, i] { keys[i] = vi_sort_key("Đắk Lắk"); });
    for (auto& t : threads) t.join();
    for (const auto& k : keys) CHECK(k == vi_sort_key("Đắk Lắk"));
}

TEST_CASE("names match whatever the tone placement and case") {
    CHECK(fold("  Liên đoàn Lao động tỉnh  Thanh Hoá ") == "lien doan lao dong tinh thanh hoa");
    CHECK(names_match("Liên đoàn Lao động tỉnh Thanh Hoá", "Thanh Hóa"));
    CHECK(names_match("LĐLĐ tỉnh Đắk Lắk", "Đắk Lắk"));
    CHECK(names_match("Liên đoàn Lao động tỉnh Hà Nam", "Hà Nam"));
    CHECK_FALSE(names_match("Liên đoàn Lao động tỉnh Ninh Bình", "Bình Định"));
}
