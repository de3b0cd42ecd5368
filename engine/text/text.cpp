#include "text/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/locid.h>

#include <array>
#include <cstdio>

namespace vanban::text {

namespace {

const icu::Normalizer2& nfc() {
    static const icu::Normalizer2* n = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* p = icu::Normalizer2::getNFCInstance(status);
        return U_SUCCESS(status) ? p : nullptr;
    }();
    return *n;
}

const icu::Locale& vietnamese() {
    static const icu::Locale vi("vi");
    return vi;
}

bool ascii_only(std::string_view s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

// Decodes one code point at s[i] (strict UTF-8, RFC 3629); returns its length, or 0
// when the bytes there are ill-formed.
std::size_t decode(std::string_view s, std::size_t i, char32_t& out) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    std::size_t len;
    char32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; out = b0 & 0x1F; min = 0x80; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) { len = 3; out = b0 & 0x0F; min = 0x800; }
    else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; out = b0 & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        out = (out << 6) | (b & 0x3F);
    }
    if (out < min || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
    return len;
}

std::string hex(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t c;
        const auto n = decode(s, i, c);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = 0xFFFD;
        const auto n = decode(s, i, c);
        out.push_back(n ? c : 0xFFFD);
        i += n ? n : 1;
    }
    return out;
}

std::string to_utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char32_t c : s) out += to_utf8(c);
    return out;
}

std::string describe(char32_t c) {
    const auto cat = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
    const bool invisible = cat == U_CONTROL_CHAR || cat == U_FORMAT_CHAR || cat == U_UNASSIGNED ||
                           cat == U_PRIVATE_USE_CHAR || cat == U_SURROGATE || cat == U_LINE_SEPARATOR ||
                           cat == U_PARAGRAPH_SEPARATOR || cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK ||
                           (cat == U_SPACE_SEPARATOR && c != U' ');
    if (invisible) return hex(c);
    return hex(c) + " '" + to_utf8(c) + "'";
}

bool is_nfc(std::string_view s) {
    if (ascii_only(s)) return true;
    UErrorCode status = U_ZERO_ERROR;
    const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    const bool yes = nfc().isNormalized(u, status);
    return U_SUCCESS(status) && yes;
}

std::string to_nfc(std::string_view s) {
    if (ascii_only(s)) return std::string(s);
    UErrorCode status = U_ZERO_ERROR;
    const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (nfc().isNormalized(u, status) && U_SUCCESS(status)) return std::string(s);
    status = U_ZERO_ERROR;
    const icu::UnicodeString n = nfc().normalize(u, status);
    std::string out;
    n.toUTF8String(out);
    return out;
}

std::string clean_text(std::string_view s, const CleanOptions& options, std::optional<TextProblem>& problem) {
    problem.reset();
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c;
        const auto n = decode(s, i, c);
        if (n == 0) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
            problem = TextProblem{buf, i};
            return {};
        }
        if (c == U'\t') {
            out += ' ';
        } else if (c == U'\r') {
            // CR LF and a lone CR are both one line break.
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += options.keep_newlines ? '\n' : ' ';
        } else if (c == U'\n') {
            out += options.keep_newlines ? '\n' : ' ';
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF) {
            problem = TextProblem{"control character " + hex(c) + " is not allowed", i};
            return {};
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return to_nfc(out);
}

std::string upper_vi(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.toUpper(vietnamese());
    std::string out;
    u.toUTF8String(out);
    return to_nfc(out);  // ICU keeps NFD input in NFD
}

std::string lower_vi(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.toLower(vietnamese());
    std::string out;
    u.toUTF8String(out);
    return to_nfc(out);
}

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t from, std::size_t len, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    Date d;
    if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
    if (d.year < 1000 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int days = kDays[static_cast<std::size_t>(d.month - 1)] + (d.month == 2 && leap ? 1 : 0);
    if (d.day > days) return std::nullopt;
    return d;
}

std::string date_phrase(const Date& d) {
    // R3.5: days below 10 and months 1–2 are zero-padded; months 3–12 are not.
    const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    const std::string month = d.month <= 2 ? two(d.month) : std::to_string(d.month);
    return "ngày " + two(d.day) + " tháng " + month + " năm " + std::to_string(d.year);
}

std::string date_line(std::string_view place, const std::optional<Date>& date, int gap_year) {
    std::string out(place);
    out += ", ";
    if (date) return out + date_phrase(*date);
    return out + "ngày    tháng    năm " + std::to_string(gap_year);
}

std::string document_number(std::string_view number) {
    std::size_t i = 0;
    while (i + 1 < number.size() && number[i] == '0') ++i;
    std::string n(number.substr(i));
    if (n.size() == 1) n = "0" + n;
    return n;
}

namespace {

// Finds the closing run of exactly `n` asterisks at or after `from`, not preceded by a
// space (so "a * b" and "2 * 3" stay literal).
std::size_t closing(std::string_view s, std::size_t from, std::size_t n) {
    for (std::size_t i = from; i + n <= s.size(); ++i) {
        if (s.compare(i, n, std::string(n, '*')) != 0) continue;
        std::size_t run = 0;
        while (i + run < s.size() && s[i + run] == '*') ++run;
        if (run == n && i > from && s[i - 1] != ' ') return i;
        i += run - 1;
    }
    return std::string_view::npos;
}

}  // namespace

std::vector<Span> parse_emphasis(std::string_view s) {
    std::vector<Span> out;
    auto push = [&](std::string_view text, bool bold, bool italic) {
        if (text.empty()) return;
        if (!out.empty() && out.back().bold == bold && out.back().italic == italic) {
            out.back().text.append(text);
        } else {
            out.push_back(Span{std::string(text), bold, italic});
        }
    };
    std::size_t i = 0, literal = 0;
    while (i < s.size()) {
        if (s[i] != '*') {
            ++i;
            continue;
        }
        std::size_t run = 0;
        while (i + run < s.size() && s[i + run] == '*') ++run;
        // An opening marker is 1–3 asterisks followed by a non-space.
        if (run <= 3 && i + run < s.size() && s[i + run] != ' ') {
            const auto end = closing(s, i + run, run);
            if (end != std::string_view::npos) {
                push(s.substr(literal, i - literal), false, false);
                push(s.substr(i + run, end - i - run), run >= 2, run != 2);
                i = literal = end + run;
                continue;
            }
        }
        i += run;
    }
    push(s.substr(literal), false, false);
    return out;
}

}  // namespace vanban::text
