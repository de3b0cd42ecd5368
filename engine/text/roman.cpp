#include "text/roman.h"

#include "text/icu_util.h"

#include <unicode/numfmt.h>

#include <memory>

namespace vanban::text {

namespace {

icu::NumberFormat& roman_format() {
    static const std::unique_ptr<const icu::NumberFormat> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::NumberFormat> f(icu::NumberFormat::createInstance(icu::Locale("vi@numbers=roman"), status));
        detail::check_icu(status, "cannot create the Roman numeral formatter");
        return std::unique_ptr<const icu::NumberFormat>(std::move(f));
    }();
    thread_local const std::unique_ptr<icu::NumberFormat> mine(prototype->clone());
    return *mine;
}

}  // namespace

std::optional<std::string> roman_numeral(long long n) {
    if (n < 1 || n > 3999) return std::nullopt;
    icu::UnicodeString out;
    roman_format().format(static_cast<int32_t>(n), out);
    return detail::utf8(out);
}

}  // namespace vanban::text
