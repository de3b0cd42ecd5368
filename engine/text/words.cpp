// Spell-out on ICU's RuleBasedNumberFormat (URBNF_SPELLOUT, "vi").
#include "text/words.h"

#include "text/casing.h"
#include "text/icu_util.h"
#include "text/roman.h"

#include <unicode/fmtable.h>
#include <unicode/rbnf.h>

#include <cstdint>
#include <memory>
#include <stdexcept>

namespace vanban::text {

namespace {

constexpr std::uint64_t kBillion = 1'000'000'000;  // "tỷ"
constexpr std::size_t kMaxDigits = 18;             // ICU spells out below 10^18

icu::RuleBasedNumberFormat& spellout() {
    static const std::unique_ptr<const icu::RuleBasedNumberFormat> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;  // U_USING_DEFAULT_WARNING is expected and harmless
        auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, detail::vi_locale(), status);
        detail::check_icu(status, "cannot load ICU's Vietnamese spell-out rules");
        return std::unique_ptr<const icu::RuleBasedNumberFormat>(std::move(f));
    }();
    thread_local const std::unique_ptr<icu::RuleBasedNumberFormat> mine(prototype->clone());
    return *mine;
}

std::string spell(const icu::Formattable& value, const char* rule_set) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out;
    icu::FieldPosition pos;
    auto& f = spellout();
    f.setDefaultRuleSet(icu::UnicodeString(rule_set, -1, US_INV), status);
    detail::check_icu(status, "ICU has no Vietnamese spell-out rule set");
    f.format(value, out, pos, status);
    detail::check_icu(status, "spelling out a number failed");
    return detail::utf8(out);
}

std::string spell(std::uint64_t n) {
    return spell(icu::Formattable(static_cast<int64_t>(n)), "%spellout-numbering");
}

std::string strip_prefix(const std::string& s, const std::string& prefix) {
    if (s.rfind(prefix, 0) != 0) throw std::logic_error("unexpected ICU spell-out: " + s);
    return s.substr(prefix.size());
}

// "nghìn", "triệu" — the scale words as ICU writes them, read off "một nghìn" etc.
std::string scale_word(std::uint64_t power) {
    return strip_prefix(spell(power), spell(1) + " ");
}

// A group 1–999 after the leading one, read in full: 5 → "không trăm lẻ năm".
// ICU already reads a thousands group that way (1005 → "một nghìn không trăm lẻ
// năm"), so the group's reading is taken from 1000 + group.
std::string full_group(std::uint64_t g) {
    if (g >= 100) return spell(g);
    return strip_prefix(spell(1000 + g), spell(1000) + " ");
}

// Below one billion: the leading group as ICU reads it, then each non-zero group in full.
std::string formal_below_billion(std::uint64_t n, bool leading) {
    const std::uint64_t groups[] = {n / 1'000'000, n / 1000 % 1000, n % 1000};
    const std::uint64_t powers[] = {1'000'000, 1000, 1};
    std::string out;
    for (int i = 0; i < 3; ++i) {
        const auto g = groups[i];
        if (g == 0) continue;
        if (!out.empty()) out += ' ';
        out += leading ? spell(g) : full_group(g);
        if (powers[i] > 1) out += " " + scale_word(powers[i]);
        leading = false;
    }
    return out;
}

// Numbers from one billion up are read as "<how many> tỷ <rest>", the count itself
// read by the same rule (10^12 → "một nghìn tỷ", as ICU says it).
std::string formal(std::uint64_t n) {
    if (n < kBillion) return n == 0 ? spell(0) : formal_below_billion(n, true);
    std::string out = formal(n / kBillion) + " " + scale_word(kBillion);
    if (const auto rest = n % kBillion) out += " " + formal_below_billion(rest, false);
    return out;
}

std::uint64_t integer_value(const Decimal& d) {
    if (d.integer.size() > kMaxDigits) {
        throw std::out_of_range("the number " + d.to_string() + " is too large to read in words (at most 18 digits)");
    }
    return std::stoull(d.integer);
}

// The fraction digits as ICU reads them after "phẩy", trailing zeros dropped;
// "" when there is nothing to read.
std::string fraction_words(const Decimal& d) {
    const auto last = d.fraction.find_last_not_of('0');
    if (last == std::string::npos) return "";
    const std::string text = "0." + d.fraction.substr(0, last + 1);
    UErrorCode status = U_ZERO_ERROR;
    icu::Formattable f;
    f.setDecimalNumber(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
    detail::check_icu(status, "bad decimal number");
    // "không phẩy năm" → "phẩy năm"
    return strip_prefix(spell(f, "%spellout-numbering"), spell(0) + " ");
}

void replace_word(std::string& s, const std::string& from, const std::string& to) {
    std::size_t at = 0;
    while ((at = s.find(from, at)) != std::string::npos) {
        const bool starts = at == 0 || s[at - 1] == ' ';
        const bool ends = at + from.size() == s.size() || s[at + from.size()] == ' ';
        if (starts && ends) {
            s.replace(at, from.size(), to);
            at += to.size();
        } else {
            at += from.size();
        }
    }
}

std::string finish(std::string s, const WordsOptions& o) {
    if (!o.le) replace_word(s, "lẻ", "linh");
    if (o.ngan) replace_word(s, "nghìn", "ngàn");
    return o.capitalize ? capitalize_first_vi(s) : s;
}

std::string sign(const Decimal& d) {
    return d.negative ? "âm " : "";  // ICU's word too: -3 → "âm ba"
}

}  // namespace

std::string number_in_words(const Decimal& d, const WordsOptions& options) {
    integer_value(d);  // range check
    const std::string text = d.to_string();
    UErrorCode status = U_ZERO_ERROR;
    icu::Formattable f;
    f.setDecimalNumber(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
    detail::check_icu(status, "bad decimal number");
    return finish(spell(f, "%spellout-numbering"), options);
}

std::string formal_number_in_words(const Decimal& d, const WordsOptions& options) {
    std::string out = sign(d) + formal(integer_value(d));
    if (const auto frac = fraction_words(d); !frac.empty()) out += " " + frac;
    return finish(out, options);
}

std::string amount_in_words(const Decimal& d, const WordsOptions& options) {
    std::string out = formal_number_in_words(d, WordsOptions{options.le, options.ngan, false}) + " đồng";
    if (!d.is_zero() && d.fraction_is_zero()) out += " chẵn";
    return options.capitalize ? capitalize_first_vi(out) : out;
}

std::string amount_line(const Decimal& d, const WordsOptions& options) {
    return "Bằng chữ: " + amount_in_words(d, options) + "./.";
}

std::optional<std::string> ordinal_in_words(long long n, const WordsOptions& options) {
    if (n < 1) return std::nullopt;
    if (static_cast<unsigned long long>(n) >= 1'000'000'000'000'000'000ULL) {
        throw std::out_of_range("the number " + std::to_string(n) + " is too large to read in words (at most 18 digits)");
    }
    std::string out = spell(icu::Formattable(static_cast<int64_t>(n)), "%spellout-ordinal");
    if (n == 2) out = "thứ " + spell(2);
    return finish(out, options);
}

std::optional<std::string> ordinal_roman(long long n) {
    const auto r = roman_numeral(n);
    if (!r) return std::nullopt;
    return "thứ " + *r;
}

}  // namespace vanban::text
