#include "text/syllable.h"

#include "text/legacy_codecs.h"
#include "text/text.h"

#include <array>
#include <string>

namespace vanban::text {

namespace {

// Written out in the lower-case spelling without tone marks.
constexpr std::array<std::u32string_view, 27> kOnsets = {
    U"ngh", U"ng", U"nh", U"ch", U"gh", U"gi", U"kh", U"ph", U"qu", U"th", U"tr",
    U"b", U"c", U"d", U"đ", U"g", U"h", U"k", U"l", U"m", U"n", U"p", U"r", U"s", U"t", U"v", U"x",
};

constexpr std::array<std::u32string_view, 9> kCodas = {
    U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t",
};

// Vowel nuclei, glides included.
constexpr std::array<std::u32string_view, 57> kNuclei = {
    U"a", U"ă", U"â", U"e", U"ê", U"i", U"o", U"ô", U"ơ", U"u", U"ư", U"y",
    U"ai", U"ao", U"au", U"ay", U"âu", U"ây", U"eo", U"êu", U"ia", U"iê", U"iu",
    U"oa", U"oă", U"oe", U"oi", U"ôi", U"ơi", U"oo", U"ua", U"uâ", U"uê", U"ui",
    U"uô", U"uơ", U"uy", U"ưa", U"ưi", U"ươ", U"ưu", U"yê", U"ôô",
    U"iêu", U"yêu", U"oai", U"oay", U"oao", U"oeo", U"uây", U"uôi", U"uya", U"uyê",
    U"uyu", U"ươi", U"ươu", U"uêu",
};

template <std::size_t N>
bool contains(const std::array<std::u32string_view, N>& set, std::u32string_view s) {
    for (const auto& x : set) {
        if (x == s) return true;
    }
    return false;
}

bool has_nucleus_and_coda(std::u32string_view rest) {
    for (const auto& coda : kCodas) {
        if (coda.size() >= rest.size() || !rest.ends_with(coda)) continue;
        if (contains(kNuclei, rest.substr(0, rest.size() - coda.size()))) return true;
    }
    return false;
}

}  // namespace

bool is_vietnamese_syllable(std::string_view word) {
    // Lower-case, take the tone off every letter and count the tones.
    std::u32string bare;
    int tones = 0;
    for (const char32_t c : to_u32(lower_vi(word))) {
        const auto parts = detail::split_letter(c);
        if (!parts) return false;
        if (parts->tone) ++tones;
        if (parts->quality) {
            bare += to_u32(to_nfc(to_utf8(std::u32string{parts->base, parts->quality})));
        } else {
            bare += parts->base;
        }
    }
    if (bare.empty() || tones > 1) return false;
    if (has_nucleus_and_coda(bare)) return true;
    for (const auto& onset : kOnsets) {
        if (bare.starts_with(onset) && has_nucleus_and_coda(std::u32string_view(bare).substr(onset.size()))) return true;
    }
    return false;
}

}  // namespace vanban::text
