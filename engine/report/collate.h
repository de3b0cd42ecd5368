// Vietnamese alphabetical order for unit names, and loose name matching.
#pragma once

#include <string>
#include <string_view>

namespace vanban::report {

// A byte string whose plain (memcmp) order is ICU's "vi" collation order of `name`:
// a ă â b c d đ e ê …, tone marks as a secondary key ("Bạc Liêu" < "Bắc Giang" <
// "Bắc Kạn", "Duyên Hải" < "Đà Nẵng"). NFC and NFD spellings give the same key.
// The collator is built once per process and cloned once per thread (ICU collators
// are not safe to share between threads), so this is cheap and thread-safe.
std::string vi_sort_key(std::string_view name);

// `name` folded for matching: no diacritics (đ → d), lower case, single spaces.
// "Liên đoàn Lao động tỉnh Thanh Hoá" and "… Thanh Hóa" fold the same, whatever the
// tone placement.
std::string fold(std::string_view name);

// Whether fold(haystack) contains fold(needle) as whole words.
bool names_match(std::string_view haystack, std::string_view needle);

}  // namespace vanban::report
