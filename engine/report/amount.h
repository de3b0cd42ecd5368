// Exact decimal amounts for report figures: an integer count of 10^-scale units.
//
// Figures arrive as the digits a unit wrote ("1520.75"); summing them in binary
// floating point would print 0.30000000000000004 for 0.1 + 0.2 on a national report,
// so every figure is kept as int64 units at a decimal scale instead. A scale of at most
// 9 digits and |value| < 9.2e18 units cover every count and amount a form asks for;
// anything larger is refused rather than rounded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vanban::report {

class Amount {
public:
    static constexpr int kMaxScale = 9;

    Amount() = default;

    // "-12.50", "+3", "1520.75", "0": optional sign, digits, optional '.' and digits.
    // nullopt for anything else (exponents, grouping, commas, empty) and for values
    // that do not fit (more than kMaxScale fraction digits, or too many digits).
    static std::optional<Amount> parse(std::string_view s);

    // Exact sum; the result keeps the larger scale ("0.10" + "0.2" = "0.30").
    // Throws std::overflow_error when the sum does not fit.
    Amount& operator+=(const Amount& other);
    friend Amount operator+(Amount a, const Amount& b) { return a += b; }

    // Equal values compare equal whatever their scale ("0.3" == "0.30").
    bool operator==(const Amount& other) const;

    bool negative() const { return units_ < 0; }
    int scale() const { return scale_; }  // fraction digits; 0 for a whole number

    // Canonical ASCII with exactly scale() fraction digits: "-1234567.50", "0.3".
    std::string to_string() const;

private:
    Amount(std::int64_t units, int scale) : units_(units), scale_(scale) {}
    std::int64_t units_ = 0;  // value × 10^scale_
    int scale_ = 0;
};

}  // namespace vanban::report
