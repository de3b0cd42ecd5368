// VNI (VNI-Windows, the VNI-Times fonts). A vowel is an ASCII letter followed by one
// byte that adds its marks; i-with-tone, ỵ, đ, ơ and ư are single bytes. Every
// upper-case code is the lower-case one minus 0x20 (both halves of the table are
// Latin-1 letters of the same shape), and a mark byte after a capital is usually the
// upper-case one, but fonts drew both the same, so either is accepted.
#include "text/legacy.h"
#include "text/legacy_codecs.h"
#include "text/text.h"

#include <map>
#include <optional>

namespace vanban::text::detail {

namespace {

// Which vowels a mark byte may follow.
enum class Takes { any_vowel, a_e_o, a_only };

struct Mark {
    unsigned char code;  // lower-case code
    char32_t quality;    // 0, kCircumflex or kBreve
    char32_t tone;       // 0 or a tone
    Takes takes;
};

constexpr Mark kMarks[] = {
    {0xF8, 0, kGrave, Takes::any_vowel}, {0xF9, 0, kAcute, Takes::any_vowel},
    {0xFB, 0, kHook, Takes::any_vowel},  {0xF5, 0, kTilde, Takes::any_vowel},
    {0xEF, 0, kDot, Takes::any_vowel},
    {0xE2, kCircumflex, 0, Takes::a_e_o},      {0xE0, kCircumflex, kGrave, Takes::a_e_o},
    {0xE1, kCircumflex, kAcute, Takes::a_e_o}, {0xE5, kCircumflex, kHook, Takes::a_e_o},
    {0xE3, kCircumflex, kTilde, Takes::a_e_o}, {0xE4, kCircumflex, kDot, Takes::a_e_o},
    {0xEA, kBreve, 0, Takes::a_only},      {0xE8, kBreve, kGrave, Takes::a_only},
    {0xE9, kBreve, kAcute, Takes::a_only}, {0xFA, kBreve, kHook, Takes::a_only},
    {0xFC, kBreve, kTilde, Takes::a_only}, {0xEB, kBreve, kDot, Takes::a_only},
};

// Letters written as one byte (lower-case codes).
constexpr std::pair<unsigned char, const char*> kLetters[] = {
    {0xEC, "ì"}, {0xED, "í"}, {0xE6, "ỉ"}, {0xF3, "ĩ"}, {0xF2, "ị"},
    {0xEE, "ỵ"}, {0xF1, "đ"}, {0xF4, "ơ"}, {0xF6, "ư"},
};

constexpr unsigned char kCaseOffset = 0x20;

struct Maps {
    std::map<unsigned char, Mark> marks;            // both cases
    std::map<unsigned char, std::u32string> letters;  // both cases
    std::map<char32_t, unsigned char> letter_codes;   // letter → code
};

const Maps& maps() {
    static const Maps m = [] {
        Maps out;
        for (const auto& mark : kMarks) {
            out.marks[mark.code] = mark;
            out.marks[static_cast<unsigned char>(mark.code - kCaseOffset)] = mark;
        }
        for (const auto& [code, letter] : kLetters) {
            const std::u32string lower = to_u32(letter);
            const std::u32string upper = to_u32(upper_vi(letter));
            out.letters[code] = lower;
            out.letters[static_cast<unsigned char>(code - kCaseOffset)] = upper;
            out.letter_codes[lower[0]] = code;
            out.letter_codes[upper[0]] = static_cast<unsigned char>(code - kCaseOffset);
        }
        return out;
    }();
    return m;
}

bool is_vowel(char32_t c) {
    switch (c | 0x20) {
        case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
        default: return false;
    }
}

bool mark_fits(const Mark& m, char32_t base) {
    const char32_t lower = (base < 0x80) ? (base | 0x20) : base;
    switch (m.takes) {
        case Takes::any_vowel: return true;
        case Takes::a_e_o: return lower == 'a' || lower == 'e' || lower == 'o';
        case Takes::a_only: return lower == 'a';
    }
    return false;
}

}  // namespace

std::string vni_decode(std::string_view bytes) {
    const Maps& m = maps();
    std::u32string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        std::optional<char32_t> base;  // a letter that may take a following mark byte
        if (b < 0x80) {
            out += static_cast<char32_t>(b);
            if (is_vowel(b)) base = b;
        } else if (const auto it = m.letters.find(b); it != m.letters.end()) {
            out += it->second;
            // ơ and ư take a tone byte; the i-letters, ỵ and đ are complete.
            const char32_t c = it->second[0];
            if (c == U'ơ' || c == U'ư' || c == U'Ơ' || c == U'Ư') base = c;
        } else {
            out += to_u32(windows1252_char(b));
        }
        if (!base || i + 1 >= bytes.size()) continue;
        const auto next = static_cast<unsigned char>(bytes[i + 1]);
        const auto mk = m.marks.find(next);
        if (mk == m.marks.end()) continue;
        const Mark& mark = mk->second;
        const bool horn_letter = *base > 0x7F;
        if (horn_letter ? mark.quality != 0 : !mark_fits(mark, *base)) continue;
        if (mark.quality) out += mark.quality;
        if (mark.tone) out += mark.tone;
        ++i;
    }
    return to_utf8(out);
}

std::string vni_encode(std::u32string_view text) {
    const Maps& m = maps();
    std::string out;
    for (const char32_t c : text) {
        if (c < 0x80) {
            out += static_cast<char>(c);
            continue;
        }
        if (const auto it = m.letter_codes.find(c); it != m.letter_codes.end()) {
            out += static_cast<char>(it->second);
            continue;
        }
        const auto parts = split_letter(c);
        if (!parts) throw LegacyError("VNI cannot write " + describe(c));
        const bool upper = parts->base >= 'A' && parts->base <= 'Z';
        const unsigned char shift = upper ? kCaseOffset : 0;
        // ơ/ư with a tone: the horn letter's own byte, then the tone byte.
        if (parts->quality == kHorn) {
            const std::u32string horn = to_u32(to_nfc(to_utf8(std::u32string{parts->base, kHorn})));
            out += static_cast<char>(m.letter_codes.at(horn[0]));
        } else {
            out += static_cast<char>(parts->base);
        }
        const char32_t quality = parts->quality == kHorn ? 0 : parts->quality;
        if (quality == 0 && parts->tone == 0) continue;
        bool written = false;
        for (const auto& mark : kMarks) {
            if (mark.quality == quality && mark.tone == parts->tone) {
                out += static_cast<char>(mark.code - shift);
                written = true;
                break;
            }
        }
        if (!written) throw LegacyError("VNI cannot write " + describe(c));
    }
    return out;
}

}  // namespace vanban::text::detail
