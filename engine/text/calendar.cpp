// Months, quarters and weekdays. Weekday names are ICU's (DateFormatSymbols "vi");
// the day of the week itself is plain calendar arithmetic (std::chrono).
#include "text/calendar.h"

#include "text/icu_util.h"
#include "text/roman.h"

#include <unicode/dtfmtsym.h>

#include <array>
#include <chrono>

namespace vanban::text {

namespace {

// Index 0 = Sunday, as std::chrono::weekday::c_encoding() counts.
const std::array<std::string, 7>& weekday_names() {
    static const std::array<std::string, 7> names = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::DateFormatSymbols symbols(detail::vi_locale(), status);
        detail::check_icu(status, "cannot load Vietnamese calendar names");
        int32_t count = 0;
        // ICU's array is indexed by UCAL_SUNDAY (1) … UCAL_SATURDAY (7); entry 0 is empty.
        const icu::UnicodeString* days =
            symbols.getWeekdays(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
        if (count < 8) throw std::runtime_error("ICU has no Vietnamese weekday names");
        std::array<std::string, 7> out;
        for (int i = 0; i < 7; ++i) out[static_cast<std::size_t>(i)] = detail::utf8(days[i + 1]);
        if (out[0] == "Chủ Nhật") out[0] = "Chủ nhật";
        return out;
    }();
    return names;
}

}  // namespace

std::optional<Date> parse_iso_date_or_month(std::string_view s) {
    if (s.size() == 10) return parse_iso_date(s);
    if (s.size() != 7) return std::nullopt;
    // Borrow the full-date parser for the digit and range checks: day 01 always exists.
    auto d = parse_iso_date(std::string(s) + "-01");
    if (d) d->day = 0;
    return d;
}

std::string month_phrase(int year, int month) {
    return "tháng " + std::to_string(month) + " năm " + std::to_string(year);
}

int quarter_of(int month) {
    return (month - 1) / 3 + 1;
}

std::string quarter_phrase(int year, int month) {
    return "Quý " + roman_numeral(quarter_of(month)).value_or("?") + " năm " + std::to_string(year);
}

std::string weekday_name(const Date& d) {
    using namespace std::chrono;
    const year_month_day ymd{year{d.year}, month{static_cast<unsigned>(d.month)}, day{static_cast<unsigned>(d.day)}};
    const weekday wd{sys_days{ymd}};
    return weekday_names()[wd.c_encoding()];
}

}  // namespace vanban::text
