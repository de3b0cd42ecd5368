#include "pdf/syntax.h"

#include "core/diagnostic.h"

#include <cmath>
#include <cstdio>

namespace vanban::pdf {

void append_number(std::string& out, double value) {
    // Integer arithmetic on thousandths: the text is the same on every platform.
    long long milli = std::llround(value * 1000.0);
    if (milli < 0) {
        out += '-';
        milli = -milli;
    }
    out += std::to_string(milli / 1000);
    int frac = static_cast<int>(milli % 1000);
    if (frac == 0) return;
    char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                      static_cast<char>('0' + frac % 10), 0};
    int n = 3;
    while (digits[n - 1] == '0') --n;
    out += '.';
    out.append(digits, static_cast<std::size_t>(n));
}

void append_literal_codes(std::string& out, std::span<const std::uint16_t> codes) {
    out += '(';
    for (std::uint16_t code : codes) {
        for (const auto byte : {static_cast<unsigned char>(code >> 8), static_cast<unsigned char>(code & 0xFF)}) {
            switch (byte) {
                case '(': out += "\\("; break;
                case ')': out += "\\)"; break;
                case '\\': out += "\\\\"; break;
                case '\r': out += "\\r"; break;
                case '\n': out += "\\n"; break;
                default: out += static_cast<char>(byte);
            }
        }
    }
    out += ')';
}

void append_hex(std::string& out, std::span<const std::uint8_t> bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    for (std::uint8_t b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0xF];
    }
}

void append_hex16(std::string& out, std::uint16_t value) {
    const std::uint8_t bytes[2] = {static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value & 0xFF)};
    append_hex(out, bytes);
}

std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int len;
    char32_t c, min;
    if ((b0 & 0xE0) == 0xC0) { len = 2; c = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; c = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; c = b0 & 0x07; min = 0x10000; }
    else return std::nullopt;
    if (i + static_cast<std::size_t>(len) > s.size()) return std::nullopt;
    for (int k = 1; k < len; ++k) {
        const unsigned char b = byte(i + static_cast<std::size_t>(k));
        if ((b & 0xC0) != 0x80) return std::nullopt;
        c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return std::nullopt;
    i += static_cast<std::size_t>(len);
    return c;
}

void append_utf16be(std::string& out, char32_t c) {
    const auto unit = [&](char32_t u) {
        out += static_cast<char>(u >> 8);
        out += static_cast<char>(u & 0xFF);
    };
    if (c < 0x10000) {
        unit(c);
    } else {
        c -= 0x10000;
        unit(0xD800 + (c >> 10));
        unit(0xDC00 + (c & 0x3FF));
    }
}

std::string utf16be_text_string(std::string_view utf8, std::string_view what) {
    std::string out = "\xFE\xFF";
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = next_code_point(utf8, i);
        if (!c) fail_at_pointer("", "", std::string(what) + ": invalid UTF-8 at byte " + std::to_string(i));
        append_utf16be(out, *c);
    }
    return out;
}

}  // namespace vanban::pdf
