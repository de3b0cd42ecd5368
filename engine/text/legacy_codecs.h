// The per-encoding byte codecs behind legacy.h. Internal to engine/text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::text::detail {

// Decoders append UTF-8, not necessarily NFC (marks may follow their letter);
// legacy.cpp normalises the result.
std::string tcvn3_decode(std::string_view bytes);
std::string vni_decode(std::string_view bytes);
std::string viqr_decode(std::string_view text);
std::string cp1258_decode(std::string_view bytes);

// Encoders take NFC text; they throw LegacyError for a character they cannot write.
std::string tcvn3_encode(std::u32string_view text, bool upper_font);
std::string vni_encode(std::u32string_view text);
std::string viqr_encode(std::u32string_view text);

// What Windows-1252 shows for a byte (ICU "ibm-5348"; its five unassigned bytes
// show as the C1 controls of the same value, as Latin-1 would).
const std::string& windows1252_char(unsigned char byte);
// The byte behind a character of that view (every U+0000–U+00FF, plus the 27
// Windows-1252 punctuation and letters such as '€' and '“'); nullopt otherwise.
std::optional<unsigned char> windows1252_byte(char32_t c);

// A Vietnamese letter taken apart (ICU's canonical decomposition): "ậ" → 'a',
// U+0302 (circumflex), U+0323 (dot below). `quality` is U+0306 breve, U+0302
// circumflex or U+031B horn; `tone` is U+0300, U+0301, U+0303, U+0309 or U+0323.
// Zero for a mark that is absent. đ/Đ have no decomposition: base 'đ'/'Đ'.
// nullopt for anything that is not an ASCII letter or a Vietnamese letter.
struct LetterParts {
    char32_t base = 0;
    char32_t quality = 0;
    char32_t tone = 0;
};
std::optional<LetterParts> split_letter(char32_t c);

constexpr char32_t kBreve = 0x0306, kCircumflex = 0x0302, kHorn = 0x031B;
constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309, kDot = 0x0323;

inline bool is_tone(char32_t c) {
    return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDot;
}
inline bool is_quality(char32_t c) {
    return c == kBreve || c == kCircumflex || c == kHorn;
}

}  // namespace vanban::text::detail
