// TCVN3 (TCVN 5712:1993 VN3, "ABC"), the .VnTime fonts. Bytes below 0x80 are ASCII.
#include "text/legacy.h"
#include "text/legacy_codecs.h"
#include "text/text.h"

#include <map>
#include <utility>

namespace vanban::text::detail {

namespace {

// The 74 letters of the ABC table (0xA1–0xFE; the codes it leaves empty are absent).
// Ordered as the standard lays them out: each vowel, then its grave, hook, tilde,
// acute and dot-below forms.
constexpr std::pair<unsigned char, const char*> kTable[] = {
    {0xA1, "Ă"}, {0xA2, "Â"}, {0xA3, "Ê"}, {0xA4, "Ô"}, {0xA5, "Ơ"}, {0xA6, "Ư"}, {0xA7, "Đ"},
    {0xA8, "ă"}, {0xA9, "â"}, {0xAA, "ê"}, {0xAB, "ô"}, {0xAC, "ơ"}, {0xAD, "ư"}, {0xAE, "đ"},
    {0xB5, "à"}, {0xB6, "ả"}, {0xB7, "ã"}, {0xB8, "á"}, {0xB9, "ạ"},
    {0xBB, "ằ"}, {0xBC, "ẳ"}, {0xBD, "ẵ"}, {0xBE, "ắ"}, {0xC6, "ặ"},
    {0xC7, "ầ"}, {0xC8, "ẩ"}, {0xC9, "ẫ"}, {0xCA, "ấ"}, {0xCB, "ậ"},
    {0xCC, "è"}, {0xCE, "ẻ"}, {0xCF, "ẽ"}, {0xD0, "é"}, {0xD1, "ẹ"},
    {0xD2, "ề"}, {0xD3, "ể"}, {0xD4, "ễ"}, {0xD5, "ế"}, {0xD6, "ệ"},
    {0xD7, "ì"}, {0xD8, "ỉ"}, {0xDC, "ĩ"}, {0xDD, "í"}, {0xDE, "ị"},
    {0xDF, "ò"}, {0xE1, "ỏ"}, {0xE2, "õ"}, {0xE3, "ó"}, {0xE4, "ọ"},
    {0xE5, "ồ"}, {0xE6, "ổ"}, {0xE7, "ỗ"}, {0xE8, "ố"}, {0xE9, "ộ"},
    {0xEA, "ờ"}, {0xEB, "ở"}, {0xEC, "ỡ"}, {0xED, "ớ"}, {0xEE, "ợ"},
    {0xEF, "ù"}, {0xF1, "ủ"}, {0xF2, "ũ"}, {0xF3, "ú"}, {0xF4, "ụ"},
    {0xF5, "ừ"}, {0xF6, "ử"}, {0xF7, "ữ"}, {0xF8, "ứ"}, {0xF9, "ự"},
    {0xFA, "ỳ"}, {0xFB, "ỷ"}, {0xFC, "ỹ"}, {0xFD, "ý"}, {0xFE, "ỵ"},
};

struct Maps {
    std::map<unsigned char, std::string> decode;
    std::map<char32_t, unsigned char> encode;
};

const Maps& maps() {
    static const Maps m = [] {
        Maps out;
        for (const auto& [byte, letter] : kTable) {
            out.decode[byte] = letter;
            out.encode[to_u32(letter)[0]] = byte;
        }
        return out;
    }();
    return m;
}

}  // namespace

std::string tcvn3_decode(std::string_view bytes) {
    const auto& table = maps().decode;
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (b < 0x80) {
            out += ch;
        } else if (const auto it = table.find(b); it != table.end()) {
            out += it->second;
        } else {
            out += windows1252_char(b);
        }
    }
    return out;
}

std::string tcvn3_encode(std::u32string_view text, bool upper_font) {
    const auto& table = maps().encode;
    std::string out;
    for (const char32_t c : text) {
        if (c < 0x80) {
            out += static_cast<char>(c);
            continue;
        }
        if (const auto it = table.find(c); it != table.end()) {
            out += static_cast<char>(it->second);
            continue;
        }
        // A capital with a tone mark: only an upper-case font can show it, through
        // the lower-case letter's code.
        if (upper_font) {
            const std::u32string lower = to_u32(lower_vi(to_utf8(c)));
            if (lower.size() == 1) {
                if (const auto it = table.find(lower[0]); it != table.end()) {
                    out += static_cast<char>(it->second);
                    continue;
                }
            }
        }
        throw LegacyError("TCVN3 cannot write " + describe(c) +
                          (split_letter(c) ? " (capitals with tone marks need an upper-case font: --upper-font)" : ""));
    }
    return out;
}

}  // namespace vanban::text::detail
