// Vietnamese number formatting, numbers in words, ordinals and Roman numerals.
// Every expected string is written out by hand (Vietnamese usage, NĐ 30 examples).
#include "text/numbers.h"
#include "text/roman.h"
#include "text/words.h"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace vanban::text;

namespace {

Decimal num(std::string_view s) {
    const auto d = parse_decimal(s);
    REQUIRE(d.has_value());
    return *d;
}

struct Case {
    const char* in;
    const char* out;
};

}  // namespace

TEST_CASE("Decimal text is parsed as written, and ambiguous forms are refused") {
    CHECK(num("1234567.50") == Decimal{false, "1234567", "50"});
    CHECK(num(" -12.5 ") == Decimal{true, "12", "5"});
    CHECK(num("+3") == Decimal{false, "3", ""});
    CHECK(num("007") == Decimal{false, "7", ""});
    CHECK(num("-0.00") == Decimal{false, "0", "00"});  // minus zero is zero
    CHECK(num("0.50").to_string() == "0.50");
    for (const char* bad : {"", " ", "abc", "1,5", "1.234.567", "1 234", "1e3", "--1", ".5", "5.", "12a", "0x10", "١٢"}) {
        INFO(bad);
        CHECK_FALSE(parse_decimal(bad).has_value());
    }
}

TEST_CASE("Numbers, percentages and money are written the Vietnamese way") {
    const Case numbers[] = {
        {"0", "0"},
        {"7", "7"},
        {"999", "999"},
        {"1000", "1.000"},
        {"1234567", "1.234.567"},
        {"1234567.5", "1.234.567,5"},
        {"1234567.50", "1.234.567,50"},  // the decimals as written
        {"0.5", "0,5"},
        {"-1234.5", "-1.234,5"},
        {"1000000000000", "1.000.000.000.000"},
        // Beyond what a double holds exactly: no digit may change.
        {"12345678901234567890.25", "12.345.678.901.234.567.890,25"},
    };
    for (const auto& c : numbers) {
        INFO(c.in);
        CHECK(format_number(num(c.in)) == c.out);
    }
    CHECK(format_percent(num("12.5")) == "12,5%");
    CHECK(format_percent(num("100")) == "100%");
    CHECK(format_percent(num("0.25")) == "0,25%");
    CHECK(format_money(num("1250000")) == "1.250.000 đồng");
    CHECK(format_money(num("1250000.5")) == "1.250.000,5 đồng");
    CHECK(format_money(num("0")) == "0 đồng");
}

