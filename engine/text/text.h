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

// Decodes valid UTF-8 (precondition: find_invalid_utf8(s) is nullopt). Should the
// precondition be broken, each byte that starts an ill-formed sequence becomes one
// U+FFFD and decoding resumes at the next byte, so the result is still defined.
std::u32string to_u32(std::string_view s);
// Encodes code points; a surrogate (U+D800–U+DFFF) or a value above U+10FFFF is not a
// character and is written as U+FFFD, so the output is always valid UTF-8.
std::string to_utf8(std::u32string_view s);
std::string to_utf8(char32_t c);

// "U+4E2D '中'" — how a character is named in an error message. Characters that
// would show as nothing or mislead when quoted are shown by code point only
// ("U+0007"): controls (Cc), format characters (Cf), separators other than U+0020
// (Zs, Zl, Zp), combining marks on their own (Mn, Mc, Me), private-use,
// unassigned and noncharacters, surrogates and values above U+10FFFF.
std::string describe(char32_t c);

// --- normalisation and cleaning -----------------------------------------------

// NFC check and conversion of UTF-8. Meant for valid UTF-8; an ill-formed byte
// sequence is copied through unchanged (and does not make is_nfc false) — validating
// is clean_text's job, not theirs.
bool is_nfc(std::string_view s);
std::string to_nfc(std::string_view s);

// Why clean_text refused a string: the offending character and its byte offset in
// the *input* string.
struct TextProblem {
    // "invalid UTF-8 byte 0xC3" (the first byte of the ill-formed sequence),
    // "control character U+0007 is not allowed", "noncharacter U+FFFE is not allowed".
    std::string message;
    std::size_t offset = 0;  // byte offset in the input
};

struct CleanOptions {
    // Keep "\n" as a forced line break (issuer names); otherwise a newline becomes a space.
    bool keep_newlines = false;
};

// Validates and normalises one input string:
//  - invalid UTF-8 → problem;
//  - tab → space; CR LF and CR → "\n" (then handled as below); newline → space
//    unless keep_newlines. Nothing is collapsed or trimmed: "a\r\n\r\nb" gives
//    "a  b", or "a\n\nb" with keep_newlines;
//  - any other C0 control (U+0000–U+001F), DEL and C1 (U+007F–U+009F, so NEL U+0085
//    too), and U+FFFE/U+FFFF → problem naming the character; everything else
//    (U+00A0, U+200B, …) passes;
//  - result in NFC.
// The first problem in the input is the one reported. `problem` is reset on entry.
// Returns the cleaned string, or the problem through `problem` (then returns "").
std::string clean_text(std::string_view s, const CleanOptions& options, std::optional<TextProblem>& problem);

// --- case ----------------------------------------------------------------------

// Upper-case with Vietnamese rules (ICU Locale "vi"), full case mapping ("ß" → "SS").
// The output is NFC whatever the input's form (ICU keeps NFD input in NFD, so the
// result is re-normalised). "Tổng Liên đoàn" → "TỔNG LIÊN ĐOÀN".
// Precondition: valid UTF-8 (an ill-formed sequence becomes U+FFFD).
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

// "ngày 05 tháng 02 năm 2026" / "ngày 30 tháng 12 năm 2009" / "ngày 01 tháng 3 năm
// 2020": day < 10 and months 1–2 are zero-padded, months 3–12 are not (R3.5).
// Precondition: `d` is a real date, as parse_iso_date returns.
std::string date_phrase(const Date& d);

// The địa danh + thời gian line (ô 4): "Hà Nội, ngày 30 tháng 12 năm 2009".
// Without a date the clerk's gaps are left: "Hà Nội, ngày    tháng    năm 2026",
// with `gap_year` as the year and exactly four spaces between "ngày" and "tháng" and
// between "tháng" and "năm" (room for two handwritten digits at 13–14 pt).
// An empty `place` gives the date phrase alone, with no leading ", ".
std::string date_line(std::string_view place, const std::optional<Date>& date, int gap_year);

// The document number as printed after "Số:": "5" → "05", "1996" → "1996",
// "" → "" (the caller leaves a gap). Leading zeros are normalised ("005" → "05").
// Zero ("0", "000") prints as "00": numbering starts at 01, so zero is bad data that
// the input stage should reject, and showing it beats silently leaving a gap.
// Precondition: `number` is empty or all ASCII digits (anything else is returned
// unchanged).
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
//
// The exact rule, on maximal runs of '*':
//  - a run of 1, 2 or 3 opens italic, bold or bold+italic if the character after it
//    is neither whitespace (ASCII or U+00A0) nor a closing bracket ) ] }, and the
//    text does not end there; a run of 4 or more is always literal;
//  - it is closed by the nearest later run of exactly the same length whose previous
//    character is neither whitespace nor an opening bracket ( [ { ; with no such
//    run before the enclosing span ends, the opener is literal;
//  - text between an opener and its closer is parsed again by the same rule, its
//    styles added to the outer ones ("**a *b* c**" → bold "a ", bold+italic "b",
//    bold " c");
//  - markers work inside words too ("2*3*4" → "2", italic "3", "4"); footnote marks
//    "(*)" and "(**)" stay literal because of the bracket conditions.
std::vector<Span> parse_emphasis(std::string_view s);

}  // namespace vanban::text
