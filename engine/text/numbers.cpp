// Vietnamese number formatting on ICU's number::LocalizedNumberFormatter, which is
// immutable and documented thread-safe, so one instance per process serves all.
#include "text/numbers.h"

#include "text/decimal.h"
#include "text/icu_util.h"

#include <unicode/numberformatter.h>

namespace vanban::text {

namespace nf = icu::number;

namespace {

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

const nf::LocalizedNumberFormatter& vi_numbers() {
    static const nf::LocalizedNumberFormatter f = nf::NumberFormatter::withLocale(detail::vi_locale());
    return f;
}

// Exactly the digits written: minMaxFraction(n, n) neither pads nor rounds them away.
std::string format_with(const nf::LocalizedNumberFormatter& base, const Decimal& d) {
    const auto digits_after = static_cast<int32_t>(d.fraction.size());
    const auto f = base.precision(nf::Precision::minMaxFraction(digits_after, digits_after));
    UErrorCode status = U_ZERO_ERROR;
    const std::string text = d.to_string();
    const auto formatted = f.formatDecimal(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
    auto out = formatted.toString(status);
    detail::check_icu(status, "number formatting failed");
    return detail::utf8(out);
}

}  // namespace

bool Decimal::is_zero() const {
    return integer == "0" && fraction_is_zero();
}

bool Decimal::fraction_is_zero() const {
    return fraction.find_first_not_of('0') == std::string::npos;
}

std::string Decimal::to_string() const {
    std::string out = negative ? "-" : "";
    out += integer;
    if (!fraction.empty()) out += "." + fraction;
    return out;
}

std::optional<Decimal> parse_decimal(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\n\r");
    if (first == std::string_view::npos) return std::nullopt;
    s = s.substr(first, s.find_last_not_of(" \t\n\r") - first + 1);
    Decimal d;
    if (s.front() == '-' || s.front() == '+') {
        d.negative = s.front() == '-';
        s.remove_prefix(1);
    }
    const auto dot = s.find('.');
    const auto int_part = s.substr(0, dot);
    if (!digits(int_part)) return std::nullopt;
    if (dot != std::string_view::npos) {
        const auto frac = s.substr(dot + 1);
        if (!digits(frac)) return std::nullopt;
        d.fraction = std::string(frac);
    }
    const auto significant = int_part.find_first_not_of('0');
    d.integer = significant == std::string_view::npos ? "0" : std::string(int_part.substr(significant));
    if (d.is_zero()) d.negative = false;
    return d;
}

std::string format_number(const Decimal& d) {
    // One formatter for tables and templates alike.
    return format_decimal_vi(d.to_string());
}

std::string format_percent(const Decimal& d) {
    // The percent *unit* prints the value as given; a percent *style* would multiply by 100.
    static const nf::LocalizedNumberFormatter percent = vi_numbers().unit(icu::NoUnit::percent());
    return format_with(percent, d);
}

std::string format_money(const Decimal& d) {
    return format_number(d) + " đồng";
}

}  // namespace vanban::text
