// Title case and sentence case with Vietnamese rules (upper_vi/lower_vi are in text.h).
#pragma once

#include <string>
#include <string_view>

namespace vanban::text {

// Every word starts with a capital and the rest of it is lower-cased, words as ICU's
// word BreakIterator for "vi" finds them: "ỦY BAN NHÂN DÂN tỉnh hà nội" →
// "Ủy Ban Nhân Dân Tỉnh Hà Nội". Abbreviations are lower-cased too ("UBND" → "Ubnd"):
// title case is for names typed in the wrong case, not for mixed text.
// Output NFC whatever the input's form.
std::string title_vi(std::string_view s);

// Only the first letter of the string is upper-cased; nothing else changes:
// "một triệu đồng" → "Một triệu đồng", "đắk Lắk" → "Đắk Lắk". Output NFC.
std::string capitalize_first_vi(std::string_view s);

}  // namespace vanban::text
