// Roman numerals for section headings ("I.", "II." … in NĐ 30 documents), quarters
// ("Quý IV") and ordinals ("lần thứ XIII").
#pragma once

#include <optional>
#include <string>

namespace vanban::text {

// 1 → "I", 4 → "IV", 14 → "XIV", 2026 → "MMXXVI", 3999 → "MMMCMXCIX" (ASCII capitals),
// from ICU's algorithmic "roman" numbering system. Roman numerals have no zero or
// negatives, and ICU switches to archaic symbols (ↁ) from 4000: nullopt outside 1–3999.
std::optional<std::string> roman_numeral(long long n);

}  // namespace vanban::text
