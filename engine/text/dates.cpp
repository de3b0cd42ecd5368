// NĐ 30 dates and document numbers.
#include "text/text.h"

#include <array>

namespace vanban::text {

namespace {

bool leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap(year) ? 1 : 0);
}

// std::isdigit would accept other digits under some C locales; the format is ASCII.
bool digits(std::string_view s) {
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int number(std::string_view s) {
    int v = 0;
    for (const char c : s) v = v * 10 + (c - '0');
    return v;
}

std::string two_digits(int v) {
    return (v < 10 ? "0" : "") + std::to_string(v);
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
    if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
    const Date date{number(y), number(m), number(d)};
    if (date.year < 1000 || date.month < 1 || date.month > 12) return std::nullopt;
    if (date.day < 1 || date.day > days_in(date.year, date.month)) return std::nullopt;
    return date;
}

std::string date_phrase(const Date& d) {
    const std::string month = d.month <= 2 ? two_digits(d.month) : std::to_string(d.month);
    return "ngày " + two_digits(d.day) + " tháng " + month + " năm " + std::to_string(d.year);
}

std::string date_line(std::string_view place, const std::optional<Date>& date, int gap_year) {
    std::string out(place);
    if (!out.empty()) out += ", ";
    if (date) return out + date_phrase(*date);
    return out + "ngày    tháng    năm " + std::to_string(gap_year);
}

std::string document_number(std::string_view number) {
    if (number.empty() || !digits(number)) return std::string(number);
    const auto first = number.find_first_not_of('0');
    const auto significant = first == std::string_view::npos ? std::string_view("0") : number.substr(first);
    return significant.size() == 1 ? "0" + std::string(significant) : std::string(significant);
}

}  // namespace vanban::text
