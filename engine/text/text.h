// Vietnamese text services on ICU: validation, normalisation, case, NĐ 30 formats.
//
// Every string that reaches layout, PDF or DOCX has passed through clean_text():
// valid UTF-8, NFC, no control characters. libharu and the writers never see
// anything else (they would draw NFD marks on the wrong letter, swallow bytes of
// invalid UTF-8 and draw control characters as blanks).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// --- UTF-8 -------------------------------------------------------------------

// Byte offset of the first ill-formed UTF-8 sequence (overlong forms, surrogates and
// code points above U+10FFFF are ill-formed), or nullopt when `s` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// Decodes valid UTF-8 (precondition: find_invalid_utf8(s) is nullopt).
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);
std::string to_utf8(char32_t c);

// "U+4E2D '中'" — how a character is named in an error message. Control and
// invisible characters are shown by code point only ("U+0007").
std::string describe(char32_t c);

// --- normalisation and cleaning -----------------------------------------------

bool is_nfc(std::string_view s);
std::string to_nfc(std::string_view s);

// Why clean_text refused a string: the offending character and its byte offset in
// the *input* string.
struct TextProblem {
    std::string message;     // e.g. "invalid UTF-8 byte 0xC3", "control character U+0007"
    std::size_t offset = 0;  // byte offset in the input
};

struct CleanOptions {
    // Keep "\n" as a forced line break (issuer names); otherwise a newline becomes a space.
    bool keep_newlines = false;
};

// Validates and normalises one input string:
//  - invalid UTF-8 → problem;
//  - tab → space; CR LF and CR → "\n" (then handled as below); newline → space
//    unless keep_newlines;
//  - any other C0 control (U+0000–U+001F), DEL and C1 (U+007F–U+009F),
//    and U+FFFE/U+FFFF → problem naming the character;
//  - result in NFC.
// Returns the cleaned string, or the problem through `problem` (then returns "").
std::string clean_text(std::string_view s, const CleanOptions& options, std::optional<TextProblem>& problem);

// --- case ----------------------------------------------------------------------

// Upper-case with Vietnamese rules (ICU Locale "vi"); input and output NFC.
// "Tổng Liên đoàn" → "TỔNG LIÊN ĐOÀN".
std::string upper_vi(std::string_view s);
std::string lower_vi(std::string_view s);

// --- dates and numbers (NĐ 30/2020, Phụ lục I) ----------------------------------

struct Date {
    int year = 0;
    int month = 0;  // 1–12
    int day = 0;    // 1–31
    auto operator<=>(const Date&) const = default;
};

// Parses "YYYY-MM-DD" exactly (4-2-2 digits) and checks the day exists in that
// month (leap years included). nullopt for "2009-02-30", "2009-2-3", "30/12/2009".
std::optional<Date> parse_iso_date(std::string_view s);

// "ngày 05 tháng 02 năm 2026" / "ngày 30 tháng 12 năm 2009": day < 10 and months
// 1–2 are zero-padded, months 3–12 are not (R3.5).
std::string date_phrase(const Date& d);

// The địa danh + thời gian line (ô 4): "Hà Nội, ngày 30 tháng 12 năm 2009".
// Without a date the clerk's gaps are left: "Hà Nội, ngày    tháng    năm 2026",
// with `gap_year` as the year.
std::string date_line(std::string_view place, const std::optional<Date>& date, int gap_year);

// The document number as printed after "Số:": "5" → "05", "1996" → "1996",
// "" → "" (the caller leaves a gap). Leading zeros are normalised ("005" → "05").
// Precondition: `number` is empty or all ASCII digits.
std::string document_number(std::string_view number);

// --- inline emphasis ---------------------------------------------------------------

struct Span {
    std::string text;
    bool bold = false;
    bool italic = false;
    bool operator==(const Span&) const = default;
};

// Splits `**bold**`, `*italic*` and `***both***` into spans. Unbalanced markers and
// anything else are literal text ("a * b" stays "a * b"; "**x" stays "**x").
// Adjacent spans with the same style are merged; empty spans are dropped.
std::vector<Span> parse_emphasis(std::string_view s);

}  // namespace vanban::text
