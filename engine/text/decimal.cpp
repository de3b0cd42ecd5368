#include "text/decimal.h"

#include <unicode/numberformatter.h>

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

}  // namespace

std::string format_decimal_vi(std::string_view decimal) {
    if (!plain_decimal(decimal)) return std::string(decimal);
    // The formatter is immutable and thread-safe once built; keep the fraction digits
    // exactly as written (trailing zeros too), as a clerk's table shows them.
    const auto dot = decimal.find('.');
    const int fraction = dot == std::string_view::npos ? 0 : static_cast<int>(decimal.size() - dot - 1);
    static const icu::number::UnlocalizedNumberFormatter base =
        icu::number::NumberFormatter::with().grouping(UNUM_GROUPING_ON_ALIGNED).roundingMode(UNUM_ROUND_UNNECESSARY);
    static const icu::Locale vi("vi");
    UErrorCode status = U_ZERO_ERROR;
    const auto formatted = base.precision(icu::number::Precision::fixedFraction(fraction))
                               .locale(vi)
                               .formatDecimal(icu::StringPiece(decimal.data(), static_cast<int32_t>(decimal.size())),
                                              status);
    if (U_FAILURE(status)) return std::string(decimal);
    std::string out;
    formatted.toString(status).toUTF8String(out);
    return U_SUCCESS(status) ? out : std::string(decimal);
}

}  // namespace vanban::text
