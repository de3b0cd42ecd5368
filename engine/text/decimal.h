// Exact decimal numbers printed the Vietnamese way, on ICU.
#pragma once

#include <string>
#include <string_view>

namespace vanban::text {

// "1234567.5" → "1.234.567,5", "-1200" → "-1.200", "0.10" → "0,10" (the digits the user
// wrote are kept: no binary float is involved). Precondition: a plain decimal
// (optional '-', digits, optional '.' and digits); anything else is returned unchanged.
std::string format_decimal_vi(std::string_view decimal);

}  // namespace vanban::text
