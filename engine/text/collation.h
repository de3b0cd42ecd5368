// Vietnamese alphabetical order and accent-insensitive matching, on ICU collation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// ICU's "vi" collator: a ă â b c d đ e ê … o ô ơ … u ư …, tones ordered after the
// letters ("Bạc Liêu" < "Bắc Ninh" < "Cà Mau" < "Cao Bằng" < "Cần Thơ" < "Đà Nẵng").
// NFC and NFD spellings compare equal. Negative, zero or positive like strcmp.
int compare_vi(std::string_view a, std::string_view b);

// Stable sort in that order (equal items keep their order).
void sort_vi(std::vector<std::string>& items);

// Equal ignoring case and every diacritic, đ included: "ha noi" == "Hà Nội",
// "dak lak" == "Đắk Lắk". The root collator at PRIMARY strength (the "vi" one would
// keep ă/â/đ… apart: they are separate letters of its alphabet).
bool equal_folded(std::string_view a, std::string_view b);

// A key for search indexes and file names: ASCII, lower case, whitespace runs as one
// space, trimmed: "  Hà   Nội " → "ha noi", "Đắk Lắk" → "dak lak", "“Quý”" → "\"quy\"".
// ICU's Latin-ASCII transliterator (which maps đ→d and typographic quotes/dashes to
// ASCII) followed by lower-casing.
std::string search_key(std::string_view s);

// Whether `needle` occurs in `haystack` under search_key: contains_folded("Ủy ban
// nhân dân Hà Nội", "ha noi") is true. An empty needle is always found.
bool contains_folded(std::string_view haystack, std::string_view needle);

}  // namespace vanban::text
