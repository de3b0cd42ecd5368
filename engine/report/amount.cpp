#include "report/amount.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace vanban::report {

namespace {

// value × 10^by, or nullopt on overflow.
std::optional<std::int64_t> rescale(std::int64_t value, int by) {
    for (int i = 0; i < by; ++i) {
        if (__builtin_mul_overflow(value, 10, &value)) return std::nullopt;
    }
    return value;
}

}  // namespace

std::optional<Amount> Amount::parse(std::string_view s) {
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    const auto dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && frac.empty())) return std::nullopt;
    if (frac.size() > static_cast<std::size_t>(kMaxScale)) return std::nullopt;
    std::int64_t units = 0;
    for (std::string_view part : {whole, frac}) {
        for (char c : part) {
            if (c < '0' || c > '9') return std::nullopt;
            // Accumulate negatively so that INT64_MIN-sized values are not a special case.
            if (__builtin_mul_overflow(units, 10, &units) || __builtin_sub_overflow(units, c - '0', &units)) {
                return std::nullopt;
            }
        }
    }
    if (!neg) {
        if (units == INT64_MIN) return std::nullopt;
        units = -units;
    }
    return Amount(units, static_cast<int>(frac.size()));
}

Amount& Amount::operator+=(const Amount& other) {
    const int scale = std::max(scale_, other.scale_);
    const auto a = rescale(units_, scale - scale_);
    const auto b = rescale(other.units_, scale - other.scale_);
    std::int64_t sum = 0;
    if (!a || !b || __builtin_add_overflow(*a, *b, &sum)) throw std::overflow_error("sum too large");
    units_ = sum;
    scale_ = scale;
    return *this;
}

bool Amount::operator==(const Amount& other) const {
    const int scale = std::max(scale_, other.scale_);
    const auto a = rescale(units_, scale - scale_);
    const auto b = rescale(other.units_, scale - other.scale_);
    return a && b && *a == *b;
}

std::string Amount::to_string() const {
    // Digits of |units_|, least significant first, without negating INT64_MIN.
    std::string rev;
    std::int64_t v = units_;
    do {
        rev += static_cast<char>('0' + std::abs(v % 10));
        v /= 10;
    } while (v != 0);
    while (rev.size() <= static_cast<std::size_t>(scale_)) rev += '0';  // "0.05", not ".05"
    std::string out = units_ < 0 ? "-" : "";
    for (std::size_t i = rev.size(); i-- > 0;) {
        out += rev[i];
        if (i == static_cast<std::size_t>(scale_) && scale_ > 0) out += '.';
    }
    return out;
}

}  // namespace vanban::report
