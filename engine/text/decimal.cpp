#include "text/decimal.h"

#include <unicode/numberformatter.h>

#include <array>

namespace vanban::text {

namespace {

bool plain_decimal(std::string_view s) {
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    if (i >= s.size()) return false;
    bool dot = false, digit = false;
    for (; i < s.size(); ++i) {
        if (s[i] == '.' && !dot) dot = true;
        else if (s[i] >= '0' && s[i] <= '9') digit = true;
        else return false;
    }
    return digit;
}

// One formatter per number of fraction digits, built once: ICU compiles a formatter on
// its first uses, which took 40% of a 10,000-row table's render when a new one was
// made for every cell (issue 18). Formatters are immutable and thread-safe.
const icu::number::LocalizedNumberFormatter& formatter(int fraction) {
    static const icu::number::UnlocalizedNumberFormatter base =
        icu::number::NumberFormatter::with().grouping(UNUM_GROUPING_ON_ALIGNED).roundingMode(UNUM_ROUND_UNNECESSARY);
    static const icu::Locale vi("vi");
    constexpr int kCached = 16;
    static const std::array<icu::number::LocalizedNumberFormatter, kCached> cached = [] {
        std::array<icu::number::LocalizedNumberFormatter, kCached> out;
        for (int i = 0; i < kCached; ++i) {
            out[static_cast<std::size_t>(i)] = base.precision(icu::number::Precision::fixedFraction(i)).locale(vi);
        }
        return out;
    }();
    if (fraction < kCached) return cached[static_cast<std::size_t>(fraction)];
    // Rare (16+ digits after the point): built for this call only.
    thread_local icu::number::LocalizedNumberFormatter rare;
    rare = base.precision(icu::number::Precision::fixedFraction(fraction)).locale(vi);
    return rare;
}

}  // namespace

std::string format_decimal_vi(std::string_view decimal) {
    if (!plain_decimal(decimal)) return std::string(decimal);
    // Keep the fraction digits exactly as written (trailing zeros too), as a clerk's table shows them.
    const auto dot = decimal.find('.');
    const int fraction = dot == std::string_view::npos ? 0 : static_cast<int>(decimal.size() - dot - 1);
    UErrorCode status = U_ZERO_ERROR;
    const auto formatted = formatter(fraction).formatDecimal(
        icu::StringPiece(decimal.data(), static_cast<int32_t>(decimal.size())), status);
    if (U_FAILURE(status)) return std::string(decimal);
    std::string out;
    formatted.toString(status).toUTF8String(out);
    return U_SUCCESS(status) ? out : std::string(decimal);
}

}  // namespace vanban::text
