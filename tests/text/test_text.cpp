#include "text/text.h"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace vanban::text;

namespace {

// Bytes shown as hex, so a failing UTF-8 comparison is readable.
std::string hex(std::string_view s) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (const char ch : s) {
        const auto b = static_cast<unsigned char>(ch);
        if (!out.empty()) out += ' ';
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::string clean(std::string_view s, bool keep_newlines = false) {
    std::optional<TextProblem> problem;
    auto out = clean_text(s, CleanOptions{keep_newlines}, problem);
    if (problem) FAIL("unexpected problem: " << problem->message << " at " << problem->offset);
    return out;
}

std::string spans(const std::vector<Span>& v) {
    std::string out;
    for (const auto& s : v) out += std::string("[") + (s.bold ? "b" : "") + (s.italic ? "i" : "") + ":" + s.text + "]";
    return out;
}

}  // namespace

// --- UTF-8 -----------------------------------------------------------------------

TEST_CASE("Well-formed UTF-8 up to U+10FFFF is accepted") {
    const std::string input = GENERATE(as<std::string>{},
        "", "abc", "Việt Nam", "中文", "\xC2\x80" /* U+0080 */, "\xDF\xBF" /* U+07FF */,
        "\xE0\xA0\x80" /* U+0800 */, "\xED\x9F\xBF" /* U+D7FF */, "\xEE\x80\x80" /* U+E000 */,
        "\xEF\xBF\xBD" /* U+FFFD */, "\xF0\x90\x80\x80" /* U+10000 */, "\xF0\x9F\x98\x80" /* U+1F600 */,
        "\xF4\x8F\xBF\xBF" /* U+10FFFF */);
    CAPTURE(hex(input));
    CHECK(find_invalid_utf8(input) == std::nullopt);
}

TEST_CASE("Ill-formed UTF-8 is reported at the byte offset where the bad sequence starts") {
    const auto [input, offset] = GENERATE(table<std::string, std::size_t>({
        {"\x80", 0},                       // stray continuation byte
        {"ab\xBF", 2},                     // stray continuation byte after ASCII
        {"\xC0\xAF", 0},                   // overlong '/'
        {"\xC1\xBF", 0},                   // overlong U+007F
        {"x\xE0\x80\xAF", 1},              // overlong 3-byte '/'
        {"\xE0\x9F\xBF", 0},               // overlong U+07FF
        {"\xF0\x8F\xBF\xBF", 0},           // overlong U+FFFF
        {"ok\xED\xA0\x80", 2},             // surrogate U+D800
        {"\xED\xBF\xBF", 0},               // surrogate U+DFFF
        {"\xF4\x90\x80\x80", 0},           // U+110000
        {"\xF5\x80\x80\x80", 0},           // lead byte beyond U+10FFFF
        {"a\xFF", 1},
        {"\xFE", 0},
        {"Vi\xE1\xBB", 2},                 // truncated ệ at the end
        {"Vi\xE1\xBB" "t", 2},             // truncated ệ before more text
        {"Việt\xC3", 6},                   // 'ệ' is 3 bytes, so the lone lead byte is at 6
        {"\xC3" "A", 0},                   // lead byte followed by ASCII
        {"a\xF0\x9F\x98", 1},              // truncated 4-byte sequence
        {"\xE1\xBB\x87\xE1\xBB", 3},       // a good ệ, then a truncated one
    }));
    CAPTURE(hex(input));
    CHECK(find_invalid_utf8(input) == std::optional<std::size_t>(offset));
}

TEST_CASE("UTF-8 decodes to code points and encodes back") {
    CHECK(to_u32("Việt") == std::u32string{U'V', U'i', 0x1EC7, U't'});
    CHECK(to_u32("A\xF0\x9F\x98\x80") == std::u32string{0x41, 0x1F600});
    CHECK(to_u32("") == std::u32string{});
    CHECK(to_utf8(std::u32string_view(U"Tổng Liên đoàn")) == "Tổng Liên đoàn");
    const std::string sample = "Đắk Lắk — 中文 😀 \xF4\x8F\xBF\xBF";
    CHECK(to_utf8(to_u32(sample)) == sample);
}

TEST_CASE("Each ill-formed byte decodes to one U+FFFD when the precondition is broken") {
    CHECK(to_u32("a\xFF" "b") == std::u32string{U'a', 0xFFFD, U'b'});
    CHECK(to_u32("\xE1\xBB") == std::u32string{0xFFFD, 0xFFFD});
}

TEST_CASE("A code point encodes to the shortest UTF-8 form at every length boundary") {
    const auto [c, bytes] = GENERATE(table<char32_t, std::string>({
        {0x41, "A"},
        {0x7F, "\x7F"},
        {0xE9, "\xC3\xA9"},
        {0x7FF, "\xDF\xBF"},
        {0x800, "\xE0\xA0\x80"},
        {0x1EC7, "\xE1\xBB\x87"},
        {0xFFFF, "\xEF\xBF\xBF"},
        {0x10000, "\xF0\x90\x80\x80"},
        {0x1F600, "\xF0\x9F\x98\x80"},
        {0x10FFFF, "\xF4\x8F\xBF\xBF"},
    }));
    CAPTURE(static_cast<unsigned>(c));
    CHECK(hex(to_utf8(c)) == hex(bytes));
}

TEST_CASE("Surrogates and values above U+10FFFF encode as U+FFFD so the output stays valid") {
    const char32_t c = GENERATE(char32_t{0xD800}, char32_t{0xDFFF}, char32_t{0x110000}, char32_t{0xFFFFFFFF});
    CAPTURE(static_cast<unsigned>(c));
    CHECK(hex(to_utf8(c)) == "EF BF BD");
    CHECK(hex(to_utf8(std::u32string{U'a', c})) == "61 EF BF BD");
}

TEST_CASE("A character in a message is named by code point, and quoted only when it is visible") {
    const auto [c, expected] = GENERATE(table<char32_t, std::string>({
        {0x4E2D, "U+4E2D '中'"},
        {0x41, "U+0041 'A'"},
        {0x1EC7, "U+1EC7 'ệ'"},
        {0x20, "U+0020 ' '"},
        {0x1F600, "U+1F600 '😀'"},
        {0x07, "U+0007"},       // Cc
        {0x7F, "U+007F"},       // Cc
        {0x9F, "U+009F"},       // Cc (C1)
        {0xA0, "U+00A0"},       // Zs other than space
        {0x2003, "U+2003"},     // Zs
        {0x2028, "U+2028"},     // Zl
        {0x2029, "U+2029"},     // Zp
        {0x200B, "U+200B"},     // Cf
        {0xAD, "U+00AD"},       // Cf soft hyphen
        {0xFEFF, "U+FEFF"},     // Cf
        {0x301, "U+0301"},      // Mn alone
        {0x903, "U+0903"},      // Mc alone
        {0x20DD, "U+20DD"},     // Me alone
        {0xE000, "U+E000"},     // private use
        {0xFFFE, "U+FFFE"},     // noncharacter
        {0xD800, "U+D800"},     // surrogate
        {0x110000, "U+110000"}, // not a code point
    }));
    CHECK(describe(c) == expected);
}

// --- normalisation -----------------------------------------------------------------

TEST_CASE("Decomposed Vietnamese is composed to NFC whatever the order of the marks") {
    const auto [input, expected] = GENERATE(table<std::string, std::string>({
        {"Vie\u0302\u0323t", "Vi\u1EC7t"},
        {"Vie\u0323\u0302t", "Vi\u1EC7t"},
        {"Tie\u0302\u0301ng Vie\u0323\u0302t", "Ti\u1EBFng Vi\u1EC7t"},
        {"D\u0111a\u0306\u0301k", "D\u0111\u1EAFk"},
        {"hoa\u0300", "ho\u00E0"},
        {"\u212B", "\u00C5"},  // Ångström sign: a singleton, not a composition
        {"\u2126", "\u03A9"},  // Ohm sign
        {"Việt Nam", "Việt Nam"},
        {"plain ASCII", "plain ASCII"},
        {"", ""},
    }));
    CAPTURE(hex(input));
    CHECK(hex(to_nfc(input)) == hex(expected));
    CHECK(is_nfc(to_nfc(input)));
}

TEST_CASE("NFC does not move a tone mark between vowels") {
    CHECK(to_nfc("ho\u0300a") == "h\u00F2a");
    CHECK(to_nfc("ho\u0300a") != to_nfc("hoa\u0300"));
}

TEST_CASE("is_nfc tells composed text from decomposed text") {
    CHECK(is_nfc(""));
    CHECK(is_nfc("abc"));
    CHECK(is_nfc("Cộng hòa xã hội chủ nghĩa Việt Nam"));
    CHECK_FALSE(is_nfc("Vie\u0302\u0323t"));
    CHECK_FALSE(is_nfc("e\u0301"));
    CHECK_FALSE(is_nfc("\u212B"));
}

TEST_CASE("to_nfc copies an ill-formed byte through unchanged") {
    CHECK(hex(to_nfc("e\u0302\xFF")) == "C3 AA FF");
}

// --- clean_text --------------------------------------------------------------------

TEST_CASE("Tabs become spaces and every line break becomes one space unless newlines are kept") {
    const auto [input, keep, expected] = GENERATE(table<std::string, bool, std::string>({
        {"a\tb", false, "a b"},
        {"a\tb", true, "a b"},
        {"a\t\tb", false, "a  b"},
        {"a\nb", false, "a b"},
        {"a\nb", true, "a\nb"},
        {"a\r\nb", false, "a b"},
        {"a\r\nb", true, "a\nb"},
        {"a\rb", false, "a b"},
        {"a\rb", true, "a\nb"},
        {"a\r\n\r\nb", false, "a  b"},
        {"a\r\n\r\nb", true, "a\n\nb"},
        {"a\r\r\nb", true, "a\n\nb"},
        {"a\n\rb", true, "a\n\nb"},  // LF CR is two breaks, not one
        {"a\r", true, "a\n"},
        {"\r\na", true, "\na"},
        {"  x  ", false, "  x  "},  // nothing is trimmed or collapsed
        {"", false, ""},
    }));
    CAPTURE(hex(input), keep);
    CHECK(hex(clean(input, keep)) == hex(expected));
}

TEST_CASE("Cleaned text is NFC and keeps no-break spaces") {
    CHECK(clean("Vie\u0302\u0323t\tNam") == "Vi\u1EC7t Nam");
    CHECK(clean("Tie\u0302\u0301ng\r\nVie\u0323\u0302t", true) == "Ti\u1EBFng\nVi\u1EC7t");
    CHECK(clean("Số:\u00A005") == "Số:\u00A005");
    CHECK(clean("Tổng Liên đoàn Lao động Việt Nam") == "Tổng Liên đoàn Lao động Việt Nam");
}

TEST_CASE("Control characters, noncharacters and invalid UTF-8 are refused at their input byte offset") {
    const auto [input, offset, message] = GENERATE(table<std::string, std::size_t, std::string>({
        {"a\x07" "b", 1, "control character U+0007 is not allowed"},
        {std::string("a\0b", 3), 1, "control character U+0000 is not allowed"},
        {"\x1B[0m", 0, "control character U+001B is not allowed"},
        {"\x1F", 0, "control character U+001F is not allowed"},
        {"\x0B", 0, "control character U+000B is not allowed"},  // vertical tab is not a tab
        {"\x0C", 0, "control character U+000C is not allowed"},  // form feed
        {"x\x7F", 1, "control character U+007F is not allowed"},
        {"Việt\xC2\x85", 6, "control character U+0085 is not allowed"},  // NEL is not a newline
        {"\xC2\x80", 0, "control character U+0080 is not allowed"},
        {"\xC2\x9F", 0, "control character U+009F is not allowed"},
        {"ab\xEF\xBF\xBE", 2, "noncharacter U+FFFE is not allowed"},
        {"\xEF\xBF\xBF", 0, "noncharacter U+FFFF is not allowed"},
        {"Vi\xC3", 2, "invalid UTF-8 byte 0xC3"},
        {"\xED\xA0\x80", 0, "invalid UTF-8 byte 0xED"},
        {"\xC0\xAF", 0, "invalid UTF-8 byte 0xC0"},
        {"ok\x80", 2, "invalid UTF-8 byte 0x80"},
        {"\xF4\x90\x80\x80", 0, "invalid UTF-8 byte 0xF4"},
        // Offsets count input bytes, not bytes of the cleaned output: CR LF is two bytes
        // in, one out; "e" + U+0301 is three bytes in, two after NFC.
        {"a\r\nb\x01", 4, "control character U+0001 is not allowed"},
        {"e\u0301\x02", 3, "control character U+0002 is not allowed"},
        {"\t\xFF", 1, "invalid UTF-8 byte 0xFF"},
        // Only the first problem is reported.
        {"\x01\xFF", 0, "control character U+0001 is not allowed"},
        {"\xFF\x01", 0, "invalid UTF-8 byte 0xFF"},
    }));
    CAPTURE(hex(input));
    std::optional<TextProblem> problem;
    const auto out = clean_text(input, CleanOptions{true}, problem);
    REQUIRE(problem);
    CHECK(problem->message == message);
    CHECK(problem->offset == offset);
    CHECK(out.empty());
}

TEST_CASE("A clean string clears a problem left over from an earlier call") {
    std::optional<TextProblem> problem = TextProblem{"old", 7};
    CHECK(clean_text("Việt", CleanOptions{}, problem) == "Việt");
    CHECK_FALSE(problem);
}

// --- case ------------------------------------------------------------------------------

TEST_CASE("Vietnamese text upper-cases with every mark kept, as NFC") {
    const auto [input, expected] = GENERATE(table<std::string, std::string>({
        {"Tổng Liên đoàn Lao động Việt Nam", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"},
        {"Liên đoàn Lao động tỉnh Quảng Ngãi", "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI"},
        {"cộng hòa xã hội chủ nghĩa", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"},
        {"đ ơ ư ă â ê ô", "Đ Ơ Ư Ă Â Ê Ô"},
        {"ỷ ữ ặ ẫ ế", "Ỷ Ữ Ặ Ẫ Ế"},
        {"Vie\u0302\u0323t Nam", "VI\u1EC6T NAM"},
        {"To\u0302\u0309ng Lie\u0302n \u0111oa\u0300n", "T\u1ED4NG LI\u00CAN \u0110O\u00C0N"},
        {"kt. chủ tịch", "KT. CHỦ TỊCH"},
        {"i", "I"},  // not the Turkish dotted İ
        {"straße", "STRASSE"},
        {"abc-123/QĐ", "ABC-123/QĐ"},
        {"CỘNG HÒA", "CỘNG HÒA"},
        {"", ""},
    }));
    CAPTURE(hex(input));
    const auto out = upper_vi(input);
    CHECK(hex(out) == hex(expected));
    CHECK(is_nfc(out));
}

TEST_CASE("Upper-casing decomposed input gives the composed code points") {
    // "VIỆT" in NFC is V, I, U+1EC6, T: 6 bytes; the NFD form would be 8.
    CHECK(upper_vi("vie\u0302\u0323t").size() == 6);
    CHECK(to_u32(upper_vi("vie\u0302\u0323t")) == std::u32string{U'V', U'I', 0x1EC6, U'T'});
}

TEST_CASE("Vietnamese text lower-cases with every mark kept, as NFC") {
    const auto [input, expected] = GENERATE(table<std::string, std::string>({
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cộng hòa xã hội chủ nghĩa việt nam"},
        {"ĐẮK LẮK", "đắk lắk"},
        {"VIE\u0302\u0323T", "vi\u1EC7t"},
        {"I", "i"},  // not the Turkish dotless ı
        {"ABC-123", "abc-123"},
        {"", ""},
    }));
    CAPTURE(hex(input));
    CHECK(hex(lower_vi(input)) == hex(expected));
}

TEST_CASE("Case mapping gives the same results from several threads at once") {
    const std::string input = "Tổng Liên đoàn Lao động Vie\u0302\u0323t Nam";
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results) {
        threads.emplace_back([&r, &input] {
            for (int i = 0; i < 200; ++i) r = upper_vi(to_nfc(input));
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM");
}

// --- dates ------------------------------------------------------------------------------

TEST_CASE("A real YYYY-MM-DD date parses, leap days included") {
    const auto [input, y, m, d] = GENERATE(table<std::string, int, int, int>({
        {"2009-12-30", 2009, 12, 30},
        {"2026-02-05", 2026, 2, 5},
        {"2000-02-29", 2000, 2, 29},  // divisible by 400: leap
        {"2024-02-29", 2024, 2, 29},
        {"1996-02-29", 1996, 2, 29},
        {"2023-02-28", 2023, 2, 28},
        {"2023-04-30", 2023, 4, 30},
        {"2023-01-31", 2023, 1, 31},
        {"2023-12-31", 2023, 12, 31},
        {"1000-01-01", 1000, 1, 1},
        {"9999-12-31", 9999, 12, 31},
    }));
    CAPTURE(input);
    const auto date = parse_iso_date(input);
    REQUIRE(date);
    CHECK(*date == Date{y, m, d});
}

TEST_CASE("Impossible dates and any other shape are refused") {
    const std::string input = GENERATE(as<std::string>{},
        "1900-02-29",  // divisible by 100 but not 400: not leap
        "2100-02-29", "2023-02-29", "2009-02-30", "2009-04-31", "2009-06-31", "2009-09-31",
        "2009-11-31", "2009-01-32", "2009-13-01", "2009-00-10", "2009-01-00", "0999-12-31",
        "0000-01-01", "2009-2-3", "2009-02-3", "30/12/2009", "2009/12/30", "20091230",
        "2009-12-30 ", " 2009-12-30", "2009-12-30T00:00", "2009-12-3a", "2009-1a-30",
        "+009-12-30", "-009-12-30", "2009-+1-30", "2009--1-30", "", "2009-12");
    CAPTURE(input);
    CHECK(parse_iso_date(input) == std::nullopt);
}

TEST_CASE("Days below 10 and months 1 and 2 are zero-padded in the date phrase") {
    const auto [date, expected] = GENERATE(table<Date, std::string>({
        {Date{2026, 2, 5}, "ngày 05 tháng 02 năm 2026"},
        {Date{2020, 1, 10}, "ngày 10 tháng 01 năm 2020"},
        {Date{2021, 9, 9}, "ngày 09 tháng 9 năm 2021"},
        {Date{2021, 11, 1}, "ngày 01 tháng 11 năm 2021"},
    }));
    CHECK(date_phrase(date) == expected);
}

TEST_CASE("Months 3 to 12 are not zero-padded in the date line") {
    const auto [date, expected] = GENERATE(table<Date, std::string>({
        {Date{2020, 3, 1}, "ngày 01 tháng 3 năm 2020"},
        {Date{2020, 4, 15}, "ngày 15 tháng 4 năm 2020"},
        {Date{2020, 5, 5}, "ngày 05 tháng 5 năm 2020"},
        {Date{2019, 6, 29}, "ngày 29 tháng 6 năm 2019"},
        {Date{2020, 7, 20}, "ngày 20 tháng 7 năm 2020"},
        {Date{2020, 8, 31}, "ngày 31 tháng 8 năm 2020"},
        {Date{2020, 9, 2}, "ngày 02 tháng 9 năm 2020"},
        {Date{2020, 10, 10}, "ngày 10 tháng 10 năm 2020"},
        {Date{2020, 11, 11}, "ngày 11 tháng 11 năm 2020"},
        {Date{2009, 12, 30}, "ngày 30 tháng 12 năm 2009"},
    }));
    CHECK(date_phrase(date) == expected);
    CHECK(date_line("Hà Nội", date, 1999) == "Hà Nội, " + expected);
}

TEST_CASE("The date line joins the place and the date phrase with a comma") {
    CHECK(date_line("Hà Nội", Date{2009, 12, 30}, 2026) == "Hà Nội, ngày 30 tháng 12 năm 2009");
    CHECK(date_line("Thành phố Hồ Chí Minh", Date{2019, 6, 29}, 2026) ==
          "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019");
    CHECK(date_line("Quảng Ngãi", Date{2020, 1, 5}, 2026) == "Quảng Ngãi, ngày 05 tháng 01 năm 2020");
}

TEST_CASE("Without a date the line leaves four-space gaps for the clerk and uses the gap year") {
    CHECK(date_line("Hà Nội", std::nullopt, 2026) == "Hà Nội, ngày    tháng    năm 2026");
    CHECK(date_line("Huế", std::nullopt, 2027) == "Huế, ngày    tháng    năm 2027");
}

TEST_CASE("An empty place gives the date phrase without a leading comma") {
    CHECK(date_line("", Date{2026, 2, 5}, 2026) == "ngày 05 tháng 02 năm 2026");
    CHECK(date_line("", std::nullopt, 2026) == "ngày    tháng    năm 2026");
}

// --- document numbers ---------------------------------------------------------------------

TEST_CASE("Document numbers below 10 get exactly one leading zero") {
    const auto [input, expected] = GENERATE(table<std::string, std::string>({
        {"", ""},
        {"5", "05"},
        {"05", "05"},
        {"005", "05"},
        {"1", "01"},
        {"9", "09"},
        {"10", "10"},
        {"010", "10"},
        {"99", "99"},
        {"1996", "1996"},
        {"01996", "1996"},
        {"123456", "123456"},
        {"0", "00"},  // numbering starts at 01: zero is shown, not hidden
        {"00", "00"},
        {"000", "00"},
    }));
    CAPTURE(input);
    CHECK(document_number(input) == expected);
}

// --- emphasis --------------------------------------------------------------------------------

TEST_CASE("Asterisk markers become bold, italic and bold-italic spans") {
    const auto [input, expected] = GENERATE(table<std::string, std::string>({
        {"plain", "[:plain]"},
        {"**bold**", "[b:bold]"},
        {"*italic*", "[i:italic]"},
        {"***both***", "[bi:both]"},
        {"a **b** c", "[:a ][b:b][: c]"},
        {"a *b* c", "[:a ][i:b][: c]"},
        {"**a** *b* ***c***", "[b:a][: ][i:b][: ][bi:c]"},
        {"Hạn **trước ngày 10/02/2026** và *ghi chú*.", "[:Hạn ][b:trước ngày 10/02/2026][: và ][i:ghi chú][:.]"},
        {"**Điều 1.** Phạm vi", "[b:Điều 1.][: Phạm vi]"},
        {"*(xem mục 2)*", "[i:(xem mục 2)]"},
        {"(*xem mục 2*)", "[:(][i:xem mục 2][:)]"},
        {"**a b c**", "[b:a b c]"},
        {"2*3*4", "[:2][i:3][:4]"},  // markers work inside words
    }));
    CAPTURE(input);
    CHECK(spans(parse_emphasis(input)) == expected);
}

TEST_CASE("Unbalanced or space-surrounded asterisks stay literal text") {
    const std::string input = GENERATE(as<std::string>{},
        "a * b", "a * b * c", "2 * 3 = 6", "*", "**", "***", "****", "**x", "x**", "*x", "x*",
        "**bold*", "*italic**", "***a**", "** x**", "**x **", "* x*", "*x *", "****x****",
        "(*) ghi chú (*)", "(**) và (**)", "[*]", "a\u00A0*\u00A0b\u00A0*\u00A0c", "*a\n*", "*\na*",
        // Each condition on its own: no opening before ) or U+00A0, no closing after ( or U+00A0.
        "*) a*", "x*\u00A0y*", "*a (*", "*y\u00A0*");
    CAPTURE(input);
    CHECK(spans(parse_emphasis(input)) == "[:" + input + "]");
}

TEST_CASE("Emphasis nests, adding the inner style to the outer one") {
    CHECK(spans(parse_emphasis("**a *b* c**")) == "[b:a ][bi:b][b: c]");
    CHECK(spans(parse_emphasis("*a **b** c*")) == "[i:a ][bi:b][i: c]");
    // Inside bold-italic, italic adds nothing: the three pieces merge into one span.
    CHECK(spans(parse_emphasis("***a *b* c***")) == "[bi:a b c]");
}

TEST_CASE("An opener is closed by the nearest run of the same length") {
    CHECK(spans(parse_emphasis("*a *b* c*")) == "[i:a *b][: c*]");
    CHECK(spans(parse_emphasis("*a**b*")) == "[i:a**b]");
    CHECK(spans(parse_emphasis("**a** b**")) == "[b:a][: b**]");
}

TEST_CASE("Emphasis leaves no empty spans and merges neighbours of the same style") {
    CHECK(parse_emphasis("").empty());
    CHECK(parse_emphasis("**a**") == std::vector<Span>{Span{"a", true, false}});
    CHECK(parse_emphasis("x **y") == std::vector<Span>{Span{"x **y", false, false}});
    CHECK(parse_emphasis("**a** **b**") ==
          std::vector<Span>{Span{"a", true, false}, Span{" ", false, false}, Span{"b", true, false}});
}

TEST_CASE("Many unmatched markers are parsed quickly and kept literal") {
    std::string input;
    for (int i = 0; i < 20000; ++i) input += "a *b ";
    const auto out = parse_emphasis(input);
    REQUIRE(out.size() == 1);
    CHECK(out[0].text == input);
}

TEST_CASE("Unicode line separators become line breaks and a stray byte-order mark is dropped") {
    using namespace vanban::text;
    std::optional<TextProblem> problem;
    CHECK(clean_text("a\u2028b\u2029c", CleanOptions{true}, problem) == "a\nb\nc");
    CHECK_FALSE(problem);
    CHECK(clean_text("a\u2028b", CleanOptions{false}, problem) == "a b");
    CHECK(clean_text("\uFEFFHà\uFEFF Nội", CleanOptions{}, problem) == "Hà Nội");
    clean_text("x\uFDD0", CleanOptions{}, problem);
    REQUIRE(problem);
    CHECK(problem->message == "noncharacter U+FDD0 is not allowed");
    CHECK(problem->offset == 1);
}
