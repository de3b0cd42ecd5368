// Which encoding is this? Every candidate reading is decoded and judged by what a
// reader would judge it by: are the words Vietnamese, and is there debris (Latin-1
// letters Vietnamese does not use, stray symbols) left over?
#include "text/legacy.h"

#include "text/legacy_codecs.h"
#include "text/syllable.h"
#include "text/text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <vector>

namespace vanban::text {

namespace {

struct Reading {
    std::string label;                 // "Unicode as is", or an encoding's title
    std::optional<Encoding> encoding;  // nullopt for "as is"
    std::string text;
    int words = 0;   // words with a letter beyond ASCII
    int valid = 0;   // … of which read as Vietnamese syllables
    int debris = 0;  // non-ASCII characters that are neither Vietnamese letters nor usual punctuation
};

// Punctuation and spaces an office document in Unicode legitimately contains.
bool usual_symbol(char32_t c) {
    switch (c) {
        case 0xA0: case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201C: case 0x201D:
        case 0x2026: case 0x2022: case 0xB0: case 0xA7: case 0x2116: case 0xBA: case 0xAA:
            return true;
        default:
            return false;
    }
}

bool ascii_letter(char32_t c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

void judge(Reading& r) {
    const std::u32string text = to_u32(r.text);
    std::u32string word;
    bool non_ascii = false;
    const auto end_word = [&] {
        if (non_ascii) {
            ++r.words;
            // Abbreviations such as "QĐ", "LĐLĐ" are words too.
            const bool abbreviation = word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char32_t c) {
                return (c >= 'A' && c <= 'Z') || c == U'Đ';
            });
            if (abbreviation || is_vietnamese_syllable(to_utf8(word))) ++r.valid;
        }
        word.clear();
        non_ascii = false;
    };
    for (const char32_t c : text) {
        const bool letter = ascii_letter(c) || (c >= 0x80 && detail::split_letter(c).has_value());
        if (letter) {
            word += c;
            non_ascii = non_ascii || c >= 0x80;
            continue;
        }
        end_word();
        if (c >= 0x80 && !usual_symbol(c) && !u_isspace(static_cast<UChar32>(c))) ++r.debris;
    }
    end_word();
}

// Higher is better: words that read, less words that do not, less debris.
int score(const Reading& r) {
    return r.valid - 2 * (r.words - r.valid) - 2 * r.debris;
}

// Convincing: (nearly) every word reads and (nearly) nothing is left over.
bool convincing(const Reading& r) {
    return r.words > 0 && r.valid * 10 >= r.words * 9 && r.debris * 20 <= r.words;
}

std::string describe(const Reading& r) {
    std::string s = r.label + ": " + std::to_string(r.valid) + " of " + std::to_string(r.words) + " words Vietnamese";
    if (r.debris) s += ", " + std::to_string(r.debris) + " stray characters";
    return s;
}

}  // namespace

Detection detect_encoding(std::string_view data) {
    const bool utf8 = !find_invalid_utf8(data);
    const bool ascii = std::all_of(data.begin(), data.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::vector<Reading> readings;
    if (utf8) readings.push_back({"Unicode as is", std::nullopt, to_nfc(data)});
    for (const Encoding e : {Encoding::tcvn3, Encoding::vni, Encoding::cp1258, Encoding::viqr}) {
        if (ascii && e != Encoding::viqr) continue;  // 8-bit encodings change nothing in ASCII
        if (!ascii && e == Encoding::viqr) continue;  // VIQR is plain ASCII
        Reading r{encoding_title(e), e, decode_legacy(data, e)};
        // A reading identical to the text as it is changes nothing: not a candidate.
        if (utf8 && r.text == readings.front().text) continue;
        readings.push_back(std::move(r));
    }
    for (auto& r : readings) judge(r);
    std::stable_sort(readings.begin(), readings.end(), [](const Reading& a, const Reading& b) { return score(a) > score(b); });

    Detection d;
    std::string others;
    for (std::size_t i = 1; i < readings.size(); ++i) others += (others.empty() ? "" : "; ") + describe(readings[i]);
    const auto with_others = [&](std::string s) { return others.empty() ? s : s + " (" + others + ")"; };

    const Reading* best = readings.empty() ? nullptr : &readings.front();
    const Reading* second = readings.size() > 1 ? &readings[1] : nullptr;
    if (ascii && (!best || !best->encoding || !convincing(*best) || best->valid < 2)) {
        d.verdict = Detection::Verdict::ascii;
        d.summary = "plain ASCII: nothing to convert";
        return d;
    }
    if (best && !best->encoding && (convincing(*best) || (best->words == 0 && best->debris == 0))) {
        d.verdict = Detection::Verdict::unicode;
        d.summary = with_others("already Unicode: " + describe(*best));
        return d;
    }
    if (best && best->encoding && convincing(*best) && (!second || score(*second) < score(*best) - 1)) {
        d.verdict = Detection::Verdict::legacy;
        d.encoding = best->encoding;
        d.summary = with_others(describe(*best));
        return d;
    }
    d.verdict = Detection::Verdict::unsure;
    std::string all;
    for (const auto& r : readings) all += (all.empty() ? "" : "; ") + describe(r);
    d.summary = "cannot tell the encoding: " + (all.empty() ? std::string("no readable text") : all);
    return d;
}

}  // namespace vanban::text
