// UTF-8, normalisation, cleaning and case mapping. Dates and numbers are in dates.cpp,
// inline emphasis in emphasis.cpp.
#include "text/text.h"

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <stdexcept>

namespace vanban::text {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// ICU's NFC instance is a process-wide singleton that is safe to share between
// threads; it fails only when ICU's data is missing, which no document can fix.
const icu::Normalizer2& nfc() {
    static const icu::Normalizer2& instance = [] () -> const icu::Normalizer2& {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status) || n == nullptr) {
            throw std::runtime_error(std::string("ICU NFC data is unavailable: ") + u_errorName(status));
        }
        return *n;
    }();
    return instance;
}

// Built once: constructing a Locale parses and canonicalises its name. The default
// locale (en_US_POSIX) must never leak into case mapping, so this one is always passed.
const icu::Locale& vietnamese() {
    static const icu::Locale vi("vi");
    return vi;
}

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

icu::StringPiece piece(std::string_view s) {
    return icu::StringPiece(s.data(), static_cast<int32_t>(s.size()));
}

bool ascii_only(std::string_view s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

bool is_scalar(char32_t c) {
    return c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
}

// Decodes the code point starting at s[i] under RFC 3629 (no overlongs, surrogates or
// values above U+10FFFF); returns its length in bytes, or 0 when ill-formed.
std::size_t decode(std::string_view s, std::size_t i, char32_t& out) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    std::size_t len;
    char32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, out = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, out = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, out = b0 & 0x07, min = 0x10000;
    } else {
        return 0;  // stray continuation byte, C0/C1 (always overlong) or F5–FF
    }
    if (len > s.size() - i) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        out = (out << 6) | (b & 0x3F);
    }
    if (out < min || !is_scalar(out)) return 0;
    return len;
}

std::string code_point(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

std::string to_nfc_utf8(std::string s) {
    UErrorCode status = U_ZERO_ERROR;
    if (nfc().isNormalizedUTF8(piece(s), status) && U_SUCCESS(status)) return s;
    std::string out;
    out.reserve(s.size());
    icu::StringByteSink<std::string> sink(&out);
    status = U_ZERO_ERROR;
    nfc().normalizeUTF8(0, piece(s), sink, nullptr, status);
    check(status, "NFC normalisation failed");
    return out;
}

std::string ascii_case(std::string_view s, bool upper) {
    std::string out(s);
    const char from = upper ? 'a' : 'A';
    for (char& c : out) {
        if (c >= from && c <= from + 25) c = static_cast<char>(c ^ 0x20);
    }
    return out;
}

// Case mapping does not preserve normalisation in either direction (NFD stays NFD,
// and some NFC letters map to sequences with no precomposed form), so the result is
// always brought back to NFC.
std::string map_case(std::string_view s, bool upper) {
    // ASCII letters map the same way in Vietnamese as in the root locale.
    if (ascii_only(s)) return ascii_case(s, upper);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(piece(s));
    if (upper) {
        u.toUpper(vietnamese());
    } else {
        u.toLower(vietnamese());
    }
    UErrorCode status = U_ZERO_ERROR;
    if (!nfc().isNormalized(u, status)) {
        status = U_ZERO_ERROR;
        u = nfc().normalize(u, status);
    }
    check(status, "NFC normalisation failed");
    std::string out;
    u.toUTF8String(out);
    return out;
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
        char32_t c;
        const auto n = decode(s, i, c);
        out.push_back(n ? c : kReplacement);
        i += n ? n : 1;
    }
    return out;
}

std::string to_utf8(char32_t c) {
    if (!is_scalar(c)) c = kReplacement;
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
    if (!is_scalar(c)) return code_point(c);
    switch (u_charType(static_cast<UChar32>(c))) {
        case U_CONTROL_CHAR:
        case U_FORMAT_CHAR:
        case U_LINE_SEPARATOR:
        case U_PARAGRAPH_SEPARATOR:
        case U_NON_SPACING_MARK:
        case U_COMBINING_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_PRIVATE_USE_CHAR:
        case U_UNASSIGNED:  // also every noncharacter (U+FFFE, U+FDD0, …)
            return code_point(c);
        case U_SPACE_SEPARATOR:
            if (c != U' ') return code_point(c);
            break;
        default:
            break;
    }
    return code_point(c) + " '" + to_utf8(c) + "'";
}

bool is_nfc(std::string_view s) {
    if (ascii_only(s)) return true;
    UErrorCode status = U_ZERO_ERROR;
    const bool yes = nfc().isNormalizedUTF8(piece(s), status);
    check(status, "NFC check failed");
    return yes;
}

std::string to_nfc(std::string_view s) {
    if (ascii_only(s)) return std::string(s);
    return to_nfc_utf8(std::string(s));
}

std::string clean_text(std::string_view s, const CleanOptions& options, std::optional<TextProblem>& problem) {
    problem.reset();
    const auto refuse = [&](std::string message, std::size_t offset) {
        problem = TextProblem{std::move(message), offset};
        return std::string();
    };
    const char newline = options.keep_newlines ? '\n' : ' ';
    std::string out;
    out.reserve(s.size());
    bool ascii = true;
    // Untouched stretches are copied in one go: most strings contain no byte to rewrite.
    std::size_t copied = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0x20 && b < 0x7F) {
            ++i;
            continue;
        }
        if (b >= 0x80) {
            char32_t c;
            const auto n = decode(s, i, c);
            if (n == 0) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X", static_cast<unsigned>(b));
                return refuse(buf, i);
            }
            if (c <= 0x9F) return refuse("control character " + code_point(c) + " is not allowed", i);
            if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) {
                return refuse("noncharacter " + code_point(c) + " is not allowed", i);
            }
            if (c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                // Line/paragraph separators are line breaks; a byte-order mark pasted
                // into the middle of text is invisible debris and is dropped.
                out.append(s, copied, i - copied);
                if (c != 0xFEFF) out += newline;
                i += n;
                copied = i;
                ascii = false;
                continue;
            }
            ascii = false;
            i += n;
            continue;
        }
        out.append(s, copied, i - copied);
        if (b == '\t') {
            out += ' ';
            i += 1;
        } else if (b == '\r') {
            out += newline;
            i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        } else if (b == '\n') {
            out += newline;
            i += 1;
        } else {
            return refuse("control character " + code_point(b) + " is not allowed", i);
        }
        copied = i;
    }
    out.append(s, copied, s.size() - copied);
    return ascii ? out : to_nfc_utf8(std::move(out));
}

std::string upper_vi(std::string_view s) {
    return map_case(s, true);
}

std::string lower_vi(std::string_view s) {
    return map_case(s, false);
}

}  // namespace vanban::text