TEST_CASE("Numbers in words: ICU's reading, with linh by default") {
    const Case cases[] = {
        {"0", "không"},
        {"5", "năm"},
        {"10", "mười"},
        {"15", "mười lăm"},
        {"21", "hai mươi mốt"},
        {"24", "hai mươi tư"},
        {"25", "hai mươi lăm"},
        {"105", "một trăm linh năm"},
        {"1005000", "một triệu năm nghìn"},  // the everyday short reading
        {"1250000", "một triệu hai trăm năm mươi nghìn"},
        {"1000000000", "một tỷ"},
        {"1000000000000", "một nghìn tỷ"},
        {"1000000000000000", "một triệu tỷ"},
        {"-3", "âm ba"},
        {"12.5", "mười hai phẩy năm"},
        {"12.05", "mười hai phẩy không năm"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(number_in_words(num(c.in)) == c.out);
    }
    CHECK(number_in_words(num("105"), {.le = true}) == "một trăm lẻ năm");
    CHECK(number_in_words(num("1000"), {.ngan = true}) == "một ngàn");
    CHECK(number_in_words(num("21"), {.capitalize = true}) == "Hai mươi mốt");
    CHECK(number_in_words(num("999999999999999999")).rfind("chín trăm chín mươi chín triệu", 0) == 0);
    CHECK_THROWS_AS(number_in_words(num("1000000000000000000")), std::out_of_range);
}

TEST_CASE("Sums of money are read formally: every group after the first in full") {
    const Case cases[] = {
        {"0", "không"},
        {"5", "năm"},
        {"10", "mười"},
        {"15", "mười lăm"},
        {"21", "hai mươi mốt"},
        {"24", "hai mươi tư"},
        {"25", "hai mươi lăm"},
        {"105", "một trăm linh năm"},
        {"2009", "hai nghìn không trăm linh chín"},
        {"1005000", "một triệu không trăm linh năm nghìn"},
        {"1000005", "một triệu không trăm linh năm"},
        {"1250000", "một triệu hai trăm năm mươi nghìn"},
        {"1000000000", "một tỷ"},
        {"1000000010", "một tỷ không trăm mười"},
        {"1000010000", "một tỷ không trăm mười nghìn"},
        {"1234567891", "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt"},
        {"1000000000000", "một nghìn tỷ"},
        {"1005000000000", "một nghìn không trăm linh năm tỷ"},
        {"1000000000005", "một nghìn tỷ không trăm linh năm"},
        {"1000000000000000", "một triệu tỷ"},
        {"999999999999999999",
         "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ "
         "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"},
        {"-1005000", "âm một triệu không trăm linh năm nghìn"},
        {"1250000.5", "một triệu hai trăm năm mươi nghìn phẩy năm"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(formal_number_in_words(num(c.in)) == c.out);
    }
    CHECK(formal_number_in_words(num("1005000"), {.le = true, .ngan = true}) == "một triệu không trăm lẻ năm ngàn");
    CHECK_THROWS_AS(formal_number_in_words(num("1000000000000000000")), std::out_of_range);
}

TEST_CASE("Amounts in words: đồng, chẵn, the Bằng chữ line") {
    CHECK(amount_in_words(num("1250000")) == "Một triệu hai trăm năm mươi nghìn đồng chẵn");
    CHECK(amount_in_words(num("1250000.00")) == "Một triệu hai trăm năm mươi nghìn đồng chẵn");
    CHECK(amount_in_words(num("1250000.50")) == "Một triệu hai trăm năm mươi nghìn phẩy năm đồng");
    CHECK(amount_in_words(num("1005000")) == "Một triệu không trăm linh năm nghìn đồng chẵn");
    CHECK(amount_in_words(num("0")) == "Không đồng");
    CHECK(amount_in_words(num("105000"), {.le = true, .ngan = true, .capitalize = true}) ==
          "Một trăm lẻ năm ngàn đồng chẵn");
    CHECK(amount_in_words(num("15"), {.capitalize = false}) == "mười lăm đồng chẵn");
    CHECK(amount_line(num("1250000")) == "Bằng chữ: Một triệu hai trăm năm mươi nghìn đồng chẵn./.");
}

TEST_CASE("Ordinals in words and with Roman numerals") {
    const std::pair<long long, const char*> cases[] = {
        {1, "thứ nhất"}, {2, "thứ hai"}, {3, "thứ ba"}, {4, "thứ tư"}, {5, "thứ năm"},
        {10, "thứ mười"}, {14, "thứ mười bốn"}, {21, "thứ hai mươi mốt"}, {24, "thứ hai mươi tư"},
        {105, "thứ một trăm linh năm"},
    };
    for (const auto& [n, out] : cases) {
        INFO(n);
        CHECK(ordinal_in_words(n) == out);
    }
    CHECK(ordinal_in_words(105, {.le = true}) == "thứ một trăm lẻ năm");
    CHECK_FALSE(ordinal_in_words(0).has_value());
    CHECK_FALSE(ordinal_in_words(-1).has_value());
    CHECK(ordinal_roman(13) == "thứ XIII");
    CHECK_FALSE(ordinal_roman(0).has_value());
}

TEST_CASE("Roman numerals I to XX and beyond") {
    const char* first[] = {"I",   "II",   "III",   "IV",  "V",  "VI",  "VII",  "VIII",  "IX",  "X",
                           "XI",  "XII",  "XIII",  "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
    for (int n = 1; n <= 20; ++n) {
        INFO(n);
        CHECK(roman_numeral(n) == first[n - 1]);
    }
    CHECK(roman_numeral(40) == "XL");
    CHECK(roman_numeral(49) == "XLIX");
    CHECK(roman_numeral(90) == "XC");
    CHECK(roman_numeral(99) == "XCIX");
    CHECK(roman_numeral(400) == "CD");
    CHECK(roman_numeral(1994) == "MCMXCIV");
    CHECK(roman_numeral(2026) == "MMXXVI");
    CHECK(roman_numeral(3999) == "MMMCMXCIX");
    CHECK_FALSE(roman_numeral(0).has_value());
    CHECK_FALSE(roman_numeral(-4).has_value());
    CHECK_FALSE(roman_numeral(4000).has_value());
}

TEST_CASE("Number words are safe from several threads at once") {
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &wrong] {
            for (int i = 0; i < 200; ++i) {
                if (amount_in_words(Decimal{false, "1005000", ""}) != "Một triệu không trăm linh năm nghìn đồng chẵn") ++wrong[t];
                if (roman_numeral(14) != "XIV") ++wrong[t];
                if (format_number(Decimal{false, "1234567", "5"}) != "1.234.567,5") ++wrong[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(wrong == std::vector<int>(4, 0));
}
