// Numbers written the Vietnamese way: "1.234.567", "1.234.567,5", "12,5%",
// "1.250.000 đồng". Amounts arrive as decimal text (JSON keeps what the user wrote,
// "1234567.50"); they are never turned into binary floating point, so no digit is
// invented or lost on the way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::text {

// A decimal number as written: sign, integer digits, fraction digits.
struct Decimal {
    bool negative = false;   // never set for zero ("-0" is zero)
    std::string integer;     // ASCII digits without leading zeros; "0" for zero
    std::string fraction;    // ASCII digits as written, trailing zeros kept ("50")
    bool operator==(const Decimal&) const = default;

    bool is_zero() const;             // 0, 0.00
    bool fraction_is_zero() const;    // no fraction, or only zeros
    std::string to_string() const;    // "-1234567.50" (canonical ASCII)
};

// Accepts what a JSON number or a digit string holds, with spaces around:
// "1234567", "-12.5", "+3", "0.50", "1250000.00". A single '.' is the decimal point
// (JSON's reading). Refused (nullopt): exponents ("1e3"), grouping ("1.234.567",
// "1 234") and decimal commas ("1,5") — each has another reading, and guessing wrong
// misstates an amount.
std::optional<Decimal> parse_decimal(std::string_view s);

// "1.234.567" / "1.234.567,5" / "-1.234.567,50": ICU's "vi" number format (grouping
// ".", decimal ","), with exactly the fraction digits written.
std::string format_number(const Decimal& d);

// The value is the percentage itself: 12.5 → "12,5%" (ICU's "vi" percent sign,
// no space).
std::string format_percent(const Decimal& d);

// "1.250.000 đồng" — official documents write the unit as a word, not "₫"/"VNĐ".
// A plain space separates them.
std::string format_money(const Decimal& d);

}  // namespace vanban::text
