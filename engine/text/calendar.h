// Parts of Vietnamese dates beyond the NĐ 30 date line (text.h): months, quarters,
// days of the week.
#pragma once

#include "text/text.h"

#include <optional>
#include <string>
#include <string_view>

namespace vanban::text {

// "YYYY-MM-DD" (a real date) or "YYYY-MM"; the day is 0 for the second form.
std::optional<Date> parse_iso_date_or_month(std::string_view s);

// "tháng 3 năm 2026", "tháng 12 năm 2009". Months are not zero-padded: the NĐ 30
// padding of months 1–2 guards the issue date against a digit being added by hand,
// and a period such as "tháng 2 năm 2026" in running text is written plainly.
std::string month_phrase(int year, int month);

// 1–4 for months 1–12.
int quarter_of(int month);
// "Quý I năm 2026" … "Quý IV năm 2026" for `month` in that quarter.
std::string quarter_phrase(int year, int month);

// The day of the week of a real date: "Thứ Hai" … "Thứ Bảy", "Chủ nhật".
// Names come from ICU's "vi" calendar data; ICU writes "Chủ Nhật", which Vietnamese
// dictionaries and official usage write "Chủ nhật", so that one name is adjusted.
std::string weekday_name(const Date& d);

}  // namespace vanban::text
