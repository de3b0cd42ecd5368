// VIQR (RFC 1456): marks typed as ASCII after the vowel — '(' breve, '^' circumflex,
// '+' horn, then the tone: '\'' acute, '`' grave, '?' hook, '~' tilde, '.' dot below;
// "dd"/"DD" for đ/Đ; a backslash makes the next character literal ("Ai\?").
//
// A syllable carries one tone, so once a word has one, a further tone character is
// punctuation: "No^.i." is "Nội." (RFC 1456 leaves that to the reader). A word with
// two tone marks therefore cannot be written in VIQR.
#include "text/legacy.h"
#include "text/legacy_codecs.h"
#include "text/text.h"

#include <unicode/uchar.h>

namespace vanban::text::detail {

namespace {

bool is_vowel(char32_t c) {
    if (c >= 0x80) return false;
    switch (c | 0x20) {
        case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
        default: return false;
    }
}

char32_t quality_of(char32_t mark, char32_t vowel) {
    const char32_t v = vowel | 0x20;
    if (mark == '(' && v == 'a') return kBreve;
    if (mark == '^' && (v == 'a' || v == 'e' || v == 'o')) return kCircumflex;
    if (mark == '+' && (v == 'o' || v == 'u')) return kHorn;
    return 0;
}

char32_t tone_of(char32_t mark) {
    switch (mark) {
        case '\'': return kAcute;
        case '`': return kGrave;
        case '?': return kHook;
        case '~': return kTilde;
        case '.': return kDot;
        default: return 0;
    }
}

char32_t tone_char(char32_t tone) {
    switch (tone) {
        case kAcute: return '\'';
        case kGrave: return '`';
        case kHook: return '?';
        case kTilde: return '~';
        case kDot: return '.';
        default: return 0;
    }
}

char32_t quality_char(char32_t quality) {
    switch (quality) {
        case kBreve: return '(';
        case kCircumflex: return '^';
        case kHorn: return '+';
        default: return 0;
    }
}

bool is_mark_char(char32_t c) {
    return c == '(' || c == '^' || c == '+' || tone_of(c) != 0;
}

bool is_d(char32_t c) {
    return c == 'd' || c == 'D';
}

// Letters and marks continue a word; anything else ends it (and its tone).
bool in_word(char32_t c) {
    return u_isalpha(static_cast<UChar32>(c)) || (u_getCombiningClass(static_cast<UChar32>(c)) != 0);
}

}  // namespace

std::string viqr_decode(std::string_view text) {
    const std::u32string in = to_u32(text);
    std::u32string out;
    out.reserve(in.size());
    bool word_has_tone = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char32_t c = in[i];
        const char32_t next = i + 1 < in.size() ? in[i + 1] : 0;
        if (c == '\\' && (is_mark_char(next) || is_d(next) || next == '\\')) {
            out += next;
            ++i;
            if (!in_word(next)) word_has_tone = false;
            continue;
        }
        if (is_d(c) && is_d(next)) {
            out += c == 'D' ? U'Đ' : U'đ';
            ++i;
            continue;
        }
        if (!in_word(c)) word_has_tone = false;
        out += c;
        if (!is_vowel(c)) continue;
        if (const char32_t q = quality_of(next, c)) {
            out += q;
            ++i;
        }
        const char32_t after = i + 1 < in.size() ? in[i + 1] : 0;
        if (const char32_t t = tone_of(after); t && !word_has_tone) {
            out += t;
            word_has_tone = true;
            ++i;
        }
    }
    return to_utf8(out);
}

std::string viqr_encode(std::u32string_view text) {
    std::u32string out;
    bool after_vowel = false;  // the previous character was a vowel: a mark char here would bind to it
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        const char32_t next = i + 1 < text.size() ? text[i + 1] : 0;
        const bool was_after_vowel = after_vowel;
        after_vowel = false;
        if (c == '\\' || (is_mark_char(c) && was_after_vowel)) {
            out += U'\\';
            out += c;
            continue;
        }
        if (c == U'đ' || c == U'Đ') {
            out += c == U'Đ' ? U"DD" : U"dd";
            continue;
        }
        if (is_d(c)) {
            // A plain d before another d (or đ) would read as đ: escape it.
            if (is_d(next) || next == U'đ' || next == U'Đ') out += U'\\';
            out += c;
            continue;
        }
        if (c < 0x80) {
            out += c;
            after_vowel = is_vowel(c);
            continue;
        }
        const auto parts = split_letter(c);
        if (!parts) {
            out += c;  // VIQR text may carry other characters as they are
            continue;
        }
        out += parts->base;
        if (parts->quality) out += quality_char(parts->quality);
        if (parts->tone) out += tone_char(parts->tone);
        after_vowel = true;
    }
    return to_utf8(out);
}

}  // namespace vanban::text::detail
